#include "analysis/references.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <cctype>
#include <cstdio>
#include <initializer_list>

#include "analysis/utf32.h"

namespace himoya {
namespace {

struct Tok {
    enum Kind { word, number, sym } kind = sym;
    std::u32string text;  // lower case; a number as written (superscripts kept)
    size_t begin = 0, end = 0;
    bool upper = false;   // a word written with a capital first letter
};

bool is_sym_char(const Tok& t, char32_t c) { return t.kind == Tok::sym && t.text.size() == 1 && t.text[0] == c; }

bool is_superscript_digit(UChar32 c) {
    return c == 0x00B9 || c == 0x00B2 || c == 0x00B3 || c == 0x2070 || (c >= 0x2074 && c <= 0x2079);
}

char superscript_value(char32_t c) {
    switch (c) {
        case 0x00B9: return '1';
        case 0x00B2: return '2';
        case 0x00B3: return '3';
        case 0x2070: return '0';
        default: return static_cast<char>('0' + (c - 0x2070));
    }
}

bool is_digit(UChar32 c) { return c >= '0' && c <= '9'; }

std::vector<Tok> tokenise(std::string_view text) {
    std::vector<Tok> out;
    const auto* s = reinterpret_cast<const uint8_t*>(text.data());
    const int32_t n = static_cast<int32_t>(text.size());
    int32_t i = 0;
    auto peek = [&](int32_t at, int32_t* next = nullptr) {
        UChar32 c = 0;
        int32_t j = at;
        if (j < n) U8_NEXT(s, j, n, c);
        if (next) *next = j;
        return c;
    };
    while (i < n) {
        const int32_t start = i;
        int32_t next = 0;
        UChar32 c = peek(i, &next);
        if (c < 0) {
            i = next;
            continue;
        }
        if (u_isalpha(c)) {
            Tok t{Tok::word, {}, static_cast<size_t>(start), 0};
            t.upper = u_isupper(c) || u_istitle(c);
            while (i < n) {
                UChar32 d = peek(i, &next);
                if (d < 0 || !(u_isalpha(d) || u_getCombiningClass(d) > 0)) break;
                t.text += static_cast<char32_t>(u_tolower(d));
                i = next;
            }
            t.end = static_cast<size_t>(i);
            out.push_back(std::move(t));
        } else if (is_digit(c)) {
            Tok t{Tok::number, {}, static_cast<size_t>(start), 0};
            while (i < n) {
                UChar32 d = peek(i, &next);
                if (is_digit(d) || is_superscript_digit(d)) {
                    t.text += static_cast<char32_t>(d);
                    i = next;
                    continue;
                }
                // "741.28", "93-1": a dot or hyphen between digits stays in the number.
                if (d == '.' || d == '-') {
                    int32_t after = 0;
                    UChar32 e = peek(next, &after);
                    if (is_digit(e)) {
                        t.text += static_cast<char32_t>(d);
                        i = next;
                        continue;
                    }
                }
                break;
            }
            t.end = static_cast<size_t>(i);
            out.push_back(std::move(t));
        } else if (u_isspace(c)) {
            i = next;
        } else {
            out.push_back({Tok::sym, std::u32string(1, static_cast<char32_t>(c)), static_cast<size_t>(start),
                           static_cast<size_t>(next)});
            i = next;
        }
    }
    return out;
}

bool starts(const std::u32string& w, std::u32string_view prefix) {
    return w.size() >= prefix.size() && std::u32string_view(w).substr(0, prefix.size()) == prefix;
}
bool any_prefix(const std::u32string& w, std::initializer_list<std::u32string_view> prefixes) {
    for (auto p : prefixes)
        if (starts(w, p)) return true;
    return false;
}
bool one_of(const std::u32string& w, std::initializer_list<std::u32string_view> words) {
    for (auto p : words)
        if (w == p) return true;
    return false;
}

bool is_article_word(const std::u32string& w) {
    return one_of(w, {U"article", U"articles", U"section", U"sections", U"статья", U"статьи", U"статье", U"статью",
                      U"статьей", U"статьёй", U"статей", U"статьям", U"статьями", U"статьях", U"модда", U"моддаи",
                      U"моддаҳои", U"моддаҳо", U"моддахои", U"моддахо", U"моддаро", U"моддаҳое"});
}
bool is_chapter_word(const std::u32string& w) {
    return one_of(w, {U"chapter", U"chapters", U"глава", U"главы", U"главе", U"главу", U"главой", U"боб", U"боби",
                      U"бобҳои", U"бобхои"});
}
// Abbreviations that need their dot: "Art. 7", "ст. 117".
bool is_article_abbreviation(const std::u32string& w) { return one_of(w, {U"art", U"ст"}); }

bool is_code_noun(const std::u32string& w) { return any_prefix(w, {U"code", U"кодекс"}); }
bool is_criminal(const std::u32string& w) { return any_prefix(w, {U"criminal", U"уголовн", U"ҷиноят", U"чиноят"}); }
bool is_administrative(const std::u32string& w) {
    return any_prefix(w, {U"administrative", U"административн", U"ҳуқуқвайронкун", U"хуқуқвайронкун", U"маъмур"});
}
bool is_family(const std::u32string& w) { return any_prefix(w, {U"family", U"семейн", U"оила"}); }
bool is_convention(const std::u32string& w) { return any_prefix(w, {U"convention", U"конвенц", U"конвенсия"}); }
bool is_istanbul(const std::u32string& w) { return any_prefix(w, {U"istanbul", U"стамбул", U"истанбул"}); }
bool is_cedaw_word(const std::u32string& w) {
    return one_of(w, {U"cedaw"}) || any_prefix(w, {U"discrimination", U"дискриминац", U"табъиз"});
}
bool is_this(const std::u32string& w) {
    return one_of(w, {U"this", U"настоящего", U"настоящей", U"настоящий", U"настоящим", U"настоящем", U"настоящая",
                      U"данного", U"данной", U"ҳамин", U"хамин"});
}
bool is_act_noun(const std::u32string& w) {
    return is_code_noun(w) || is_convention(w) ||
           any_prefix(w, {U"law", U"act", U"закон", U"қонун", U"конун", U"declaration", U"декларац", U"эъломия",
                          U"programme", U"программ", U"барнома", U"statute", U"resolution", U"резолюц", U"қатънома",
                          U"constitution", U"конституц", U"конститутсия", U"decree", U"указ", U"фармон",
                          U"regulation", U"положени", U"низомнома"});
}
// Words that may open the act phrase after an article's numbers.
bool opens_act(const std::u32string& w) {
    return is_this(w) || is_act_noun(w) || is_criminal(w) || is_administrative(w) || is_family(w) || is_istanbul(w) ||
           one_of(w, {U"коап", U"ук", U"cedaw", U"мазкур"});
}
bool is_filler(const std::u32string& w) { return one_of(w, {U"of", U"the", U"a", U"an", U"under", U"и", U"об"}); }

// What the words of an act phrase name.
ActKind classify(const std::vector<const std::u32string*>& words) {
    if (words.empty()) return ActKind::implied;
    const std::u32string& first = *words.front();
    if (first == U"коап") return ActKind::admin_code;
    if (first == U"ук") return ActKind::criminal_code;
    bool code = false, criminal = false, admin = false, family = false, convention = false, istanbul = false,
         cedaw = false, act = false;
    for (const auto* w : words) {
        code = code || is_code_noun(*w);
        criminal = criminal || is_criminal(*w);
        admin = admin || is_administrative(*w);
        family = family || is_family(*w);
        convention = convention || is_convention(*w);
        istanbul = istanbul || is_istanbul(*w);
        cedaw = cedaw || is_cedaw_word(*w);
        act = act || is_act_noun(*w);
    }
    if (is_this(first) && act) return ActKind::self;
    if (words.size() >= 2 && any_prefix(first, {U"қонун", U"конун", U"кодекс", U"барнома"}) && *words[1] == U"мазкур")
        return ActKind::self;
    if (code && criminal) return ActKind::criminal_code;
    if (code && admin) return ActKind::admin_code;
    if (code && family) return ActKind::family_code;
    if (istanbul) return ActKind::istanbul_convention;
    if (convention && cedaw) return ActKind::cedaw;
    if (convention) return ActKind::convention;
    if (act || code) return ActKind::other;
    return ActKind::implied;
}

// The act phrase starting at token `at`: consecutive words (up to six), and
// what they name. `end` receives the index after the phrase.
ActKind act_phrase(const std::vector<Tok>& toks, size_t at, size_t& end) {
    std::vector<const std::u32string*> words;
    size_t i = at;
    while (i < toks.size() && toks[i].kind == Tok::word && words.size() < 6) {
        // The phrase ends where the next sentence part begins ("… Code and Article 5").
        if (!words.empty() && (is_article_word(toks[i].text) || one_of(toks[i].text, {U"and", U"ва", U"which", U"that"})))
            break;
        words.push_back(&toks[i].text);
        ++i;
    }
    ActKind kind = classify(words);
    // Keep only the words that name the act ("Кодекси ҳуқуқвайронкунии маъмурӣ",
    // not the verb after it).
    auto names_act = [](const std::u32string& w) {
        return is_code_noun(w) || is_criminal(w) || is_administrative(w) || is_family(w) || is_convention(w) ||
               is_istanbul(w) || is_cedaw_word(w) || is_this(w) || is_act_noun(w) ||
               one_of(w, {U"коап", U"ук", U"мазкур", U"offences", U"правонарушениях", U"рт"});
    };
    size_t keep = words.size();
    while (keep > 1 && !names_act(*words[keep - 1])) --keep;
    end = at + keep;
    return kind;
}

bool is_number(const Tok& t) { return t.kind == Tok::number; }

// Nouns of acts that are cited by number, date or year.
// Whole words only: "законодательство", "қонунгузорӣ", "constitutional" are not acts.
bool is_citable_act_noun(const std::u32string& w) {
    return one_of(w, {U"law", U"laws", U"закон", U"закона", U"закону", U"законом", U"законе", U"законы", U"законов",
                      U"законами", U"законам", U"қонун", U"қонуни", U"қонунро", U"қонунҳо", U"қонунҳои", U"конун",
                      U"конуни", U"decree", U"указ", U"указа", U"указом", U"фармон", U"фармони", U"resolution",
                      U"постановление", U"постановления", U"постановлением", U"қарор", U"қарори", U"карори",
                      U"order", U"приказ", U"приказом", U"фармоиш", U"фармоиши"});
}
// A Tajik act noun with the izofat ("қонуни", "фармони", "қарори"): only it takes a date
// after it as an attribute ("қонуни 22 июни соли 2016", "Қонуни … аз 21 июли"). Without it
// ("Қонунро 4 феврали … қабул карданд", "Қонун аз 22 марти … татбиқ мешавад") the date
// belongs to the verb: the text tells when that act was adopted or applies — unless the
// act's number follows the date ("Қонун аз 15 марти соли 2016, № 1290").
bool is_izofat_act_noun(const std::u32string& w) {
    return one_of(w, {U"қонуни", U"конуни", U"қонунҳои", U"қонунхои", U"конунҳои", U"конунхои", U"фармони",
                      U"қарори", U"карори", U"фармоиши"});
}
bool is_constitution(const std::u32string& w) {
    return one_of(w, {U"constitution", U"конституция", U"конституции", U"конституцию", U"конституцией",
                      U"конститутсия", U"конститутсияи", U"конститутсияро"});
}
// 1..12 for a month name in en/ru/tg (any case form), else 0.
int month_number(const std::u32string& w) {
    static const std::initializer_list<std::u32string_view> en[] = {
        {U"january", U"январ"}, {U"february", U"феврал"}, {U"march", U"март"}, {U"april", U"апрел"},
        {U"may", U"мая", U"май"}, {U"june", U"июн"}, {U"july", U"июл"}, {U"august", U"август"},
        {U"september", U"сентябр"}, {U"october", U"октябр"}, {U"november", U"ноябр"}, {U"december", U"декабр"}};
    for (int m = 0; m < 12; ++m)
        for (auto p : en[m])
            if (starts(w, p)) return m + 1;
    return 0;
}
bool is_month(const std::u32string& w) { return month_number(w) != 0; }
bool is_year(const Tok& t) {
    if (t.kind != Tok::number || t.text.size() != 4) return false;
    return (t.text[0] == U'1' && t.text[1] == U'9') || (t.text[0] == U'2' && t.text[1] == U'0');
}
bool is_number_sign(const std::vector<Tok>& toks, size_t i, size_t& after) {
    if (i < toks.size() && toks[i].kind == Tok::sym && toks[i].text == U"№") {
        after = i + 1;
        return true;
    }
    if (i + 1 < toks.size() && toks[i].kind == Tok::word && toks[i].text == U"no" && is_sym_char(toks[i + 1], U'.')) {
        after = i + 2;
        return true;
    }
    return false;
}
bool is_sym(const Tok& t, char32_t c) { return t.kind == Tok::sym && t.text.size() == 1 && t.text[0] == c; }

long integer_of(const std::string& n) {
    if (n.empty() || n.find_first_not_of("0123456789") != std::string::npos || n.size() > 6) return -1;
    return std::stol(n);
}

// ---- Acts named by their titles, numbers or proper names -------------------

// Nouns of acts that are named by a title after them. Plural "programmes",
// "программ" are programmes in general; "положение", "правила" name an act
// only capitalised (else "provisions", "rules" of something): see the caller.
bool is_titled_act_noun(const std::u32string& w) {
    if (one_of(w, {U"programmes", U"programs", U"strategies", U"программ", U"программы", U"барномаҳо",
                   U"барномаҳои"}))
        return false;
    if (any_prefix(w, {U"законодат", U"законн", U"lawful", U"lawyer", U"конунгузор", U"қонунгузор", U"қонуният",
                       U"правило"}))
        return false;
    return is_code_noun(w) || is_convention(w) ||
           any_prefix(w, {U"law", U"закон", U"қонун", U"конун", U"regulation", U"положени", U"низомнома", U"programme",
                          U"program", U"программ", U"барнома", U"strategy", U"strategies", U"стратеги", U"стратегия",
                          U"instruction", U"инструкци", U"дастурамал", U"rules", U"правил", U"қоида", U"decree",
                          U"указ", U"фармон", U"declaration", U"декларац", U"эъломия", U"concept", U"концепци",
                          U"консепсия"});
}
// A title opens: "on" / "о", "об" / "дар бораи", "оид ба"; returns the index after the opener, 0 if none.
size_t title_opener(const std::vector<Tok>& toks, size_t j) {
    if (j >= toks.size() || toks[j].kind != Tok::word) return 0;
    const std::u32string& w = toks[j].text;
    if (one_of(w, {U"on", U"о", U"об"})) return j + 1;
    if (j + 1 < toks.size() && toks[j + 1].kind == Tok::word &&
        ((w == U"дар" && toks[j + 1].text == U"бораи") || (w == U"оид" && toks[j + 1].text == U"ба")))
        return j + 2;
    return 0;
}
bool is_open_quote(const Tok& t) { return is_sym_char(t, U'«') || is_sym_char(t, U'"') || is_sym_char(t, U'“') || is_sym_char(t, U'„'); }
bool is_close_quote(const Tok& t) { return is_sym_char(t, U'»') || is_sym_char(t, U'"') || is_sym_char(t, U'”') || is_sym_char(t, U'“'); }
// Words of a state's name between an act noun and its title: "Республики
// Таджикистан", "of the Republic of Tajikistan", "Ҷумҳурии Тоҷикистон".
bool is_state_word(const Tok& t) { return t.kind == Tok::word && (t.upper || one_of(t.text, {U"of", U"the"})); }
bool is_resolution_noun(const std::u32string& w) {
    return any_prefix(w, {U"resolution", U"резолюци", U"қатънома", U"катънома"});
}
bool is_recommendation_noun(const std::u32string& w) {
    return any_prefix(w, {U"recommendation", U"рекомендаци", U"тавсия"});
}
bool is_general_word(const std::u32string& w) { return any_prefix(w, {U"general", U"общ", U"умумӣ", U"умумии", U"умуми"}); }
bool is_protocol_noun(const std::u32string& w) { return any_prefix(w, {U"protocol", U"протокол"}); }
bool is_protocol_qualifier(const std::u32string& w) {
    return any_prefix(w, {U"optional", U"additional", U"факультативн", U"дополнительн", U"ихтиёр", U"иловаг"});
}
// Nouns of international instruments that a proper noun beside them names:
// "Rome Statute", "Geneva Conventions", "Женевские конвенции", "Оинномаи Рим".
bool is_instrument_noun(const std::u32string& w) {
    return is_convention(w) || is_protocol_noun(w) ||
           any_prefix(w, {U"statute", U"статут", U"оиннома", U"covenant", U"пакт", U"platform", U"платформ"});
}
bool is_function_word(const std::u32string& w) {
    return one_of(w, {U"the", U"this", U"that", U"these", U"a", U"an", U"эта", U"этой", U"эту", U"настоящая",
                      U"настоящей", U"данная", U"данной", U"мазкур", U"ин", U"ҳамин", U"хамин", U"он", U"such"});
}
bool is_cedaw_alias(const std::u32string& w) { return one_of(w, {U"cedaw", U"клдж"}); }

// What kind of act a noun names (TextReference::act_noun).
std::string act_noun_kind(const std::u32string& w) {
    if (is_code_noun(w)) return "code";
    if (is_convention(w) || any_prefix(w, {U"statute", U"статут", U"оиннома", U"covenant", U"пакт", U"protocol", U"протокол"}))
        return "convention";
    if (any_prefix(w, {U"law", U"закон", U"қонун", U"конун", U"act"})) return "law";
    if (any_prefix(w, {U"programme", U"program", U"программ", U"барнома", U"strateg", U"стратеги", U"концепци",
                       U"concept", U"консепсия"}))
        return "programme";
    if (any_prefix(w, {U"regulation", U"положени", U"низомнома", U"instruction", U"инструкци", U"дастурамал", U"rules",
                       U"правил", U"қоида"}))
        return "regulation";
    if (any_prefix(w, {U"decree", U"указ", U"фармон"})) return "decree";
    if (any_prefix(w, {U"declaration", U"декларац", U"эъломия"})) return "declaration";
    return "";
}

// The title after the act noun at `noun` ("Закон Республики Таджикистан «О …»",
// "Law on marriage and family", "Низомнома дар бораи …"): past a state's name
// and a year, in quotes or after on/о/об/дар бораи/оид ба. Returns the index
// of its last token (0: no title), with its words added to `words` and
// written, lower case, to `title`.
size_t read_title(const std::vector<Tok>& toks, size_t noun, std::vector<const std::u32string*>& words, std::string& title) {
    size_t j = noun + 1;
    // Past a state's name and a year ("Конвенсияи соли 1951 дар бораи …").
    while (j < toks.size() && j < noun + 7 && !title_opener(toks, j) &&
           (is_state_word(toks[j]) || is_year(toks[j]) || (toks[j].kind == Tok::word && toks[j].text == U"соли")))
        ++j;
    size_t last = 0;
    if (j < toks.size() && is_open_quote(toks[j])) {
        for (size_t q = j + 1; q < toks.size() && q < j + 30; ++q) {
            if (is_close_quote(toks[q])) {
                last = q;
                break;
            }
            if (toks[q].kind == Tok::word) {
                words.push_back(&toks[q].text);
                title += (title.empty() ? "" : " ") + u32_to_utf8(toks[q].text);
            }
        }
    } else if (size_t from = title_opener(toks, j)) {
        for (size_t q = from; q < toks.size() && q < from + 12; ++q) {
            if (toks[q].kind != Tok::word) {
                if (is_sym(toks[q], U'-')) continue;
                break;
            }
            // "guidelines on this subject": a demonstrative opens no title.
            if (q == from && one_of(toks[q].text, {U"this", U"these", U"that", U"those", U"ин", U"он", U"этот",
                                                   U"эта", U"это", U"эти", U"этой", U"этом", U"этих"}))
                break;
            // "… against women and Optional Protocol", "… женщин и Факультативный протокол": another act;
            // "… in the Family and on Article 7 of …", "… и о …": another part of the sentence.
            if (q > from && one_of(toks[q].text, {U"and", U"и", U"ва"}) && q + 1 < toks.size() &&
                toks[q + 1].kind == Tok::word &&
                (toks[q + 1].upper || is_protocol_qualifier(toks[q + 1].text) ||
                 one_of(toks[q + 1].text, {U"its", U"его", U"её", U"ее", U"on", U"о", U"об", U"дар", U"оид"})))
                break;
            // "… family in 2024", "… семье от 19 марта": a date follows the title. The word before a
            // year of the act ("… в семье 2013 года") is the title's last, unless it is a preposition
            // or names another instrument ("… и два Факультативных протокола 2000 года").
            if (q + 1 < toks.size() && is_number(toks[q + 1])) {
                if (is_year(toks[q + 1]) && q + 2 < toks.size() && toks[q + 2].kind == Tok::word &&
                    (starts(toks[q + 2].text, U"год") || toks[q + 2].text == U"г") &&
                    !is_act_noun(toks[q].text) && !is_instrument_noun(toks[q].text) &&
                    !one_of(toks[q].text, {U"in", U"of", U"on", U"from", U"since", U"until", U"до", U"от", U"с",
                                           U"со", U"в", U"во", U"на", U"по", U"аз", U"соли", U"дар", U"то", U"ба",
                                           U"and", U"и", U"ва", U"or", U"или", U"ё"})) {
                    words.push_back(&toks[q].text);
                    title += (title.empty() ? "" : " ") + u32_to_utf8(toks[q].text);
                    last = q;
                }
                break;
            }
            // Another act begins ("… действует наряду с Законом …").
            if (q > from && is_titled_act_noun(toks[q].text)) break;
            if (is_article_word(toks[q].text) || one_of(toks[q].text, {U"which", U"that", U"who", U"который",
                                                                        U"которая", U"которое", U"ки", U"adopted",
                                                                        U"принят", U"принятый", U"принятом"}))
                break;
            words.push_back(&toks[q].text);
            title += (title.empty() ? "" : " ") + u32_to_utf8(toks[q].text);
            last = q;
        }
    }
    return title.empty() ? 0 : last;
}

// "the same Code", "того же Кодекса", "ҳамон Кодекс": the words saying the act
// is one named before, at `at` (after fillers); their count, 0 if none.
size_t same_words(const std::vector<Tok>& toks, size_t at) {
    if (at >= toks.size() || toks[at].kind != Tok::word) return 0;
    const std::u32string& w = toks[at].text;
    if (one_of(w, {U"same", U"ҳамон", U"хамон"})) return 1;
    if (one_of(w, {U"того", U"той", U"тому", U"тем", U"том", U"тех"}) && at + 1 < toks.size() &&
        toks[at + 1].kind == Tok::word && toks[at + 1].text == U"же")
        return 2;
    return 0;
}

// The kind of the first act noun in toks[from, to) ("code" for "Кодекса …"), "" if none.
std::string first_act_noun(const std::vector<Tok>& toks, size_t from, size_t to) {
    for (size_t w = from; w < to && w < toks.size(); ++w)
        if (toks[w].kind == Tok::word && is_act_noun(toks[w].text)) {
            std::string kind = act_noun_kind(toks[w].text);
            if (!kind.empty()) return kind;
        }
    return "";
}

// The last reference in `out` naming an act of noun `noun` ("code"): what
// "the same Code" or "ҳамин Кодекс" names; -1 when none.
int antecedent_of(const std::vector<TextReference>& out, const std::string& noun) {
    if (noun.empty()) return -1;
    for (size_t j = out.size(); j-- > 0;)
        if (out[j].act != ActKind::implied && out[j].act_noun == noun) return static_cast<int>(j);
    return -1;
}

}  // namespace

const char* act_name(ActKind act) {
    switch (act) {
        case ActKind::implied: return "implied";
        case ActKind::self: return "self";
        case ActKind::criminal_code: return "criminal-code";
        case ActKind::admin_code: return "admin-code";
        case ActKind::family_code: return "family-code";
        case ActKind::istanbul_convention: return "istanbul-convention";
        case ActKind::cedaw: return "cedaw";
        case ActKind::convention: return "convention";
        case ActKind::other: return "other";
    }
    return "implied";
}

std::string normalise_article_number(std::string_view number) {
    std::u32string u = utf8_to_u32(number);
    std::string out;
    bool in_superscript = false;
    for (char32_t c : u) {
        if (is_superscript_digit(static_cast<UChar32>(c))) {
            if (!in_superscript) out += '-';
            in_superscript = true;
            out += superscript_value(c);
        } else {
            in_superscript = false;
            out += static_cast<char>(c < 0x80 ? c : '?');
        }
    }
    while (!out.empty() && (out.back() == '.' || out.back() == '-')) out.pop_back();
    return out;
}

std::vector<TextReference> find_references(std::string_view text, std::string_view) {
    std::vector<TextReference> out;
    const std::vector<Tok> toks = tokenise(text);
    size_t i = 0;
    // A code followed by the article it is supplemented with: where that article word is.
    size_t supplemented_at = std::string::npos, supplemented_begin = 0;
    ActKind supplemented_act = ActKind::implied;
    while (i < toks.size()) {
        const Tok& t = toks[i];
        size_t numbers_at = 0;
        bool chapter = false;
        if (t.kind == Tok::word && is_article_word(t.text)) numbers_at = i + 1;
        else if (t.kind == Tok::word && is_chapter_word(t.text)) {
            numbers_at = i + 1;
            chapter = true;
        }
        else if (t.kind == Tok::word && is_article_abbreviation(t.text) && i + 1 < toks.size() && is_sym(toks[i + 1], U'.'))
            numbers_at = i + 2;
        else if (is_sym(t, U'§')) numbers_at = (i + 1 < toks.size() && is_sym(toks[i + 1], U'§')) ? i + 2 : i + 1;
        // "new articles, 93¹ and 93²", "статьи — 93¹ и 93²", "моддаи нав — 93¹": punctuation
        // or "new" between the article word and its first number.
        if (numbers_at && !chapter) {
            size_t k = numbers_at;
            while (k < toks.size() && k < numbers_at + 2 &&
                   ((toks[k].kind == Tok::sym && (toks[k].text == U"," || toks[k].text == U"—" || toks[k].text == U"–" ||
                                                   toks[k].text == U":")) ||
                    (toks[k].kind == Tok::word && (toks[k].text == U"new" || toks[k].text == U"нав" || starts(toks[k].text, U"нов")))))
                ++k;
            if (k < toks.size() && is_number(toks[k])) numbers_at = k;
        }
        // A gazette item ("Ахбори Маҷлиси Олӣ, 2013, №3, ст. 197") is not an article of an act.
        if (numbers_at) {
            for (size_t b = i >= 4 ? i - 4 : 0; b < i; ++b)
                if (toks[b].kind == Tok::sym && toks[b].text == U"№") numbers_at = 0;
            if (i >= 3 && toks[i - 1].kind == Tok::sym && toks[i - 1].text == U"," && is_number(toks[i - 2]) &&
                toks[i - 3].kind == Tok::sym && toks[i - 3].text == U".")
                numbers_at = 0;  // "No. 3, art. 129"
        }
        if (numbers_at && numbers_at < toks.size() && is_number(toks[numbers_at])) {
            TextReference ref;
            ref.begin = t.begin;
            // "paragraph 1 of Article 13", "части 2 статьи 13", "қисми 2-и моддаи 13", "банди 3-и моддаи 5".
            if (!chapter) {
                size_t p = i;
                if (p >= 1 && toks[p - 1].kind == Tok::word && one_of(toks[p - 1].text, {U"of", U"и"})) --p;
                if (p >= 1 && is_sym(toks[p - 1], U'-')) --p;
                auto paragraph_word = [](const std::u32string& w) {
                    return one_of(w, {U"paragraph", U"part", U"часть", U"части", U"частью", U"пункт", U"пункта",
                                      U"пунктом", U"қисми", U"кисми", U"банди"});
                };
                if (p >= 2 && is_number(toks[p - 1]) && toks[p - 2].kind == Tok::word && paragraph_word(toks[p - 2].text) &&
                    (out.empty() || out.back().end <= toks[p - 2].begin)) {
                    ref.paragraph = normalise_article_number(u32_to_utf8(toks[p - 1].text));
                    ref.begin = toks[p - 2].begin;
                }
            }
            size_t k = numbers_at;
            auto add = [&](const Tok& n) {
                ref.articles.push_back((chapter ? "chapter-" : "") + normalise_article_number(u32_to_utf8(n.text)));
            };
            add(toks[k]);
            size_t last = k;
            ++k;
            for (;;) {
                // "3(b)", "5(1)": a paragraph of the article.
                if (k + 2 < toks.size() && is_sym(toks[k], U'(') && is_sym(toks[k + 2], U')') &&
                    (is_number(toks[k + 1]) || (toks[k + 1].kind == Tok::word && toks[k + 1].text.size() <= 3))) {
                    last = k + 2;
                    k += 3;
                    continue;
                }
                if (k + 1 >= toks.size()) break;
                const Tok& sep = toks[k];
                bool range = is_sym(sep, U'–') || is_sym(sep, U'—') || (sep.kind == Tok::word && one_of(sep.text, {U"to", U"до", U"through", U"то"}));
                bool list = is_sym(sep, U',') || (sep.kind == Tok::word && one_of(sep.text, {U"and", U"и", U"ва", U"or", U"или", U"ё"}));
                size_t n = k + 1;
                // "Articles 8, 9 and 12", "статьи 93¹ и 93²"; an article word may repeat ("статьи 5 и статьи 7" is two).
                if (!(range || list) || n >= toks.size() || !is_number(toks[n])) break;
                if (range) {
                    long from = integer_of(ref.articles.back());
                    long to = integer_of(normalise_article_number(u32_to_utf8(toks[n].text)));
                    if (from >= 0 && to > from && to - from <= 50) {
                        for (long v = from + 1; v <= to; ++v) ref.articles.push_back(std::to_string(v));
                    } else {
                        add(toks[n]);
                    }
                } else {
                    add(toks[n]);
                }
                last = n;
                k = n + 1;
            }
            // The act named after the numbers, past "of the", a Tajik izofat ("93²-и").
            size_t a = k;
            if (a + 1 < toks.size() && is_sym(toks[a], U'-') && toks[a + 1].kind == Tok::word && toks[a + 1].text == U"и") a += 2;
            auto past_fillers = [&](size_t at, bool after_title) {
                size_t b = at;
                // After the article's title, "to the Criminal Code", "в Уголовный кодекс".
                while (b < toks.size() && toks[b].kind == Tok::word && b - at < 3 &&
                       (is_filler(toks[b].text) ||
                        (after_title && one_of(toks[b].text, {U"to", U"into", U"in", U"в", U"ба"}))))
                    ++b;
                return b;
            };
            auto opens_act_at = [&](size_t at) {
                return at < toks.size() && toks[at].kind == Tok::word && (opens_act(toks[at].text) || same_words(toks, at));
            };
            const size_t title_start = a;
            a = past_fillers(a, false);
            // The article's own title in quotes before the act: "Article 126-1 "Family (domestic)
            // violence" to the Criminal Code".
            if (!opens_act_at(a) && title_start < toks.size() && is_open_quote(toks[title_start])) {
                for (size_t q = title_start + 1; q < toks.size() && q < title_start + 20; ++q)
                    if (is_close_quote(toks[q])) {
                        if (size_t b = past_fillers(q + 1, true); opens_act_at(b)) a = b;
                        break;
                    }
            }
            size_t end_tok = last + 1;
            if (size_t same = same_words(toks, a);
                same && a + same < toks.size() && toks[a + same].kind == Tok::word && is_act_noun(toks[a + same].text)) {
                // "the same Code", "того же Кодекса", "ҳамон Кодекс": the act named before, not the citing one.
                ref.same_act = true;
                ref.act_noun = act_noun_kind(toks[a + same].text);
                ref.antecedent = antecedent_of(out, ref.act_noun);
                ref.act = ActKind::other;
                if (ref.antecedent >= 0) ref.take_act_of(out[static_cast<size_t>(ref.antecedent)]);
                end_tok = a + same + 1;
            } else if (opens_act_at(a)) {
                size_t phrase_end = a;
                ActKind kind = act_phrase(toks, a, phrase_end);
                if (kind != ActKind::implied) {
                    ref.act = kind;
                    end_tok = phrase_end;
                    ref.act_noun = first_act_noun(toks, a, phrase_end);
                    // "Article 7 of the Law", "статью 7 Закона": a law not named.
                    ref.bare_law = kind == ActKind::other && phrase_end == a + 1 &&
                                   any_prefix(toks[a].text, {U"law", U"закон", U"қонун", U"конун"});
                    // "Article 7 of the Law on the Prevention of Violence in the Family", "статьи 7
                    // Закона Республики Таджикистан «О …»": the act's title, to resolve it by.
                    if (kind == ActKind::other || kind == ActKind::convention) {
                        size_t noun = a;
                        while (noun < phrase_end && !is_titled_act_noun(toks[noun].text)) ++noun;
                        std::vector<const std::u32string*> words;
                        for (size_t w = a; w <= noun && w < phrase_end; ++w) words.push_back(&toks[w].text);
                        std::string title;
                        if (size_t title_end = noun < phrase_end ? read_title(toks, noun, words, title) : 0;
                            title_end && title_end + 1 >= phrase_end) {
                            ActKind named = classify(words);
                            ref.act = named == ActKind::implied || named == ActKind::self ? ActKind::other : named;
                            ref.act_title = title;
                            ref.act_noun = act_noun_kind(toks[noun].text);
                            ref.bare_law = false;
                            end_tok = title_end + 1;
                        }
                    }
                    // "this Code", "ҳамин Кодекс": the citing act when it is a code, else (the resolver
                    // decides) the code named before.
                    if (kind == ActKind::self) ref.antecedent = antecedent_of(out, ref.act_noun);
                }
            }
            // "дополнил Уголовный кодекс статьёй 126-1", "Кодекси ҷиноятиро бо моддаи 126-1": the code
            // named just before, which the article is added to.
            if (ref.act == ActKind::implied && supplemented_at == i) {
                ref.act = supplemented_act;
                ref.act_noun = "code";
                ref.begin = std::min(ref.begin, supplemented_begin);
            }
            ref.end = toks[end_tok - 1].end;
            out.push_back(std::move(ref));
            i = end_tok;
            continue;
        }
        // An act named by its number, date or year, or the constitution.
        if (t.kind == Tok::word && (is_citable_act_noun(t.text) || is_constitution(t.text))) {
            TextReference ref;
            ref.act = ActKind::other;
            ref.begin = t.begin;
            size_t k = i + 1, end_tok = 0;
            // "Government Decree No. 433", "Law of the Republic of Tajikistan No. 613"
            size_t skip = k;
            while (skip < toks.size() && skip < k + 6 && toks[skip].kind == Tok::word &&
                   !is_month(toks[skip].text) && !one_of(toks[skip].text, {U"no", U"of", U"от", U"аз", U"соли"}))
                ++skip;
            // "Law of the Republic of Tajikistan No. 613": past a state's name, "of" and "the" included.
            size_t state = k, after = 0;
            while (state < toks.size() && state < k + 8 && !is_number_sign(toks, state, after) &&
                   is_state_word(toks[state]) && !is_month(toks[state].text))
                ++state;
            if (is_constitution(t.text)) {
                end_tok = i + 1;
            } else if (is_number_sign(toks, k, after) || is_number_sign(toks, skip, after) ||
                       is_number_sign(toks, state, after)) {
                if (after < toks.size() && is_number(toks[after])) {
                    ref.act_number = normalise_article_number(u32_to_utf8(toks[after].text));
                    end_tok = after + 1;
                }
            } else if (auto dated = [&](size_t at) {
                           // "аз" after a Tajik noun without the izofat: a date the act is cited by only
                           // with its number after it ("Қонун аз 15 марти соли 2016, № 1290").
                           auto numbered_after = [&] {
                               size_t e = at + 3, sign = 0;
                               if (e < toks.size() && toks[e].kind == Tok::word && toks[e].text == U"соли") ++e;
                               if (e < toks.size() && is_year(toks[e])) ++e;
                               if (e < toks.size() && is_sym(toks[e], U',')) ++e;
                               return is_number_sign(toks, e, sign);
                           };
                           return at + 2 < toks.size() && toks[at].kind == Tok::word &&
                                  one_of(toks[at].text, {U"of", U"от", U"аз"}) && is_number(toks[at + 1]) &&
                                  toks[at + 2].kind == Tok::word && is_month(toks[at + 2].text) &&
                                  (toks[at].text != U"аз" || is_izofat_act_noun(t.text) || numbered_after());
                       };
                       dated(k) || dated(skip)) {
                // "law of 22 June 2016", "Законом Республики Таджикистан от 31 декабря 2008 года"
                end_tok = (dated(k) ? k : skip) + 3;
            } else if (is_izofat_act_noun(t.text) && k + 1 < toks.size() && is_number(toks[k]) &&
                       toks[k + 1].kind == Tok::word && is_month(toks[k + 1].text)) {
                // "қонуни 22 июни соли 2016"; not "приняла закон 4 февраля", "Қонунро 4 феврали … қабул
                // карданд": without "от" or the izofat the date is when the act was adopted.
                end_tok = k + 2;
            } else if (k + 1 < toks.size() && toks[k].kind == Tok::word && toks[k].text == U"соли" && is_year(toks[k + 1])) {
                ref.act_year = std::stoi(u32_to_utf8(toks[k + 1].text));  // "қонуни соли 2013"
                end_tok = k + 2;
                // "қонуни соли 2012-и Ҷумҳурии Серб": the place after the year, joined by the izofat.
                size_t p = k + 4;
                if (p < toks.size() && is_sym(toks[k + 2], U'-') && toks[k + 3].kind == Tok::word &&
                    toks[k + 3].text == U"и") {
                    size_t q = p;
                    while (q < toks.size() && q < p + 3 && toks[q].kind == Tok::word && toks[q].upper &&
                           !is_function_word(toks[q].text) && !is_act_noun(toks[q].text))
                        ++q;
                    if (q > p) {
                        ref.act_place = std::string(text.substr(toks[p].begin, toks[q - 1].end - toks[p].begin));
                        end_tok = q;
                    }
                }
            } else if (k < toks.size() && is_year(toks[k]) && k + 1 < toks.size() && toks[k + 1].kind == Tok::word &&
                       starts(toks[k + 1].text, U"год")) {
                ref.act_year = std::stoi(u32_to_utf8(toks[k].text));  // "закона 2013 года"
                end_tok = k + 2;
            } else if (i > 0 && is_year(toks[i - 1]) && any_prefix(t.text, {U"law"})) {
                ref.act_year = std::stoi(u32_to_utf8(toks[i - 1].text));  // "the 2013 Law"
                ref.begin = toks[i - 1].begin;
                end_tok = i + 1;
            } else if (k + 1 < toks.size() && toks[k].kind == Tok::word && toks[k].text == U"of" && is_year(toks[k + 1]) &&
                       !(k + 2 < toks.size() && toks[k + 2].kind == Tok::word && is_month(toks[k + 2].text))) {
                // "Republika Srpska law of 2012", "FBiH law of 2013": the place's capitalised words before it.
                ref.act_year = std::stoi(u32_to_utf8(toks[k + 1].text));
                size_t b = i;
                while (b > 0 && i - b < 4 && toks[b - 1].kind == Tok::word && toks[b - 1].upper &&
                       !is_function_word(toks[b - 1].text))
                    --b;
                if (b < i && (out.empty() || out.back().end <= toks[b].begin)) {
                    ref.begin = toks[b].begin;
                    ref.act_place = std::string(text.substr(toks[b].begin, toks[i - 1].end - toks[b].begin));
                }
                end_tok = k + 2;
            } else if (skip > k) {
                // "закон Республики Сербской 2012 года", "қонуни ФБиҲ аз соли 2013": a place between the noun and the year.
                size_t y = skip;
                if (y + 1 < toks.size() && toks[y].kind == Tok::word && toks[y].text == U"аз") ++y;
                if (y + 1 < toks.size() && toks[y].kind == Tok::word && toks[y].text == U"соли") ++y;
                const bool year = y < toks.size() && is_year(toks[y]) &&
                                  !(y + 1 < toks.size() && toks[y + 1].kind == Tok::word && is_month(toks[y + 1].text));
                bool proper = true;
                for (size_t w = k; w < skip; ++w) proper = proper && toks[w].upper;
                if (year && proper && skip - k <= 3) {
                    ref.act_year = std::stoi(u32_to_utf8(toks[y].text));
                    ref.act_place = std::string(text.substr(toks[k].begin, toks[skip - 1].end - toks[k].begin));
                    end_tok = y + 1;
                }
            }
            if (end_tok) {
                // A date runs on to its year ("… of 4 May 2017", "… от 4 июня и 9 июля 2010", "… аз 28 июли соли 2016").
                bool year_seen = (end_tok > 0 && is_year(toks[end_tok - 1])) || !ref.act_place.empty();
                for (size_t e = end_tok; !year_seen && e < toks.size() && e < end_tok + 7; ++e) {
                    const Tok& x = toks[e];
                    bool part = is_number(x) || (x.kind == Tok::word && (is_month(x.text) ||
                                one_of(x.text, {U"соли", U"of", U"от", U"аз", U"and", U"ва", U"и", U"г"})));
                    if (!part) break;
                    if (x.kind == Tok::word && one_of(x.text, {U"of", U"от", U"аз", U"and", U"ва", U"и"}) &&
                        !(e + 1 < toks.size() && is_number(toks[e + 1])))
                        break;  // "of" not followed by a date
                    if (is_number(x)) {
                        end_tok = e + 1;
                        year_seen = is_year(x) && !(e + 1 < toks.size() && toks[e + 1].kind == Tok::word && is_month(toks[e + 1].text));
                    } else if (is_month(x.text)) {
                        end_tok = e + 1;
                    }
                }
                if (end_tok < toks.size() && toks[end_tok].kind == Tok::word && starts(toks[end_tok].text, U"год")) ++end_tok;
                ref.end = toks[end_tok - 1].end;
                // The first full date inside ("28 July 2016", "3 мая 2014", "3 майи соли 2014").
                for (size_t d = i + 1; d + 2 < end_tok + 1 && d + 1 < toks.size(); ++d) {
                    if (!is_number(toks[d]) || toks[d].text.size() > 2 || toks[d + 1].kind != Tok::word) continue;
                    int month = month_number(toks[d + 1].text);
                    if (!month) continue;
                    size_t y = d + 2;
                    if (y < toks.size() && toks[y].kind == Tok::word && toks[y].text == U"соли") ++y;
                    while (y < toks.size() && y < end_tok && !is_year(toks[y])) ++y;  // "4 June and 9 July 2010"
                    if (y >= toks.size() || !is_year(toks[y])) continue;
                    char buf[16];
                    std::snprintf(buf, sizeof buf, "%s-%02d-%02d", u32_to_utf8(toks[y].text).c_str(), month,
                                  std::stoi(u32_to_utf8(toks[d].text)));
                    ref.act_date = buf;
                    if (ref.act_year == 0) ref.act_year = std::stoi(u32_to_utf8(toks[y].text));
                    break;
                }
                out.push_back(std::move(ref));
                i = end_tok;
                continue;
            }
        }
        // A resolution or general recommendation by its number (or numbers).
        if (t.kind == Tok::word && (is_resolution_noun(t.text) || is_recommendation_noun(t.text))) {
            size_t start = i, k = i + 1;
            if (is_recommendation_noun(t.text)) {
                // "general recommendation", "общая рекомендация", "тавсияи умумии": the general word on either side.
                if (i > 0 && toks[i - 1].kind == Tok::word && is_general_word(toks[i - 1].text)) start = i - 1;
                else if (k < toks.size() && toks[k].kind == Tok::word && is_general_word(toks[k].text)) ++k;
                else k = toks.size();
            }
            std::vector<std::string> numbers;
            size_t last = 0;
            while (k < toks.size()) {
                size_t after = k;
                if (is_number_sign(toks, k, after)) k = after;
                if (k >= toks.size() || !is_number(toks[k])) break;
                // "қатъномаро 31 октябри соли 2000 қабул кард": a date, not a number.
                if (k + 1 < toks.size() && toks[k + 1].kind == Tok::word && is_month(toks[k + 1].text)) break;
                std::string n = u32_to_utf8(toks[k].text);
                last = k++;
                if (k + 1 < toks.size() && is_sym(toks[k], U'/') && is_number(toks[k + 1])) {  // "34/180"
                    n += "/" + u32_to_utf8(toks[k + 1].text);
                    last = k + 1;
                    k += 2;
                }
                if (k + 2 < toks.size() && is_sym(toks[k], U'(') && is_year(toks[k + 1]) && is_sym(toks[k + 2], U')')) {
                    last = k + 2;  // "1820 (2008)"
                    k += 3;
                }
                numbers.push_back(n);
                if (k + 1 < toks.size() && (is_sym(toks[k], U',') ||
                                            (toks[k].kind == Tok::word && one_of(toks[k].text, {U"and", U"и", U"ва"}))))
                    ++k;
                else
                    break;
            }
            if (!numbers.empty()) {
                TextReference ref;
                ref.act = ActKind::other;
                ref.begin = toks[start].begin;
                ref.end = toks[last].end;
                ref.act_number = numbers.front();
                ref.more_numbers.assign(numbers.begin() + 1, numbers.end());
                ref.instrument = is_resolution_noun(t.text) ? "resolution" : "recommendation";
                out.push_back(std::move(ref));
                i = last + 1;
                continue;
            }
        }
        // An act named by its title: "Закон Республики Таджикистан «О …»",
        // "Law on marriage and family", "Низомнома дар бораи …".
        if (t.kind == Tok::word && is_titled_act_noun(t.text) &&
            (t.upper || !any_prefix(t.text, {U"положени", U"правил", U"rules", U"concept", U"концепци"}))) {
            std::vector<const std::u32string*> words{&t.text};
            std::string title;
            const size_t last = read_title(toks, i, words, title);
            if (last && !title.empty()) {
                TextReference ref;
                ActKind kind = classify(words);
                ref.act = kind == ActKind::implied || kind == ActKind::self ? ActKind::other : kind;
                ref.begin = t.begin;
                ref.end = toks[last].end;
                ref.act_title = title;
                ref.act_noun = act_noun_kind(t.text);
                // "Закон о защите от насилия в семье 2013 года": the year names which act of that title.
                size_t end_at = last;
                if (last + 2 < toks.size() && is_year(toks[last + 1]) && toks[last + 2].kind == Tok::word &&
                    (starts(toks[last + 2].text, U"год") || toks[last + 2].text == U"г")) {
                    ref.act_year = std::stoi(u32_to_utf8(toks[last + 1].text));
                    end_at = last + 2;
                }
                ref.end = toks[end_at].end;
                out.push_back(std::move(ref));
                i = end_at + 1;
                continue;
            }
        }
        // Protocols: "Optional Protocol", "Факультативный протокол", "Протоколи ихтиёрӣ", "1967 Protocol".
        if (t.kind == Tok::word && is_protocol_noun(t.text)) {
            size_t start = i, last = i;
            if (i > 0 && toks[i - 1].kind == Tok::word && is_protocol_qualifier(toks[i - 1].text)) start = i - 1;
            else if (i + 1 < toks.size() && toks[i + 1].kind == Tok::word && is_protocol_qualifier(toks[i + 1].text)) last = i + 1;
            else if (i > 0 && is_year(toks[i - 1])) start = i - 1;
            else if (i + 1 < toks.size() && is_year(toks[i + 1])) last = i + 1;  // "Протокол 1967 года"
            if (start != i || last != i) {
                if (out.empty() || out.back().end <= toks[start].begin) {
                    TextReference ref;
                    ref.act = ActKind::other;
                    ref.begin = toks[start].begin;
                    ref.end = toks[last].end;
                    out.push_back(std::move(ref));
                }
                i = last + 1;
                continue;
            }
        }
        // An instrument named by a proper noun beside it: "Rome Statute",
        // "Geneva Conventions", "Римском статуте", "Оинномаи Рим"; in English
        // a run of capitalised words ending in "Act" ("Violent Crime Control
        // and Law Enforcement Act").
        if (t.kind == Tok::word && (is_instrument_noun(t.text) || (t.text == U"act" && t.upper))) {
            size_t start = i, last = i;
            auto proper = [&](size_t at) {
                return at < toks.size() && toks[at].kind == Tok::word && toks[at].upper && !is_function_word(toks[at].text) &&
                       !is_act_noun(toks[at].text) && !is_article_word(toks[at].text);
            };
            if (t.text == U"act") {
                // Back over capitalised words, and "and", "of", "the", "for" between them.
                size_t b = i;
                while (b > 0 && i - b < 10) {
                    if (proper(b - 1) || is_act_noun(toks[b - 1].text)) --b;
                    else if (b >= 2 && toks[b - 1].kind == Tok::word && one_of(toks[b - 1].text, {U"and", U"of", U"for", U"on"}) &&
                             proper(b - 2)) b -= 2;
                    else break;
                }
                start = b;
            } else if (i > 0 && proper(i - 1)) {
                start = i - 1;
            } else if (proper(i + 1)) {
                last = i + 1;
            }
            if ((start != i || last != i) && (out.empty() || out.back().end <= toks[start].begin)) {
                TextReference ref;
                std::vector<const std::u32string*> words;
                for (size_t w = start; w <= last; ++w) words.push_back(&toks[w].text);
                ActKind kind = classify(words);
                ref.act = kind == ActKind::implied || kind == ActKind::self ? ActKind::other : kind;
                ref.begin = toks[start].begin;
                for (const auto* w : words) ref.act_title += (ref.act_title.empty() ? "" : " ") + u32_to_utf8(*w);
                ref.act_noun = act_noun_kind(t.text);
                // "… Act of 2022", "Конвенсияҳои Женеваи соли 1949": the year belongs to the name.
                size_t y = last + 1;
                if (y + 1 < toks.size() && toks[y].kind == Tok::word && one_of(toks[y].text, {U"of", U"соли"}) && is_year(toks[y + 1])) {
                    ref.act_year = std::stoi(u32_to_utf8(toks[y + 1].text));
                    last = y + 1;
                }
                ref.end = toks[last].end;
                out.push_back(std::move(ref));
                i = last + 1;
                continue;
            }
        }
        // CEDAW and КЛДЖ on their own name the Convention (not its Committee, not a document symbol).
        if (t.kind == Tok::word && is_cedaw_alias(t.text)) {
            auto committee_word = [&](size_t at) {
                return at < toks.size() && toks[at].kind == Tok::word &&
                       any_prefix(toks[at].text, {U"committee", U"комитет", U"кумита"});
            };
            const bool committee = committee_word(i + 1) || (i > 0 && committee_word(i - 1)) ||
                                   (i + 1 < toks.size() && is_sym(toks[i + 1], U'/'));
            if (!committee) {
                TextReference ref;
                ref.act = ActKind::cedaw;
                ref.begin = t.begin;
                ref.end = t.end;
                out.push_back(std::move(ref));
                ++i;
                continue;
            }
        }
        // An act named without an article: a code of some kind, the Istanbul
        // Convention, CEDAW by its full name.
        if (t.kind == Tok::word && (is_code_noun(t.text) || is_criminal(t.text) || is_administrative(t.text) ||
                                    is_family(t.text) || is_istanbul(t.text) || t.text == U"коап")) {
            // The phrase may open with "Code of …": gather up to six words, skipping "of"/"об".
            size_t phrase_end = i;
            ActKind kind = act_phrase(toks, i, phrase_end);
            if (kind == ActKind::criminal_code || kind == ActKind::admin_code || kind == ActKind::family_code ||
                kind == ActKind::istanbul_convention) {
                // A code must be named by its noun ("Criminal Code", "Кодекси оила"), not an adjective alone.
                bool noun = false;
                for (size_t w = i; w < phrase_end; ++w)
                    noun = noun || is_code_noun(toks[w].text) || is_convention(toks[w].text) || toks[w].text == U"коап";
                // "дополнил Уголовный кодекс статьёй 126-1", "Кодекси ҷиноятиро бо моддаи 126-1",
                // "supplemented the Criminal Code with Article 126-1": the article is the code's.
                size_t b = phrase_end;
                if (b < toks.size() && toks[b].kind == Tok::word && one_of(toks[b].text, {U"with", U"бо"})) ++b;
                if (noun && b + 1 < toks.size() && toks[b].kind == Tok::word && is_number(toks[b + 1]) &&
                    (one_of(toks[b].text, {U"статьёй", U"статьей", U"статьями"}) ||
                     (b > phrase_end && is_article_word(toks[b].text)))) {
                    supplemented_at = b;
                    supplemented_begin = t.begin;
                    supplemented_act = kind;
                    i = b;
                    continue;
                }
                if (noun) {
                    TextReference whole;
                    whole.begin = t.begin;
                    whole.end = toks[phrase_end - 1].end;
                    whole.act = kind;
                    whole.act_noun = first_act_noun(toks, i, phrase_end);
                    out.push_back(std::move(whole));
                    i = phrase_end;
                    continue;
                }
            }
        }
        ++i;
    }
    return out;
}

ActKind act_of_title(std::string_view title) {
    const std::vector<Tok> toks = tokenise(title);
    std::vector<const std::u32string*> words;
    for (const Tok& t : toks)
        if (t.kind == Tok::word) words.push_back(&t.text);
    // A title names its own act by its first act noun: "Criminal Code of …",
    // "Кодекси оилаи …", "Council of Europe Convention on …". A law amending a
    // code ("Law … amending the Family Code") is a law, not that code.
    size_t first = words.size();
    for (size_t i = 0; i < words.size(); ++i)
        if (is_act_noun(*words[i])) {
            first = i;
            break;
        }
    if (first == words.size() || !(is_code_noun(*words[first]) || is_convention(*words[first])))
        return ActKind::implied;
    ActKind kind = classify(words);
    return kind == ActKind::self ? ActKind::implied : kind;
}

namespace {
// The article number an id opens with ("art_13_2" → 13, "art_93-1_elements" → 93-1), "" if none.
std::string id_article(std::string_view unit_id) {
    if (unit_id.rfind("art_", 0) != 0) return {};
    std::string_view s = unit_id.substr(4);
    size_t n = 0;
    while (n < s.size() && (std::isdigit(static_cast<unsigned char>(s[n])) ||
                            (s[n] == '-' && n + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[n + 1])))))
        ++n;
    return std::string(s.substr(0, n));
}
}  // namespace

