// The analyze service: what the analyser does to a text, stage by stage, as
// /api/analyze and `himoya analyze` show it (the equivalent of Elasticsearch's
// _analyze). server/api_json.h encodes the report.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "search/index_view.h"

namespace himoya {

class Analyzer;

// One word of the text, every stage of it.
struct TokenReport {
    // As the Analyzer gives it (analysis/analyzer.h, Token).
    std::string raw, term, stem, lang, folded;
    size_t start = 0, end = 0;
    unsigned position = 0;
    bool stopword = false;
    std::string folded_term;  // the term with its Tajik letters folded
    // Only for Latin words of Latin-script Tajik: the word read as Tajik
    // Cyrillic, as it is also searched.
    struct Reading {
        std::string term, stem, folded;
    };
    std::optional<Reading> tajik;
    // Its second reading, with the plural suffix -ҳо, when it has one
    // (markazhoi: маркажои, марказҳои; Analyzer::latin_tajik_spellings).
    std::optional<Reading> tajik_plural;
};

struct AnalysisReport {
    std::string lang;          // the language analysed as ("und" when none was found)
    bool latin_tajik = false;  // Tajik written in Latin letters
    std::vector<TokenReport> tokens;
};

// `language` is tg, ru, en or auto (detected from the text).
AnalysisReport analysis_report(Analyzer& analyzer, const std::string& text, const std::string& language);

// The same with the view's Analyzer (GET /api/analyze).
// Uses the view alone while it runs: not thread-safe, as the view is not.
AnalysisReport analyze_text(IndexView& view, const std::string& text, const std::string& language);

// The same with a fresh Analyzer, for one-off callers such as the CLI.
AnalysisReport analysis_report(const std::string& text, const std::string& language);

}  // namespace himoya
