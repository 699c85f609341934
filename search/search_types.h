// The search library's request and result types: plain structs, no Xapian,
// no HTTP. The server and the CLI fill a SearchRequest and print a SearchResult.
#pragma once

#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace himoya {

// The language of labels and answers.
enum class UiLanguage { en, ru, tg };

// A message for the user in the three UI languages. English is required; an
// empty translation falls back to it.
struct Localized {
    std::string en, ru, tg;
    const std::string& in(UiLanguage ui) const {
        const std::string& t = ui == UiLanguage::ru ? ru : ui == UiLanguage::tg ? tg : en;
        return t.empty() ? en : t;
    }
};

// A request the library refuses (bad syntax, out-of-range parameter). The
// HTTP layer turns it into a 400 in the request's UI language (what() is the
// English); the message is meant for the user, so every one the server can
// send is written in the three languages (tests/localized_errors_test.py).
class BadRequest : public std::invalid_argument {
public:
    explicit BadRequest(Localized text) : std::invalid_argument(text.en), text_(std::move(text)) {}
    const Localized& text() const { return text_; }

private:
    Localized text_;
};

// The facets, in the order they are reported. Request filters use the same names.
// The names of terms::kFacetTable (analysis/facet_table.h), in its order.
const std::vector<std::string>& facet_names();

// Request values with a fixed set of choices, parsed once at the edge
// (server/request_params.cc, the CLI) by parse_enum below; the library
// switches on them and never compares strings.
// indexed: newest in the index first (when the document entered it; the Atom feeds' order).
enum class SortOrder { relevance, date, indexed };
// automatic: whole documents when browsing, else provisions (documents when no provision matches).
enum class Scope { automatic, all, provision, document };
// group: one hit per text, its other language versions listed in the hit;
// separate: every matching version is a hit of its own.
enum class VersionMode { group, separate };
// The query's language, or automatic (identified from the query's words).
enum class QueryLanguage { automatic, tg, ru, en };
// Each value's name in the API and on the command line ("relevance",
// "auto", "ru" ...); QueryLanguage::automatic is "auto", Scope::automatic "".
std::string_view name(SortOrder v);
std::string_view name(Scope v);
std::string_view name(VersionMode v);
std::string_view name(QueryLanguage v);
std::string_view name(UiLanguage v);

// The value named `text`, or a BadRequest that names `parameter` and lists
// the accepted names ("sort must be relevance or date").
// Defined (explicitly instantiated) in search_types.cc for the five enums above.
template <typename E>
E parse_enum(std::string_view text, std::string_view parameter);

// How a search counts its matches for the exact total and facets:
// automatic: by walking their postlists (search/match_walker.h) where the
// query allows it and that is likely cheaper, or on a second thread while a
// core is idle, else through Xapian's matcher; walk: by walking on the
// search's own thread wherever the query allows it; walk_beside: the same on
// a second thread whatever the query's size and the load; matcher: always
// through Xapian's matcher (check_at_least = every record).
enum class CountMethod { automatic, walk, walk_beside, matcher };

struct SearchRequest {
    std::string query;                                      // user syntax; empty = browse
    std::map<std::string, std::vector<std::string>> filters;  // facet name → accepted values (OR)
    // facet name → values whose texts are left out (negated in the query: "-type:news")
    std::map<std::string, std::vector<std::string>> excluded_filters;
    std::optional<int> year_from;
    std::optional<int> year_to;
    SortOrder sort = SortOrder::relevance;
    Scope scope = Scope::automatic;
    QueryLanguage lang = QueryLanguage::automatic;  // the query language hint
    int page = 1;                     // from 1
    int per_page = 10;                // 1..100
    bool facets = true;
    bool suggest = true;
    bool cross_language = true;       // expand thesaurus labels to the other languages
    VersionMode versions = VersionMode::group;
    UiLanguage ui_lang = UiLanguage::en;  // language of facet value labels
    bool places = true;               // a place named in the query boosts its jurisdiction (places.h)
    bool relax = true;                // few texts with every word: accept most of the words
    bool correct = true;              // nothing matches as typed: search the "did you mean" spelling
    // How the matches are counted (total, facets). Not a parameter of the API:
    // tests and bench/ compare the ways.
    CountMethod counting = CountMethod::automatic;
};

