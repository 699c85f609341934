#include "search/facet_columns.h"

#include <deque>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "analysis/term_scheme.h"
#include "search/database_state.h"

namespace himoya {
namespace {

// Reads one value slot into `column` (by docid), interning its values in
// `values`; with `only_size`, a value of another size is left out.
void read_column(const Xapian::Database& db, Xapian::valueno slot, std::vector<uint32_t>& column,
                 std::vector<std::string>* values, size_t& distinct, size_t only_size = 0) {
    column.assign(static_cast<size_t>(db.get_lastdocid()) + 1, FacetColumns::kNone);
    std::unordered_map<std::string, uint32_t> codes;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        std::string value = *it;
        if (only_size && value.size() != only_size) continue;
        auto [found, added] = codes.emplace(std::move(value), static_cast<uint32_t>(codes.size()));
        if (added && values) values->push_back(found->first);
        const Xapian::docid did = it.get_docid();
        if (did < column.size()) column[did] = found->second;
    }
    distinct = codes.size();
}

}  // namespace

FacetColumns::FacetColumns(const Xapian::Database& db) {
    size_t distinct = 0;
    std::vector<std::string> text_keys;
    read_column(db, terms::kSlotVersionKey, texts_, &text_keys, text_count_, terms::kVersionKeyBytes);
    text_keys_.reserve(text_keys.size() * kKeyBytes);
    for (const std::string& key : text_keys) text_keys_ += key;
    read_column(db, terms::kSlotFacetKey, keys_, &key_values_, distinct);
    read_column(db, terms::kSlotTopics, topics_, &topic_values_, distinct);
    // Each key's fields, interned per field.
    std::vector<std::unordered_map<std::string, uint32_t>> field_codes;
    for (uint32_t key = 0; key < key_values_.size(); ++key) {
        std::string_view rest = key_values_[key];
        for (size_t field = 0;; ++field) {
            const size_t sep = rest.find(terms::kFacetKeySeparator);
            const std::string_view value = rest.substr(0, sep);
            if (field >= key_fields_.size()) {
                key_fields_.emplace_back(key_values_.size(), kNone);
                key_field_values_.emplace_back();
                field_codes.emplace_back();
            }
            if (!value.empty()) {
                auto [found, added] =
                    field_codes[field].emplace(std::string(value), static_cast<uint32_t>(field_codes[field].size()));
                if (added) key_field_values_[field].push_back(found->first);
                key_fields_[field][key] = found->second;
            }
            if (sep == std::string_view::npos) break;
            rest.remove_prefix(sep + 1);
        }
    }
    // Each topics value's concepts.
    std::unordered_map<std::string, uint32_t> part_codes;
    topic_parts_.resize(topic_values_.size());
    for (uint32_t code = 0; code < topic_values_.size(); ++code) {
        std::string_view rest = topic_values_[code];
        while (!rest.empty()) {
            const size_t sep = rest.find(terms::kMultiValueSeparator);
            const std::string_view part = rest.substr(0, sep);
            if (!part.empty()) {
                auto [found, added] = part_codes.emplace(std::string(part), static_cast<uint32_t>(part_codes.size()));
                if (added) topic_part_values_.push_back(found->first);
                topic_parts_[code].push_back(found->second);
            }
            if (sep == std::string_view::npos) break;
            rest.remove_prefix(sep + 1);
        }
    }
}

std::shared_ptr<const FacetColumns> FacetColumns::of(const Xapian::Database& db) {
    struct Tag {};
    return shared_per_state<Tag, FacetColumns>(db, [&]() -> std::shared_ptr<const FacetColumns> {
        try {
            return std::make_shared<const FacetColumns>(db);
        } catch (const Xapian::UnimplementedError&) {
            return nullptr;  // a remote shard: its value streams cannot be read from here
        }
    });
}

}  // namespace himoya
