// UTF-8 ↔ UTF-32 for code that works letter by letter on short words (the
// Tajik stemmer, the transliterator's callers). Invalid bytes become U+FFFD.
// Thread-safe: pure functions.
#pragma once

#include <string>
#include <string_view>

namespace himoya {

std::u32string utf8_to_u32(std::string_view utf8);
std::string u32_to_utf8(std::u32string_view text);

}  // namespace himoya
