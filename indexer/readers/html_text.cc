#include "indexer/readers/html_text.h"

#include <cstdint>

#include "indexer/readers/reader_text.h"

namespace himoya {

namespace {

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
    }
    void flush() {
        std::string t = builder_.take();
        if (!t.empty()) blocks_.push_back({heading_, std::move(t), start_});
    }
    void set_heading(bool h) { heading_ = h; }
    bool heading() const { return heading_; }
    std::vector<HtmlBlock> take() {
        flush();
        return std::move(blocks_);
    }

private:
    TextBuilder builder_;
    std::vector<HtmlBlock> blocks_;
    bool heading_ = false;
    size_t start_ = 0;
};

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

std::vector<HtmlBlock> html_blocks(std::string_view html) {
    BlockCollector out;
    size_t i = 0;
    while (i < html.size()) {
        if (html[i] != '<') {
            size_t next = html.find('<', i);
            if (next == std::string_view::npos) next = html.size();
            out.text(decode_html_entities(html.substr(i, next - i)), i);
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
        i = tag_end(html, k);
        if (!closing && (name == "script" || name == "style" || name == "title" ||
                         name == "template" || name == "noscript")) {
            // Their content is not text of the document.
            size_t close = find_close_tag(html, name, i);
            i = close == std::string_view::npos ? html.size() : tag_end(html, close);
            continue;
        }
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
    return out.take();
}

}  // namespace himoya
