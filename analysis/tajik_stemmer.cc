#include "analysis/tajik_stemmer.h"

#include <string_view>
#include <unordered_set>

#include "analysis/utf32.h"

namespace himoya {
namespace {

bool is_vowel(char32_t c) {
    switch (c) {
        case U'а': case U'е': case U'ё': case U'и': case U'о': case U'у': case U'ы':
        case U'э': case U'ю': case U'я': case U'ӣ': case U'ӯ':
            return true;
        default:
            return false;
    }
}

// Words that look inflected but are not, or whose stripping would merge them
// with another word. Written canonically; the folded mode folds them. A word
// reaching one of these (before or after a strip) is left as it is.
constexpr std::string_view kProtected[] = {
    // -он that is not a plural (checked against the Payom texts: they take -ҳо)
    "сохтмон", "созмон", "имтиҳон", "хиёбон", "забон", "миллион", "ҷаҳон", "имкон", "нишон",
    "ҳамзамон", "эълон", "инсон", "замон", "ҷавон", "бадахшон", "итминон", "хатлон", "равон",
    "телевизион", "карбон", "ягон", "метавон", "осон", "меҳргон", "ройгон", "олмон", "такон",
    "рӯшон", "даврон", "арзон", "вайрон", "фаровон", "калон", "ҳамон", "чандон", "начандон",
    "виҷдон", "зиндон", "майдон", "хонадон", "меҳмон", "гиребон", "ҳайвон", "ҳаяҷон", "устухон",
    "нон", "ҷон", "хон", "дандон", "пинҳон", "бӯҳрон", "ниҳон", "ҳиҷрон", "ҷуброн", "тӯфон", "деҳқон",
    // -от, -ин, -тар, -аш, -и endings that belong to the word
    "маълумот", "интихобот", "таҳқиқот", "тадқиқот", "муассисот", "мақомот", "таҷҳизот",
    "замин", "таъмин", "мошин", "тамрин", "оин", "дафтар", "духтар", "хатар", "оташ", "ҳамин",
};

// Present stems of the verbs whose present/future (ме- + stem + ending) occurs
// in the Tajik texts of corpus/ or in the Payom texts; past stems left out.
// A subjunctive without ме- (диҳад, кунанд, надиҳад) is read as a verb only
// when its stem is one of these: on its own, -анд and -ад end too many nouns
// (фарзанд, шаҳрванд, пайванд, мақсад).
constexpr std::string_view kPresentStems[] = {
    "шав", "кун", "бош", "диҳ", "намо", "тавон", "гард", "гир", "соз", "рав", "расон", "ор", "рас", "ёб",
    "хоҳ", "гардон", "шумор", "дон", "о", "дор", "гузор", "мон", "ном", "афзо", "андеш", "фирист", "каш",
    "бар", "баро", "бардор", "боз", "бахш", "ист", "гӯ", "санҷ", "фаҳм", "талаб", "бин", "омӯзон", "шунав",
    "овар", "навис", "дарор", "гурез", "гузарон", "рон", "барор", "даро", "варз", "зан", "банд",
};

// Words spelled as a listed stem + ending that are (also) nouns or adjectives:
// раванд "process" (and "let them go"), монанд "similar" (and "let them stay").
constexpr std::string_view kNotVerbs[] = {"раванд", "монанд"};

char32_t fold_char(char32_t c) {
    switch (c) {
        case U'ҷ': return U'ч';
        case U'ҳ': return U'х';
        case U'қ': return U'к';
        case U'ғ': return U'г';
        case U'ӯ': return U'у';
        case U'ӣ': return U'и';
        default: return c;
    }
}

std::u32string fold_u32(std::u32string w) {
    for (char32_t& c : w) c = fold_char(c);
    return w;
}

// A word list in both spellings.
struct WordSet {
    std::unordered_set<std::u32string> canonical, folded;
    template <size_t N>
    explicit WordSet(const std::string_view (&words)[N]) {
        for (std::string_view w : words) {
            std::u32string u = utf8_to_u32(w);
            canonical.insert(u);
            folded.insert(fold_u32(u));
        }
    }
    const std::unordered_set<std::u32string>& in(bool folded_mode) const { return folded_mode ? folded : canonical; }
};

const WordSet& protected_words() {
    static const WordSet set(kProtected);
    return set;
}
const WordSet& present_stems() {
    static const WordSet set(kPresentStems);
    return set;
}
const WordSet& not_verbs() {
    static const WordSet set(kNotVerbs);
    return set;
}

class Run {
public:
    Run(std::u32string word, bool folded)
        : w_(std::move(word)), folded_(folded), protected_(protected_words().in(folded)),
          present_stems_(present_stems().in(folded)), not_verbs_(not_verbs().in(folded)) {}

