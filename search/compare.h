// The compare service: jurisdictions side by side on one topic (/api/compare)
// and the coverage matrix of Istanbul Convention articles or top concepts by
// jurisdiction (/api/matrix), over one IndexView (index_view.h). A text counts
// once whatever its language versions; the request's languages only choose
// which version is shown.
//
// Uses the view alone while it runs: not thread-safe, as the view is not.
// SearchEngine::matrix (engine.h) caches matrices per index generation. The
// results are plain values; server/api_json.h encodes them.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/thesaurus.h"
#include "search/index_view.h"
#include "search/search_types.h"

namespace himoya {

// Document types that describe practice rather than law.
inline const std::vector<std::string>& practice_types() {
    static const std::vector<std::string> types{"manual", "report", "news", "guide", "training", "standard"};
    return types;
}

struct CompareRequest {
    std::vector<std::string> jurisdictions;  // 2..4
    std::string topic;                       // a concept id, or
    std::string istanbul_article;            // an Istanbul Convention article ("52"), or
    std::string query;                       // free text
    // Preferred languages of the provisions shown, best first. Never a filter:
    // coverage is the same whatever the language (a text counts once).
    std::vector<std::string> languages;
    std::vector<std::string> types;          // optional filter, as in search
    int per_jurisdiction = 5;                // 1..20 provisions per column
    UiLanguage ui_lang = UiLanguage::en;     // language for labels, and of the versions shown
    bool include_repealed = false;           // repealed law is left out unless asked for
    // With a topic: the provisions must also be about one of these concepts
    // (as they are: narrower ones are not added); the glossary asks for a
    // definitions concept other than the defined term's own.
    std::vector<std::string> also_about;
    std::vector<std::string> types_excluded;  // document types left out of the law columns (the glossary: recommendations)
};

// Defined terms side by side (/api/glossary): how each jurisdiction's law
// defines one concept ("family member", "domestic violence", "economic
// violence") — its provisions about the concept that are also definitions,
// every jurisdiction that has one, each provision in the UI language when that
// version exists, else its original (marked).
struct GlossaryRequest {
    std::string concept_id;                  // a thesaurus concept, not "definitions" itself
    std::vector<std::string> languages;      // preferred languages of the provisions shown (not a filter)
    int per_jurisdiction = 3;                // 1..20
    UiLanguage ui_lang = UiLanguage::en;
    bool include_repealed = false;
};
// The concept that marks a provision as a definition.
inline constexpr const char* kDefinitionsConcept = "definitions";

struct MatrixRequest {
    std::vector<std::string> jurisdictions;  // 1..8
    std::string scheme = "istanbul";         // istanbul | thesaurus
    std::vector<std::string> languages;      // preferred languages of the provisions shown (not a filter)
    UiLanguage ui_lang = UiLanguage::en;
    bool include_repealed = false;
};

// Throw BadRequest naming the problem.
void validate(const CompareRequest& request);
void validate(const MatrixRequest& request);
void validate(const GlossaryRequest& request);

struct ConceptLabel {
    std::string id, label;
};

// The source a document cites (stored with its record).
struct DocumentSource {
    std::string official_title, number, url, publisher;
};

// Another language version of a document.
struct DocumentVersion {
    std::string id, lang, title, text_status;
};

// What the collection holds of one jurisdiction's law in the scope of a
// comparison or matrix: its law works (a text's language versions are one
// work) and how many of them hold only selected parts of their source
// (docs/corpus-format.md, "Extent").
struct Holdings {
    long works = 0;
    long in_part = 0;
};


// What a gap rests on: none (not a gap); silent (law works in scope are held,
// every one whole, and none is about it); not_held (a work is known to
// regulate it in parts not held); not_found (no law work is held, or some only
// in part, and none of the parts held is about it: the law itself may still
// cover it); stated (a text held says the law has no provision on it: markup
// `absent`, docs/corpus-format.md).
enum class GapKind { none, silent, not_found, not_held, stated };
// "silent", "not-found", "not-held", "stated"; "" for none.
std::string_view name(GapKind kind);
GapKind gap_kind(long about, const Holdings& holdings, const std::vector<NotHeldWork>& not_held, long stated = 0);


// One text in a column, in the version shown.
struct CompareCard {
    SearchHit hit;               // with snippet, score, version group and other versions
    std::string text;            // the provision's whole text
    std::string original_lang;   // the language of its original version ("" if none is marked)
    bool in_ui_language = false;
    std::string relevance;       // "about"
    std::string text_status;
    std::optional<DocumentSource> source;  // the document's, when the index has it
};

struct CompareColumn {
    std::string jurisdiction, label;
    long total = 0;              // law texts about it
    long mentions_total = 0;     // law texts that only mention it
    // The best 3 of them: a gap is "no provision about it", and a drafter
    // should see where the law names the subject in passing (an amending law's
    // list of what it changed), to judge for herself.
    std::vector<CompareCard> mentioned;
    long repealed_excluded = 0;  // texts of repealed law left out
    std::vector<CompareCard> provisions;
    long practice_total = 0;
    std::vector<CompareCard> practice;
    Holdings holdings;                   // the jurisdiction's law works in scope
    std::vector<NotHeldWork> not_held;   // of them, known to regulate the subject in parts not held
    // The subject's concepts (it and its narrower ones) those works regulate
    // in parts not held: a row of the page for one of them is no silence.
    std::vector<std::string> not_held_concepts;
    long stated_absent = 0;              // law texts saying the law has no provision on it (among `mentioned`)
    GapKind gap() const { return gap_kind(total, holdings, not_held, stated_absent); }
};

struct CompareResult {
    std::optional<Concept> topic;     // when compared by topic
    std::string istanbul_article;     // when compared by Istanbul article ("" otherwise)
    std::string istanbul_title;       // its title, when given
    std::string query;                // when compared by words ("" otherwise), as typed
    // Compared by words that no text of the whole collection matches: the
    // did-you-mean spelling compared instead ("" when the words were compared as
    // typed), or, without one, matched_anywhere false: then every column is
    // empty because of the words, and says nothing about the jurisdiction.
    std::string corrected;
    bool matched_anywhere = true;
    std::vector<ConceptLabel> concepts;
    bool include_repealed = false;
    std::vector<CompareColumn> columns;
    // The other language versions of every document shown, by document id.
    std::map<std::string, std::vector<DocumentVersion>> versions;
};

// The best text of a matrix cell, in the version shown.
struct MatrixBest {
    SearchHit hit;  // no snippet, no score
    std::string original_lang;
    bool in_ui_language = false;
};

struct MatrixCell {
    std::string jurisdiction;
    long about = 0;     // law texts about the row
    long mentions = 0;  // law texts only mentioning it
    long texts = 0;     // law texts in scope there
    std::optional<MatrixBest> best;
    std::vector<NotHeldWork> not_held;  // law works known to regulate the row in parts not held
    GapKind gap = GapKind::none;
};

struct MatrixRow {
    std::string key, title, label;  // an article number or concept id; its title and concept labels
    std::vector<std::string> concepts;
    std::vector<MatrixCell> cells;  // one per jurisdiction asked for, in order
};

struct Matrix {
    std::string scheme;
    std::vector<std::string> jurisdictions;
    std::map<std::string, std::string> jurisdiction_labels;
    bool include_repealed = false;
    std::map<std::string, long> texts;  // law texts in scope per jurisdiction
    std::map<std::string, Holdings> holdings;  // law works in scope per jurisdiction
    std::vector<MatrixRow> rows;
};

// The comparison (docs/api.md, GET /api/compare). Throws BadRequest.
CompareResult compare_jurisdictions(IndexView& view, const CompareRequest& request);
// The glossary of one concept: a column per jurisdiction whose law defines it
// (in the order TJ first, then by code), `columns[].total` the texts that do.
CompareResult glossary(IndexView& view, const GlossaryRequest& request);
// The coverage matrix (docs/api.md, GET /api/matrix). Throws BadRequest.
Matrix coverage_matrix(IndexView& view, const MatrixRequest& request);
// The law works of `jurisdiction` in force (as compare and the matrix count
// them) known to regulate one of `concepts` in parts the collection does not
// hold, each named in `ui` where it has a version in it: what a blank in a
// fact table rests on.
std::vector<NotHeldWork> law_not_held(IndexView& view, const std::string& jurisdiction,
                                      const std::set<std::string>& concepts, UiLanguage ui);

}  // namespace himoya
