#include "indexer/metadata_inference.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <filesystem>
#include <sstream>

#include <pugixml.hpp>

#include "analysis/facet_table.h"
#include "analysis/language.h"
#include "indexer/label_tables.h"
#include "indexer/readers/reader_text.h"
#include "indexer/readers/sidecar.h"
#include "indexer/readers/xml_meta.h"

namespace himoya {

namespace {

namespace fs = std::filesystem;

// ---- tokens: words (lower-cased), digit runs and single signs, with byte ranges ----

struct Token {
    enum Kind { kWord, kNumber, kSign } kind;
    std::string text;  // lower-cased for words
    size_t begin, end;
};

void append_utf8(std::string& out, UChar32 c) {
    char buf[4];
    int32_t n = 0;
    UBool error = false;
    U8_APPEND(buf, n, 4, c, error);
    if (!error) out.append(buf, static_cast<size_t>(n));
}

std::vector<Token> tokenize(std::string_view s) {
    std::vector<Token> out;
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(s.size());
    const char* p = s.data();
    while (i < n) {
        int32_t start = i;
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0 || u_isUWhiteSpace(c)) continue;
        Token::Kind kind = u_isdigit(c) ? Token::kNumber : u_isalpha(c) ? Token::kWord : Token::kSign;
        std::string text;
        append_utf8(text, kind == Token::kWord ? u_tolower(c) : c);
        while (kind != Token::kSign && i < n) {
            int32_t next = i;
            UChar32 d;
            U8_NEXT(p, next, n, d);
            bool same = d >= 0 && (kind == Token::kNumber ? u_isdigit(d) : u_isalpha(d) != 0);
            if (!same) break;
            append_utf8(text, kind == Token::kWord ? u_tolower(d) : d);
            i = next;
        }
        out.push_back({kind, std::move(text), static_cast<size_t>(start), static_cast<size_t>(i)});
    }
    return out;
}

std::string lower_utf8(std::string_view s) {
    std::string out;
    int32_t i = 0;
    const int32_t n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(s.data(), i, n, c);
        if (c >= 0) append_utf8(out, u_tolower(c));
    }
    return out;
}

size_t count_code_points(std::string_view s) {
    size_t count = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++count;
    return count;
}

bool is_word(const std::vector<Token>& t, size_t i, std::initializer_list<std::string_view> words) {
    if (i >= t.size() || t[i].kind != Token::kWord) return false;
    return std::find(words.begin(), words.end(), t[i].text) != words.end();
}
bool is_sign(const std::vector<Token>& t, size_t i, std::string_view sign) {
    return i < t.size() && t[i].kind == Token::kSign && t[i].text == sign;
}
int number_value(const Token& t, size_t max_digits) {
    if (t.kind != Token::kNumber || t.text.size() > max_digits) return -1;
    int v = 0;
    for (char c : t.text) {
        if (c < '0' || c > '9') return -1;  // other scripts' digits: not a date
        v = v * 10 + (c - '0');
    }
    return v;
}

std::string trim(std::string_view s, std::string_view extra = "") {
    auto strip = [&](char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n' || extra.find(c) != std::string_view::npos;
    };
    while (!s.empty() && strip(s.front())) s.remove_prefix(1);
    while (!s.empty() && strip(s.back())) s.remove_suffix(1);
    return std::string(s);
}

// The number written after a "№" / "No." / "N" marker that starts at token
// `i`, read from the raw line: up to a space, comma, semicolon or bracket.
std::optional<std::pair<std::string, size_t>> number_at(std::string_view line, const std::vector<Token>& t, size_t i) {
    size_t after;
    if (is_sign(t, i, "№")) after = t[i].end;
    else if (is_word(t, i, {"no", "nr", "n"}) && (is_sign(t, i + 1, ".") || (i + 1 < t.size() && t[i + 1].kind == Token::kNumber)))
        after = is_sign(t, i + 1, ".") ? t[i + 1].end : t[i].end;
    else return std::nullopt;
    size_t b = after;
    while (b < line.size() && (line[b] == ' ' || line[b] == '\t')) ++b;
    size_t e = b;
    while (e < line.size() && std::string_view(" \t,;()«»\"").find(line[e]) == std::string_view::npos) ++e;
    std::string number = trim(line.substr(b, e - b), ".");
    if (number.find_first_of("0123456789") == std::string::npos) return std::nullopt;
    return std::make_pair(number, e);
}

// Month names: a stem and the endings its forms take (Russian cases, Tajik
// izofat), plus English names and abbreviations.
struct MonthStem {
    std::string_view stem;
    int month;
    std::vector<std::string_view> endings;
};

