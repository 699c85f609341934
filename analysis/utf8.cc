#include "analysis/utf8.h"

#include <unicode/utf8.h>

namespace himoya {

size_t find_invalid_utf8(std::string_view text) {
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    int32_t length = static_cast<int32_t>(text.size());
    int32_t i = 0;
    while (i < length) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) return static_cast<size_t>(start);
    }
    return std::string_view::npos;
}

Utf16Text to_utf16(std::string_view utf8) {
    Utf16Text out;
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    int32_t length = static_cast<int32_t>(utf8.size());
    out.byte_offset.reserve(utf8.size() + 1);
    int32_t i = 0;
    while (i < length) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(s, i, length, c);
        if (c < 0) c = 0xFFFD;
        out.text.append(c);
        out.byte_offset.push_back(static_cast<size_t>(start));
        if (c > 0xFFFF) out.byte_offset.push_back(static_cast<size_t>(start));  // low surrogate
    }
    out.byte_offset.push_back(utf8.size());
    return out;
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::string sanitize_utf8(std::string_view text) {
    if (find_invalid_utf8(text) == std::string_view::npos) return std::string(text);
    return to_utf8(to_utf16(text).text);
}

}  // namespace himoya
