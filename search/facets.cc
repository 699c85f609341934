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

FacetSpy::FacetSpy(std::vector<const FacetSpec*> facets) : facets_(std::move(facets)) {
    for (const FacetSpec* f : facets_) spies_.push_back(std::make_unique<Xapian::ValueCountMatchSpy>(f->slot));
}

void FacetSpy::attach(Xapian::Enquire& enquire) {
    for (auto& spy : spies_) enquire.add_matchspy(spy.get());
}

std::vector<FacetCount> FacetSpy::counts(const std::string& facet) const {
    std::map<std::string, long> counts;
    for (size_t i = 0; i < facets_.size(); ++i) {
        if (facets_[i]->name != facet) continue;
        const auto& spy = *spies_[i];
        for (auto v = spy.values_begin(); v != spy.values_end(); ++v) {
            const std::string value = *v;
            const long n = static_cast<long>(v.get_termfreq());
            if (value.empty()) continue;
            if (!facets_[i]->multi_valued) {
                counts[value] += n;
                continue;
            }
            size_t start = 0;
            while (start <= value.size()) {
                size_t end = value.find(terms::kMultiValueSeparator, start);
                if (end == std::string::npos) end = value.size();
                if (end > start) counts[value.substr(start, end - start)] += n;
                start = end + 1;
            }
        }
    }
    std::vector<FacetCount> out;
    for (const auto& [value, count] : counts) out.push_back({value, count});
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
