#include "indexer/readers/provision_label.h"

#include "indexer/readers/reader_text.h"

#include <algorithm>
#include <iterator>

namespace himoya {

namespace {

struct Noun {
    std::string_view kind, first, later, plural_first, plural_later;
};

// Capitalised form opens a label, lower-case forms follow a comma; the plural
// forms name a range or list of units ("Paragraphs 29–31", "Статьи 1–2",
// "Моддаҳои 40 ва 42"), as the corpus headings write them.
// Tajik nouns carry the izofat (-и) because a number follows them.
constexpr Noun kEnglish[] = {
    {"part", "Part", "part", "Parts", "parts"},
    {"chapter", "Chapter", "chapter", "Chapters", "chapters"},
    {"section", "Section", "section", "Sections", "sections"},
    {"article", "Article", "article", "Articles", "articles"},
    {"paragraph", "Paragraph", "paragraph", "Paragraphs", "paragraphs"},
    {"point", "Point", "point", "Points", "points"},
    {"annex", "Annex", "annex", "Annexes", "annexes"},
    {"subsection", "Subsection", "subsection", "Subsections", "subsections"},
    {"subparagraph", "Subparagraph", "subparagraph", "Subparagraphs", "subparagraphs"},
    {"clause", "Clause", "clause", "Clauses", "clauses"},
    {"subclause", "Subclause", "subclause", "Subclauses", "subclauses"},
    {"title", "Title", "title", "Titles", "titles"},
    {"book", "Book", "book", "Books", "books"},
    {"division", "Division", "division", "Divisions", "divisions"},
    {"subdivision", "Subdivision", "subdivision", "Subdivisions", "subdivisions"},
    {"subpart", "Subpart", "subpart", "Subparts", "subparts"},
    {"subchapter", "Subchapter", "subchapter", "Subchapters", "subchapters"},
    {"rule", "Rule", "rule", "Rules", "rules"},
    {"subrule", "Subrule", "subrule", "Subrules", "subrules"},
    {"alinea", "Alinea", "alinea", "Alineas", "alineas"},
    {"indent", "Indent", "indent", "Indents", "indents"},
    {"tome", "Tome", "tome", "Tomes", "tomes"},
    {"level", "Level", "level", "Levels", "levels"},
};
constexpr Noun kRussian[] = {
    {"part", "Часть", "часть", "Части", "части"},
    {"chapter", "Глава", "глава", "Главы", "главы"},
    {"section", "Раздел", "раздел", "Разделы", "разделы"},
    {"article", "Статья", "статья", "Статьи", "статьи"},
    {"paragraph", "Пункт", "пункт", "Пункты", "пункты"},
    {"point", "Подпункт", "подпункт", "Подпункты", "подпункты"},
    {"annex", "Приложение", "приложение", "Приложения", "приложения"},
};
constexpr Noun kTajik[] = {
    {"part", "Қисми", "қисми", "Қисмҳои", "қисмҳои"},
    {"chapter", "Боби", "боби", "Бобҳои", "бобҳои"},
    {"section", "Фасли", "фасли", "Фаслҳои", "фаслҳои"},
    {"article", "Моддаи", "моддаи", "Моддаҳои", "моддаҳои"},
    {"paragraph", "Банди", "банди", "Бандҳои", "бандҳои"},
    {"point", "Зербанди", "зербанди", "Зербандҳои", "зербандҳои"},
    {"annex", "Замимаи", "замимаи", "Замимаҳои", "замимаҳои"},
};

template <size_t N>
const Noun* find_noun(const Noun (&table)[N], std::string_view kind) {
    for (const Noun& n : table)
        if (n.kind == kind) return &n;
    return nullptr;
}

std::string noun_for(std::string_view kind, std::string_view language, bool first, bool has_num, bool plural) {
    const Noun* n = nullptr;
    if (language == "ru") n = find_noun(kRussian, kind);
    else if (language == "tg") n = find_noun(kTajik, kind);
    if (!n) n = find_noun(kEnglish, kind);
    if (!n) return "";
    // Without a number the izofat has nothing to join: "Замима", not "Замимаи".
    if (!has_num && n == &kTajik[6]) return first ? "Замима" : "замима";
    if (plural) return std::string(first ? n->plural_first : n->plural_later);
    return std::string(first ? n->first : n->later);
}

bool has_alnum(std::string_view s) {
    for (unsigned char c : s)
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
            return true;
    return false;
}

bool is_ascii_digit(char c) { return c >= '0' && c <= '9'; }
bool is_ascii_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A superscript digit ("130¹") at `at`: its length in bytes, else 0.
size_t superscript_at(std::string_view s, size_t at) {
    for (std::string_view sup : {"\u00B9", "\u00B2", "\u00B3", "\u2070", "\u2074", "\u2075", "\u2076", "\u2077", "\u2078",
                                 "\u2079"})
        if (s.substr(at, sup.size()) == sup) return sup.size();
    return 0;
}

// A dash at `at` ("-", "–", "—"): its length in bytes, else 0.
size_t dash_at(std::string_view s, size_t at) {
    for (std::string_view dash : {"-", "\u2013", "\u2014"})
        if (s.substr(at, dash.size()) == dash) return dash.size();
    return 0;
}

// A number list as printed in a num or a heading: "29-31", "29–31", "3, 27",
// "3 and 27", "3 и 27", "3 ва 27", "c-f". Items are numbers (digits, a
// superscript or one letter after them: "130¹", "7a") or single letters;
// separators are a dash (a range) or a comma and/и/ва (a list). `end` is
// where the list stops in `s`.
struct NumList {
    std::vector<std::string> items;
    std::string seps;  // '-' or ',' between items[i] and items[i + 1]
    size_t end = 0;
};

NumList read_num_list(std::string_view s, size_t at) {
    NumList out;
    auto item_at = [&](size_t p, size_t& q) -> bool {
        q = p;
        if (q < s.size() && is_ascii_digit(s[q])) {
            while (q < s.size()) {
                if (is_ascii_digit(s[q]) || is_ascii_letter(s[q])) ++q;
                else if (s[q] == '.' && q + 1 < s.size() && is_ascii_digit(s[q + 1])) ++q;  // "741.28"
                else if (size_t n = superscript_at(s, q)) q += n;
                else break;
            }
        } else if (q < s.size() && is_ascii_letter(s[q])) {
            ++q;  // one letter: "c" of "c–f"
        } else {
            return false;
        }
        // An item ends the word: "Article 7a" is item "7a", "Articles" is no item.
        return !(q < s.size() && (is_ascii_letter(s[q]) || (static_cast<unsigned char>(s[q]) >= 0x80 && !dash_at(s, q) &&
                                                             !superscript_at(s, q))));
    };
    size_t q = 0;
    if (!item_at(at, q)) return out;
    out.items.emplace_back(s.substr(at, q - at));
    out.end = q;
    for (;;) {
        size_t p = out.end;
        char sep = 0;
        while (p < s.size() && s[p] == ' ') ++p;
        if (size_t d = dash_at(s, p)) {
            sep = '-';
            p += d;
        } else if (p < s.size() && s[p] == ',') {
            sep = ',';
            ++p;
        } else {
            for (std::string_view word : {"and", "\u0438", "\u0432\u0430"})  // and, и, ва
                if (p > out.end && s.substr(p, word.size()) == word && p + word.size() < s.size() &&
                    s[p + word.size()] == ' ') {
                    sep = ',';
                    p += word.size();
                    break;
                }
        }
        if (!sep) break;
        while (p < s.size() && s[p] == ' ') ++p;
        if (!item_at(p, q)) break;
        // "3, 27" but not "Article 7, a"-like prose: a letter item follows a letter item only.
        if (is_ascii_letter(s[p]) != is_ascii_letter(out.items.front()[0])) break;
        out.items.emplace_back(s.substr(p, q - p));
        out.seps += sep;
        out.end = q;
    }
    return out;
}

// Items of a range ascend: "29-31", "c-f"; "143-1" is one number, article 143-1.
bool ascends(const std::string& from, const std::string& to) {
    if (from.empty() || to.empty()) return false;
    if (is_ascii_letter(from[0]) || is_ascii_letter(to[0]))
        return from.size() == 1 && to.size() == 1 && is_ascii_letter(from[0]) && is_ascii_letter(to[0]) && to[0] > from[0];
    if (from.find_first_not_of("0123456789") != std::string::npos || to.find_first_not_of("0123456789") != std::string::npos ||
        from.size() > 6 || to.size() > 6)
        return false;
    return std::stol(to) > std::stol(from);
}

// Whether a list names several units: two items or more, each range ascending.
bool names_several(const NumList& l) {
    if (l.items.size() < 2) return false;
    for (size_t i = 0; i < l.seps.size(); ++i)
        if (l.seps[i] == '-' && !ascends(l.items[i], l.items[i + 1])) return false;
    return true;
}

// Several units in a num, printed as a label prints them ("29–31", "3, 27"); "" when one.
std::string several_units(std::string_view num) {
    const NumList l = read_num_list(num, 0);
    if (l.end != num.size() || !names_several(l)) return "";
    std::string out = l.items[0];
    for (size_t i = 0; i < l.seps.size(); ++i) out += (l.seps[i] == '-' ? "\u2013" : ", ") + l.items[i + 1];
    return out;
}

// A word of a label number ("SEC.", "Art.", "Artículo", "§"), not the number.
bool is_number_word(std::string_view w) {
    if (w.empty()) return false;
    if (w.front() == '(') return true;
    if (w.size() == 1 && is_ascii_letter(w[0])) return true;  // "a"
    for (char c : w)
        if (is_ascii_digit(c)) return true;
    bool roman = true;
    for (char c : w) roman = roman && std::string_view("IVXLCDM").find(c) != std::string_view::npos;
    return roman;
}

}  // namespace

std::string label_from_heading(std::string_view heading, std::string_view num) {
    const std::string n = label_num(num);
    if (n.empty()) return "";
    const NumList own = read_num_list(n, 0);
    if (own.items.empty() || own.end != n.size()) return "";
    // The citation written at `at` (a noun of any of the three languages, then
    // numbers): the label it makes, and in `end` where its numbers stop.
    auto cited_at = [&](size_t at, bool lower_case, size_t& end) -> std::string {
        for (const auto* table : {&kEnglish[0], &kRussian[0], &kTajik[0]}) {
            const size_t count = table == &kEnglish[0]   ? std::size(kEnglish)
                                 : table == &kRussian[0] ? std::size(kRussian)
                                                         : std::size(kTajik);
            for (size_t t = 0; t < count; ++t) {
                const Noun& noun = table[t];
                for (bool plural : {false, true}) {
                    const std::string_view label_noun = plural ? noun.plural_first : noun.first;
                    const std::string_view written = lower_case ? (plural ? noun.plural_later : noun.later) : label_noun;
                    if (heading.substr(at, written.size()) != written) continue;
                    const size_t p = at + written.size() + 1;
                    if (p > heading.size() || heading[p - 1] != ' ') continue;
                    const NumList l = read_num_list(heading, p);
                    if (l.items.empty()) continue;
                    // Its own number ("Article 7"), or a plural noun opening with it: "Articles 1–2"
                    // and "Articles 40 and 42" on a unit numbered 1 or 40, kept under its first article.
                    const bool same = l.items == own.items && l.seps == own.seps;
                    const bool opens = plural && l.items.size() > own.items.size() &&
                                       std::equal(own.items.begin(), own.items.end(), l.items.begin()) &&
                                       l.seps.compare(0, own.seps.size(), own.seps) == 0;
                    if (!same && !opens) continue;
                    end = l.end;
                    return std::string(label_noun) + " " + std::string(heading.substr(p, l.end - p));
                }
            }
        }
        return "";
    };
    size_t end = 0;
    // "Article 7 and state programmes", "Paragraphs 1–3. …": the heading opens with it.
    if (std::string cited = cited_at(0, false, end); !cited.empty()) return cited;
    // "Purpose of the update (paragraphs 3 and 27)": it fills the brackets closing the heading.
    std::string_view h = heading;
    while (!h.empty() && (h.back() == ' ' || h.back() == '.')) h.remove_suffix(1);
    const size_t open = h.rfind('(');
    if (h.empty() || h.back() != ')' || open == std::string_view::npos) return "";
    for (bool lower_case : {true, false})
        if (std::string cited = cited_at(open + 1, lower_case, end); !cited.empty() && end + 1 == h.size())
            return cited;
    return "";
}

std::string label_num(std::string_view num) {
    std::string n = collapse_whitespace(num);
    while (!n.empty() && (n.back() == '.' || n.back() == ' ')) n.pop_back();
    // "SEC. 6", "Art. 5", "Artículo 3º": the noun is ours to add, keep the number
    // ("3, 27" and "1 and 2" are numbers all through).
    for (size_t space = n.find(' '); space != std::string::npos && !is_number_word(n.substr(0, space));
         space = n.find(' '))
        n = n.substr(space + 1);
    // "–" and "•" are list bullets, not numbers.
    for (std::string_view bullet : {"–", "—", "•", "·", "-", "*"})
        if (n == bullet) return "";
    return has_alnum(n) ? n : "";
}

std::string make_label(const std::vector<UnitRef>& chain, std::string_view language) {
    if (chain.empty()) return "";
    size_t start = 0;
    bool anchored = false;
    for (std::string_view anchor : {"article", "section"}) {
        for (size_t i = chain.size(); i-- > 0;) {
            if (chain[i].kind == anchor) {
                start = i;
                anchored = true;
                break;
            }
        }
        if (anchored) break;
    }
    std::string label;
    for (size_t i = start; i < chain.size(); ++i) {
        std::string num = label_num(chain[i].num);
        bool self = i + 1 == chain.size();
        // "29-31", "c-f", "3, 27": several units, a plural noun ("Paragraphs 29–31").
        const std::string several = several_units(num);
        if (!several.empty()) num = several;
        std::string noun = noun_for(chain[i].kind, language, label.empty(), !num.empty(), !several.empty());
        // Unnumbered structure says nothing in a citation, and neither does a
        // number of an unnamed container ("1, 1.1") except the unit's own.
        // A lone "Annex" is the exception: documents usually have one.
        if (num.empty() && !(self && chain[i].kind == "annex")) continue;
        if (noun.empty() && !self) continue;
        std::string part = noun;
        if (!num.empty()) part += (part.empty() ? "" : " ") + num;
        if (!label.empty()) label += ", ";
        label += part;
    }
    return label;
}

std::string unit_abbrev(std::string_view kind) {
    if (kind == "chapter") return "chp";
    if (kind == "section") return "sec";
    if (kind == "article") return "art";
    if (kind == "paragraph") return "para";
    return std::string(kind);
}

std::string UnitIdSet::unique(const std::string& id, const std::string& file, int line,
                              IngestReport& report) {
    int& count = seen_[id];
    if (++count == 1) return id;
    std::string candidate = id + "_" + std::to_string(count);
    while (seen_.count(candidate)) candidate = id + "_" + std::to_string(++count);
    seen_[candidate] = 1;
    report.warn(file, line, "duplicate unit id '" + id + "'; using '" + candidate + "'");
    return candidate;
}

}  // namespace himoya
