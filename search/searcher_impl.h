// Internal to the search library: the state behind a Searcher, shared by the
// files that implement its methods (searcher.cc, topics.cc, compare.cc).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "analysis/thesaurus.h"
#include "search/labels.h"
#include "search/places.h"
#include "search/searcher.h"

namespace himoya {

struct Searcher::Impl {
    Xapian::Database db;
    Analyzer analyzer;
    std::optional<Thesaurus> thesaurus;       // from the index's "thesaurus" metadata
    std::unique_ptr<ConceptTagger> tagger;    // over `thesaurus`, with `analyzer`
    bool remote = false;  // a shard is remote: only Xapian's built-in match spies run there
    Labels labels;        // every value's label in tg/ru/en
    std::unique_ptr<PlaceRecognizer> places;  // place names in queries (index metadata "places")
};

namespace detail {

std::string record_term(const char* kind);
std::string json_string(const nlohmann::json& j, const char* key);
// Hit fields from a record's stored data (no snippet, no score).
SearchHit hit_from_data(const nlohmann::json& data);
// The stored data of a document record (not a provision), if there is one.
std::optional<nlohmann::json> document_data(const Xapian::Database& db, const std::string& document_id);
// The other language versions of a document (records of the same work):
// [{id, lang, title, text_status}].
nlohmann::json versions_of(const Xapian::Database& db, const nlohmann::json& document);
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
    explicit TextCountSpy(bool note_keys) : note_keys_(note_keys) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    long texts() const { return static_cast<long>(distinct_ + unkeyed_); }
    long records() const { return static_cast<long>(records_); }
    bool noting() const { return note_keys_; }
    // The key of a match the spy saw ("" if none), read while the match ran.
    std::string key_of(Xapian::docid did);
    // The weight of a match the spy saw, or nullopt if `did` did not match.
    std::optional<double> weight_of(Xapian::docid did);

private:
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
};
// The same from Xapian's built-in spy over kSlotVersionKey, which remote shards can run.
long count_texts(const Xapian::ValueCountMatchSpy& spy);
// A record of a text's version group, and whether it matches the page's query.
struct TextVersion {
    Xapian::Document record;
    nlohmann::json data;
    bool matched = false;
    double weight = 0;  // its weight for the query when matched
};
// Every record of each version group in `groups` (kSlotVersionGroup values), by
// group. Which of them match `matching`, and how well, comes from `noted` when
// it noted the page's match, else from one more search.
std::map<std::string, std::vector<TextVersion>> text_versions(const Xapian::Database& db,
                                                              const Xapian::Query& matching,
                                                              const std::vector<std::string>& groups,
                                                              TextCountSpy* noted);
// Among the matching versions of weight `weight`, the one with the greatest
// document id: equal weights are settled by id, not by docid, so which version
// stands for a text does not depend on indexing order (incremental, shards).
const TextVersion* canonical_version(const std::vector<TextVersion>& versions, double weight);
// The versions other than `hit_id`, as a hit lists them, by language.
std::vector<HitVersion> other_versions(const std::vector<TextVersion>& versions, const std::string& hit_id);
// The concept's labels, definitions, hierarchy and Istanbul articles as JSON.
nlohmann::json concept_json(const Concept& c);

}  // namespace detail
}  // namespace himoya
