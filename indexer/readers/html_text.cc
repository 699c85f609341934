#include "indexer/readers/html_text.h"

#include <algorithm>
#include <cstdint>

#include "indexer/readers/reader_text.h"

namespace himoya {

namespace {

// The main text must keep at least 1/kMainTextShare of the page's text.
constexpr size_t kMainTextShare = 5;

void append_utf8(std::string& out, uint32_t cp) {
    // NUL, surrogates and out-of-range code points are not characters.
    if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) cp = 0xFFFD;
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

struct NamedEntity {
    std::string_view name;
    uint32_t cp;
};

// The entities real legal HTML uses; &nbsp; becomes a plain space so that
// words stay separable.
constexpr NamedEntity kEntities[] = {
    {"amp", '&'},      {"lt", '<'},       {"gt", '>'},       {"quot", '"'},
    {"apos", '\''},    {"nbsp", ' '},     {"ndash", 0x2013}, {"mdash", 0x2014},
    {"laquo", 0xAB},   {"raquo", 0xBB},   {"hellip", 0x2026}, {"copy", 0xA9},
    {"reg", 0xAE},     {"ldquo", 0x201C}, {"rdquo", 0x201D}, {"lsquo", 0x2018},
    {"rsquo", 0x2019}, {"bdquo", 0x201E}, {"bull", 0x2022},  {"middot", 0xB7},
    {"sect", 0xA7},    {"para", 0xB6},    {"deg", 0xB0},     {"times", 0xD7},
    {"numero", 0x2116}, {"shy", 0xAD},
};

// Decodes the reference starting at text[i] == '&' into `out`; returns the
// number of bytes consumed, or 0 when it is not a reference we know.
size_t decode_entity(std::string_view text, size_t i, std::string& out) {
    size_t semi = text.find(';', i + 1);
    if (semi == std::string_view::npos || semi - i > 32) return 0;
    std::string_view name = text.substr(i + 1, semi - i - 1);
    if (name.size() >= 2 && name[0] == '#') {
        bool hex = name[1] == 'x' || name[1] == 'X';
        std::string_view digits = name.substr(hex ? 2 : 1);
        if (digits.empty()) return 0;
        uint32_t cp = 0;
        for (char c : digits) {
            int d;
            if (c >= '0' && c <= '9') d = c - '0';
            else if (hex && c >= 'a' && c <= 'f') d = c - 'a' + 10;
            else if (hex && c >= 'A' && c <= 'F') d = c - 'A' + 10;
            else return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<uint32_t>(d);
            if (cp > 0x10FFFF) cp = 0x110000;  // keep it invalid without overflow
        }
        append_utf8(out, cp);
        return semi - i + 1;
    }
    for (const NamedEntity& e : kEntities) {
        if (e.name == name) {
            if (e.cp != 0xAD) append_utf8(out, e.cp);  // soft hyphen: invisible
            return semi - i + 1;
        }
    }
    return 0;
}

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

bool is_block_tag(std::string_view t) {
    for (std::string_view b : {"p", "div", "li", "ul", "ol", "tr", "td", "th", "table",
                               "section", "article", "header", "footer", "blockquote", "pre",
                               "hr", "dd", "dt", "dl", "main", "nav", "aside", "figure",
                               "figcaption", "body", "html", "form", "caption", "address"})
        if (t == b) return true;
    return false;
}

// Case-insensitive search for "</name" from `from`.
size_t find_close_tag(std::string_view html, std::string_view name, size_t from) {
    for (size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
        if (i + 2 + name.size() > html.size()) return std::string_view::npos;
        bool same = true;
        for (size_t k = 0; k < name.size() && same; ++k) same = lower(html[i + 2 + k]) == name[k];
        if (same) return i;
    }
    return std::string_view::npos;
}

// End of a tag (the index after '>'), honouring quoted attribute values.
size_t tag_end(std::string_view html, size_t i) {
    char quote = 0;
    for (; i < html.size(); ++i) {
        char c = html[i];
        if (quote) {
            if (c == quote) quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            return i + 1;
        }
    }
    return html.size();
}

class BlockCollector {
public:
    void text(std::string_view piece, size_t offset) {
        if (builder_.empty()) start_ = offset;
        builder_.append(piece);
        for (char c : piece)
            if (!is_space_byte(c) && (static_cast<unsigned char>(c) & 0xC0) != 0x80) {
                ++chars_;
                if (in_link_ > 0) ++link_chars_;
            }
    }
    void flush() {
        std::string t = builder_.take();
        // A block that is all link text (a menu item, a breadcrumb) is navigation.
        bool navigation = chars_ > 0 && link_chars_ * 10 >= chars_ * 9 && !heading_;
        if (!t.empty()) (navigation ? navigation_ : blocks_).push_back({heading_, std::move(t), start_});
        chars_ = link_chars_ = 0;
    }
    void link(bool open) { in_link_ = open ? in_link_ + 1 : (in_link_ > 0 ? in_link_ - 1 : 0); }
    // Blocks dropped as navigation (all link text), kept for the fallback.
    std::vector<HtmlBlock>& navigation() { return navigation_; }
    void set_heading(bool h) { heading_ = h; }
    bool heading() const { return heading_; }
    std::vector<HtmlBlock> take() {
        flush();
        return std::move(blocks_);
    }

private:
    static bool is_space_byte(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
    TextBuilder builder_;
    std::vector<HtmlBlock> blocks_, navigation_;
    bool heading_ = false;
    size_t start_ = 0;
    size_t chars_ = 0, link_chars_ = 0;
    int in_link_ = 0;
};

// Elements of a page's frame, not its text: site navigation, banners,
// sidebars, footers, menus and controls.
bool is_frame_tag(std::string_view t) {
    for (std::string_view f : {"nav", "aside", "header", "footer", "menu", "select", "button", "iframe", "svg"})
        if (t == f) return true;
    return false;
}

// A class or id a page's frame is marked with ("main-menu", "breadcrumbs",
// "login-form", "footer", "sidebar"); matched as a word part, in the tag's
// class and id attributes only.
bool has_frame_marker(std::string_view tag) {
    std::string lower_tag;
    for (char c : tag) lower_tag += lower(c);
    for (std::string_view attr : {"class=", "id="}) {
        for (size_t at = lower_tag.find(attr); at != std::string::npos; at = lower_tag.find(attr, at + 1)) {
            if (at > 0 && (is_name_char(lower_tag[at - 1]) || lower_tag[at - 1] == '-')) continue;  // data-class=, grid=
            size_t v = at + attr.size();
            char quote = v < lower_tag.size() && (lower_tag[v] == '"' || lower_tag[v] == '\'') ? lower_tag[v++] : ' ';
            size_t end = lower_tag.find_first_of(quote == ' ' ? std::string_view(" >") : std::string_view(&quote, 1), v);
            std::string_view value = std::string_view(lower_tag).substr(v, end == std::string::npos ? std::string::npos : end - v);
            // ("header" is not among them: an article's own header holds its title.)
            for (std::string_view marker : {"menu", "nav", "footer", "sidebar", "breadcrumb", "banner",
                                            "login", "cookie", "social", "share", "search-form", "topbar"})
                if (value.find(marker) != std::string_view::npos) return true;
        }
    }
    return false;
}

bool is_void_tag(std::string_view t) {
    for (std::string_view v : {"br", "img", "input", "meta", "link", "hr", "area", "base", "col", "embed", "source", "wbr"})
        if (t == v) return true;
    return false;
}

}  // namespace

std::string decode_html_entities(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (size_t i = 0; i < text.size();) {
        if (text[i] == '&') {
            if (size_t used = decode_entity(text, i, out)) {
                i += used;
                continue;
            }
        }
        out += text[i++];
    }
    return out;
}

namespace {

// One pass; `main_only`: leave out the page's frame (frame tags, elements
// marked as frame by class or id, blocks that are all link text).
std::vector<HtmlBlock> collect_blocks(std::string_view html, bool main_only, size_t* frame_chars) {
    BlockCollector out;
    size_t i = 0;
    std::string skip_tag;  // the frame element being skipped, and how deep in it
    int skip_depth = 0;
    while (i < html.size()) {
        if (html[i] != '<') {
            size_t next = html.find('<', i);
            if (next == std::string_view::npos) next = html.size();
            if (skip_depth > 0) {
                if (frame_chars) *frame_chars += next - i;
            } else {
                out.text(decode_html_entities(html.substr(i, next - i)), i);
            }
            i = next;
            continue;
        }
        if (html.compare(i, 4, "<!--") == 0) {
            size_t end = html.find("-->", i + 4);
            i = end == std::string_view::npos ? html.size() : end + 3;
            continue;
        }
        size_t k = i + 1;
        bool closing = k < html.size() && html[k] == '/';
        if (closing) ++k;
        if (k < html.size() && (html[k] == '!' || html[k] == '?')) {  // doctype, PI
            i = tag_end(html, k);
            continue;
        }
        std::string name;
        while (k < html.size() && is_name_char(html[k])) name += lower(html[k++]);
        if (name.empty()) {  // a stray '<' in text
            out.text("<", i);
            ++i;
            continue;
        }
        const size_t tag_start = i;
        i = tag_end(html, k);
        if (!closing && (name == "script" || name == "style" || name == "title" ||
                         name == "template" || name == "noscript")) {
            // Their content is not text of the document.
            size_t close = find_close_tag(html, name, i);
            i = close == std::string_view::npos ? html.size() : tag_end(html, close);
            continue;
        }
        const bool self_closing = i >= 2 && html[i - 2] == '/';
        if (skip_depth > 0) {
            // Inside a frame element: only its own nesting matters.
            if (name == skip_tag && !self_closing) skip_depth += closing ? -1 : 1;
            continue;
        }
        if (main_only && !closing && !self_closing && !is_void_tag(name) &&
            (is_frame_tag(name) || has_frame_marker(html.substr(tag_start, i - tag_start)))) {
            out.flush();
            skip_tag = name;
            skip_depth = 1;
            continue;
        }
        if (name == "a") out.link(!closing);
        bool h = name.size() == 2 && name[0] == 'h' && name[1] >= '1' && name[1] <= '6';
        if (h) {
            out.flush();
            out.set_heading(!closing);
        } else if (name == "br") {
            out.text(" ", i);  // a line break inside a paragraph, like a newline in .txt
        } else if (is_block_tag(name)) {
            if (out.heading()) out.text(" ", i);
            else out.flush();
        }
    }
    std::vector<HtmlBlock> blocks = out.take();
    if (!main_only) {
        // Without frame removal, navigation blocks are text like any other.
        for (HtmlBlock& b : out.navigation()) blocks.push_back(std::move(b));
        std::sort(blocks.begin(), blocks.end(), [](const HtmlBlock& a, const HtmlBlock& b) { return a.offset < b.offset; });
    }
    return blocks;
}

size_t text_size(const std::vector<HtmlBlock>& blocks) {
    size_t n = 0;
    for (const HtmlBlock& b : blocks) n += b.text.size();
    return n;
}

}  // namespace

std::vector<HtmlBlock> html_blocks(std::string_view html) {
    // The page's main text when it keeps a fair share of the whole (a page
    // whose every element is marked as frame, or an unclosed <header> that
    // would swallow the rest, falls back to all of its text).
    std::vector<HtmlBlock> main = collect_blocks(html, true, nullptr);
    std::vector<HtmlBlock> all = collect_blocks(html, false, nullptr);
    if (main.empty() || text_size(main) * kMainTextShare < text_size(all)) return all;
    return main;
}

}  // namespace himoya
