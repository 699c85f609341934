#include "indexer/readers/text_sections.h"

#include <algorithm>

namespace himoya {

namespace {

struct HeadingWord {
    std::string_view word, kind;
};

// Both cases spelled out: upper-casing Cyrillic needs tables we do not want here.
constexpr HeadingWord kHeadingWords[] = {
    {"Article", "article"}, {"ARTICLE", "article"}, {"Статья", "article"}, {"СТАТЬЯ", "article"},
    {"Моддаи", "article"},  {"МОДДАИ", "article"},  {"Chapter", "chapter"}, {"CHAPTER", "chapter"},
    {"Глава", "chapter"},   {"ГЛАВА", "chapter"},   {"Боби", "chapter"},    {"БОБИ", "chapter"},
};

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
        return HeadingMatch{std::string(w.kind), std::string(num),
                            std::string(strip_separator(rest.substr(num.size())))};
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

std::string num_id(std::string_view num) {
    std::string out;  // "1.2" -> "1_2": keeps 1.2 and 12 apart
    for (char c : num) {
        if (c == '.') out += '_';
        else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || is_digit(c)) out += c;
    }
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
    } else if (part_of_article) {
        // "1." inside an article is one of its numbered parts.
        s.kind = "paragraph";
        s.num = m->num;
        s.unit_id = article_id_ + "__para_" + num_id(m->num);
        s.chain = {{"article", article_num_}, {"paragraph", m->num}};
        s.heading = article_heading_;
        s.text.append(m->title);
    } else if (m->kind == "numbered") {
        s.kind = "section";
        s.num = m->num;
        s.unit_id = "sec_" + num_id(m->num);
        s.chain = {{"section", m->num}};
        if (looks_like_title(m->title)) s.heading = m->title;
        else s.text.append(m->title);
    } else {
        s.kind = m->kind;
        s.num = m->num;
        s.unit_id = unit_abbrev(m->kind) + "_" + num_id(m->num);
        s.chain = {{m->kind, m->num}};
        s.heading = m->title;
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

void SectionBuilder::paragraph(std::string_view text, int line) {
    if (current_) {
        current_->text.break_line();
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
        // "Article 9" still deserves to be found.
        if (s.kind == "chapter" || s.unit_id.rfind("h_", 0) == 0) return;
        text = s.heading_line;
    }
    if (text.empty()) return;
    Provision p;
    p.unit_id = ids_.unique(s.unit_id, doc_.source_path, s.line, report_);
    p.provision_id = doc_.document_id + "/" + p.unit_id;
    p.kind = s.kind;
    p.num = s.num;
    p.heading = s.heading;
    p.label = make_label(s.chain, doc_.language);
    if (p.label.empty()) p.label = !s.heading.empty() ? s.heading : p.unit_id;
    if (s.first_page > 0) p.label += page_citation(s.first_page, std::max(s.first_page, s.last_page), doc_.language);
    p.text = std::move(text);
    p.ordinal = static_cast<int>(doc_.provisions.size());
    doc_.provisions.push_back(std::move(p));
}

}  // namespace himoya
