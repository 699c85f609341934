#include "analysis/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "analysis/langid_profiles.h"
#include "analysis/utf32.h"
#include "analysis/utf8.h"

namespace himoya {

Script word_script(const icu::UnicodeString& word) {
    for (int32_t i = 0; i < word.length();) {
        UChar32 c = word.char32At(i);
        i += U16_LENGTH(c);
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &status);
        if (script == USCRIPT_LATIN) return Script::kLatin;
        if (script == USCRIPT_CYRILLIC) return Script::kCyrillic;
    }
    return Script::kOther;
}

bool has_tajik_letter(const icu::UnicodeString& word) {
    for (int32_t i = 0; i < word.length(); ++i) {
        switch (word.charAt(i)) {
            case 0x0493: case 0x0492:  // ғ Ғ
            case 0x04E3: case 0x04E2:  // ӣ Ӣ
            case 0x049B: case 0x049A:  // қ Қ
            case 0x04EF: case 0x04EE:  // ӯ Ӯ
            case 0x04B3: case 0x04B2:  // ҳ Ҳ
            case 0x04B7: case 0x04B6:  // ҷ Ҷ
                return true;
            default: break;
        }
    }
    return false;
}

std::string word_language(const icu::UnicodeString& word, std::string_view context) {
    switch (word_script(word)) {
        case Script::kLatin: return "en";
        case Script::kCyrillic:
            if (has_tajik_letter(word) || context == "tg") return "tg";
            return "ru";
        case Script::kOther: return "";
    }
    return "";
}

namespace {

// Lower-case letters as the profiles were trained (bench/train_langid.py):
// old-font and look-alike letters mapped, ё → е; anything else splits words.
char32_t profile_letter(UChar32 c) {
    c = u_tolower(c);
    switch (c) {
        case 0x0451: return 0x0435;  // ё
        case 0x045E: return 0x04EF; case 0x045A: case 0x04BB: return 0x04B3;
        case 0x0457: return 0x04E3; case 0x045C: case 0x049D: return 0x049B;
        case 0x0459: case 0x04B9: return 0x04B7; case 0x0453: return 0x0493;
        default: return static_cast<char32_t>(c);
    }
}

// A trigram of profile letters as one number (21 bits per code point), so
// that looking one up builds no string and hashes one integer: language
// identification runs on every provision of every document indexed.
uint64_t gram_key(char32_t a, char32_t b, char32_t c) {
    return (static_cast<uint64_t>(a) << 42) | (static_cast<uint64_t>(b) << 21) | static_cast<uint64_t>(c);
}

struct Profiles {
    std::vector<std::string> langs;
    std::unordered_map<uint64_t, uint32_t> rows;  // trigram → its row in logp
    std::vector<float> logp;                      // log P per language, langs.size() per row
    std::vector<float> unseen;                    // log P of a trigram a profile lacks
    Profiles() {
        constexpr double kAlpha = 0.5, kVocabulary = 30000;
        const size_t n = langid::kProfileCount;
        for (size_t l = 0; l < n; ++l) langs.push_back(langid::kProfiles[l].lang);
        for (size_t l = 0; l < n; ++l) {
            const auto& p = langid::kProfiles[l];
            double denominator = p.total + kAlpha * kVocabulary;
            unseen.push_back(static_cast<float>(std::log(kAlpha / denominator)));
        }
        for (size_t l = 0; l < n; ++l) {
            const auto& p = langid::kProfiles[l];
            double denominator = p.total + kAlpha * kVocabulary;
            for (size_t i = 0; i < p.size; ++i) {
                const std::u32string gram = utf8_to_u32(p.grams[i].text);
                if (gram.size() != 3) continue;  // every trained gram is three letters
                auto [it, added] = rows.emplace(gram_key(gram[0], gram[1], gram[2]), static_cast<uint32_t>(logp.size() / n));
                if (added) logp.insert(logp.end(), unseen.begin(), unseen.end());
                logp[it->second * n + l] = static_cast<float>(std::log((p.grams[i].count + kAlpha) / denominator));
            }
        }
    }
    // The log P row of a trigram, or the unseen row.
    const float* row(uint64_t key) const {
        auto it = rows.find(key);
        return it == rows.end() ? unseen.data() : logp.data() + static_cast<size_t>(it->second) * langs.size();
    }
    size_t index(std::string_view lang) const {
        for (size_t l = 0; l < langs.size(); ++l) if (langs[l] == lang) return l;
        return 0;
    }
};

const Profiles& profiles() {
    static const Profiles p;
    return p;
}

// Texts are judged on their first this many letters: plenty for a profile.
constexpr int kMaxLetters = 20000;

}  // namespace

