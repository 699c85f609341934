// The in-memory model every reader produces and the index writer consumes.
//
// A Document is one expression of a work (one language version of a law,
// manual or report). Its body is flattened into Provisions: the smallest
// units that carry their own text (an article without paragraphs, or each
// paragraph of an article). Readers (corpus XML, Akoma Ntoso, text/HTML)
// fill these plain structs; nothing here knows about Xapian.
#pragma once

#include <string>
#include <vector>

namespace himoya {

// Where a document came from, as cited to the user.
struct SourceCitation {
    std::string official_title;  // title in the original language
    std::string number;          // official number, e.g. "No. 954"
    std::string url;
    std::string publisher;       // who published the text we summarised
};

// Another act a law stands in relation to (docs/corpus-format.md, legal status).
struct LegalRelation {
    std::string type;      // repealed-by, repeals, amended-by, amends, replaced-by, replaces
    std::string work;      // the related work's id when it is in the corpus, else ""
    std::string date;      // YYYY[-MM[-DD]] or ""
    std::string url;
    std::string citation;  // the related act's title, number and date, in the document's language
};

// Whether a law is in force. Empty `state`: not given (practice documents).
struct LegalStatus {
    std::string state;  // in-force, amended, repealed, expired, not-yet-in-force
    std::string since;  // date the state began, or ""
    std::vector<LegalRelation> relations;
};

struct Provision {
    std::string provision_id;  // "<document_id>/<unit_id>", unique in the index
    std::string unit_id;       // eId-like path inside the document, e.g. "chp_1__art_5__para_2"
    std::string kind;          // article, paragraph, section, ... (element name)
    std::string num;           // as printed: "5", "5(2)", "II"
    std::string heading;       // own heading, or the nearest enclosing one
    std::string label;         // human citation: "Article 5, paragraph 2"
    std::string text;          // plain text, paragraphs separated by "\n"
    std::vector<std::string> topics;  // topic ids given in the source markup
    // Concepts the unit states the law has no provision on (markup `absent`:
    // "The Code has no separate offence of domestic violence"): the unit is
    // about the subject, but it is no coverage of it (compare, the matrix).
    std::vector<std::string> absent;
    // "practice" (markup `role`): the unit reports how the law is applied
    // (figures, observers' findings) rather than what it provides; compare and
    // the matrix count it with practice, never as the law's coverage.
    std::string role;
    int ordinal = 0;           // position in document order, from 0
    // Where the text stands in its source file, for the evidence `himoya add`
    // shows (metadata_inference.h): in order, the byte offset in `text` where
    // a source line (or block) starts and its position there, counted as
    // Document::position_unit says. Empty when the reader does not say.
    struct SourceMark {
        size_t offset = 0;
        int position = 0;
    };
    std::vector<SourceMark> source_marks;
    int heading_position = 0;  // the heading's own position; 0 when unknown or inherited
};

// The extent a text has when its metadata does not say: a text as published
// (official, or a translation of one) is whole; a summary holds selected parts.
std::string default_extent(const std::string& text_status);

struct Document {
    std::string document_id;     // stable id, [a-z0-9][a-z0-9._-]*
    std::string work_id;         // groups language versions; defaults to document_id
    std::string title;
    std::string jurisdiction;    // ISO 3166-1 alpha-2, ISO 3166-2 (BA-SRP), or INT
    std::string language;        // tg, ru, en, or another ISO 639-1/639-2 code
    std::string type;            // law, code, bylaw, programme, standard, manual, report, news, act, bill, doc ...
    std::string date;            // YYYY, YYYY-MM or YYYY-MM-DD
    std::string issuing_body;
    std::string issuing_body_ref;  // canonical body id (corpus/bodies.xml), or "" if not given
    LegalStatus legal_status;
    std::vector<std::string> topics;    // topic ids (thesaurus concepts) from metadata
    std::vector<std::string> audience;  // police, judiciary, ... (practice documents)
    // Popular names and abbreviations the act is known by, in any language
    // ("КоАП", "VAWA", "the Istanbul Convention"): searched as title words.
    struct Alias {
        std::string lang, name;
    };
    std::vector<Alias> aliases;
    std::string text_status;     // official, official-translation, unofficial-translation, summary
    std::string translation_of;  // document_id of the text this one translates, if any
    // How much of the source the text holds: "whole" (every part rendered or
    // summarised) or "selected" (some parts only); "" when the corpus does not
    // say, then default_extent(text_status). Coverage reads it: a jurisdiction
    // without a provision on a subject is silent on it only where its law is
    // held whole (docs/corpus-format.md, "Extent").
    std::string extent;
    // Concepts the source regulates in parts this text does not hold, as its
    // editor confirmed from a source (a table of contents, an overview): a gap
    // on them is "not held", never "the law is silent".
    std::vector<std::string> not_held;
    SourceCitation source;
    std::string source_path;     // file it was read from (for error messages and provenance)
    std::string format;          // himoya-xml, akn, text, html
    // What Provision::source_marks count: "line" (a .txt: the 1-based line of
    // the file), "block-line" (.html: the line of the file where the block
    // holding the text starts), "paragraph" (.docx .odt .rtf .doc: the
    // document's Nth paragraph, table rows counted), "page" (.pdf, scans);
    // "" when not given.
    std::string position_unit;
    std::vector<Provision> provisions;

    // Year as an int, or 0 when the date is missing or malformed.
    int year() const;
    // `extent`, or its default when the corpus does not give it.
    std::string extent_or_default() const;
    // The issuing-body facet value: the canonical id when given, else the name.
    const std::string& body_key() const { return issuing_body_ref.empty() ? issuing_body : issuing_body_ref; }
};

}  // namespace himoya
