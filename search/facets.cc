#include "search/facets.h"

#include <algorithm>
#include <string_view>

#include "analysis/facet_table.h"
#include "analysis/term_scheme.h"

namespace himoya {

const std::vector<FacetSpec>& facet_specs() {
    // The facets of analysis/facet_table.h, in its order.
    static const std::vector<FacetSpec> specs = [] {
        std::vector<FacetSpec> out;
        for (const terms::FacetEntry& f : terms::kFacetTable)
            out.push_back({std::string(f.name), f.slot, f.multi_valued, std::string(f.prefix), f.key_field});
        return out;
    }();
    return specs;
}

const FacetSpec* find_facet(const std::string& name) {
    for (const auto& f : facet_specs())
        if (f.name == name) return &f;
    return nullptr;
}

FacetSpy::FacetSpy(std::vector<const FacetSpec*> facets, bool per_text, std::shared_ptr<const FacetColumns> columns)
    : facets_(std::move(facets)) {
    if (per_text || columns) {
        text_counter_ = std::make_unique<TextFacetCounter>(std::move(columns), per_text);
        return;
    }
    for (const FacetSpec* f : facets_) {
        if (f->key_field >= 0) {
            if (!key_spy_) key_spy_ = std::make_unique<Xapian::ValueCountMatchSpy>(terms::kSlotFacetKey);
        } else if (!slot_spies_.count(f->slot)) {
            slot_spies_[f->slot] = std::make_unique<Xapian::ValueCountMatchSpy>(f->slot);
        }
    }
}

void FacetSpy::attach(Xapian::Enquire& enquire) {
    if (text_counter_) enquire.add_matchspy(text_counter_.get());
    if (key_spy_) enquire.add_matchspy(key_spy_.get());
    for (auto& [slot, spy] : slot_spies_) enquire.add_matchspy(spy.get());
}

namespace {

// Adds `n` to each value of `field` (one value, or several joined when multi-valued).
void add_field(std::map<std::string, long>& counts, std::string_view field, long n, bool multi_valued) {
    if (!multi_valued) {
        if (!field.empty()) counts[std::string(field)] += n;
        return;
    }
    size_t start = 0;
    while (start <= field.size()) {
        size_t end = field.find(terms::kMultiValueSeparator, start);
        if (end == std::string_view::npos) end = field.size();
        if (end > start) counts[std::string(field.substr(start, end - start))] += n;
        start = end + 1;
    }
}

// Field `index` of a kSlotFacetKey value ("" if the value has fewer fields).
std::string_view key_field(std::string_view key, int index) {
    for (int i = 0; i < index; ++i) {
        size_t sep = key.find(terms::kFacetKeySeparator);
        if (sep == std::string_view::npos) return {};
        key.remove_prefix(sep + 1);
    }
    return key.substr(0, key.find(terms::kFacetKeySeparator));
}

}  // namespace

TextFacetCounter::TextFacetCounter(std::shared_ptr<const FacetColumns> columns, bool per_text)
    : columns_(std::move(columns)), per_text_(per_text || !columns_) {
    if (!columns_) return;
    key_texts_.assign(columns_->key_values().size() + 1, 0);
    key_versions_.assign(columns_->key_values().size() + 1, 0);
    topic_texts_.assign(columns_->topic_values().size() + 1, 0);
    if (per_text_) seen_.assign(columns_->text_count(), false);
}

void TextFacetCounter::operator()(const Xapian::Document& doc, double) {
    if (!columns_) {
        const std::string key = doc.get_value(terms::kSlotFacetKey);
        ++key_version_values_[key];
        const std::string text = doc.get_value(terms::kSlotVersionKey);
        if (!text.empty() && !seen_values_.insert(text).second) return;
        ++key_text_values_[key];
        ++topic_text_values_[doc.get_value(terms::kSlotTopics)];
        return;
    }
    count(doc.get_docid());
}

void TextFacetCounter::count(Xapian::docid did) {
    // A record without a value is counted in the last entry (the value "").
    auto index = [](uint32_t code, const std::vector<long>& counts) {
        return code == FacetColumns::kNone ? counts.size() - 1 : code;
    };
    const size_t key = index(columns_->key(did), key_versions_);
    ++key_versions_[key];
    const uint32_t text = per_text_ ? columns_->text(did) : FacetColumns::kNone;
    if (text != FacetColumns::kNone) {  // a record without a text key is a text of its own
        if (seen_[text]) return;
        seen_[text] = true;
    }
    ++key_texts_[key];
    ++topic_texts_[index(columns_->topics(did), topic_texts_)];
}

namespace {

std::map<std::string, long> by_value(const std::vector<long>& counts, const std::vector<std::string>& values) {
    std::map<std::string, long> out;
    for (size_t code = 0; code < counts.size(); ++code)
        if (counts[code]) out[code < values.size() ? values[code] : std::string()] += counts[code];
    return out;
}

}  // namespace

std::map<std::string, long> TextFacetCounter::field_counts(size_t field, bool versions) const {
    const std::vector<long>& by_key = versions ? key_versions_ : key_texts_;
    const std::vector<std::string>& values = columns_->key_field_values(field);
    std::vector<long> by_value(values.size(), 0);
    for (size_t key = 0; key + 1 < by_key.size(); ++key) {  // the last entry: records without a key
        if (!by_key[key]) continue;
        const uint32_t v = columns_->key_field(static_cast<uint32_t>(key), field);
        if (v != FacetColumns::kNone) by_value[v] += by_key[key];
    }
    std::map<std::string, long> out;
    for (size_t v = 0; v < values.size(); ++v)
        if (by_value[v]) out.emplace(values[v], by_value[v]);
    return out;
}

std::map<std::string, long> TextFacetCounter::concept_counts() const {
    const std::vector<std::string>& values = columns_->topic_part_values();
    std::vector<long> by_concept(values.size(), 0);
    for (size_t code = 0; code + 1 < topic_texts_.size(); ++code) {
        if (!topic_texts_[code]) continue;
        for (uint32_t part : columns_->topic_parts(static_cast<uint32_t>(code))) by_concept[part] += topic_texts_[code];
    }
    std::map<std::string, long> out;
    for (size_t v = 0; v < values.size(); ++v)
        if (by_concept[v]) out.emplace(values[v], by_concept[v]);
    return out;
}

const std::map<std::string, long>& TextFacetCounter::keys() const {
    if (!keys_) keys_ = columns_ ? by_value(key_texts_, columns_->key_values()) : key_text_values_;
    return *keys_;
}

const std::map<std::string, long>& TextFacetCounter::topics() const {
    if (!topics_) topics_ = columns_ ? by_value(topic_texts_, columns_->topic_values()) : topic_text_values_;
    return *topics_;
}

const std::map<std::string, long>& TextFacetCounter::languages() const {
    if (languages_) return *languages_;
    std::map<std::string, long> out;
    for (const auto& [key, n] : columns_ ? by_value(key_versions_, columns_->key_values()) : key_version_values_)
        out[std::string(key_field(key, terms::kKeyLanguage))] += n;
    languages_ = std::move(out);
    return *languages_;
}

std::vector<FacetCount> FacetSpy::counts(const std::string& facet) const {
    std::map<std::string, long> counts;
    const FacetSpec* f = nullptr;
    for (const FacetSpec* candidate : facets_)
        if (candidate->name == facet) f = candidate;
    if (f && text_counter_ && text_counter_->has_columns() && (f->key_field >= 0 || f->multi_valued)) {
        // From the columns' per-field codes: summed by code, strings only for the values found.
        if (f->key_field >= 0) {
            const bool versions = f->key_field == terms::kKeyLanguage;  // languages count versions
            for (const auto& [value, n] : text_counter_->field_counts(static_cast<size_t>(f->key_field), versions))
                if (versions) counts[value] += n;
                else add_field(counts, value, n, f->multi_valued);
        } else {
            counts = text_counter_->concept_counts();
        }
    } else if (f && text_counter_) {
        if (f->key_field == terms::kKeyLanguage) {
            counts = text_counter_->languages();
            counts.erase("");
        } else if (f->key_field >= 0) {
            for (const auto& [key, n] : text_counter_->keys()) add_field(counts, key_field(key, f->key_field), n, f->multi_valued);
        } else {
            for (const auto& [value, n] : text_counter_->topics()) add_field(counts, value, n, f->multi_valued);
        }
    } else if (f && f->key_field >= 0 && key_spy_) {
        for (auto v = key_spy_->values_begin(); v != key_spy_->values_end(); ++v) {
            const std::string key = *v;
            add_field(counts, key_field(key, f->key_field), static_cast<long>(v.get_termfreq()), f->multi_valued);
        }
    } else if (f && f->key_field < 0) {
        auto spy = slot_spies_.find(f->slot);
        if (spy != slot_spies_.end())
            for (auto v = spy->second->values_begin(); v != spy->second->values_end(); ++v)
                add_field(counts, *v, static_cast<long>(v.get_termfreq()), f->multi_valued);
    }
    std::vector<FacetCount> out;
    for (const auto& [value, count] : counts) out.push_back({value, count, ""});
    sort_facet_counts(facet, out);
    return out;
}

void sort_facet_counts(const std::string& facet, std::vector<FacetCount>& counts) {
    const bool by_value = facet == "year";
    std::stable_sort(counts.begin(), counts.end(), [by_value](const FacetCount& a, const FacetCount& b) {
        if (by_value) return a.value > b.value;
        if (a.count != b.count) return a.count > b.count;
        return a.value < b.value;
    });
}

Xapian::Query facet_filter(const FacetSpec& facet, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> terms_for_values;
    for (const auto& v : values) terms_for_values.emplace_back(terms::boolean_term(facet.term_prefix, v));
    if (terms_for_values.empty()) return {};
    return Xapian::Query(Xapian::Query::OP_OR, terms_for_values.begin(), terms_for_values.end());
}

}  // namespace himoya
