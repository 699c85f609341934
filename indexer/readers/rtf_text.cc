#include "indexer/readers/rtf_text.h"

#include <cctype>
#include <cstdlib>
#include <map>
#include <memory>
#include <set>

#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include "indexer/readers/reader_text.h"

namespace himoya {
namespace {

// Destinations whose text is not the document's (the font and style tables
// are read for what they say about the body, never as text).
const std::set<std::string, std::less<>>& skipped_destinations() {
    static const std::set<std::string, std::less<>> names{
        "author", "annotation", "atnauthor", "atndate", "atnid", "bkmkend", "bkmkstart", "colortbl",
        "colorschememapping", "comment", "datastore", "doccomm", "falt", "filetbl", "fldinst", "footer",
        "footerf", "footerl", "footerr", "footnote", "generator", "header", "headerf", "headerl", "headerr",
        "info", "keywords", "latentstyles", "listoverridetable", "listtable", "nonshppict", "object",
        "operator", "pgdsctbl", "pict", "pntxta", "pntxtb", "revtbl", "rsidtbl", "shp", "subject", "tc",
        "themedata", "title", "txe", "userprops", "xe", "xmlnstbl", "xmlopen", "mmathPr"};
    return names;
}

// The Windows code page of an RTF \fcharset (Word writes 204 for Cyrillic).
int codepage_of_charset(int charset) {
    switch (charset) {
        case 0: return 1252;
        case 161: return 1253;
        case 162: return 1254;
        case 177: return 1255;
        case 178: return 1256;
        case 186: return 1257;
        case 204: return 1251;
        case 238: return 1250;
        default: return 0;  // symbol fonts and the like: the document's code page
    }
}

// Bytes of one code page to UTF-8 through ICU; converters kept per call.
class Decoder {
public:
    ~Decoder() {
        for (auto& [cp, conv] : converters_)
            if (conv) ucnv_close(conv);
    }
    void append(const std::string& bytes, int codepage, std::string& out) {
        if (bytes.empty()) return;
        UConverter* conv = converter(codepage);
        if (!conv) {
            for (unsigned char c : bytes) out += c < 0x80 ? static_cast<char>(c) : '?';
            return;
        }
        UErrorCode status = U_ZERO_ERROR;
        icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), conv, status);
        if (U_FAILURE(status)) return;
        text.toUTF8String(out);
    }

private:
    UConverter* converter(int codepage) {
        auto it = converters_.find(codepage);
        if (it != converters_.end()) return it->second;
        UErrorCode status = U_ZERO_ERROR;
        std::string name = codepage == 0 ? "windows-1252" : "windows-" + std::to_string(codepage);
        UConverter* conv = ucnv_open(name.c_str(), &status);
        if (U_FAILURE(status)) conv = nullptr;
        converters_[codepage] = conv;
        return conv;
    }
    std::map<int, UConverter*> converters_;
};

void append_utf8(char32_t c, std::string& out) {
    icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(out);
}

enum class Destination { body, fonttbl, stylesheet, skip };

struct Group {
    Destination dest = Destination::body;
    int uc = 1;        // bytes a \u escape's fallback takes
    int codepage = 0;  // of the current font; 0: the document's
    int style = 0;     // paragraph style \sN
    bool outline = false;
    bool in_table = false;
};

class Parser {
public:
    explicit Parser(std::string_view in) : in_(in) {}

