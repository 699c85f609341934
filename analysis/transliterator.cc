#include "analysis/transliterator.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "analysis/utf8.h"

namespace himoya {
namespace {

// Longest match wins in ICU rules, so "sh" is read before "s" and "h".
constexpr const char16_t* kLatinToCyrillic =
    u":: Lower ;"
    u"shch > щ ; sh > ш ; ch > ч ; zh > ж ; kh > х ; gh > ғ ;"
    u"yo > ё ; yu > ю ; ya > я ; ye > е ;"
    u"ā > о ; ū > ӯ ; ī > ӣ ; ŭ > ӯ ; ö > ӯ ; ǰ > ҷ ; ġ > ғ ; ḩ > ҳ ; ḥ > ҳ ; š > ш ; č > ч ; ž > ж ;"
    u"a > а ; b > б ; c > ч ; d > д ; e > е ; f > ф ; g > г ; h > ҳ ; i > и ; j > ҷ ; k > к ;"
    u"l > л ; m > м ; n > н ; o > о ; p > п ; q > қ ; r > р ; s > с ; t > т ; u > у ; v > в ;"
    u"w > в ; x > х ; y > й ; z > з ; \\' > ъ ; ʼ > ъ ; ’ > ъ ;";

constexpr const char16_t* kCyrillicToLatin =
    u":: Lower ;"
    u"ш > sh ; ч > ch ; ж > zh ; х > kh ; ғ > gh ; ё > yo ; ю > yu ; я > ya ;"
    u"ҳ > h ; ҷ > j ; қ > q ; ӯ > ū ; ӣ > ī ; ъ > \\' ;"
    u"а > a ; б > b ; в > v ; г > g ; д > d ; е > e ; з > z ; и > i ; й > y ; к > k ; л > l ;"
    u"м > m ; н > n ; о > o ; п > p ; р > r ; с > s ; т > t ; у > u ; ф > f ; э > e ;"
    u"ц > ts ; щ > shch ; ы > y ; ь > ;";

std::unique_ptr<icu::Transliterator> compile(const char16_t* rules, const char* id) {
    UParseError parse_error;
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createFromRules(
        icu::UnicodeString::fromUTF8(id), icu::UnicodeString(rules), UTRANS_FORWARD, parse_error, status));
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
    : to_cyrillic_(compile(kLatinToCyrillic, "Himoya-Latn-TgCyrl")),
      to_latin_(compile(kCyrillicToLatin, "Himoya-TgCyrl-Latn")) {}

TajikTransliterator::~TajikTransliterator() = default;

std::string TajikTransliterator::to_cyrillic(std::string_view latin) { return run(*to_cyrillic_, latin); }
std::string TajikTransliterator::to_latin(std::string_view cyrillic) { return run(*to_latin_, cyrillic); }

}  // namespace himoya
