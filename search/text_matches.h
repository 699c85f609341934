// Internal to the search library: one hit per text (the language versions of
// a text share a version key, kSlotVersionKey) without Xapian's collapse, and
// counting texts rather than records (text_matches.cc says why).
// A TextCountSpy serves one match on one thread.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/facet_columns.h"

namespace himoya::detail {

// The best matches of `counted`, and among them the first (best-ranked) record
// of each text (its kSlotVersionKey value, from `key_of`), at least `want`
// texts when there are that many. The spies attached to `counted` see every
// match once: when more records are needed they are fetched from `fresh()`,
// the same search without spies.
struct TextMatches {
    Xapian::MSet mset;
    std::vector<Xapian::doccount> texts;  // indices into mset, best first
    std::vector<std::string> keys;        // the version key of each (empty if the record has none)
};
TextMatches first_texts(Xapian::Enquire& counted, const std::function<Xapian::Enquire()>& fresh,
                        const std::function<std::string(const Xapian::MSetIterator&)>& key_of, Xapian::doccount want,
                        Xapian::doccount check_at_least);
// Counts the distinct texts (kSlotVersionKey) among the matches, a record
// without a key counting as a text of its own, and notes each match's key.
// Local databases only.
class TextCountSpy : public Xapian::MatchSpy {
public:
    // note_keys: keep each match's key and weight for key_of and weight_of
    // (meaningful on one shard only: over several, a spy sees each shard's own docids).
    // With `columns` (the database's, one shard), a match's key is read from
    // them instead of its value stream.
    explicit TextCountSpy(bool note_keys, std::shared_ptr<const FacetColumns> columns = nullptr)
        : note_keys_(note_keys), columns_(std::move(columns)) {
        if (columns_) seen_.assign(columns_->text_count(), false);
    }
    void operator()(const Xapian::Document& doc, double weight) override;
    // Counts the record `did` without a match running (with columns only;
    // notes nothing): for a count made by search/match_walker.h.
    void count(Xapian::docid did) { count_from_columns(did); }
    long texts() const { return static_cast<long>(distinct_ + unkeyed_); }
    long records() const { return static_cast<long>(records_); }
    bool noting() const { return note_keys_; }
    // The key of a match the spy saw ("" if none), read while the match ran.
    std::string key_of(Xapian::docid did);
    // The weight of a match the spy saw, or nullopt if `did` did not match.
    std::optional<double> weight_of(Xapian::docid did);

private:
    // Counts `did` by its text code in the columns, and returns that code.
    uint32_t count_from_columns(Xapian::docid did);
    struct Key {
        uint64_t a;
        uint32_t b;
        bool operator==(const Key& o) const { return a == o.a && b == o.b; }
    };
    // The distinct keys: open addressing in one array, no allocation per key
    // (a node-based set's mallocs contended between 64 server threads).
    void insert(const Key& k);
    std::vector<Key> slots_;  // an empty slot holds {0, 0}; that key itself is counted by zero_seen_
    size_t distinct_ = 0;
    bool zero_seen_ = false;
    struct Noted {
        Xapian::docid did;
        Key key;
        double weight;
    };
    const Noted* find(Xapian::docid did);
    std::vector<Noted> by_docid_;
    bool note_keys_;
    bool sorted_ = false;
    size_t unkeyed_ = 0, records_ = 0;
    std::shared_ptr<const FacetColumns> columns_;
    std::vector<bool> seen_;  // with columns: by text code
};
// The same from Xapian's built-in spy over kSlotVersionKey, which remote shards can run.
long count_texts(const Xapian::ValueCountMatchSpy& spy);

}  // namespace himoya::detail