const std::vector<MonthStem>& month_stems() {
    // Russian -ь/-я/-е/-ю/-ем/-ём, Tajik bare or with izofat -и; март/август
    // take -а/-е/-у/-ом; май: мая мае маю маем, Tajik майи.
    const std::vector<std::string_view> soft = {"ь", "я", "е", "ю", "ем", "ём", "", "и"};
    const std::vector<std::string_view> hard = {"", "а", "е", "у", "ом", "и"};
    static const std::vector<MonthStem> stems = {
        {"январ", 1, soft},  {"феврал", 2, soft},  {"март", 3, hard},    {"апрел", 4, soft},
        {"ма", 5, {"й", "я", "е", "ю", "ем", "йи"}}, {"июн", 6, soft}, {"июл", 7, soft},
        {"август", 8, hard}, {"сентябр", 9, soft}, {"октябр", 10, soft}, {"ноябр", 11, soft},
        {"декабр", 12, soft},
    };
    return stems;
}

constexpr std::string_view kEnglishMonths[] = {"january", "february", "march",     "april",   "may",      "june",
                                               "july",    "august",   "september", "october", "november", "december"};

std::string two_digits(int v) {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d", v);
    return buf;
}

std::string iso_date(int year, int month, int day) {
    return std::to_string(year) + "-" + two_digits(month) + "-" + two_digits(day);
}

bool plausible(int year, int month, int day) {
    return year >= 1900 && year <= 2100 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
}

// A date starting at token i: the date, and the token after it; nullopt when none.
std::optional<std::pair<std::string, size_t>> date_at(const std::vector<Token>& t, size_t i) {
    auto year_at = [&](size_t j) -> int { return j < t.size() ? number_value(t[j], 4) : -1; };
    // "19 марта 2013", "19 марти соли 2013", "19th March 2013", "19-уми марти".
    if (int day = number_value(t[i], 2); day > 0) {
        size_t j = i + 1;
        if (is_sign(t, j, "-") && j + 1 < t.size() && t[j + 1].kind == Token::kWord && t[j + 1].text.size() <= 6) j += 2;
        else if (is_word(t, j, {"th", "st", "nd", "rd"})) ++j;
        if (is_sign(t, j, ".") && j + 1 < t.size() && t[j + 1].kind == Token::kWord) ++j;
        if (j < t.size() && t[j].kind == Token::kWord) {
            if (int month = month_of_word(t[j].text); month > 0) {
                size_t k = j + 1;
                if (is_word(t, k, {"соли", "of"})) ++k;
                if (is_sign(t, k, ",")) ++k;
                int year = year_at(k);
                if (plausible(year, month, day)) return std::make_pair(iso_date(year, month, day), k + 1);
            }
        }
        // "19.03.2013"
        if (is_sign(t, i + 1, ".") && i + 4 < t.size() && is_sign(t, i + 3, ".")) {
            int month = number_value(t[i + 2], 2), year = year_at(i + 4);
            if (t[i + 4].text.size() == 4 && plausible(year, month, day))
                return std::make_pair(iso_date(year, month, day), i + 5);
        }
    }
    // "March 19, 2013"
    if (t[i].kind == Token::kWord) {
        int month = month_of_word(t[i].text);
        if (month > 0 && i + 1 < t.size()) {
            int day = number_value(t[i + 1], 2);
            size_t k = i + 2;
            if (is_word(t, k, {"th", "st", "nd", "rd"})) ++k;
            if (is_sign(t, k, ",")) ++k;
            int year = year_at(k);
            if (day > 0 && plausible(year, month, day)) return std::make_pair(iso_date(year, month, day), k + 1);
        }
    }
    return std::nullopt;
}

// ---- the opening of a document: its first headings and paragraphs ----

// One line of the opening as the reader cut it (a heading, or a paragraph of
// a provision's text), with where its parts stand in the source file: the
// byte offset in `text` where each source line (block, page) starts and its
// position (Provision::source_marks). A paragraph of a .txt joins the file's
// lines up to a blank line, so a title, date and number may be one of these.
struct OpeningLine {
    std::string text;
    std::vector<Provision::SourceMark> marks;

    // The position the byte at `offset` of `text` stands at; 0 when unknown.
    int position_at(size_t offset) const {
        int position = 0;
        for (const Provision::SourceMark& m : marks) {
            if (m.offset > offset) break;
            position = m.position;
        }
        return position;
    }
};

