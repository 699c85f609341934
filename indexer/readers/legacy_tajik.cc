#include "indexer/readers/legacy_tajik.h"

#include <unicode/uchar.h>

#include <array>
#include <string>
#include <unordered_set>

#include "analysis/utf32.h"

namespace himoya {

namespace {

struct Mapping {
    char32_t from, to;
};

// The look-alike scheme. Confirmed (the `search` tool, corpus "pages"):
// Tajik newspapers on issuu.com typed so, e.g. issuu.com/tojikiston/docs/
// ________________________20 ("бонки исломї", "ќозї", "Оѓози нашр", "Хуљанд",
// "соњибкорони", "кўлобиевро") for the small letters ї ќ ѓ љ њ ў, and
// issuu.com/tribuntj/docs/_________________________45_ ("ЊИЗБИ ХАЛЌИИ ...
// ТОЉИКИСТОН", "ПИРЎЗЇ", "ЉАНОБИ ОЛЇ") for the capitals Њ Ќ Љ Ў Ї. The same
// six small letters are what analysis/normalizer.cc maps at analysis time
// (canonical_letter). Ѓ → Ғ is the capital of the confirmed ѓ → ғ (the
// normaliser reaches it by case folding); no page with a capital Ѓ was found.
constexpr std::array<Mapping, 12> kLookalike{{
    {U'\u045E', U'\u04EF'}, {U'\u040E', U'\u04EE'},  // ў Ў → ӯ Ӯ
    {U'\u045A', U'\u04B3'}, {U'\u040A', U'\u04B2'},  // њ Њ → ҳ Ҳ
    {U'\u0457', U'\u04E3'}, {U'\u0407', U'\u04E2'},  // ї Ї → ӣ Ӣ
    {U'\u045C', U'\u049B'}, {U'\u040C', U'\u049A'},  // ќ Ќ → қ Қ
    {U'\u0459', U'\u04B7'}, {U'\u0409', U'\u04B6'},  // љ Љ → ҷ Ҷ
    {U'\u0453', U'\u0493'}, {U'\u0403', U'\u0492'},  // ѓ Ѓ → ғ Ғ
}};

// The legal-portal scheme: ѕ ї і љ → қ ҷ ҳ ғ. The issue ("office") gave the
// first three with the title "Ѕонуни Їуміурии Тоїикистон" (= "Қонуни Ҷумҳурии
// Тоҷикистон"). Confirmed, with the fourth, on the national legal portal
// itself: adlia.tj (show_doc.fwx, rgn=132191) titles Law No. 1538 of
// 3 August 2018 "Ѕонуни Їуміурии Тоїикистон … Дар бораи ворид намудани
// таљйиру иловаіо ба Кодекси їиноятии Їуміурии Тоїикистон" and, in capitals,
// "ЅОНУНИ ЇУМІУРИИ ТОЇИКИСТОН … ТАЉЙИРУ ИЛОВАІО БА КОДЕКСИ ЇИНОЯТИИ":
// Ѕ→Қ, Ї ї→Ҷ ҷ, І і→Ҳ ҳ, and Љ љ→Ғ ғ ("таљйиру" = "тағйиру", "ЇИНОЯТИИ" =
// "ҶИНОЯТИИ"). So љ is ғ here but ҷ in the look-alike scheme, like ї (ҷ here,
// ӣ there): the choice between the schemes is made from the words. What this
// scheme used for ӣ and ӯ is unknown (the page shows none) and is left as written.
constexpr std::array<Mapping, 8> kLegalPortal{{
    {U'\u0455', U'\u049B'}, {U'\u0405', U'\u049A'},  // ѕ Ѕ → қ Қ
    {U'\u0457', U'\u04B7'}, {U'\u0407', U'\u04B6'},  // ї Ї → ҷ Ҷ
    {U'\u0456', U'\u04B3'}, {U'\u0406', U'\u04B2'},  // і І → ҳ Ҳ
    {U'\u0459', U'\u0493'}, {U'\u0409', U'\u0492'},  // љ Љ → ғ Ғ
}};

template <size_t N>
char32_t lookup(const std::array<Mapping, N>& table, char32_t c) {
    for (const Mapping& m : table)
        if (m.from == c) return m.to;
    return 0;
}

char32_t map_letter(TajikFontScheme scheme, char32_t c) {
    switch (scheme) {
        case TajikFontScheme::lookalike: return lookup(kLookalike, c);
        case TajikFontScheme::legal_portal: return lookup(kLegalPortal, c);
        case TajikFontScheme::none: return 0;
    }
    return 0;
}

bool is_lookalike_letter(char32_t c) { return lookup(kLookalike, c) != 0; }
bool is_portal_letter(char32_t c) { return lookup(kLegalPortal, c) != 0; }

// Common Tajik words: function words, and the words of laws and of this
// corpus's subject that carry the letters ғ ӣ қ ӯ ҳ ҷ, so that a wrong reading
// of a legacy letter shows as a word missing from here. The one list; every
// decision in this file and in text_encoding.cc counts against it.
const std::unordered_set<std::u32string>& common_tajik_words() {
    static const std::unordered_set<std::u32string> words = [] {
        const char* list[] = {
            // function words and frequent verbs
            "дар", "ва", "ба", "аз", "ки", "бо", "ин", "он", "барои", "то", "низ", "ё", "ҳам",
            "мебошад", "мебошанд", "аст", "шуда", "шудааст", "карда", "намуда", "мешавад",
            "менамояд", "мекунад", "дорад", "доранд", "бояд", "агар", "ҳар", "чунин", "ҳамчунин",
            "ҳамин", "ҳамчун", "инчунин", "тибқи", "оид", "доир", "бораи", "ғайр", "мувофиқи",
            // the state and its law
            "қонун", "қонуни", "қонунҳо", "ҷумҳурӣ", "ҷумҳурии", "тоҷикистон", "тоҷик", "тоҷикӣ",
            "ҳукумат", "ҳукумати", "маҷлиси", "олӣ", "олии", "миллӣ", "миллии", "давлатӣ",
            "давлатии", "қарор", "қарори", "моддаи", "модда", "боби", "қисми", "банди",
            "қабул", "ҳуқуқ", "ҳуқуқи", "ҳуқуқӣ", "ҳуқуқҳо", "ҳуқуқу", "мақомот", "мақомоти",
            "муқаррар", "ҷиноятӣ", "маъмурӣ", "иҷро", "ҷониби", "масъул", "масъулият",
            "тағйир", "тағйиру", "тағйирот", "илова", "иловаҳо",
            // family, violence, protection
            "оила", "оилаи", "оилавӣ", "зӯроварӣ", "зӯроварии", "пешгирӣ", "пешгирии", "ҳимоя",
            "ҳимояи", "ҳимоявӣ", "ҳифз", "ҳифзи", "ҷабрдида", "ҷабрдидагон", "ҷисмонӣ", "равонӣ",
            "шаҳвонӣ", "иқтисодӣ", "иҷтимоӣ", "ҷамъиятӣ", "тиббӣ", "кӯмак", "кӯмаки", "кӯдакон",
            "занон", "мардон", "ҳаёт", "саломатӣ", "таҳдид", "ҳодиса", "ҳодисаи", "ордер",
            "ордери", "узви", "шахс", "шахси", "ҷой", "муҳофизатӣ",
        };
        std::unordered_set<std::u32string> set;
        for (const char* w : list) set.insert(utf8_to_u32(w));
        return set;
    }();
    return words;
}

bool ends_with(std::u32string_view s, std::u32string_view suffix) {
    return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

std::u32string lower(std::u32string_view word) {
    std::u32string out(word);
    for (char32_t& c : out) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
    return out;
}

std::u32string convert_word(std::u32string_view word, TajikFontScheme scheme) {
    std::u32string out(word);
    for (char32_t& c : out)
        if (char32_t m = map_letter(scheme, c)) c = m;
    return out;
}

bool is_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }

// Calls fn(word) for every maximal run of letters in `text`.
template <typename Fn>
void for_each_word(std::u32string_view text, Fn&& fn) {
    size_t i = 0;
    while (i < text.size()) {
        while (i < text.size() && !is_letter(text[i])) ++i;
        size_t start = i;
        while (i < text.size() && is_letter(text[i])) ++i;
        if (i > start) fn(text.substr(start, i - start));
    }
}

bool eligible_language(std::string_view language) {
    return language == "tg" || language == "tgk";
}

bool undetermined_language(std::string_view language) {
    return language.empty() || language == "und" || language == "mul" || language == "zxx";
}

// Encodes one code point as UTF-8.
void append_utf8(std::string& out, char32_t c) {
    if (c < 0x80) {
        out += static_cast<char>(c);
    } else if (c < 0x800) {
        out += static_cast<char>(0xC0 | (c >> 6));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else if (c < 0x10000) {
        out += static_cast<char>(0xE0 | (c >> 12));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (c >> 18));
        out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (c & 0x3F));
    }
}

}  // namespace

