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

struct ProtectedSets {
    std::unordered_set<std::u32string> canonical, folded;
    ProtectedSets() {
        for (std::string_view w : kProtected) {
            std::u32string u = utf8_to_u32(w);
            canonical.insert(u);
            folded.insert(fold_u32(u));
        }
    }
};

const ProtectedSets& protected_sets() {
    static const ProtectedSets sets;
    return sets;
}

class Run {
public:
    Run(std::u32string word, bool folded)
        : w_(std::move(word)), folded_(folded),
          protected_(folded ? protected_sets().folded : protected_sets().canonical) {}

    std::u32string stem() {
        if (w_.size() <= TajikStemmer::kMinStem || is_protected()) return w_;
        if (clitic() && is_protected()) return w_;
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
};

}  // namespace

std::string TajikStemmer::operator()(const std::string& word) {
    return u32_to_utf8(Run(utf8_to_u32(word), mode_ == Mode::kFolded).stem());
}

std::string TajikStemmer::get_description() const {
    return mode_ == Mode::kFolded ? "himoya-tajik-folded" : "himoya-tajik";
}

}  // namespace himoya