// Limits, enforced by validate(); documented in docs/api.md.
struct SearchLimits {
    static constexpr size_t kMaxQueryBytes = 1024;
    static constexpr int kMaxPerPage = 100;
    static constexpr int kMaxResultWindow = 10000;  // page * per_page
    static constexpr size_t kMaxFilterValues = 50;
    static constexpr size_t kMaxFilterValueBytes = 200;
    // One hit per text leaves out every version of a text one of whose
    // versions a negated unit matches, up to this many texts; beyond, only
    // the matching versions (a word most texts hold, negated, would add a
    // term per text to the query).
    static constexpr size_t kMaxExcludedTexts = 20000;
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

// Plain text of an excerpt plus where the matched words are in it. The
// library never builds markup: the server escapes and wraps the spans in
// <mark> (server/api_json), the CLI makes them bold or bracketed.
struct Snippet {
    struct Span {
        size_t begin = 0, end = 0;  // byte offsets into `text`, begin < end, ascending, disjoint
    };
    std::string text;          // the excerpt as written, "…" where the provision was cut
    std::vector<Span> marks;   // the words that matched the query

    bool empty() const { return text.empty(); }
    // The marked words, in order (what tests and plain-text callers want).
    std::vector<std::string> marked() const;
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
    bool concepts_automatic = false;  // no editor indexed its document (StoredRecord)
    std::optional<LegalStatusInfo> legal_status;
    // When its document entered the index and last changed (UTC, RFC 3339
    // with milliseconds; "" in an index written before they were recorded).
    std::string indexed, updated;
    Snippet snippet;          // an excerpt with the matched words marked
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
struct InterpretedWork {
    std::string id;     // work id
    std::string name;   // the popular name recognised, as the corpus writes it
    std::string title;  // the work's title in the UI language (or another when it has none)
};

// A law work held only in part whose source is known to regulate a subject
// in the parts not held (its <not-held> concepts, docs/corpus-format.md,
// "Extent"), named by one version: in the UI language when there is one, else
// its original. Coverage (search/compare.h) and an empty search name them.
struct NotHeldWork {
    std::string work_id, document_id, title, lang;
};

struct QueryInterpretation {
    std::vector<std::string> jurisdictions;  // boosted, in the order named
    std::vector<std::string> places_without_match;  // of those, the ones with no matching text of their own
    std::vector<std::string> excluded_jurisdictions;  // places negated ("-Tajikistan"): their texts left out
    std::vector<InterpretedWork> works;      // named by a popular name: boosted
    std::string words;                       // the query as matched (place names blanked)
    std::vector<std::string> concepts;
    std::vector<std::string> question_words;  // dropped: "who", "кто", "чанд" need not occur
    // Facet filters written in the query ("jurisdiction:TJ"), facet → values:
    // applied as the request's filters are.
    std::map<std::string, std::vector<std::string>> filters;
    // ... and negated there ("-jurisdiction:TJ", "NOT type:news"): their texts left out.
    std::map<std::string, std::vector<std::string>> excluded_filters;
    std::vector<std::string> ranking_words;   // beside a concept, or common: they rank the results, they do not filter
    bool relaxed = false;  // every word together found few texts: most of the words sufficed
    // The query searched instead of the one typed: its "did you mean" spelling
    // ("shelterz" → "shelter"). Empty when the query was searched as typed.
    std::string corrected;
    // Why: "nothing-matched" (the words as typed found nothing, even relaxed),
    // or "names-more" (the spelling names a concept or place the words as
    // typed do not: "зуравари дар оила" found texts, but not as the concept
    // of domestic violence). Empty when not corrected.
    std::string corrected_because;
    // Nothing found under a jurisdiction filter: per jurisdiction filtered on,
    // its law in force known to regulate the query's concepts in parts not
    // held, so the empty page says the law covers it where Himoya cannot show.
    std::map<std::string, std::vector<NotHeldWork>> not_held;
    // Under a lang filter (versions grouped): how many more texts match the
    // query in their other language versions only, which the filter leaves
    // out, so that a trainer looking for Tajik material is told what exists
    // in Russian or English. 0 without a lang filter.
    long other_languages = 0;
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
