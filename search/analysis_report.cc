#include "search/analysis_report.h"

#include "analysis/language.h"
#include "analysis/normalizer.h"

namespace himoya {

using nlohmann::json;

json analysis_report(Analyzer& analyzer, const std::string& text, const std::string& language) {
    LanguageGuess guess = identify_language(text);
    std::string lang = language == "auto" || language.empty() ? guess.lang : language;
    bool latin_tajik = guess.latin_tajik && lang == "tg";
    json tokens = json::array();
    for (const Token& t : analyzer.analyze(text, lang.empty() ? "auto" : lang)) {
        json token = {{"token", t.raw}, {"term", t.term}, {"stem", t.stem}, {"lang", t.lang},
                      {"stopword", t.stopword}, {"start", t.start}, {"end", t.end}, {"position", t.position},
                      // Every stage, for /api/analyze and `himoya analyze`: the canonical form
                      // (= term), its Tajik letters folded, and the folded-layer key.
                      {"normalized", t.term}, {"folded_term", fold_tajik_letters_utf8(t.term)}, {"folded", t.folded}};
        if (latin_tajik && t.lang == "en") {
            // A Latin word of Latin-script Tajik is also searched as Tajik Cyrillic.
            for (const Token& c : analyzer.analyze(analyzer.latin_to_tajik(t.term), "tg"))
                token["tajik"] = {{"term", c.term}, {"stem", c.stem}, {"folded", c.folded}};
        }
        tokens.push_back(std::move(token));
    }
    return {{"lang", lang.empty() ? "und" : lang}, {"latin_tajik", latin_tajik}, {"tokens", tokens}};
}

json analysis_report(const std::string& text, const std::string& language) {
    Analyzer analyzer;
    return analysis_report(analyzer, text, language);
}

}  // namespace himoya
