// The search library's request and result types: plain structs, no Xapian,
// no HTTP. The server and the CLI fill a SearchRequest and print a SearchResult.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace himoya {

// A request the library refuses (bad syntax, out-of-range parameter). The
// HTTP layer turns it into a 400; the message is meant for the user.
class BadRequest : public std::invalid_argument {
public:
    using std::invalid_argument::invalid_argument;
};

// The facets, in the order they are reported. Request filters use the same names.
// The names of terms::kFacetTable (analysis/facet_table.h), in its order.
const std::vector<std::string>& facet_names();

struct SearchRequest {
    std::string query;                                      // user syntax; empty = browse
    std::map<std::string, std::vector<std::string>> filters;  // facet name → accepted values (OR)
    std::optional<int> year_from;
    std::optional<int> year_to;
    std::string sort = "relevance";   // relevance | date
    std::string scope;                // all | provision | document; "" = document when browsing, else provision (document if none)
    std::string lang = "auto";        // query language hint: tg ru en auto
    int page = 1;                     // from 1
    int per_page = 10;                // 1..100
    bool facets = true;
    bool suggest = true;
    bool cross_language = true;       // expand thesaurus labels to the other languages
    // group: one hit per text, its other language versions listed in the hit;
    // separate: every matching version is a hit of its own.
    std::string versions = "group";
    std::string ui_lang = "en";       // language of facet value labels: en ru tg
    bool places = true;               // a place named in the query boosts its jurisdiction (places.h)
    bool relax = true;                // few texts with every word: accept most of the words
};

// Limits, enforced by validate(); documented in docs/api.md.
struct SearchLimits {
    static constexpr size_t kMaxQueryBytes = 1024;
    static constexpr int kMaxPerPage = 100;
    static constexpr int kMaxResultWindow = 10000;  // page * per_page
    static constexpr size_t kMaxFilterValues = 50;
    static constexpr size_t kMaxFilterValueBytes = 200;
};

// Throws BadRequest naming the first problem.
void validate(const SearchRequest& request);

// Whether a law is in force (docs/corpus-format.md, legal status).
struct LegalRelationInfo {
    std::string type, work, date, url, citation;
};
struct LegalStatusInfo {
    std::string state, since;  // in-force, amended, repealed, expired, not-yet-in-force
    std::vector<LegalRelationInfo> relations;
};

// Another language version of a hit's text (same version_group).
struct HitVersion {
    std::string id, document_id, unit_id, lang, text_status;  // text_status: official | translation | summary ...
    bool matched = false;  // the version matches the query and filters too
    double score = 0;      // its own relevance weight when matched
};

struct SearchHit {
    std::string id;           // provision id, or document id for a whole-document hit
    std::string document_id;
    std::string kind;         // provision | document
    std::string unit_id;
    std::string title, num, heading, label;
    std::string jurisdiction, lang, type, date, body;
    int year = 0;
    std::vector<std::string> topics;    // concepts the provision is about (same in every language version)
    std::vector<std::string> mentions;  // concepts it only mentions
    std::vector<std::string> matched_concepts;  // topics of this hit the query expanded to
    std::string body_id;      // canonical issuing body
    std::string work_id;
    bool original = false;    // this version is the one the others were made from
    std::optional<LegalStatusInfo> legal_status;
    std::string snippet;      // HTML-escaped, <mark> around matched words
    double score = 0;
    std::string version_group;  // equal for the language versions of one text
    std::vector<HitVersion> versions;  // versions=group: the text's other language versions, by language
};

struct FacetCount {
    std::string value;
    long count = 0;
    std::string label;  // the value's label in the request's ui_lang
};


// How the query was read (docs/api.md): the places recognised and the words
// that had to match once they were set aside, the concepts it was expanded to.
struct QueryInterpretation {
    std::vector<std::string> jurisdictions;  // boosted, in the order named
    std::string words;                       // the query as matched (place names blanked)
    std::vector<std::string> concepts;
    std::vector<std::string> question_words;  // dropped: "who", "кто", "чанд" need not occur
    std::vector<std::string> ranking_words;   // beside a concept: they rank the results, they do not filter
    bool relaxed = false;  // every word together found few texts: most of the words sufficed
};

struct SearchResult {
    std::string query;
    long total = 0;           // exact number of hits (texts when versions are grouped)
    // Matching records counting every language version (what facet counts add
    // up to); equal to total with versions=separate.
    long total_versions = 0;
    int page = 1, per_page = 10;
    double took_ms = 0;
    std::vector<SearchHit> hits;
    std::map<std::string, std::vector<FacetCount>> facets;  // facet name → counts, best first
    std::optional<std::string> suggestion;
    std::vector<std::string> expanded_concepts;  // concepts the query was expanded with
    QueryInterpretation interpretation;
};

}  // namespace himoya