// `title_block`, when given: how many of the lines come before the first
// numbered unit (an article, chapter or section the reader cut by its number;
// not the paragraphs before any heading, p_1 …).
std::vector<OpeningLine> opening_lines(const Document& doc, size_t max_lines, size_t* title_block = nullptr) {
    std::vector<OpeningLine> lines;
    // `at`: the line's offset in the provision text, `marks` the provision's.
    auto push = [&](std::string_view line, size_t at, const std::vector<Provision::SourceMark>& marks,
                    int position) {
        if (lines.size() >= max_lines) return;
        const size_t lead = line.find_first_not_of(" \t\r\n\f\v");
        std::string l = trim(line);
        if (l.empty()) return;
        OpeningLine out{std::move(l), {}};
        const size_t begin = at + (lead == std::string_view::npos ? 0 : lead), end = at + line.size();
        // The mark in force where the line begins, then those inside it.
        for (const Provision::SourceMark& m : marks) {
            if (m.offset >= end) break;
            if (m.offset <= begin) out.marks.assign(1, {0, m.position});
            else out.marks.push_back({m.offset - begin, m.position});
        }
        if (out.marks.empty() && position > 0) out.marks.push_back({0, position});
        lines.push_back(std::move(out));
    };
    std::string last_heading;
    bool in_units = false;
    if (title_block) *title_block = 0;  // 0: no numbered unit among the lines
    for (const Provision& p : doc.provisions) {
        if (lines.size() >= max_lines) break;
        if (!in_units && !p.num.empty() && p.unit_id.rfind("p_", 0) != 0) {
            in_units = true;
            if (title_block) *title_block = lines.size();
        }
        if (!p.heading.empty() && p.heading != last_heading) {
            push(p.heading, 0, {}, p.heading_position);
            last_heading = p.heading;
        }
        size_t pos = 0;
        while (pos <= p.text.size() && lines.size() < max_lines) {
            size_t end = p.text.find('\n', pos);
            if (end == std::string::npos) end = p.text.size();
            push(std::string_view(p.text).substr(pos, end - pos), pos, p.source_marks, 0);
            pos = end + 1;
        }
    }
    return lines;
}

// Where a position stands, as the format counts it (Document::position_unit):
// "line 3" (a .txt's line), "the paragraph at line 12" (an HTML block, by the
// line it starts on), "paragraph 4" (a word processor's), "page 2" (a PDF's).
// "" when the reader gave none.
std::string where(const Document& doc, int position, int last = 0) {
    if (position <= 0) return "";
    std::string n = std::to_string(position);
    if (last > position) n += "–" + std::to_string(last);
    const std::string& unit = doc.position_unit;
    if (unit == "line") return (last > position ? "lines " : "line ") + n;
    if (unit == "block-line")
        return (last > position ? "the paragraphs at lines " : "the paragraph at line ") + n;
    if (unit == "paragraph") return (last > position ? "paragraphs " : "paragraph ") + n;
    if (unit == "page") return (last > position ? "pages " : "page ") + n;
    return "";
}

// "Моддаи 5", "Статья 5", "Article 5", "Chapter 2" ...: structure, not a title.
bool is_unit_heading(std::string_view line) {
    std::vector<Token> t = tokenize(line.substr(0, 80));
    if (t.size() < 2 || t[0].kind != Token::kWord || t[1].kind != Token::kNumber) return false;
    return is_word(t, 0, {"моддаи", "модда", "статья", "article", "боби", "боб", "глава", "chapter", "section",
                          "раздел", "фасли", "қисми", "часть", "part", "банди", "пункт"});
}

std::string quote(std::string_view s) {
    std::string q(s.substr(0, 160));
    if (s.size() > 160) q += "…";
    return "«" + q + "»";
}

void set(MetadataFields& fields, const std::string& name, std::string value, std::string evidence,
         const char* origin = "inferred") {
    fields[name] = MetadataValue{std::move(value), origin, std::move(evidence)};
}

std::string text_for_language(const Document& doc, size_t max_bytes) {
    std::string text;
    for (const Provision& p : doc.provisions) {
        if (text.size() >= max_bytes) break;
        text += p.heading;
        text += '\n';
        text += p.text;
        text += '\n';
    }
    if (text.size() > max_bytes) {
        size_t cut = max_bytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        text.resize(cut);
    }
    return text;
}


}  // namespace

int month_of_word(std::string_view word) {
    std::string w = lower_utf8(word);
    for (const MonthStem& m : month_stems()) {
        if (w.size() < m.stem.size() || w.compare(0, m.stem.size(), m.stem) != 0) continue;
        std::string_view rest = std::string_view(w).substr(m.stem.size());
        for (std::string_view e : m.endings)
            if (rest == e) return m.month;
    }
    for (int i = 0; i < 12; ++i) {
        if (w == kEnglishMonths[i]) return i + 1;
        if (w.size() == 3 && kEnglishMonths[i].substr(0, 3) == w && w != "may") return i + 1;
        if (w == "sept") return 9;
    }
    return 0;
}

