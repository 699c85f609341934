// Internal to the search library: the state behind a Searcher, shared by the
// files that implement its methods (searcher.cc, topics.cc, compare.cc).
#pragma once

#include <memory>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "analysis/thesaurus.h"
#include "search/searcher.h"

namespace himoya {

struct Searcher::Impl {
    Xapian::Database db;
    Analyzer analyzer;
    std::optional<Thesaurus> thesaurus;       // from the index's "thesaurus" metadata
    std::unique_ptr<ConceptTagger> tagger;    // over `thesaurus`, with `analyzer`
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
// Fills each hit's `versions`: the other records of its version group, each
// marked matched (with its weight) when it also matches `matching`.
void attach_versions(const Xapian::Database& db, const Xapian::Query& matching, std::vector<SearchHit>& hits);
// The concept's labels, definitions, hierarchy and Istanbul articles as JSON.
nlohmann::json concept_json(const Concept& c);

}  // namespace detail
}  // namespace himoya
