#include "analysis/term_scheme.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace himoya::terms {

std::string slug(std::string_view value) {
    // Lower-case with ICU so that Cyrillic body names slug as well as Latin ones.
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(value.data(), static_cast<int32_t>(value.size())));
    u.toLower(icu::Locale::getRoot());
    std::string lower;
    u.toUTF8String(lower);
    std::string out;
    bool dash = false;
    for (unsigned char c : lower) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '.' || c == '_';
        if (keep) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += static_cast<char>(c);
        } else {
            dash = true;  // runs of spaces and punctuation become one '-'
        }
    }
    // Xapian terms are limited to 245 bytes; cut on a UTF-8 character boundary.
    if (out.size() > 200) {
        size_t cut = 200;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    return out;
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    term += slug(value);
    return term;
}

}  // namespace himoya::terms