std::optional<ActDate> find_act_date(std::string_view line) {
    const std::vector<Token> t = tokenize(line);
    std::optional<ActDate> first;
    for (size_t i = 0; i < t.size(); ++i) {
        auto found = date_at(t, i);
        if (!found) continue;
        ActDate d;
        d.date = found->first;
        d.begin = t[i].begin;
        size_t next = found->second;
        d.end = t[next - 1].end;
        // "года", "г.", "соли" after the year belong to the phrase.
        if (is_word(t, next, {"года", "год", "г", "с", "сол", "year"})) {
            d.end = t[next].end;
            ++next;
            if (is_sign(t, next, ".")) d.end = t[next++].end;
        }
        if (i > 0 && is_word(t, i - 1, {"от", "аз", "of", "dated"})) {
            d.marked = true;
            d.begin = t[i - 1].begin;
        }
        // A number after the date ("№ 954", ", No. 954") ...
        size_t k = next;
        if (is_sign(t, k, ",")) ++k;
        if (auto number = number_at(line, t, k)) {
            d.number = number->first;
            d.end = number->second;
            d.marked = true;
        } else if (d.marked && i >= 3) {
            // ... or before it: "№ 954 от 19 марта 2013 года".
            for (size_t m = i - 1; m-- > 0 && m + 4 >= i;) {
                if (auto number = number_at(line, t, m); number && number->second <= t[i - 1].begin) {
                    d.number = number->first;
                    d.begin = t[m].begin;
                    break;
                }
            }
        }
        if (d.marked) return d;
        if (!first) first = d;
    }
    return first;
}

TypeMatch infer_type(std::string_view text) {
    // stem → type; a word matches a stem with at most two more letters
    // (закон, закона, законом, қонуни; not законодательство).
    static const std::vector<std::pair<std::string_view, std::string_view>> stems = {
        {"қонун", "law"},           {"закон", "law"},           {"law", "law"},
        {"act", "law"},             {"кодекс", "code"},         {"code", "code"},
        {"фармон", "bylaw"},        {"указ", "bylaw"},          {"decree", "bylaw"},
        {"қарор", "bylaw"},         {"постановлени", "bylaw"},  {"барнома", "programme"},
        {"программ", "programme"},  {"programme", "programme"}, {"program", "programme"},
        {"дастурамал", "manual"},   {"руководств", "manual"},   {"manual", "manual"},
        {"handbook", "manual"},     {"роҳнамо", "guide"},       {"пособи", "guide"},
        {"guide", "guide"},         {"guideline", "guide"},     {"гузориш", "report"},
        {"ҳисобот", "report"},      {"доклад", "report"},       {"отчёт", "report"},
        {"отчет", "report"},        {"report", "report"},       {"стандарт", "standard"},
        {"standard", "standard"},   {"тавсия", "recommendation"}, {"рекомендаци", "recommendation"},
        {"recommendation", "recommendation"}, {"қатънома", "resolution"}, {"резолюци", "resolution"},
        {"resolution", "resolution"}, {"конвенсия", "treaty"},  {"конвенци", "treaty"},
        {"convention", "treaty"},   {"treaty", "treaty"},
    };
    for (const Token& token : tokenize(text)) {
        if (token.kind != Token::kWord) continue;
        for (const auto& [stem, type] : stems) {
            if (token.text.size() < stem.size() || token.text.compare(0, stem.size(), stem) != 0) continue;
            if (count_code_points(std::string_view(token.text).substr(stem.size())) > 2) continue;
            return {std::string(type), token.text};
        }
    }
    return {};
}

std::string jurisdiction_from_path(std::string_view path, const std::set<std::string>* known) {
    std::error_code ec;
    fs::path p = fs::absolute(fs::path(path), ec);
    if (ec) p = fs::path(path);
    for (fs::path dir = p.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
        const std::string written = dir.filename().string();
        const std::string name = ascii_upper(written);
        if (!is_iso_jurisdiction(name)) continue;
        if (!known || known->count(name) || written == name) return name;
    }
    return "";
}

namespace {

// The jurisdiction codes corpus/jurisdictions.xml names (codes="TJ" …).
std::set<std::string> read_jurisdiction_codes(const std::string& file) {
    std::set<std::string> out;
    pugi::xml_document xml;
    if (!xml.load_file(file.c_str())) return out;
    for (pugi::xpath_node n : xml.select_nodes("//*[@codes]")) {
        std::istringstream codes(n.node().attribute("codes").value());
        for (std::string code; codes >> code;) out.insert(code);
    }
    return out;
}

}  // namespace

const std::vector<RequiredField>& required_metadata() {
    static const std::vector<RequiredField> fields = {
        {"title", "--title"},       {"jurisdiction", "--jurisdiction"}, {"language", "--lang"},
        {"type", "--type"},         {"date", "--date"},                 {"issuing-body", "--body"},
        {"text-status", "--text-status"}, {"official-title", "--official-title"},
    };
    return fields;
}

const std::vector<std::string>& metadata_field_order() {
    static const std::vector<std::string> order = {"title",          "jurisdiction", "language",     "type",
                                                   "date",           "issuing-body", "text-status",  "extent",
                                                   "legal-status",   "legal-status-since", "official-title",
                                                   "number",         "audience",     "id"};
    return order;
}

