// Exports of API results for people: CSV (RFC 4180: quoted fields, CRLF line
// ends, a UTF-8 byte-order mark so spreadsheets read Tajik and Russian right,
// headers in the interface language) and the compare brief in Markdown.
// JSON in, text out: this is the HTTP edge.
#pragma once

#include <map>
#include <string>

#include <nlohmann/json.hpp>

namespace himoya {

// value → language → label, for the values the exports name (jurisdictions, statuses ...).
using ExportLabels = std::map<std::string, std::map<std::string, std::map<std::string, std::string>>>;

// One CSV field, quoted when it holds a comma, quote or line break. A
// leading = + - @ is prefixed with ' so that spreadsheets do not run it.
std::string csv_field(const std::string& value);

inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

// The coverage matrix of /api/matrix: one row per article or concept; per
// jurisdiction the texts about it, those that only mention it and the
// provision to cite.
std::string matrix_csv(const nlohmann::json& matrix, const std::string& ui, const ExportLabels& labels);

// The compare answer of /api/compare: one row per provision shown, with its
// full text, citation, source, text status and legal status; a row for every
// gap.
std::string compare_csv(const nlohmann::json& compare, const std::string& ui, const ExportLabels& labels);

// Text of a request or of the corpus as one line of Markdown that reads as
// the text itself: line breaks and other control characters become a space,
// Markdown and HTML characters (\ ` * _ [ ] < > # | ~ &) are escaped, and so
// is a leading list marker ("- ", "+ ", "1. "). A query "police\n\n## X"
// would otherwise start a section of the brief, "<script>" or
// "[x](javascript:…)" pass into whatever renders it.
std::string markdown_text(const std::string& text);

// The same as a brief to paste into a memo. Every text it echoes (the query,
// titles, labels, provision texts, sources) goes through markdown_text; a
// provision's text keeps its paragraphs, a source's URL is a link only when
// it is an http(s) URL.
std::string compare_markdown(const nlohmann::json& compare, const std::string& ui, const ExportLabels& labels);

// The fact table of /api/facts: one row per jurisdiction and field, values in
// the interface language (or English, marked), with the provisions cited.
std::string facts_csv(const nlohmann::json& facts, const std::string& ui, const ExportLabels& labels);

}  // namespace himoya