    RtfText run() {
        RtfText out;
        if (in_.substr(0, 5) != "{\\rtf") {
            out.error = "not RTF (it does not open with {\\rtf)";
            return out;
        }
        std::vector<Group> stack{Group{}};
        bool destination_mark = false;  // the group opened with \*
        int depth_error = 0;
        size_t i = 0;
        while (i < in_.size()) {
            char c = in_[i];
            Group& g = stack.back();
            if (c == '{') {
                flush(g);
                stack.push_back(g);
                ++i;
                continue;
            }
            if (c == '}') {
                flush(g);
                end_group(g);
                if (stack.size() > 1) stack.pop_back();
                else ++depth_error;
                ++i;
                continue;
            }
            if (c == '\\') {
                ++i;
                if (i >= in_.size()) break;
                char d = in_[i];
                if (std::isalpha(static_cast<unsigned char>(d))) {
                    size_t start = i;
                    while (i < in_.size() && std::isalpha(static_cast<unsigned char>(in_[i]))) ++i;
                    std::string word(in_.substr(start, i - start));
                    bool has_param = false;
                    long param = 0;
                    size_t num_start = i;
                    if (i < in_.size() && (in_[i] == '-' || std::isdigit(static_cast<unsigned char>(in_[i])))) {
                        ++i;
                        while (i < in_.size() && std::isdigit(static_cast<unsigned char>(in_[i]))) ++i;
                        param = std::strtol(std::string(in_.substr(num_start, i - num_start)).c_str(), nullptr, 10);
                        has_param = true;
                    }
                    if (i < in_.size() && in_[i] == ' ') ++i;  // the delimiter belongs to the word
                    if (word == "bin" && has_param && param > 0) {
                        i += std::min(static_cast<size_t>(param), in_.size() - i);
                        continue;
                    }
                    control(stack.back(), word, has_param, param, destination_mark);
                    destination_mark = false;
                    continue;
                }
                ++i;
                switch (d) {
                    case '\'': {
                        if (i + 2 <= in_.size() && std::isxdigit(static_cast<unsigned char>(in_[i])) &&
                            std::isxdigit(static_cast<unsigned char>(in_[i + 1]))) {
                            int byte = std::strtol(std::string(in_.substr(i, 2)).c_str(), nullptr, 16);
                            i += 2;
                            if (byte != 0) text_byte(g, static_cast<char>(byte));
                        }
                        break;
                    }
                    case '*': destination_mark = true; break;
                    case '~': text_char(g, U'\u00A0'); break;
                    case '_': text_char(g, U'-'); break;
                    case '-': break;  // optional hyphen
                    case '\n':
                    case '\r': paragraph(g); break;
                    case '\\':
                    case '{':
                    case '}': text_byte(g, d); break;
                    default: break;
                }
                continue;
            }
            if (c == '\r' || c == '\n' || c == '\0') {
                ++i;
                continue;
            }
            text_byte(g, c);
            ++i;
        }
        flush(stack.back());
        paragraph(stack.back());
        if (depth_error > 0 || stack.size() > 1) out.warning = "unbalanced braces; the text was read to the end";
        out.blocks = std::move(blocks_);
        return out;
    }

private:
    int codepage(const Group& g) const { return g.codepage ? g.codepage : doc_codepage_; }

    void control(Group& g, const std::string& w, bool has_param, long param, bool destination_mark) {
        if (g.dest == Destination::skip) return;
        if (w == "fonttbl") { g.dest = Destination::fonttbl; return; }
        if (w == "stylesheet") { g.dest = Destination::stylesheet; return; }
        if (skipped_destinations().count(w)) { g.dest = Destination::skip; return; }
        if (w == "ansicpg" && has_param) { doc_codepage_ = static_cast<int>(param); return; }
        if (w == "uc" && has_param) { g.uc = static_cast<int>(param); return; }
        if (w == "u" && has_param) {
            flush(g);
            long cp = param < 0 ? param + 65536 : param;
            if (cp < 0x20 || (cp >= 0xD800 && cp <= 0xDFFF)) cp = ' ';  // no control characters or lone surrogates
            unicode(g, static_cast<char32_t>(cp));
            skip_ = g.uc;
            return;
        }
        if (g.dest == Destination::fonttbl) {
            if (w == "f" && has_param) font_def_ = static_cast<int>(param);
            else if (w == "fcharset" && has_param) font_codepage_[font_def_] = codepage_of_charset(static_cast<int>(param));
            else if (w == "cpg" && has_param) font_codepage_[font_def_] = static_cast<int>(param);
            return;
        }
        if (g.dest == Destination::stylesheet) {
            if (w == "s" && has_param) style_def_ = static_cast<int>(param);
            else if (w == "cs" || w == "ds" || w == "ts") style_def_ = -1;  // character, section, table styles
            return;
        }
        if (destination_mark && w != "pn" && w != "shppict" && w != "fldrslt") {
            // An ignorable destination we do not know: its text is not the body's.
            g.dest = Destination::skip;
            return;
        }
        if (w == "f" && has_param) {
            flush(g);
            auto it = font_codepage_.find(static_cast<int>(param));
            g.codepage = it != font_codepage_.end() ? it->second : 0;
        } else if (w == "par" || w == "sect" || w == "page" || w == "column") {
            paragraph(g);
        } else if (w == "pard") {
            g.style = 0;
            g.outline = false;
            g.in_table = false;
        } else if (w == "s" && has_param) {
            g.style = static_cast<int>(param);
        } else if (w == "outlinelevel" && has_param) {
            g.outline = param >= 0 && param < 9;
        } else if (w == "intbl") {
            g.in_table = true;
        } else if (w == "cell") {
            flush(g);
            cells_.push_back(collapse_whitespace(para_));
            para_.clear();
        } else if (w == "row") {
            flush(g);
            std::string row;
            for (const std::string& cell : cells_)
                if (!cell.empty()) row += (row.empty() ? "" : " | ") + cell;
            cells_.clear();
            para_.clear();
            if (!row.empty()) blocks_.push_back({RtfBlock::Kind::table_row, row});
        } else if (char32_t symbol = symbol_of(w)) {
            text_char(g, symbol);
        }
    }