namespace {

bool in_list(std::string_view value, std::initializer_list<std::string_view> list) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

template <size_t N>
bool in_list(std::string_view value, const std::array<std::string_view, N>& list) {
    return std::find(list.begin(), list.end(), value) != list.end();
}

constexpr std::array<std::string_view, 3> kAddLanguages = {"tg", "ru", "en"};
constexpr std::array<std::string_view, 4> kTextStatuses = {"official", "official-translation", "unofficial-translation",
                                                           "summary"};
constexpr std::array<std::string_view, 8> kAudienceGroups = {
    "police", "judiciary", "prosecutors", "health", "social-work", "shelters-ngos", "general-public", "legislators"};

// "a, b or c"
template <size_t N>
std::string or_list(const std::array<std::string_view, N>& list) {
    std::string out;
    for (size_t i = 0; i < N; ++i) {
        if (i > 0) out += i + 1 == N ? " or " : ", ";
        out += list[i];
    }
    return out;
}

}  // namespace

bool requires_legal_status(std::string_view type) { return in_list(type, {"law", "code", "treaty", "programme"}); }

bool may_have_legal_status(std::string_view type) {
    return requires_legal_status(type) || in_list(type, {"bylaw", "act", "bill"});
}

std::vector<MetadataValueProblem> metadata_value_problems(const std::map<std::string, std::string>& values) {
    std::vector<MetadataValueProblem> problems;
    auto check = [&](const char* name, const char* flag, auto ok, const std::string& rule) {
        auto it = values.find(name);
        if (it != values.end() && !it->second.empty() && !ok(it->second)) problems.push_back({flag, it->second, rule});
    };
    static const std::string kDate = "a day, month or year as YYYY-MM-DD, YYYY-MM or YYYY";
    check("date", "--date", [](const std::string& v) { return is_valid_date(v); }, kDate);
    check("extent", "--extent", [](const std::string& v) { return v == "whole" || v == "selected"; },
          "whole or selected");
    check("id", "--id", [](const std::string& v) { return is_valid_id(v); }, "[a-z0-9][a-z0-9._-]*");
    check("jurisdiction", "--jurisdiction", [](const std::string& v) { return is_iso_jurisdiction(v); },
          "ISO 3166 (TJ, BA-SRP) or INT");
    check("language", "--lang", [](const std::string& v) { return in_list(v, kAddLanguages); },
          or_list(kAddLanguages) + " (the languages Himoya analyses)");
    check("type", "--type", [](const std::string& v) { return is_document_type(v); },
          "a document type (law code bylaw programme standard manual report news treaty recommendation resolution "
          "guide training)");
    check("text-status", "--text-status", [](const std::string& v) { return in_list(v, kTextStatuses); },
          or_list(kTextStatuses));
    check("audience", "--audience",
          [](const std::string& v) {
              std::stringstream groups(v);
              bool any = false;
              for (std::string group; std::getline(groups, group, ',');) {
                  const std::string g = trim(group);
                  if (g.empty()) continue;
                  if (!in_list(g, kAudienceGroups)) return false;
                  any = true;
              }
              return any;
          },
          "one or more of " + or_list(kAudienceGroups) + ", comma-separated");
    check("legal-status", "--status", [](const std::string& v) { return terms::is_legal_state(v); },
          "in-force, amended, repealed, expired or not-yet-in-force");
    check("legal-status-since", "--status-since", [](const std::string& v) { return is_valid_date(v); }, kDate);
    return problems;
}