LanguageGuess identify_language(std::string_view utf8_text) {
    const Profiles& p = profiles();
    std::vector<double> score(p.langs.size(), 0);
    int latin = 0, cyrillic = 0, other = 0, grams = 0;
    // Words of letters, each padded with spaces: " ва " → " ва", "ва ".
    std::vector<char32_t> word{U' '};
    auto flush = [&] {
        if (word.size() > 1) {
            word.push_back(U' ');
            for (size_t i = 0; i + 3 <= word.size(); ++i) {
                const float* row = p.row(gram_key(word[i], word[i + 1], word[i + 2]));
                for (size_t l = 0; l < score.size(); ++l) score[l] += row[l];
                ++grams;
            }
        }
        word.assign(1, U' ');
    };
    icu::UnicodeString text = to_utf16(utf8_text).text;
    for (int32_t i = 0; i < text.length() && latin + cyrillic + other < kMaxLetters;) {
        UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (!u_isalpha(c)) { flush(); continue; }
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &status);
        if (script == USCRIPT_LATIN) ++latin;
        else if (script == USCRIPT_CYRILLIC) ++cyrillic;
        else { ++other; flush(); continue; }
        word.push_back(profile_letter(c));
    }
    flush();
    LanguageGuess guess;
    if (latin + cyrillic == 0 || other > latin + cyrillic) return guess;
    bool is_cyrillic = cyrillic >= latin;
    size_t a = p.index(is_cyrillic ? "tg" : "en"), b = p.index(is_cyrillic ? "ru" : "tl");
    double lead = (score[a] - score[b]) / std::max(grams, 1);
    if (is_cyrillic) {
        guess.lang = lead >= 0 ? "tg" : "ru";
    } else {
        guess.lang = lead >= 0 ? "en" : "tg";
        guess.latin_tajik = lead < 0;
    }
    guess.margin = std::abs(lead);
    return guess;
}

std::string detect_language(std::string_view utf8_text) { return identify_language(utf8_text).lang; }

std::string passage_language(std::string_view declared, std::string_view utf8_text) {
    bool analysed = declared == "tg" || declared == "ru" || declared == "en";
    // Over the bundled corpus every provision of ≥ 5 words agrees with its
    // document, with margins of 0.6 and more: 0.5 leaves room on both sides.
    constexpr double kMinMargin = 0.5;
    constexpr int kMinWords = 5;
    int words = 0;
    bool in_word = false;
    for (char c : utf8_text) {
        bool space = c == ' ' || c == '\n' || c == '\t';
        if (!space && !in_word) ++words;
        in_word = !space;
    }
    if (words < kMinWords) return std::string(declared);
    LanguageGuess guess = identify_language(utf8_text);
    if (guess.lang.empty()) return std::string(declared);
    if (!analysed) return guess.lang;
    // Latin words are stemmed as English whatever the context: only tg/ru matter.
    if (guess.latin_tajik || guess.lang == "en" || guess.margin < kMinMargin) return std::string(declared);
    return guess.lang;
}

std::string normalize_language_code(std::string_view code) {
    if (code == "tg" || code == "ru" || code == "en" || code == "auto") return std::string(code);
    if (code == "tgk" || code == "tjk" || code == "taj") return "tg";
    if (code == "rus") return "ru";
    if (code == "eng") return "en";
    if (code.empty()) return "auto";
    return "";
}

}  // namespace himoya
