// Metadata inferred from a document's own text, then confirmed: what `himoya
// add` (cli/add_command.cc) proposes for a .txt, .html, .pdf, .docx or .odt
// file dropped in without a sidecar, shows next to what was given as flags,
// and writes as the sidecar NAME.meta.xml (docs/corpus-format.md, "Adding
// documents").
//
// What is inferred, from the opening of the text (the first provisions'
// headings and paragraphs, as the registry's readers cut them):
//   language      analysis/language.h's identifier over the text (tg, ru, en);
//   title         the first heading-like lines: a type line ("ЗАКОН
//                 РЕСПУБЛИКИ ТАДЖИКИСТАН") joined with the next ("О
//                 предупреждении насилия в семье"), a date phrase cut off;
//   date, number  of the act, from its title block (the opening lines before
//                 its first numbered unit; a date an article names is another
//                 act's): the first marked one, else the latest named (a law's
//                 passage: adopted …, supported …, signed …): "аз 19 марти соли 2013,
//                 № 954", "от 19 марта 2013 года № 954", "of 19 March 2013,
//                 No. 954", "March 19, 2013", "19.03.2013", "№ 954 от ...";
//                 Tajik and Russian month names in all their forms;
//   type          by the first type word of the title: Қонун/Закон/Law → law,
//                 Кодекс/Code → code, Фармон/Указ/Decree and Қарор/
//                 Постановление → bylaw, Барнома/Программа/Programme →
//                 programme, and manual, guide, report, standard,
//                 recommendation, resolution, treaty (the types of
//                 docs/corpus-format.md);
//   jurisdiction  the nearest parent folder named like one (tj, ba-srp, int);
//   issuing body  a body of corpus/bodies.xml named in the title block, in any of
//                 its three languages;
//   text-status   "summary" when the title says so, else "official" (a default,
//                 marked as one);
//   official-title the title.
// Each inferred value carries its evidence ("line 5: «от 19 марта 2013
// года № 954»") so the user can judge it: where the matched text stands in
// the source file, as its reader counts it (Document::position_unit): a
// .txt's line, the line an HTML block starts on ("the paragraph at line 9"),
// a word processor's paragraph ("paragraph 4"), a PDF's page ("page 2"). Nothing is guessed beyond these
// rules: a value that cannot be inferred stays empty and must be given.
//
// Thread-safety: plain functions over their arguments; no state.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/document.h"
#include "indexer/ingest_report.h"