    std::u32string stem() {
        if (w_.size() <= TajikStemmer::kMinStem || is_protected()) return w_;
        if (clitic() && is_protected()) return w_;
        if (verb()) return w_;
        if (case_or_izofat()) return finish();
        if (is_protected()) return finish();
        if (indefinite()) return finish();
        if (is_protected()) return finish();
        possessive();
        if (is_protected()) return finish();
        if (!comparative()) plural();
        if (!is_protected()) comparative();
        return finish();
    }

private:
    // Asked after every step; the set is only consulted when the word changed.
    bool is_protected() {
        if (checked_size_ == w_.size()) return protected_now_;
        checked_size_ = w_.size();
        protected_now_ = ends(U"истон") || protected_.count(w_) > 0;  // Тоҷикистон ...: place names, not plurals
        return protected_now_;
    }

    // Suffix test; in folded mode the suffix is folded as the word was.
    bool ends(std::u32string_view suffix) const {
        if (w_.size() < suffix.size()) return false;
        size_t base = w_.size() - suffix.size();
        for (size_t i = 0; i < suffix.size(); ++i) {
            char32_t s = folded_ ? fold_char(suffix[i]) : suffix[i];
            if (w_[base + i] != s) return false;
        }
        return true;
    }
    // Removes `suffix` when it ends the word and at least `min` letters remain.
    bool strip(std::u32string_view suffix, size_t min = TajikStemmer::kMinStem) {
        if (!ends(suffix) || w_.size() - suffix.size() < min) return false;
        w_.resize(w_.size() - suffix.size());
        stripped_ = true;
        return true;
    }
    char32_t last(size_t back = 0) const { return w_.size() > back ? w_[w_.size() - 1 - back] : 0; }
    bool begins(std::u32string_view prefix) const { return w_.compare(0, prefix.size(), prefix) == 0; }

    // Present/future and subjunctive: the prefix ме- (negated наме-) or none
    // (negated на-), the present stem, a personal ending. All become ме- +
    // stem, so медиҳад, намедиҳад, диҳанд, надиҳад → медиҳ: keeping the ме-
    // keeps verbs apart from nouns spelled like their stem (мезанад "beats"
    // is not зан "woman", мекорад "sows" not кор "work").
    bool verb() {
        // With ме-: any stem. The Tajik words of corpus/, the Payom texts and the
        // unparsed word list that start with ме- and end in a personal ending
        // other than -ӣ are all verbs; those ending in -ӣ are adjectives
        // (меъёрӣ, меҳнатӣ), so -ӣ is taken only after a listed stem.
        for (size_t from : {size_t{4}, size_t{2}}) {
            if (!begins(from == 4 ? std::u32string_view(U"наме") : std::u32string_view(U"ме"))) continue;
            size_t stem_end = personal_ending(from, true);
            if (stem_end == 0) continue;
            if (ends(U"ӣ") && !present_stems_.count(w_.substr(from, stem_end - from))) continue;
            return to_present(from, stem_end);
        }
        // Without ме-: a listed stem, a third-person or plural ending (-ам and -ӣ
        // also make "my …" and adjectives: занам "my wife", номӣ "nominal").
        if (not_verbs_.count(w_)) return false;
        for (size_t from : {size_t{0}, size_t{2}}) {
            if (from == 2 && !begins(U"на")) continue;
            size_t stem_end = personal_ending(from, false);
            if (stem_end != 0 && present_stems_.count(w_.substr(from, stem_end - from)))
                return to_present(from, stem_end);
        }
        return false;
    }
    // Where the stem ends if w_ from `from` is a stem of at least one letter
    // and a personal ending (-ад -анд -ам after a consonant, -яд -янд -ям after
    // a vowel, -ем -ед -етон after either; -ам -ям -ӣ only when `all`); else 0.
    size_t personal_ending(size_t from, bool all) const {
        for (std::u32string_view e : {U"етон", U"анд", U"янд", U"ад", U"яд", U"ем", U"ед", U"ам", U"ям", U"ӣ"}) {
            if (!ends(e) || w_.size() < from + e.size() + 1) continue;
            if (!all && (e == U"ам" || e == U"ям" || e == U"ӣ")) return 0;
            char32_t before = w_[w_.size() - e.size() - 1];
            if (e[0] == U'я' && !is_vowel(before)) return 0;
            if (e[0] == U'а' && is_vowel(before)) return 0;
            return w_.size() - e.size();
        }
        return 0;
    }
    bool to_present(size_t from, size_t stem_end) {
        w_ = U"ме" + w_.substr(from, stem_end - from);
        return true;
    }

