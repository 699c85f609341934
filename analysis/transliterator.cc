#include "analysis/transliterator.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <stdexcept>
#include <string>
#include <utility>

#include "analysis/utf8.h"

namespace himoya {
namespace {

// ICU applies the first rule that matches, so "sh" is listed before "s" and "h".
constexpr const char16_t* kLatinLetters =
    u"shch > щ ; sh > ш ; ch > ч ; zh > ж ; kh > х ; gh > ғ ;"
    u"yo > ё ; yu > ю ; ya > я ; ye > е ;"
    u"ā > о ; ū > ӯ ; ī > ӣ ; ŭ > ӯ ; ö > ӯ ; ǰ > ҷ ; ġ > ғ ; ḩ > ҳ ; ḥ > ҳ ; š > ш ; č > ч ; ž > ж ;"
    u"a > а ; b > б ; c > ч ; d > д ; e > е ; f > ф ; g > г ; h > ҳ ; i > и ; j > ҷ ; k > к ;"
    u"l > л ; m > м ; n > н ; o > о ; p > п ; q > қ ; r > р ; s > с ; t > т ; u > у ; v > в ;"
    u"w > в ; x > х ; y > й ; z > з ; \\' > ъ ; ʼ > ъ ; ’ > ъ ;";

// The Tajik plural suffix -ҳо (-ҳои, -ҳоро, -ҳоянд ...) after a stem ending in
// з, к or с is spelt zho, kho, sho in Latin, which the digraphs read as ж, х, ш:
// "markazhoi" is "маркажои" there. The plural reading reads such a z, k or s
// after a letter, followed by "ho" and one of these endings at the end of the
// word, as the stem's last letter and the h as ҳ: "марказҳои". Stems ending in
// -жо, -хо, -шо (тамошо, Бухоро) spell the same, so it is a second reading,
// tried with the first (Analyzer::latin_tajik_spellings), not a replacement.
constexpr const char* kPluralEndings[] = {"",    "i",   "yi",   "ī",     "ro",    "e",      "ero", "yu",
                                          "yand", "yam", "yat", "yash", "yamon", "yaton", "yashon"};

icu::UnicodeString plural_rules() {
    icu::UnicodeString rules(u":: Lower ;");
    const std::pair<const char*, const char*> stems[] = {{"z", "з"}, {"k", "к"}, {"s", "с"}};
    for (auto [latin, cyrillic] : stems)
        for (const char* ending : kPluralEndings)
            for (const char* after : {"[^[:L:][:M:]]", "$"})  // a non-letter, or the end of the text
                rules += icu::UnicodeString::fromUTF8(std::string("[:L:] { ") + latin + " } ho" + ending + " " + after +
                                                      " > " + cyrillic + " ; ");
    rules += icu::UnicodeString(kLatinLetters);
    return rules;
}

constexpr const char16_t* kCyrillicToLatin =
    u":: Lower ;"
    u"ш > sh ; ч > ch ; ж > zh ; х > kh ; ғ > gh ; ё > yo ; ю > yu ; я > ya ;"
    u"ҳ > h ; ҷ > j ; қ > q ; ӯ > ū ; ӣ > ī ; ъ > \\' ;"
    u"а > a ; б > b ; в > v ; г > g ; д > d ; е > e ; з > z ; и > i ; й > y ; к > k ; л > l ;"
    u"м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ; э > e ;"
    u"ц > ts ; щ > shch ; ы > y ; ь > ;";

std::unique_ptr<icu::Transliterator> compile(const icu::UnicodeString& rules, const char* id) {
    UParseError parse_error;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        icu::UnicodeString::fromUTF8(id), rules, UTRANS_FORWARD, parse_error, status));
    if (U_FAILURE(status) || !t) throw std::runtime_error(std::string("bad transliteration rules: ") + id);
    return t;
}

std::string run(icu::Transliterator& t, std::string_view text) {
    icu::UnicodeString u = to_utf16(text).text;
    t.transliterate(u);
    return to_utf8(u);
}

}  // namespace

TajikTransliterator::TajikTransliterator()
    : to_cyrillic_(compile(icu::UnicodeString(u":: Lower ;") + kLatinLetters, "Himoya-Latn-TgCyrl")),
      to_cyrillic_plural_(compile(plural_rules(), "Himoya-Latn-TgCyrl-Plural")),
      to_latin_(compile(icu::UnicodeString(kCyrillicToLatin), "Himoya-TgCyrl-Latn")) {}

TajikTransliterator::~TajikTransliterator() = default;

std::string TajikTransliterator::to_cyrillic(std::string_view latin) { return run(*to_cyrillic_, latin); }
std::string TajikTransliterator::to_cyrillic_plural(std::string_view latin) {
    return run(*to_cyrillic_plural_, latin);
}
std::string TajikTransliterator::to_latin(std::string_view cyrillic) { return run(*to_latin_, cyrillic); }

}  // namespace himoya
