#include "indexer/readers/text_sections.h"

#include <algorithm>

#include <unicode/uchar.h>
#include <unicode/utf8.h>

namespace himoya {

namespace {

struct HeadingWord {
    std::string_view word, kind;
};

// Both cases spelled out: upper-casing Cyrillic needs tables we do not want here.
// Part and section words as the labels name them (provision_label.cc: Part,
// Қисми; Section, Раздел, Фасли). Russian "Часть" is left out: "часть 2
// статьи 5" opens ordinary sentences. Član/Članak/Члан: the article of the
// Bosnian, Croatian and Serbian laws we summarise, as their texts print it.
constexpr HeadingWord kHeadingWords[] = {
    {"Article", "article"}, {"ARTICLE", "article"}, {"Статья", "article"}, {"СТАТЬЯ", "article"},
    {"Моддаи", "article"},  {"МОДДАИ", "article"},  {"Chapter", "chapter"}, {"CHAPTER", "chapter"},
    {"Глава", "chapter"},   {"ГЛАВА", "chapter"},   {"Боби", "chapter"},    {"БОБИ", "chapter"},
    {"Part", "part"},       {"PART", "part"},       {"Қисми", "part"},      {"ҚИСМИ", "part"},
    {"Section", "section"}, {"SECTION", "section"}, {"Раздел", "section"},  {"РАЗДЕЛ", "section"},
    {"Фасли", "section"},   {"ФАСЛИ", "section"},   {"Članak", "article"},  {"ČLANAK", "article"},
    {"Član", "article"},    {"ČLAN", "article"},    {"Члан", "article"},    {"ЧЛАН", "article"},
    {"SEC.", "section"},    {"Sec.", "section"},  // United States acts: "SEC. 2. DEFINITIONS."
};

bool starts_lower(std::string_view s) {
    int32_t i = 0;
    UChar32 c = 0;
    U8_NEXT(s.data(), i, static_cast<int32_t>(s.size()), c);
    return c > 0 && u_islower(c);
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_space(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && (is_space(s.front()) || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (is_space(s.back()) || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// Drops the separator between number and title: ". ", ": ", " - ", " – ".
std::string_view strip_separator(std::string_view s) {
    s = trim(s);
    for (std::string_view sep : {".", ":", "-", "–", "—"}) {
        if (s.substr(0, sep.size()) == sep) {
            s.remove_prefix(sep.size());
            return trim(s);
        }
    }
    return s;
}

bool is_number_token(std::string_view t) {
    if (t.empty()) return false;
    if (is_digit(t[0])) return true;
    for (char c : t)  // roman numerals: "Chapter IV"
        if (std::string_view("IVXLCDM").find(c) == std::string_view::npos) return false;
    return true;
}

std::optional<HeadingMatch> match_word_heading(std::string_view line) {
    for (const HeadingWord& w : kHeadingWords) {
        if (line.substr(0, w.word.size()) != w.word) continue;
        std::string_view rest = line.substr(w.word.size());
        if (rest.empty() || !is_space(rest[0])) continue;
        rest = trim(rest);
        size_t end = 0;
        while (end < rest.size() && !is_space(rest[end]) && rest[end] != ':') ++end;
        std::string_view num = rest.substr(0, end);
        while (!num.empty() && (num.back() == '.' || num.back() == ',')) num.remove_suffix(1);
        if (!is_number_token(num)) return std::nullopt;
        std::string_view after = rest.substr(num.size());
        // "Section 5 of the Act ...", "Раздел 2 настоящего ...": a sentence
        // going on, not a heading (no separator, a lower-case word next).
        if ((w.kind == "part" || w.kind == "section") && num.size() == end && starts_lower(trim(after)))
            return std::nullopt;
        return HeadingMatch{std::string(w.kind), std::string(num), std::string(strip_separator(after))};
    }
    return std::nullopt;
}

// "1." "1.2" "1.2." followed by a space or the end of the line.
std::optional<HeadingMatch> match_numbered(std::string_view line) {
    size_t i = 0;
    bool dot = false;
    while (i < line.size()) {
        size_t start = i;
        while (i < line.size() && is_digit(line[i])) ++i;
        if (i == start) return std::nullopt;
        if (i < line.size() && line[i] == '.') {
            dot = true;
            ++i;
            if (i < line.size() && is_digit(line[i])) continue;
        }
        break;
    }
    if (!dot || (i < line.size() && !is_space(line[i]))) return std::nullopt;
    std::string_view num = line.substr(0, i);
    if (num.back() == '.') num.remove_suffix(1);
    return HeadingMatch{"numbered", std::string(num), std::string(trim(line.substr(i)))};
}

// A numbered line's remainder is a title only when it reads like one.
bool looks_like_title(std::string_view s) {
    if (s.empty() || s.size() > 120) return false;
    char last = s.back();
    return last != '.' && last != ';' && last != ':' && last != ',';
}

// The digit a superscript digit stands for ("¹" of "93¹"), with its UTF-8
// length; 0 when `s` does not start with one.
int superscript_digit(std::string_view s, size_t& length) {
    if (s.size() >= 2 && static_cast<unsigned char>(s[0]) == 0xC2) {
        length = 2;
        switch (static_cast<unsigned char>(s[1])) {
            case 0xB9: return '1';
            case 0xB2: return '2';
            case 0xB3: return '3';
            default: return 0;
        }
    }
    if (s.size() >= 3 && static_cast<unsigned char>(s[0]) == 0xE2 && static_cast<unsigned char>(s[1]) == 0x81) {
        length = 3;
        unsigned char c = static_cast<unsigned char>(s[2]);
        if (c == 0xB0) return '0';
        if (c >= 0xB4 && c <= 0xB9) return '4' + (c - 0xB4);
    }
    return 0;
}

// "1.2" -> "1_2", "7-1" -> "7_1", "93¹" -> "93_1", "16(1)(a)" -> "16_1_a":
// keeps 1.2, 7-1 and 93¹ apart from 12, 71 and 931 (an inserted article is
// not another number); any other mark separates like '.'.
std::string num_id(std::string_view num) {
    std::string out;
    bool superscript = false;  // inside a run of superscript digits ("93¹²": 93_12)
    for (size_t i = 0; i < num.size();) {
        char c = num[i];
        size_t length = 1;
        if (int digit = superscript_digit(num.substr(i), length)) {
            if (!superscript && !out.empty() && out.back() != '_') out += '_';
            superscript = true;
            out += static_cast<char>(digit);
            i += length;
            continue;
        }
        superscript = false;
        if (c >= 'A' && c <= 'Z') {
            out += static_cast<char>(c - 'A' + 'a');
        } else if ((c >= 'a' && c <= 'z') || is_digit(c)) {
            out += c;
        } else if (!out.empty() && out.back() != '_') {
            out += '_';  // . - ( ) – ...: "16(1)(a)–(c)" -> "16_1_a_c"
        }
        ++i;
        if (static_cast<unsigned char>(c) >= 0x80)  // the rest of a non-ASCII character
            while (i < num.size() && (static_cast<unsigned char>(num[i]) & 0xC0) == 0x80) ++i;
    }
    while (!out.empty() && out.back() == '_') out.pop_back();
    return out;
}

// ", саҳ. 3" / ", с. 3–4" / ", pp. 3–4": the pages a provision spans, in the
// document's language, for its label.
std::string page_citation(int first, int last, std::string_view language) {
    std::string out = ", ";
    if (language == "tg") out += "саҳ. ";
    else if (language == "ru") out += "с. ";
    else out += first == last ? "p. " : "pp. ";
    out += std::to_string(first);
    if (last > first) out += "–" + std::to_string(last);
    return out;
}

bool blank_line(std::string_view s) { return trim(s).empty(); }

// A page number printed alone: "12", "- 12 -".
bool is_page_number(std::string_view line) {
    line = trim(line);
    if (line.size() >= 2 && line.front() == '-' && line.back() == '-') line = trim(line.substr(1, line.size() - 2));
    if (line.empty() || line.size() > 4) return false;
    return line.find_first_not_of("0123456789") == std::string_view::npos;
}

}  // namespace

std::optional<HeadingMatch> match_heading(std::string_view line) {
    line = trim(line);
    if (line.empty() || line.size() > 200) return std::nullopt;  // headings are short
    if (auto m = match_word_heading(line)) return m;
    return match_numbered(line);
}

void SectionBuilder::heading(std::string_view text, int line, bool free_heading) {
    std::string heading_line = collapse_whitespace(text);
    std::optional<HeadingMatch> m = match_heading(heading_line);
    if (!m && !free_heading) {
        paragraph(text, line);
        return;
    }
    // "Article 2" directly followed by "1." lines: the numbered parts carry
    // the text, so the bare article heading is no provision of its own.
    bool part_of_article = m && m->kind == "numbered" && !article_id_.empty();
    if (part_of_article && current_ && current_->kind == "article" && current_->text.empty())
        current_.reset();
    finish();
    Section s;
    s.line = line;
    s.first_page = s.last_page = page_;
    s.heading_line = heading_line;
    if (!m) {
        s.kind = "section";
        s.unit_id = "h_" + std::to_string(++free_headings_);
        s.heading = heading_line;
        s.heading_position = line;
    } else if (part_of_article) {
        // "1." inside an article is one of its numbered parts.
        s.kind = "paragraph";
        s.num = m->num;
        s.unit_id = article_id_ + "__para_" + num_id(m->num);
        s.chain = {{"article", article_num_}, {"paragraph", m->num}};
        s.heading = article_heading_;
        s.marks.push_back({0, line});
        s.text.append(m->title);
    } else if (m->kind == "numbered") {
        s.kind = "section";
        s.num = m->num;
        s.unit_id = "sec_" + num_id(m->num);
        s.chain = {{"section", m->num}};
        if (looks_like_title(m->title)) {
            s.heading = m->title;
            s.heading_position = line;
        } else {
            s.marks.push_back({0, line});
            s.text.append(m->title);
        }
    } else {
        s.kind = m->kind;
        s.num = m->num;
        s.unit_id = unit_abbrev(m->kind) + "_" + num_id(m->num);
        s.chain = {{m->kind, m->num}};
        s.heading = m->title;
        if (!s.heading.empty()) s.heading_position = line;
    }
    if (s.kind == "chapter") {
        chapter_heading_ = s.heading.empty() ? heading_line : s.heading;
        article_id_.clear();
    } else if (s.heading.empty()) {
        s.heading = chapter_heading_;
    }
    if (s.kind == "article") {
        article_id_ = s.unit_id;
        article_num_ = s.num;
        article_heading_ = s.heading;
    }
    current_ = std::move(s);
}

namespace {

// Records where `text` will stand once appended to `to`: its marks moved to
// their offsets there, or one mark at `line` for all of it.
void add_marks(std::vector<Provision::SourceMark>& out, const TextBuilder& to, std::string_view text, int line,
               const std::vector<Provision::SourceMark>& marks) {
    const size_t base = to.offset_of_next(text);
    if (marks.empty()) {
        out.push_back({base, line});
        return;
    }
    for (const Provision::SourceMark& m : marks) out.push_back({base + m.offset, m.position});
}

}  // namespace

void SectionBuilder::paragraph(std::string_view text, int line, const std::vector<Provision::SourceMark>& marks) {
    if (current_) {
        current_->text.break_line();
        add_marks(current_->marks, current_->text, text, line, marks);
        current_->text.append(text);
        if (page_ > current_->last_page) current_->last_page = page_;
        return;
    }
    // Before any heading every paragraph stands alone.
    Section s;
    s.kind = "paragraph";
    s.num = std::to_string(++paragraphs_);
    s.unit_id = "p_" + s.num;
    s.chain = {{"paragraph", s.num}};
    s.line = line;
    s.first_page = s.last_page = page_;
    add_marks(s.marks, s.text, text, line, marks);
    s.text.append(text);
    emit(s);
}

void SectionBuilder::finish() {
    if (!current_) return;
    emit(*current_);
    current_.reset();
}

void SectionBuilder::emit(Section& s) {
    std::string text = s.text.take();
    if (text.empty()) {
        // A chapter heading or a bare <h1> only names what follows; a bare
        // "Article 9" still deserves to be found. But a bare heading that opens
        // the document is its title ("Закон … (краткое изложение)" in a Title
        // style): kept as the opening paragraph, as a .txt keeps its first
        // lines, so that nothing is lost and `himoya add` can read the title.
        const bool opening_title = s.unit_id.rfind("h_", 0) == 0 && doc_.provisions.empty();
        if (s.kind == "chapter" || (s.unit_id.rfind("h_", 0) == 0 && !opening_title)) return;
        if (opening_title) s.heading.clear();
        text = s.heading_line;
        s.marks = {{0, s.line}};
    }
    if (text.empty()) return;
    Provision p;
    p.unit_id = ids_.unique(s.unit_id, doc_.source_path, s.line, report_);
    p.provision_id = doc_.document_id + "/" + p.unit_id;
    p.kind = s.kind;
    p.num = s.num;
    p.heading = s.heading;
    p.heading_position = s.heading_position;
    p.source_marks = std::move(s.marks);
    p.label = make_label(s.chain, doc_.language);
    if (p.label.empty()) p.label = !s.heading.empty() ? s.heading : p.unit_id;
    if (s.first_page > 0) p.label += page_citation(s.first_page, std::max(s.first_page, s.last_page), doc_.language);
    p.text = std::move(text);
    p.ordinal = static_cast<int>(doc_.provisions.size());
    doc_.provisions.push_back(std::move(p));
}

}  // namespace himoya

namespace himoya {

void append_page_lines(std::string_view page_text, int page, std::vector<PageLine>& lines) {
    std::vector<std::string_view> page_lines;
    size_t pos = 0;
    while (pos <= page_text.size()) {
        size_t end = page_text.find('\n', pos);
        if (end == std::string_view::npos) end = page_text.size();
        page_lines.push_back(page_text.substr(pos, end - pos));
        pos = end + 1;
    }
    // A page number alone on the first or last non-blank line.
    size_t first = 0, last = page_lines.size();
    while (first < last && blank_line(page_lines[first])) ++first;
    while (last > first && blank_line(page_lines[last - 1])) --last;
    if (last > first + 1 && is_page_number(page_lines[last - 1])) --last;
    if (last > first + 1 && is_page_number(page_lines[first])) ++first;
    for (size_t k = first; k < last; ++k) lines.push_back({page_lines[k], page});
}

void build_paged_sections(const std::vector<PageLine>& lines, SectionBuilder& out) {
    std::string paragraph;
    int paragraph_page = 0;
    std::vector<Provision::SourceMark> marks;  // each line's page
    auto flush = [&] {
        if (!paragraph.empty()) {
            out.page(paragraph_page);
            out.paragraph(paragraph, paragraph_page, marks);
        }
        paragraph.clear();
        marks.clear();
    };
    for (const PageLine& l : lines) {
        const std::string collapsed = collapse_whitespace(l.text);
        std::string_view line = collapsed;
        if (line.empty()) {
            flush();
        } else if (match_heading(line)) {
            flush();
            out.page(l.page);
            out.heading(line, l.page, false);
        } else {
            if (paragraph.empty()) {
                paragraph = line;
            } else if (paragraph.size() >= 2 && paragraph.back() == '-' && paragraph[paragraph.size() - 2] != ' ' &&
                       starts_lower(line)) {
                paragraph.pop_back();  // "зӯро-" + "варӣ"
                paragraph += line;
            } else {
                paragraph += ' ';
                paragraph += line;
            }
            if (marks.empty() || marks.back().position != l.page)
                marks.push_back({paragraph.size() - line.size(), l.page});
            paragraph_page = l.page;
            char last = line.back();
            if (last == '.' || last == '!' || last == '?' || last == ';' || last == ':') flush();
        }
    }
    flush();
    out.finish();
}

}  // namespace himoya