    // "and": -у after a consonant, -ю / -ву after a vowel (ҳуқуқу озодиҳо).
    bool clitic() {
        if (ends(U"ву") && w_.size() >= 5 && is_vowel(last(2))) return strip(U"ву", 4);
        if (ends(U"ю") && is_vowel(last(1))) return strip(U"ю", 4);
        if (ends(U"у") && w_.size() >= 6 && !is_vowel(last(1))) return strip(U"у", 5);
        return false;
    }

    // Accusative -ро; izofat -и (ӣ + izofat is written -ии). True when the
    // word is finished (the -ии and -ие cases leave a final -ӣ).
    bool case_or_izofat() {
        if (strip(U"ро")) return false;
        if (ends(U"ии") && w_.size() > TajikStemmer::kMinStem + 1) {
            w_.resize(w_.size() - 2);
            if (!folded_) w_.push_back(U'ӣ');
            stripped_ = true;
            return true;
        }
        if (!is_vowel(last(1)) || last(1) == U'о' || last(1) == U'а' || last(1) == U'у' || last(1) == U'ӯ')
            strip(U"и");
        return false;
    }

    // Indefinite -е (китобе, ҳуқуқҳое); ӣ + е is written -ие.
    bool indefinite() {
        if (ends(U"ие") && w_.size() > TajikStemmer::kMinStem + 1) {
            w_.resize(w_.size() - 2);
            if (!folded_) w_.push_back(U'ӣ');
            stripped_ = true;
            return true;
        }
        strip(U"е");
        return false;
    }

    // Possessives. -ам and -ат are left: they end too many nouns (давлат, ҳам).
    void possessive() {
        for (std::u32string_view s : {U"амон", U"атон", U"ашон", U"ямон", U"ятон", U"яшон"})
            if (strip(s)) return;
        if (is_vowel(last(1))) {
            for (std::u32string_view s : {U"яш", U"ям", U"ят"})
                if (strip(s)) return;
        }
        strip(U"аш");
    }

    bool plural() {
        if (strip(U"ҳо")) return true;
        if (ends(U"агон") && strip(U"гон")) return true;  // намояндагон → намоянда
        if (ends(U"ен") && is_vowel(last(2))) {
            if (last(2) == U'и' || last(2) == U'ӣ') {   // тоҷикистониён (ё is е by now) → тоҷикистонӣ
                w_.resize(w_.size() - 3);
                w_.push_back(folded_ ? U'и' : U'ӣ');
                stripped_ = true;
                return true;
            }
            return strip(U"ен");
        }
        if (strip(U"ҷот")) return true;
        if (strip(U"он")) return true;
        if (strip(U"от", 4)) return true;
        if (!ends(U"тарин") && strip(U"ин", 5)) return true;
        return false;
    }

    bool comparative() { return strip(U"тарин") || strip(U"тар"); }

    // A stem left ending in -и had an -ӣ before the suffix (озодиҳо → озодӣ).
    // Folded words cannot tell -и from -ӣ, so the letter goes.
    std::u32string finish() {
        if (folded_) {
            if (last() == U'и' && w_.size() > TajikStemmer::kMinStem && !is_protected()) w_.pop_back();
        } else if (stripped_ && last() == U'и' && !is_vowel(last(1))) {
            w_.back() = U'ӣ';
        }
        return w_;
    }

    std::u32string w_;
    bool folded_;
    bool stripped_ = false;
    size_t checked_size_ = 0;     // length of the word when is_protected() last looked
    bool protected_now_ = false;
    const std::unordered_set<std::u32string>& protected_;
    const std::unordered_set<std::u32string>& present_stems_;
    const std::unordered_set<std::u32string>& not_verbs_;
};

}  // namespace

std::string TajikStemmer::operator()(const std::string& word) {
    return u32_to_utf8(Run(utf8_to_u32(word), mode_ == Mode::kFolded).stem());
}

std::string tajik_possessive_base(const std::string& word) {
    std::u32string w = utf8_to_u32(word);
    auto ends = [&](std::u32string_view suffix) {
        return w.size() >= suffix.size() && w.compare(w.size() - suffix.size(), suffix.size(), suffix) == 0;
    };
    if (ends(U"ро")) w.resize(w.size() - 2);
    if (w.size() < TajikStemmer::kMinStem + 2) return {};
    const bool after_vowel = is_vowel(w[w.size() - 3]);
    if (ends(U"ам") || ends(U"ат") || (after_vowel && (ends(U"ям") || ends(U"ят")))) {
        w.resize(w.size() - 2);
        return u32_to_utf8(w);
    }
    return {};
}

std::string TajikStemmer::get_description() const {
    return mode_ == Mode::kFolded ? "himoya-tajik-folded" : "himoya-tajik";
}

}  // namespace himoya
