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