MetadataFields infer_metadata(const Document& doc, std::string_view source_path,
                              const std::map<std::string, std::map<std::string, std::string>>* bodies,
                              const std::set<std::string>* jurisdictions) {
    MetadataFields fields;
    size_t head = 0;
    const std::vector<OpeningLine> opening_text = opening_lines(doc, 40, &head);
    std::vector<std::string> lines;
    for (const OpeningLine& l : opening_text) lines.push_back(l.text);

    // Language: the identifier over (the start of) the whole text.
    LanguageGuess guess = identify_language(text_for_language(doc, 20000));
    if (!guess.lang.empty()) {
        char margin[32];
        std::snprintf(margin, sizeof margin, "%.2f", guess.margin);
        set(fields, "language", guess.lang,
            std::string("identified from the text (lead ") + margin + " per trigram" +
                (guess.latin_tajik ? "; Tajik in Latin letters" : "") + ")");
    }

    // The title block: the opening lines before the first numbered unit
    // ("Моддаи 7", "Статья 1", "Chapter 2"). The act's own date, number and
    // body stand there; a date or body named in an article is another act's
    // (Article 7's "decree of 3 May 2014, No. 294" is no date of the Law).
    // A text that opens with a unit (or has none) is read in its first lines
    // as before.
    const size_t opening = head > 0 ? std::min<size_t>(head, 12) : 12;

    // Date and number: the first marked date of the opening lines ("от 19
    // марта 2013 года № 954"), else the latest date named there: a law's
    // passage reads "adopted by the lower house on …, supported by the upper
    // on …, signed on …", and its date is the last of them.
    std::optional<std::pair<ActDate, size_t>> date;
    for (size_t i = 0; i < lines.size() && i < opening && !(date && date->first.marked); ++i) {
        for (size_t from = 0; from < lines[i].size();) {
            auto found = find_act_date(std::string_view(lines[i]).substr(from));
            if (!found) break;
            found->begin += from;
            found->end += from;
            from = std::max(found->end, found->begin + 1);
            if (found->marked) {
                if (!date || !date->first.marked) date = std::make_pair(*found, i);
                break;
            }
            if (!date || found->date > date->first.date) date = std::make_pair(*found, i);
        }
    }
    if (date) {
        const auto& [d, i] = *date;
        // The source line (page, paragraph) the phrase begins on, not the
        // index of the reader's paragraph that holds it.
        std::string at = where(doc, opening_text[i].position_at(d.begin));
        std::string evidence = (at.empty() ? "" : at + ": ") +
                               quote(std::string_view(lines[i]).substr(d.begin, d.end - d.begin));
        set(fields, "date", d.date, evidence);
        if (!d.number.empty()) set(fields, "number", d.number, evidence);
    }

    // Title: the first heading-like lines, a date phrase cut off.
    auto title_like = [](std::string_view line) {
        if (line.empty() || line.size() > 400 || is_unit_heading(line) || line.back() == ':') return false;
        for (const Token& t : tokenize(line))
            if (t.kind == Token::kWord && count_code_points(t.text) >= 3) return true;
        return false;  // digits and signs only: not a title
    };
    auto before_date = [](const std::string& line) {
        auto d = find_act_date(line);
        return d ? trim(std::string_view(line).substr(0, d->begin), ",;:-") : line;
    };
    size_t first = 0;
    while (first < lines.size() && first < 6 && !title_like(lines[first])) ++first;
    if (first < lines.size() && first < 6) {
        std::string title = before_date(lines[first]);
        // From the first line of the title to the last one it takes.
        int from = opening_text[first].position_at(0);
        int to = title.empty() ? from : opening_text[first].position_at(title.size() - 1);
        size_t words = tokenize(title).size();
        bool type_line = !infer_type(title).type.empty() && words <= 6;
        if ((title.empty() || type_line) && first + 1 < lines.size() && title_like(lines[first + 1])) {
            std::string next = before_date(lines[first + 1]);
            if (!next.empty() && !find_act_date(lines[first + 1]).has_value()) {
                title = title.empty() ? next : title + " " + next;
                to = opening_text[first + 1].position_at(next.size() - 1);
            } else if (!next.empty() && title.empty()) {
                title = next;
                from = opening_text[first + 1].position_at(0);
                to = opening_text[first + 1].position_at(next.size() - 1);
            }
        }
        const std::string at = where(doc, from > 0 ? from : to, to);
        if (!title.empty() && title.size() <= 400)
            set(fields, "title", title, (at.empty() ? std::string("the opening") : at) + ": heading-like lines");
    }

    // Type: the first type word of the title, else of the first three lines.
    std::string type_source = fields.count("title") ? fields["title"].value : "";
    for (size_t i = 0; type_source.empty() && i < lines.size() && i < 3; ++i) type_source += lines[i] + " ";
    if (TypeMatch m = infer_type(type_source); !m.type.empty())
        set(fields, "type", m.type, "the word «" + m.word + "»" + (fields.count("title") ? " in the title" : ""));

    // Jurisdiction: a parent folder named like one.
    if (std::string j = jurisdiction_from_path(source_path, jurisdictions); !j.empty())
        set(fields, "jurisdiction", j, "folder name '" + ascii_lower(j) + "'");

    // Issuing body: a body of bodies.xml named in the opening, any language.
    if (bodies) {
        std::string opening_text;
        for (size_t i = 0; i < lines.size() && (head == 0 || i < head); ++i) opening_text += lower_utf8(lines[i]) + "\n";
        const std::string lang = fields.count("language") ? fields["language"].value : "";
        for (const auto& [id, names] : *bodies) {
            std::string matched;
            for (const auto& [name_lang, name] : names)
                if (!name.empty() && opening_text.find(lower_utf8(name)) != std::string::npos) matched = name;
            if (matched.empty()) continue;
            auto own = names.find(lang);
            set(fields, "issuing-body", own != names.end() ? own->second : matched,
                "named in the opening: " + quote(matched) + " (bodies.xml " + id + ")");
            set(fields, "issuing-body-ref", id, "bodies.xml");
            break;
        }
    }

    // Text status: a summary when the title or one of the first five lines
    // says so; otherwise the default (prepare_addition).
    std::vector<std::string> said{fields.count("title") ? fields["title"].value : ""};
    for (size_t i = 0; i < lines.size() && i < 5; ++i) said.push_back(lines[i]);
    for (size_t i = 0; i < said.size() && !fields.count("text-status"); ++i) {
        const std::string lower = lower_utf8(said[i]);
        for (std::string_view marker : {"(summary)", "summary of", "краткое изложение", "хулоса"}) {
            const size_t found = lower.find(marker);
            if (found == std::string::npos) continue;
            // lower_utf8 keeps the byte length of these scripts' letters, so
            // `found` is an offset in the line too.
            std::string at = i == 0 ? std::string("the title") : where(doc, opening_text[i - 1].position_at(found));
            if (at.empty()) at = "the opening";
            set(fields, "text-status", "summary", at + " says «" + std::string(marker) + "»");
            break;
        }
    }
    return fields;
}