const char* scheme_name(TajikFontScheme scheme) {
    switch (scheme) {
        case TajikFontScheme::lookalike: return "look-alike";
        case TajikFontScheme::legal_portal: return "legal-portal";
        case TajikFontScheme::none: return "none";
    }
    return "none";
}

bool is_common_tajik_word(std::u32string_view w) {
    const auto& words = common_tajik_words();
    if (words.count(std::u32string(w))) return true;
    // izofat (қонуни), object (қонунро), plural (ҳуқуқҳои)
    for (std::u32string_view suffix : {std::u32string_view(U"и"), std::u32string_view(U"ро"),
                                       std::u32string_view(U"ҳои"), std::u32string_view(U"ҳо")})
        if (ends_with(w, suffix) && words.count(std::u32string(w.substr(0, w.size() - suffix.size()))))
            return true;
    return false;
}

int count_common_tajik_words(std::string_view text, bool through_schemes) {
    int n = 0;
    for_each_word(utf8_to_u32(text), [&](std::u32string_view word) {
        std::u32string w = lower(word);
        if (is_common_tajik_word(w) ||
            (through_schemes && (is_common_tajik_word(convert_word(w, TajikFontScheme::lookalike)) ||
                                 is_common_tajik_word(convert_word(w, TajikFontScheme::legal_portal)))))
            ++n;
    });
    return n;
}

