// The text of an RTF file, paragraph by paragraph: what legal portals and
// older offices save a law as ("Save as RTF" in Word, the download format
// of CIS legal databases). Written by hand rather than run through unrtf:
// RTF is a plain-text format whose text layer takes a page of rules, and an
// in-process parser needs no child process per untrusted file; unrtf
// (Debian 0.21.10) was measured on the same fixtures: its HTML output keeps
// the letters but loses paragraph styles, and its text output does not
// convert code pages at all (docs/corpus-format.md, "RTF").
//
// What is read: the body's paragraphs (\par), a table row as one paragraph
// of its non-empty cells joined by " | " (\cell, \row); characters from
// \'hh bytes in the code page in force (\ansicpgN, or the current font's
// \fcharsetN), \uN Unicode escapes (with their \ucN fallbacks skipped), and
// the literal text. A paragraph is a heading when its style (\sN) is named
// "heading N", "Title", "Заголовок N" or similar in the stylesheet, or it
// has an outline level (\outlinelevelN). Not read: the font, colour and
// style tables, document information, pictures, objects, headers, footers,
// footnotes, annotations, field instructions (their results are read), and
// any destination marked \* that is not one of these.
//
// Errors: input that does not open with "{\rtf" is not RTF; unbalanced
// braces are tolerated (text up to the end is kept) but reported.
//
// Thread-safe: pure function; each call opens its own ICU converters.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace himoya {

struct RtfBlock {
    enum class Kind { paragraph, heading, table_row };
    Kind kind = Kind::paragraph;
    std::string text;  // UTF-8, whitespace collapsed, never empty
};

struct RtfText {
    std::vector<RtfBlock> blocks;
    std::string error;    // not RTF at all ("" when it is)
    std::string warning;  // e.g. unbalanced braces: the text was still read
};

RtfText read_rtf_text(std::string_view bytes);

}  // namespace himoya
