// The text of a legacy Word .doc (Word 97-2003 binary, an OLE2 compound
// file), paragraph by paragraph with its styles: the format in which offices
// and CIS legal databases still keep many laws.
//
// Why a converter in a child process: the Word binary format is a large
// specification, and Debian's wvWare (package `wv`, the library AbiWord
// used) reads it well; run as its own process with a time limit, a file that
// crashes or hangs it costs that file only. Measured on our fixtures
// (docs/corpus-format.md, "Legacy Word .doc"): antiword and catdoc print
// plain text wrapped at a fixed width and lose the paragraph styles, so
// headings would have to be guessed; wvWare's HTML keeps every paragraph
// whole with its style name ("Heading 2", "Заголовок 1"), and tables as
// tables. This file runs `wvWare --charset=utf-8 -x <wvHtml.xml>` on a
// private copy of the bytes in a fresh temporary directory and reads back
// the HTML.
//
// What becomes a block: each paragraph, a heading when its style is a
// heading style (is_heading_style_name); a table row as one block of its
// non-empty cells joined by " | ". The page head, images and empty
// paragraphs are dropped.
//
// The converter: $HIMOYA_WVWARE, else `wvWare` on PATH; its HTML
// configuration $HIMOYA_WVHTML_XML, else /usr/share/wv/wvHtml.xml. Missing,
// it is an error that says what to install.
//
// Thread-safe: each call has its own temporary directory and child.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "indexer/readers/rtf_text.h"

namespace himoya {

struct DocText {
    std::vector<RtfBlock> blocks;  // same shape as RTF's: paragraph, heading, table row
    std::string error;             // why nothing could be read ("" when read)
};

// `bytes` must be an OLE2 compound file (the .doc signature); anything else
// is an error naming what it looks like instead.
DocText read_doc_text(std::string_view bytes, int timeout_seconds = 60);

// The blocks of wvWare's HTML output (exposed for tests and fuzzing).
std::vector<RtfBlock> blocks_of_wv_html(std::string_view html);

// True when `bytes` open with the OLE2 compound-file signature.
bool is_ole2(std::string_view bytes);

}  // namespace himoya
