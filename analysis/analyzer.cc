#include "analysis/analyzer.h"

#include "analysis/language.h"
#include "analysis/normalizer.h"
#include "analysis/stopwords.h"
#include "analysis/utf8.h"

namespace himoya {

std::vector<Token> Analyzer::analyze(std::string_view text, std::string_view language,
                                     unsigned first_position, size_t* too_long) {
    std::vector<Token> tokens;
    Utf16Text u16 = to_utf16(text);
    unsigned position = first_position;
    for (const WordSpan& span : tokenizer_.words(u16.text)) {
        icu::UnicodeString word(u16.text, span.begin, span.end - span.begin);
        icu::UnicodeString canonical = normalizer_.canonical(word);
        Token token;
        token.term = to_utf8(canonical);
        if (token.term.size() > kMaxTermBytes && too_long) ++*too_long;
        if (token.term.empty() || token.term.size() > kMaxTermBytes) continue;
        token.start = u16.byte_offset[static_cast<size_t>(span.begin)];
        token.end = u16.byte_offset[static_cast<size_t>(span.end)];
        token.raw.assign(text.substr(token.start, token.end - token.start));
        token.lang = span.is_number ? "" : word_language(canonical, language);
        token.stopword = is_stopword(token.term);
        token.stem = stemmers_.stem(token.term, token.lang);
        // Tajik words, and Cyrillic words of a query whose language is unknown
        // (they may be Tajik typed without its letters), get the folded key.
        bool unknown = language != "ru" && language != "tg" && language != "en";
        if (token.lang == "tg" || (token.lang == "ru" && unknown)) token.folded = stemmers_.folded_stem(token.term);
        token.position = position++;
        tokens.push_back(std::move(token));
    }
    return tokens;
}

std::vector<std::string> Analyzer::query_stems(const Token& token, std::string_view query_language) {
    std::vector<std::string> stems{token.stem};
    bool ambiguous_cyrillic = (token.lang == "ru" || token.lang == "tg") &&
                              query_language != "ru" && query_language != "tg" &&
                              !has_tajik_letter(to_utf16(token.term).text);
    if (ambiguous_cyrillic) {
        std::string other = stemmers_.stem(token.term, token.lang == "ru" ? "tg" : "ru");
        if (other != token.stem) stems.push_back(other);
    }
    return stems;
}

std::string Analyzer::query_folded(const Token& token, std::string_view query_language) {
    if (!token.folded.empty() || token.lang != "ru" || query_language == "ru") return token.folded;
    return stemmers_.folded_stem(token.term);  // a Cyrillic word in an English-hinted query
}

std::string Analyzer::latin_to_tajik(std::string_view latin) {
    if (!transliterator_) transliterator_ = std::make_unique<TajikTransliterator>();
    return transliterator_->to_cyrillic(latin);
}

std::vector<std::string> Analyzer::latin_tajik_spellings(std::string_view latin) {
    std::vector<std::string> out{latin_to_tajik(latin)};
    std::string plural = transliterator_->to_cyrillic_plural(latin);
    if (plural != out.front()) out.push_back(std::move(plural));
    return out;
}

std::vector<Token> Analyzer::latin_tajik_reading(std::string_view latin, bool plural) {
    if (!transliterator_) transliterator_ = std::make_unique<TajikTransliterator>();
    std::string cyrillic = plural ? transliterator_->to_cyrillic_plural(latin) : transliterator_->to_cyrillic(latin);
    return analyze(fold_tajik_letters_utf8(cyrillic), "tg");
}

std::string Analyzer::canonical(std::string_view word) {
    return to_utf8(normalizer_.canonical(to_utf16(word).text));
}

}  // namespace himoya