LegacyTajikDecision decide_legacy_tajik(std::string_view text, std::string_view language) {
    LegacyTajikDecision d;
    const std::u32string u = utf8_to_u32(text);
    int lookalike_only = 0, portal_only = 0, letters = 0, cyrillic = 0;
    for (char32_t c : u) {
        bool a = is_lookalike_letter(c), b = is_portal_letter(c);
        if (a || b) ++d.legacy_letters;
        if (a && !b) ++lookalike_only;
        if (b && !a) ++portal_only;
        if (is_letter(c)) {
            ++letters;
            if (c >= 0x0400 && c <= 0x052F) ++cyrillic;
        }
    }
    d.eligible = eligible_language(language) || (undetermined_language(language) && 2 * cyrillic > letters);
    if (!d.eligible || d.legacy_letters == 0) return d;

    for_each_word(u, [&](std::u32string_view word) {
        std::u32string w = lower(word);
        if (is_common_tajik_word(w)) ++d.known_as_is;
        if (is_common_tajik_word(convert_word(w, TajikFontScheme::lookalike))) ++d.known_lookalike;
        if (is_common_tajik_word(convert_word(w, TajikFontScheme::legal_portal))) ++d.known_legal_portal;
    });
    // Words first: the reading that makes more common words wins. A tie (no
    // counted word holds a legacy letter) falls to the letters only one
    // scheme uses, when only one scheme's letters occur.
    if (d.known_lookalike > d.known_legal_portal) d.scheme = TajikFontScheme::lookalike;
    else if (d.known_legal_portal > d.known_lookalike) d.scheme = TajikFontScheme::legal_portal;
    else if (lookalike_only > 0 && portal_only == 0) d.scheme = TajikFontScheme::lookalike;
    else if (portal_only > 0 && lookalike_only == 0) d.scheme = TajikFontScheme::legal_portal;
    else d.undecided = true;
    return d;
}

std::string convert_legacy_tajik(std::string_view text, TajikFontScheme scheme, int* changed) {
    std::string out;
    out.reserve(text.size());
    int n = 0;
    for (size_t i = 0; i < text.size();) {
        unsigned char b = static_cast<unsigned char>(text[i]);
        // Every legacy letter is U+0400..U+047F: two bytes, lead 0xD0 or 0xD1.
        if ((b == 0xD0 || b == 0xD1) && i + 1 < text.size() &&
            (static_cast<unsigned char>(text[i + 1]) & 0xC0) == 0x80) {
            char32_t c = (static_cast<char32_t>(b & 0x1F) << 6) | (static_cast<unsigned char>(text[i + 1]) & 0x3F);
            if (char32_t m = map_letter(scheme, c)) {
                append_utf8(out, m);
                ++n;
                i += 2;
                continue;
            }
        }
        out += text[i];
        ++i;
    }
    if (changed) *changed = n;
    return out;
}

LegacyTajikDecision fix_legacy_tajik(std::string& text, std::string_view language, std::string* also) {
    LegacyTajikDecision d = also ? decide_legacy_tajik(*also + "\n" + text, language)
                                 : decide_legacy_tajik(text, language);
    if (d.scheme == TajikFontScheme::none) return d;
    int n = 0, m = 0;
    text = convert_legacy_tajik(text, d.scheme, &n);
    if (also) *also = convert_legacy_tajik(*also, d.scheme, &m);
    d.converted = n + m;
    return d;
}

std::string LegacyTajikDecision::note() const {
    auto counts = [this] {
        return "common Tajik words: " + std::to_string(known_lookalike) + " in the look-alike reading, " +
               std::to_string(known_legal_portal) + " in the legal-portal reading, " +
               std::to_string(known_as_is) + " as written";
    };
    if (undecided)
        return "legacy Tajik font letters (" + std::to_string(legacy_letters) +
               ") found, but the evidence chooses no scheme (" + counts() + "); text left as written";
    if (scheme == TajikFontScheme::lookalike)
        return "legacy Tajik font, look-alike scheme (ў њ ї ќ љ ѓ -> ӯ ҳ ӣ қ ҷ ғ): " +
               std::to_string(converted) + " letters converted; " + counts();
    if (scheme == TajikFontScheme::legal_portal)
        return "legacy Tajik font, legal-portal scheme (ѕ ї і љ -> қ ҷ ҳ ғ): " + std::to_string(converted) +
               " letters converted; " + counts();
    return "no legacy Tajik font";
}

}  // namespace himoya
