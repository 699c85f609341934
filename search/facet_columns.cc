#include "search/facet_columns.h"

#include <cstring>
#include <deque>
#include <mutex>
#include <unordered_map>
#include <utility>

#include "analysis/term_scheme.h"
#include "search/database_state.h"

namespace himoya {
namespace {

// Reads one value slot into `column` (by docid), interning its values in
// `values`. Records of one document follow each other and mostly share
// their facet key and topics: a value equal to the one before takes its code
// without hashing.
void read_column(const Xapian::Database& db, Xapian::valueno slot, std::vector<uint32_t>& column,
                 std::vector<std::string>& values) {
    column.assign(static_cast<size_t>(db.get_lastdocid()) + 1, FacetColumns::kNone);
    std::unordered_map<std::string, uint32_t> codes;
    std::string last;
    uint32_t last_code = FacetColumns::kNone;
    for (auto it = db.valuestream_begin(slot); it != db.valuestream_end(slot); ++it) {
        std::string value = *it;
        if (last_code == FacetColumns::kNone || value != last) {
            auto [found, added] = codes.emplace(value, static_cast<uint32_t>(codes.size()));
            if (added) values.push_back(value);
            last_code = found->second;
            last = std::move(value);
        }
        const Xapian::docid did = it.get_docid();
        if (did < column.size()) column[did] = last_code;
    }
}

// Reads the version keys (terms::kVersionKeyBytes each; a value of another
// length, from an older index, is left out) into `column`, their distinct
// keys into `keys` in code order. Nearly every record is a text of its own
// (1M codes at 1M records), so the keys are interned in an open-addressing
// table of fixed-size entries: a node-based map spent more than half of the
// load hashing and allocating. A key begins with a hash already (FNV-1a of
// its version group, terms::version_key), so its first 8 bytes are the
// table's hash. At most one key per record: a table of twice the records
// is never more than half full.
size_t read_version_keys(const Xapian::Database& db, std::vector<uint32_t>& column, std::string& keys) {
    constexpr size_t kBytes = terms::kVersionKeyBytes;
    column.assign(static_cast<size_t>(db.get_lastdocid()) + 1, FacetColumns::kNone);
    size_t capacity = 1024;
    while (capacity < 2 * static_cast<size_t>(db.get_doccount())) capacity *= 2;
    std::vector<uint32_t> table(capacity, FacetColumns::kNone);  // slot → code
    size_t count = 0;
    for (auto it = db.valuestream_begin(terms::kSlotVersionKey); it != db.valuestream_end(terms::kSlotVersionKey);
         ++it) {
        const std::string value = *it;
        if (value.size() != kBytes) continue;
        uint64_t hash;
        std::memcpy(&hash, value.data(), sizeof hash);
        size_t i = hash & (capacity - 1);
        uint32_t code;
        for (;;) {
            code = table[i];
            if (code == FacetColumns::kNone) {
                code = static_cast<uint32_t>(count++);
                table[i] = code;
                keys += value;
                break;
            }
            if (std::string_view(keys).substr(static_cast<size_t>(code) * kBytes, kBytes) == value) break;
            i = (i + 1) & (capacity - 1);
        }
        const Xapian::docid did = it.get_docid();
        if (did < column.size()) column[did] = code;
    }
    return count;
}

}  // namespace

FacetColumns::FacetColumns(const Xapian::Database& db) {
    text_count_ = read_version_keys(db, texts_, text_keys_);
    read_column(db, terms::kSlotFacetKey, keys_, key_values_);
    read_column(db, terms::kSlotTopics, topics_, topic_values_);
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