namespace himoya {

// Date and number of an act found in a line of text.
struct ActDate {
    std::string date;    // YYYY-MM-DD (or YYYY-MM when there is no day)
    std::string number;  // "954", "01-02-1-128-01/25"; "" when none is attached
    size_t begin = 0;    // byte range of the phrase in the line ("от 19 марта 2013 года № 954")
    size_t end = 0;
    bool marked = false;  // introduced by от / аз / of / dated, or carrying a number
};

// The first date of an act in `line`, if any.
std::optional<ActDate> find_act_date(std::string_view line);

// The month (1-12) a word names in Tajik, Russian or English, in any of its
// forms ("марти", "майи", "марта", "мае", "январём", "March", "Mar"); 0 if none.
int month_of_word(std::string_view word);

// The corpus type of a title or opening line by its first type word ("law",
// "code", "bylaw", ...), with the word found; "" when none.
struct TypeMatch {
    std::string type;
    std::string word;
};
TypeMatch infer_type(std::string_view text);

// A jurisdiction from the nearest parent folder of `path` named like one:
// two letters (tj → TJ), two letters and a subdivision (ba-srp → BA-SRP), or
// int → INT. "" when no parent is. With `known` (the corpus's jurisdictions,
// corpus/jurisdictions.xml), a folder named in lower case counts only when it
// is one of them, so that "in", "am" or "it" in a path is not India, Armenia
// or Italy; one named in capitals ("AM") is taken as the code it writes.
std::string jurisdiction_from_path(std::string_view path, const std::set<std::string>* known = nullptr);

// One metadata value as `himoya add` shows it.
struct MetadataValue {
    std::string value;
    std::string origin;    // "given", "inferred", "default" or "" (none)
    std::string evidence;  // why, for inferred and default values
};

// The fields, by their sidecar element names: title, jurisdiction, language,
// type, date, number, issuing-body, text-status, official-title, audience
// (comma-separated groups), id, legal-status (its state) and
// legal-status-since (its since).
using MetadataFields = std::map<std::string, MetadataValue>;

// The required ones (what the sidecar reader requires, xml_meta.cc), in
// display order, with the flag that gives each.
struct RequiredField {
    const char* name;
    const char* flag;
};
const std::vector<RequiredField>& required_metadata();
// Every field in display order (required first).
const std::vector<std::string>& metadata_field_order();

// A value that breaks the rule of its field: the flag that gives it, the
// value, and what the field accepts ("tg, ru or en").
struct MetadataValueProblem {
    std::string flag;   // "--lang"
    std::string value;  // "de"
    std::string rule;   // "tg, ru or en (the languages Himoya analyses)"
};

// The problems of `values` (field name → value; empty values are not
// checked), by the corpus format's rules (docs/corpus-format.md,
// corpus/schema/himoya-corpus.rng): date, jurisdiction, id and type as the
// readers check them; language tg, ru or en (what the analysers read: another
// ISO 639 code would be indexed as none of them); text-status, extent,
// audience groups (comma-separated) and legal-status by their closed lists;
// legal-status-since a date. `himoya add` refuses given values with these
// as a usage error before reading any file; prepare_addition refuses a file
// whose inferred or given values have any.
std::vector<MetadataValueProblem> metadata_value_problems(const std::map<std::string, std::string>& values);

// Whether documents of `type` have a legal status (<legal-status>): laws,
// codes, treaties and programmes (the status facet, docs/api.md); `himoya add`
// refuses one of these without --status.
bool requires_legal_status(std::string_view type);
// Whether a legal status may be given at all: those, bylaws, and the Akoma
// Ntoso act and bill; practice documents have none.
bool may_have_legal_status(std::string_view type);

// Infers what the text says (see the top of this file). `bodies`: issuing
// body id → language → name (corpus/bodies.xml), or null.
MetadataFields infer_metadata(const Document& doc, std::string_view source_path,
                              const std::map<std::string, std::map<std::string, std::string>>* bodies,
                              const std::set<std::string>* jurisdictions = nullptr);

// A file prepared for the library: read without its sidecar, its metadata
// inferred and overlaid with what was given.
struct PreparedAddition {
    std::string source_path;
    bool readable = false;        // the reader produced a document
    bool own_metadata = false;    // corpus XML / Akoma Ntoso: carries its metadata; no sidecar written
    MetadataFields fields;        // the values to write, each with its origin
    std::vector<std::string> missing;  // required fields with no value: their flags ("--title")
    std::string document_id;
    std::string sidecar_xml;      // the NAME.meta.xml to write ("" when own_metadata or missing)
    int provisions = 0;
    IngestReport report;          // how reading went
};

// `given`: field name → value, as flags gave them (empty values ignored).
// `corpus_dirs`: where to find bodies.xml (the first that has one).
PreparedAddition prepare_addition(const std::string& path, const std::map<std::string, std::string>& given,
                                  const std::vector<std::string>& corpus_dirs);

// The sidecar for these fields: <meta xmlns="urn:himoya:corpus:1" id=...>,
// the document id written only when it differs from the file name's slug.
std::string render_sidecar(const MetadataFields& fields, const std::string& document_id,
                           std::string_view file_stem);

// Whether a file name is one a sidecar-taking reader reads (.txt .html .htm
// .pdf .docx .odt), or a document with its own metadata (.xml), or neither.
bool is_addable_file(std::string_view path);

}  // namespace himoya
