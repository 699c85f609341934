#include "search/analysis_report.h"

#include "analysis/analyzer.h"
#include "analysis/language.h"
#include "analysis/normalizer.h"

namespace himoya {

AnalysisReport analysis_report(Analyzer& analyzer, const std::string& text, const std::string& language) {
    LanguageGuess guess = identify_language(text);
    std::string lang = language == "auto" || language.empty() ? guess.lang : language;
    AnalysisReport report;
    report.latin_tajik = guess.latin_tajik && lang == "tg";
    for (const Token& t : analyzer.analyze(text, lang.empty() ? "auto" : lang)) {
        TokenReport token{t.raw, t.term, t.stem, t.lang, t.folded, t.start, t.end, t.position, t.stopword,
                          fold_tajik_letters_utf8(t.term), std::nullopt, std::nullopt};
        if (report.latin_tajik && t.lang == "en") {
            // A Latin word of Latin-script Tajik is also searched as Tajik Cyrillic.
            auto spellings = analyzer.latin_tajik_spellings(t.term);
            for (const Token& c : analyzer.analyze(spellings[0], "tg"))
                token.tajik = TokenReport::Reading{c.term, c.stem, c.folded};
            if (spellings.size() > 1)
                for (const Token& c : analyzer.analyze(spellings[1], "tg"))
                    token.tajik_plural = TokenReport::Reading{c.term, c.stem, c.folded};
        }
        report.tokens.push_back(std::move(token));
    }
    report.lang = lang.empty() ? "und" : lang;
    return report;
}

AnalysisReport analysis_report(const std::string& text, const std::string& language) {
    Analyzer analyzer;
    return analysis_report(analyzer, text, language);
}

AnalysisReport analyze_text(IndexView& view, const std::string& text, const std::string& language) {
    return analysis_report(view.analyzer(), text, language);
}

}  // namespace himoya
