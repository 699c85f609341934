// Per-record facet codes of one database state, read once from its value
// slots and shared by every search on it (issue "performance at real size":
// exact facets without reading value streams during the match).
//
// For each record (by docid): its text (the kSlotVersionKey value, interned
// as a small integer; a value of another length, from an older index, is no
// text), its kSlotFacetKey value and its kSlotTopics value, each
// interned. A spy then counts by array index instead of reading three value
// streams and hashing strings for every match. Loading walks the three value
// streams once: about a tenth of a second per 100k records.
//
// Immutable once built: one instance is shared between threads. Local
// databases only (a remote shard's value streams are not read here).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

namespace himoya {

class FacetColumns {
public:
    static constexpr uint32_t kNone = UINT32_MAX;  // a record without the value

    // The columns of `db` as it is now: built on first use, then kept (the
    // last few database states, keyed by uuid, size and revision). Safe from
    // many threads. nullptr where the value streams cannot be read (remote shards).
    static std::shared_ptr<const FacetColumns> of(const Xapian::Database& db);
    // Reads the columns (what of() caches).
    explicit FacetColumns(const Xapian::Database& db);

    uint32_t text(Xapian::docid did) const { return at(texts_, did); }
    uint32_t key(Xapian::docid did) const { return at(keys_, did); }
    uint32_t topics(Xapian::docid did) const { return at(topics_, did); }

    size_t text_count() const { return text_count_; }
    // The kSlotVersionKey value of a text code (terms::kVersionKeyBytes bytes).
    std::string_view text_key(uint32_t code) const {
        return std::string_view(text_keys_).substr(static_cast<size_t>(code) * kKeyBytes, kKeyBytes);
    }
    const std::vector<std::string>& key_values() const { return key_values_; }
    const std::vector<std::string>& topic_values() const { return topic_values_; }

    // The fields of the facet keys (kSlotFacetKey, kFacetKeySeparator), each
    // interned apart: field `field` of key code `key` as a code into
    // key_field_values(field) (kNone: the key has no such field, or it is
    // empty). Counting a facet then sums counts by key into a few values,
    // with no string work per key.
    uint32_t key_field(uint32_t key, size_t field) const {
        return field < key_fields_.size() && key < key_fields_[field].size() ? key_fields_[field][key] : kNone;
    }
    const std::vector<std::string>& key_field_values(size_t field) const {
        static const std::vector<std::string> none;
        return field < key_field_values_.size() ? key_field_values_[field] : none;
    }
    // The single concepts of each topics code (kMultiValueSeparator), as codes
    // into topic_part_values().
    const std::vector<uint32_t>& topic_parts(uint32_t topics) const {
        static const std::vector<uint32_t> none;
        return topics < topic_parts_.size() ? topic_parts_[topics] : none;
    }
    const std::vector<std::string>& topic_part_values() const { return topic_part_values_; }

private:
    static uint32_t at(const std::vector<uint32_t>& column, Xapian::docid did) {
        return did < column.size() ? column[did] : kNone;
    }

    static constexpr size_t kKeyBytes = 12;  // terms::kVersionKeyBytes
    std::vector<uint32_t> texts_, keys_, topics_;  // by docid
    size_t text_count_ = 0;
    std::string text_keys_;  // the text codes' keys, kKeyBytes each, in code order
    std::vector<std::string> key_values_, topic_values_;  // by code
    std::vector<std::vector<uint32_t>> key_fields_;          // field → key code → field value code
    std::vector<std::vector<std::string>> key_field_values_;  // field → value code → value
    std::vector<std::vector<uint32_t>> topic_parts_;         // topics code → concept codes
    std::vector<std::string> topic_part_values_;             // concept code → concept id
};

}  // namespace himoya
