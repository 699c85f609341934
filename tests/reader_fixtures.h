// Helpers of the reader tests (PDF, DOCX/ODT, OCR, text, encodings): where the office
// fixtures are, a provision by unit id, and a document or report as text for
// failure messages. Header-only; each test program has its own copy.
#pragma once

#include <string>

#include "indexer/document.h"
#include "indexer/ingest_report.h"

namespace himoya::testing {

// tests/data/office/ and tests/data/encodings/, with a trailing slash.
inline const std::string kOffice = std::string(HIMOYA_SOURCE_DIR) + "/tests/data/office/";
inline const std::string kEncodings = std::string(HIMOYA_SOURCE_DIR) + "/tests/data/encodings/";

// A minimal valid sidecar (NAME.meta.xml) of a Tajik manual in `language`.
inline std::string sidecar_xml(const std::string& language) {
    return "<meta xmlns=\"urn:himoya:corpus:1\"><title>T</title><jurisdiction>TJ</jurisdiction>"
           "<language>" + language + "</language><type>manual</type><date>2020</date><issuing-body>B</issuing-body>"
           "<text-status>summary</text-status><source><official-title>T</official-title></source></meta>";
}

// Every provision's heading and text, one per line.
inline std::string all_text(const Document& d) {
    std::string s;
    for (const Provision& p : d.provisions) s += p.heading + "\n" + p.text + "\n";
    return s;
}

// The notes (IngestProblem::info) of a report, one per line.
inline std::string notes(const IngestReport& r) {
    std::string s;
    for (const IngestProblem& p : r.problems)
        if (p.info) s += p.to_string() + "\n";
    return s;
}

// The provision with this unit id, or nullptr.
inline const Provision* find(const Document& d, const std::string& unit_id) {
    for (const Provision& p : d.provisions)
        if (p.unit_id == unit_id) return &p;
    return nullptr;
}

// Whether the report has a problem (fatal or not, as asked) whose message contains `needle`.
inline bool has_problem(const IngestReport& r, const std::string& needle, bool fatal) {
    for (const IngestProblem& p : r.problems)
        if (p.fatal == fatal && p.message.find(needle) != std::string::npos) return true;
    return false;
}

// One line per provision: unit id, [label], {heading}, text.
inline std::string dump(const Document& d) {
    std::string out;
    for (const Provision& p : d.provisions) out += p.unit_id + " [" + p.label + "] {" + p.heading + "} " + p.text + "\n";
    return out;
}

// One line per problem, as the CLI prints it.
inline std::string problems(const IngestReport& r) {
    std::string out;
    for (const IngestProblem& p : r.problems) out += p.to_string() + "\n";
    return out;
}

}  // namespace himoya::testing
