#include "search/analysis_report.h"

#include "analysis/language.h"

namespace himoya {

using nlohmann::json;

json analysis_report(Analyzer& analyzer, const std::string& text, const std::string& language) {
    std::string lang = language == "auto" || language.empty() ? detect_language(text) : language;
    json tokens = json::array();
    for (const Token& t : analyzer.analyze(text, lang.empty() ? "auto" : lang)) {
        tokens.push_back({{"token", t.raw}, {"term", t.term}, {"stem", t.stem}, {"lang", t.lang},
                          {"stopword", t.stopword}, {"start", t.start}, {"end", t.end}, {"position", t.position}});
    }
    return {{"lang", lang.empty() ? "und" : lang}, {"tokens", tokens}};
}

json analysis_report(const std::string& text, const std::string& language) {
    Analyzer analyzer;
    return analysis_report(analyzer, text, language);
}

}  // namespace himoya