    // The character a symbol control word stands for; 0 for any other word.
    static char32_t symbol_of(const std::string& w) {
        static const std::map<std::string, char32_t, std::less<>> symbols{
            {"line", U' '},          {"tab", U' '},           {"emspace", U' '},       {"enspace", U' '},
            {"emdash", U'\u2014'},   {"endash", U'\u2013'},   {"bullet", U'\u2022'},   {"lquote", U'\u2018'},
            {"rquote", U'\u2019'},   {"ldblquote", U'\u201C'}, {"rdblquote", U'\u201D'}};
        auto it = symbols.find(w);
        return it == symbols.end() ? 0 : it->second;
    }

    void text_byte(Group& g, char b) {
        if (g.dest == Destination::skip || g.dest == Destination::fonttbl) return;
        if (skip_ > 0) {
            --skip_;
            return;
        }
        bytes_ += b;
    }
    void text_char(Group& g, char32_t c) {
        if (g.dest == Destination::skip || g.dest == Destination::fonttbl) return;
        flush(g);
        unicode(g, c);
    }
    void unicode(Group& g, char32_t c) {
        if (g.dest == Destination::skip || g.dest == Destination::fonttbl) return;
        append_utf8(c, g.dest == Destination::stylesheet ? style_name_ : para_);
    }
    // Pending bytes to UTF-8 in the code page in force.
    void flush(const Group& g) {
        if (bytes_.empty()) return;
        if (g.dest == Destination::stylesheet) decoder_.append(bytes_, doc_codepage_, style_name_);
        else if (g.dest == Destination::body) decoder_.append(bytes_, codepage(g), para_);
        bytes_.clear();
    }
    void end_group(const Group& g) {
        if (g.dest == Destination::stylesheet && style_def_ >= 0 && !style_name_.empty()) {
            std::string name = collapse_whitespace(style_name_);
            while (!name.empty() && (name.back() == ';' || name.back() == ' ')) name.pop_back();
            if (!name.empty()) style_names_[style_def_] = name;
        }
        if (g.dest == Destination::stylesheet) {
            style_name_.clear();
            style_def_ = 0;
        }
    }
    void paragraph(const Group& g) {
        flush(g);
        if (g.dest != Destination::body) return;
        if (g.in_table) {  // a paragraph inside a cell: the cell goes on
            para_ += ' ';
            return;
        }
        std::string text = collapse_whitespace(para_);
        para_.clear();
        if (text.empty()) return;
        auto style = style_names_.find(g.style);
        bool heading = g.outline || (style != style_names_.end() && is_heading_style_name(style->second));
        blocks_.push_back({heading ? RtfBlock::Kind::heading : RtfBlock::Kind::paragraph, std::move(text)});
    }

    std::string_view in_;
    int doc_codepage_ = 1252;
    int font_def_ = 0;
    int style_def_ = 0;
    int skip_ = 0;
    std::map<int, int> font_codepage_;
    std::map<int, std::string> style_names_;
    std::string bytes_, para_, style_name_;
    std::vector<std::string> cells_;
    std::vector<RtfBlock> blocks_;
    Decoder decoder_;
};

}  // namespace

RtfText read_rtf_text(std::string_view bytes) { return Parser(bytes).run(); }

}  // namespace himoya
