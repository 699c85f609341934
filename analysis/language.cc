#include "analysis/language.h"

#include <unicode/uchar.h>
#include <unicode/uscript.h>

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

std::string detect_language(std::string_view utf8_text) {
    icu::UnicodeString text = to_utf16(utf8_text).text;
    int latin = 0, cyrillic = 0, tajik = 0;
    for (int32_t i = 0; i < text.length();) {
        UChar32 c = text.char32At(i);
        i += U16_LENGTH(c);
        if (!u_isalpha(c)) continue;
        UErrorCode status = U_ZERO_ERROR;
        UScriptCode script = uscript_getScript(c, &status);
        if (script == USCRIPT_LATIN) ++latin;
        if (script == USCRIPT_CYRILLIC) {
            ++cyrillic;
            icu::UnicodeString one(c);
            if (has_tajik_letter(one)) ++tajik;
        }
    }
    if (latin == 0 && cyrillic == 0) return "";
    if (latin > cyrillic) return "en";
    // One Tajik letter in fifty is far above chance for Russian text.
    return tajik * 50 >= cyrillic ? "tg" : "ru";
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
