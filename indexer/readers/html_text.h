// A deliberately small, forgiving HTML-to-text pass for manuals dropped into
// the corpus and pages saved from legal portals: no DOM, never fails. Tags
// are stripped, entities decoded (named, &#1234; and &#x4D2;),
// script/style/title dropped, and the text cut into blocks at block-level
// tags, with h1-h6 marked as headings.
//
// The page's frame is left out: nav, aside, header, footer, menu, select,
// button, iframe and svg elements, elements whose class or id marks them as
// frame (menu, nav, footer, sidebar, breadcrumb, banner, login,
// cookie, social, share, search-form, topbar), and blocks that are all link
// text (menu items). When what is left is less than a fifth of the page's
// text (a page marked all over, or an unclosed frame element swallowing the
// rest), the whole text is kept instead.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace himoya {

struct HtmlBlock {
    bool heading = false;
    std::string text;     // whitespace collapsed, never empty
    size_t offset = 0;    // byte offset of the block's start, for line numbers
};

std::vector<HtmlBlock> html_blocks(std::string_view html);

// Decodes HTML character references in `text` (unknown ones stay as written).
std::string decode_html_entities(std::string_view text);

}  // namespace himoya
