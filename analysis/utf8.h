// UTF-8 helpers shared by the analysis steps: validation and conversion to
// UTF-16 (ICU's working encoding) that remembers where each unit came from.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/unistr.h>

namespace himoya {

// Byte offset of the first invalid UTF-8 sequence, or npos when valid.
size_t find_invalid_utf8(std::string_view text);

// UTF-16 text plus, for each UTF-16 unit, the byte offset in the UTF-8 source
// (one extra entry at the end = source size). Invalid bytes become U+FFFD.
struct Utf16Text {
    icu::UnicodeString text;
    std::vector<size_t> byte_offset;
};
Utf16Text to_utf16(std::string_view utf8);

std::string to_utf8(const icu::UnicodeString& text);

// Replaces invalid UTF-8 sequences with U+FFFD.
std::string sanitize_utf8(std::string_view text);

}  // namespace himoya
