#include "search/facets.h"

#include <algorithm>

#include "analysis/term_scheme.h"

namespace himoya {

const std::vector<FacetSpec>& facet_specs() {
    using namespace terms;
    static const std::vector<FacetSpec> specs{
        {"jurisdiction", kSlotJurisdiction, false, std::string(kJurisdiction)},
        {"lang", kSlotLanguage, false, std::string(kLanguage)},
        {"type", kSlotType, false, std::string(kType)},
        {"year", kSlotYear, false, std::string(kYear)},
        {"topic", kSlotTopics, true, std::string(kTopic)},
        {"body", kSlotBody, false, std::string(kBody)},
        {"audience", kSlotAudience, true, std::string(kAudience)},
    };
    return specs;
}

const FacetSpec* find_facet(const std::string& name) {
    for (const auto& f : facet_specs())
        if (f.name == name) return &f;
    return nullptr;
}

void FacetSpy::operator()(const Xapian::Document& doc, double) {
    for (const FacetSpec* facet : facets_) {
        std::string value = doc.get_value(facet->slot);
        if (value.empty()) continue;
        auto& counts = counts_[facet->name];
        if (!facet->multi_valued) {
            ++counts[value];
            continue;
        }
        size_t start = 0;
        while (start <= value.size()) {
            size_t end = value.find(terms::kMultiValueSeparator, start);
            if (end == std::string::npos) end = value.size();
            if (end > start) ++counts[value.substr(start, end - start)];
            start = end + 1;
        }
    }
}

std::vector<FacetCount> FacetSpy::counts(const std::string& facet) const {
    std::vector<FacetCount> out;
    auto it = counts_.find(facet);
    if (it != counts_.end())
        for (const auto& [value, count] : it->second) out.push_back({value, count});
    bool by_value = facet == "year";
    std::stable_sort(out.begin(), out.end(), [by_value](const FacetCount& a, const FacetCount& b) {
        if (by_value) return a.value > b.value;
        if (a.count != b.count) return a.count > b.count;
        return a.value < b.value;
    });
    return out;
}

Xapian::Query facet_filter(const FacetSpec& facet, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> terms_for_values;
    for (const auto& v : values) terms_for_values.emplace_back(terms::boolean_term(facet.term_prefix, v));
    if (terms_for_values.empty()) return {};
    return Xapian::Query(Xapian::Query::OP_OR, terms_for_values.begin(), terms_for_values.end());
}

}  // namespace himoya
