// Requests for comparing jurisdictions: side by side on one topic
// (/api/compare) and as a coverage matrix (/api/matrix). Answered by Searcher.
#pragma once

#include <string>
#include <vector>

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
    std::string ui_lang = "en";              // language for labels, and of the versions shown
    bool include_repealed = false;           // repealed law is left out unless asked for
};

struct MatrixRequest {
    std::vector<std::string> jurisdictions;  // 1..8
    std::string scheme = "istanbul";         // istanbul | thesaurus
    std::vector<std::string> languages;      // preferred languages of the provisions shown (not a filter)
    std::string ui_lang = "en";
    bool include_repealed = false;
};

// Throw BadRequest naming the problem.
void validate(const CompareRequest& request);
void validate(const MatrixRequest& request);

}  // namespace himoya