namespace {
// What `himoya add` reads: the registry's formats whose metadata can be
// inferred from their text (not scans: an image's language must be given in
// a sidecar to be read at all).
constexpr std::string_view kAddable[] = {".txt", ".html", ".htm", ".pdf", ".docx", ".odt", ".rtf", ".doc", ".xml"};

std::string addable_list() {
    std::string out;
    for (size_t i = 0; i < std::size(kAddable); ++i)
        out += std::string(i == 0 ? "" : i + 1 == std::size(kAddable) ? " or " : ", ") + std::string(kAddable[i]);
    return out;
}
}  // namespace

bool is_addable_file(std::string_view path) {
    const std::string ext = lower_extension(path);
    for (std::string_view e : kAddable)
        if (ext == e) return true;
    return false;
}

std::string render_sidecar(const MetadataFields& fields, const std::string& document_id, std::string_view file_stem) {
    auto value = [&](const std::string& name) -> std::string {
        auto it = fields.find(name);
        return it == fields.end() ? "" : it->second.value;
    };
    pugi::xml_document xml;
    pugi::xml_node decl = xml.append_child(pugi::node_declaration);
    decl.append_attribute("version") = "1.0";
    decl.append_attribute("encoding") = "UTF-8";
    pugi::xml_node meta = xml.append_child("meta");
    meta.append_attribute("xmlns") = kCorpusNamespace;
    if (document_id != id_from_file_name(file_stem)) meta.append_attribute("id") = document_id.c_str();
    auto element = [&](pugi::xml_node parent, const char* name, const std::string& text) {
        pugi::xml_node n = parent.append_child(name);
        n.text().set(text.c_str());
        return n;
    };
    for (const char* name : {"title", "jurisdiction", "language", "type", "date"}) element(meta, name, value(name));
    pugi::xml_node body = element(meta, "issuing-body", value("issuing-body"));
    if (std::string ref = value("issuing-body-ref"); !ref.empty()) body.append_attribute("ref") = ref.c_str();
    element(meta, "text-status", value("text-status"));
    if (std::string extent = value("extent"); !extent.empty()) element(meta, "extent", extent);
    if (std::string state = value("legal-status"); !state.empty()) {
        pugi::xml_node status = meta.append_child("legal-status");
        status.append_attribute("state") = state.c_str();
        if (std::string since = value("legal-status-since"); !since.empty())
            status.append_attribute("since") = since.c_str();
    }
    if (std::string audience = value("audience"); !audience.empty()) {
        pugi::xml_node list = meta.append_child("audience");
        std::stringstream groups(audience);
        for (std::string group; std::getline(groups, group, ',');)
            if (std::string g = trim(group); !g.empty()) element(list, "group", g);
    }
    pugi::xml_node source = meta.append_child("source");
    element(source, "official-title", value("official-title"));
    if (std::string number = value("number"); !number.empty()) element(source, "number", number);
    std::string inferred, given;
    for (const std::string& name : metadata_field_order()) {
        auto it = fields.find(name);
        if (it == fields.end() || it->second.value.empty()) continue;
        std::string& list = it->second.origin == "given" ? given : inferred;
        if (it->second.origin == "given" || it->second.origin == "inferred") list += (list.empty() ? "" : ", ") + name;
    }
    element(source, "note",
            "Written by himoya add. Inferred from the text: " + (inferred.empty() ? "nothing" : inferred) +
                "; given: " + (given.empty() ? "nothing" : given) + ".");
    std::ostringstream out;
    xml.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
    return out.str();
}

