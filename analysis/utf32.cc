#include "analysis/utf32.h"

#include <unicode/utf8.h>

namespace himoya {

std::u32string utf8_to_u32(std::string_view utf8) {
    std::u32string out;
    out.reserve(utf8.size());
    const auto* s = reinterpret_cast<const uint8_t*>(utf8.data());
    int32_t length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c;
        U8_NEXT(s, i, length, c);
        out.push_back(c < 0 ? U'\uFFFD' : static_cast<char32_t>(c));
    }
    return out;
}

std::string u32_to_utf8(std::u32string_view text) {
    std::string out;
    out.reserve(text.size() * 2);
    for (char32_t c : text) {
        uint8_t buf[4];
        int32_t n = 0;
        UBool error = false;
        U8_APPEND(buf, n, 4, static_cast<UChar32>(c), error);
        if (!error) out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(n));
    }
    return out;
}

}  // namespace himoya
