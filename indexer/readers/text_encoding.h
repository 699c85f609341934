// Reading a text or HTML file whatever encoding it was saved in: a manual
// from an office is as likely to be windows-1251, KOI8-R, KOI8-T (Tajik KOI8)
// or UTF-16 as UTF-8. Each file is decided on its own, converted to UTF-8,
// and the decision reported; a file whose encoding cannot be told with
// confidence, or whose bytes are not valid in it, is skipped with a message
// naming the problem, never indexed as garbage.
//
// The decision, in order (decode_text_bytes):
//   1. a byte-order mark: UTF-8, UTF-16LE or UTF-16BE;
//   2. valid UTF-8 without NUL bytes: UTF-8 (the common case; nothing is
//      reported). A valid UTF-8 file keeps UTF-8 even when an HTML page
//      declares another charset: pages re-saved as UTF-8 keep their old
//      <meta>, and Cyrillic in a single-byte charset is never valid UTF-8;
//   3. NUL bytes: UTF-16 without a byte-order mark, when one byte order reads
//      as text (letters, digits, punctuation, spaces) and the other does not;
//      else a skip (binary data);
//   4. HTML: a declared charset (<meta charset="..."> or <meta
//      http-equiv="Content-Type" content="...; charset=...">) wins;
//   5. ICU's charset detector (ucsdet) proposes charsets with a confidence;
//      windows-1251, KOI8-R and KOI8-T (which ICU does not know) are always
//      tried too. Each candidate decodes the bytes, and the one whose reading
//      holds the most common Russian and Tajik words (less the words that no
//      real text has: a capital inside a lower-case word, a box-drawing sign
//      glued to letters, mixed scripts) wins, ICU's confidence breaking ties.
//      It is accepted when the words bear it out (at least 3 known words, twice
//      as many as any other reading, a tenth of its words at least, and at most
//      a tenth impossible ones) or, for text with no Cyrillic words, when
//      ICU is confident (>= 50) and the reading has no impossible words; with
//      fewer than 10 words holding non-ASCII letters nothing is accepted.
//
// KOI8-T is not among ICU's converters (`uconv -l`, ICU 72): its table is
// written here (text_encoding.cc), from GNU libiconv's lib/koi8_t.h.
//
// XML files do not come here: XML declares its encoding, and the XML readers
// keep ReaderInput::text() (valid UTF-8 or a skip).
//
// Thread-safe: each call opens its own ICU detector and converters.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "indexer/ingest_report.h"

namespace himoya {

// A file's text in UTF-8 and how it was read.
struct DecodedText {
    std::string text;          // UTF-8, byte-order mark dropped
    std::string charset;       // "UTF-8", "windows-1251", "KOI8-R", "KOI8-T", "UTF-16LE" ...
    std::string how;           // "byte-order mark", "declared in the page", "detected" ...
    int confidence = 100;      // ICU's 0-100 when detected (0: a charset ICU does not know)
    int known_words = 0;       // common Russian/Tajik words the chosen reading holds
    int words = 0;             // words with non-ASCII letters in it

    // Whether the file was anything but plain UTF-8 (then it is reported).
    bool converted() const { return charset != "UTF-8" || how != "valid UTF-8"; }
    // One line for the ingest report, e.g. "read as windows-1251 (detected:
    // ICU confidence 43; 25 of 31 words known)".
    std::string note() const;
};

// Decodes one text/HTML file's bytes (`html`: look for a declared charset).
// On failure records a skip naming `name` and the problem, and returns nullopt.
// An empty (or whitespace-only) file is the same skip as before: "file is empty".
std::optional<DecodedText> decode_text_bytes(std::string_view bytes, const std::string& name, bool html,
                                             IngestReport& report);

// The charset an HTML page declares in its first 4 KiB (lower case, "" when
// none): <meta charset="..."> or <meta http-equiv="Content-Type" content="...;
// charset=...">.
std::string declared_html_charset(std::string_view html);

// `bytes` converted from `charset` to UTF-8, strictly: nullopt when the
// charset is unknown or a byte sequence is not valid in it (then
// `bad_offset`, when given, is the offset of the first bad byte, or npos when
// not known). KOI8-T by our table, anything else by ICU.
std::optional<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset,
                                           size_t* bad_offset = nullptr);

}  // namespace himoya