PreparedAddition prepare_addition(const std::string& path, const std::map<std::string, std::string>& given,
                                  const std::vector<std::string>& corpus_dirs) {
    PreparedAddition a;
    a.source_path = path;
    if (!is_addable_file(path)) {
        a.report.skip(path, 0, "not a file himoya add reads (expected " + addable_list() + ")");
        return a;
    }
    std::optional<Document> doc = read_document_without_sidecar(path, a.report);
    if (!doc) return a;
    a.readable = true;
    a.provisions = static_cast<int>(doc->provisions.size());

    if (lower_extension(path) == ".xml") {
        // Corpus XML and Akoma Ntoso carry their metadata: shown, not overridden.
        a.own_metadata = true;
        const char* origin = "in the file";
        auto put = [&](const char* name, const std::string& v) {
            if (!v.empty()) a.fields[name] = {v, origin, ""};
        };
        put("title", doc->title);
        put("jurisdiction", doc->jurisdiction);
        put("language", doc->language);
        put("type", doc->type);
        put("date", doc->date);
        put("issuing-body", doc->issuing_body);
        put("text-status", doc->text_status);
        put("extent", doc->extent_or_default());
        put("legal-status", doc->legal_status.state);
        put("legal-status-since", doc->legal_status.since);
        put("official-title", doc->source.official_title);
        put("number", doc->source.number);
        put("id", doc->document_id);
        a.document_id = doc->document_id;
        for (const auto& [name, value] : given)
            if (!value.empty())
                a.report.warn(path, 0, "--" + name + " ignored: the file carries its own metadata");
        return a;
    }

    std::optional<LabelTable> bodies;
    if (std::string table = find_table(corpus_dirs, "bodies.xml"); !table.empty()) {
        IngestReport scratch;  // a bad bodies.xml is the index run's problem to report
        bodies = read_bodies(table, scratch);
    }
    std::set<std::string> jurisdictions;
    if (std::string table = find_table(corpus_dirs, "jurisdictions.xml"); !table.empty())
        jurisdictions = read_jurisdiction_codes(table);
    a.fields = infer_metadata(*doc, path, bodies ? &*bodies : nullptr, jurisdictions.empty() ? nullptr : &jurisdictions);

    for (const auto& [name, value] : given) {
        if (value.empty()) continue;
        a.fields[name] = {value, "given", ""};
        if (name != "issuing-body") continue;
        // A body given by one of its names in bodies.xml is that body (one facet
        // value, labelled in every language), else a body of its own.
        a.fields.erase("issuing-body-ref");
        if (bodies)
            for (const auto& [id, names] : *bodies)
                for (const auto& [lang, label] : names)
                    if (!label.empty() && lower_utf8(label) == lower_utf8(value) && !a.fields.count("issuing-body-ref"))
                        a.fields["issuing-body-ref"] = {id, "given", "bodies.xml: the name given"};
    }
    if (!a.fields.count("official-title") && a.fields.count("title"))
        a.fields["official-title"] = {a.fields["title"].value, "default", "the title"};
    if (!a.fields.count("text-status"))
        a.fields["text-status"] = {"official", "default", "a text added as published (--text-status to change)"};
    if (!a.fields.count("extent"))
        a.fields["extent"] = {default_extent(a.fields["text-status"].value), "default",
                              "from the text status: the part of the source the file holds (--extent to change)"};
    std::string id = a.fields.count("id") ? a.fields["id"].value : doc->document_id;
    a.fields["id"] = {id, a.fields.count("id") && a.fields["id"].origin == "given" ? "given" : "default",
                      "from the file name"};
    if (a.fields["id"].origin == "given") a.fields["id"].evidence.clear();
    a.document_id = id;

    // Required values, and given values that break the format's patterns.
    for (const RequiredField& f : required_metadata()) {
        auto it = a.fields.find(f.name);
        if (it == a.fields.end() || it->second.value.empty()) a.missing.push_back(f.flag);
    }
    auto value = [&](const char* name) { return a.fields.count(name) ? a.fields[name].value : std::string(); };
    std::map<std::string, std::string> values;
    for (const auto& [name, v] : a.fields) values[name] = v.value;
    for (const MetadataValueProblem& p : metadata_value_problems(values))
        a.missing.push_back(p.flag + " ('" + p.value + "' is not " + p.rule + ")");
    // The legal status: laws, codes, treaties and programmes have one (docs/api.md, the
    // status facet), practice documents none (docs/corpus-format.md, "Legal status").
    const std::string type = value("type");
    if (requires_legal_status(type) && value("legal-status").empty())
        a.missing.push_back("--status (a " + type +
                            " has a legal status: in-force, amended, repealed, expired or not-yet-in-force)");
    if (!value("legal-status").empty() && !type.empty() && !may_have_legal_status(type))
        a.missing.push_back("--type or no --status (a " + type + " has no legal status: only laws, codes, bylaws, "
                            "treaties and programmes have one)");
    if (a.missing.empty()) a.sidecar_xml = render_sidecar(a.fields, a.document_id, fs::path(path).stem().string());
    return a;
}

}  // namespace himoya