std::vector<std::string> paragraphs_of_unit(std::string_view num, std::string_view unit_id) {
    const std::string article = id_article(unit_id);
    const std::string n = normalise_article_number(num);
    if (article.empty() || n.empty() || n == article || unit_id.size() <= 4 + article.size() + 1) return {};
    std::vector<std::string> out{n};
    // "2-4": a range of paragraphs.
    const size_t dash = n.find('-');
    if (dash != std::string::npos) {
        long from = integer_of(n.substr(0, dash)), to = integer_of(n.substr(dash + 1));
        if (from >= 0 && to > from && to - from <= 50) {
            out.clear();
            for (long v = from; v <= to; ++v) out.push_back(std::to_string(v));
        }
    }
    return out;
}

std::vector<std::string> articles_of_unit(std::string_view num, std::string_view unit_id, std::string_view label,
                                          std::string_view heading) {
    std::vector<std::string> out;
    auto add = [&](const std::string& a) {
        if (!a.empty() && std::find(out.begin(), out.end(), a) == out.end()) out.push_back(a);
    };
    // A paragraph's number ("art_13_2", num "2-4") is not an article's.
    if (!num.empty() && paragraphs_of_unit(num, unit_id).empty()) add(normalise_article_number(num));
    // "art_7", "art_93-1_elements", "arts_174_175", "art_16_1_a-c" (article 16).
    auto take_number = [](std::string_view s) {
        size_t n = 0;
        while (n < s.size() && (std::isdigit(static_cast<unsigned char>(s[n])) ||
                                (s[n] == '-' && n + 1 < s.size() && std::isdigit(static_cast<unsigned char>(s[n + 1])))))
            ++n;
        return std::string(s.substr(0, n));
    };
    if (unit_id.rfind("arts_", 0) == 0) {
        std::string_view rest = unit_id.substr(5);
        while (!rest.empty()) {
            std::string n = take_number(rest);
            if (n.empty()) break;
            add(n);
            rest.remove_prefix(n.size());
            if (rest.empty() || rest[0] != '_') break;
            rest.remove_prefix(1);
        }
    } else if (unit_id.rfind("art_", 0) == 0) {
        add(take_number(unit_id.substr(4)));
    }
    // A label or heading that opens with its article words.
    for (std::string_view opening : {label, heading}) {
        auto refs = find_references(opening);
        if (!refs.empty() && refs.front().begin == 0 && refs.front().act == ActKind::implied)
            for (const auto& a : refs.front().articles) add(a);
    }
    return out;
}

}  // namespace himoya
