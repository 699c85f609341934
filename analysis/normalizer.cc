#include "analysis/normalizer.h"

#include <unicode/normalizer2.h>

#include <stdexcept>

#include "analysis/utf32.h"
#include "analysis/utf8.h"

namespace himoya {
namespace {

const icu::Normalizer2* nfkc(const void* p) { return static_cast<const icu::Normalizer2*>(p); }

// Letters from old Tajik fonts that reused Serbian/Ukrainian/Belarusian glyphs,
// and letters of other Cyrillic alphabets that Tajik text borrows by mistake.
// Applied after case folding, so only lower-case forms are listed. ё→е is
// applied to Tajik words too: a word's language is not known here, and index
// and query must agree (Tajik ё/е pairs hardly ever separate two words).
UChar32 canonical_letter(UChar32 c) {
    switch (c) {
        case 0x0451: return 0x0435;  // ё → е (Russian, before stemming)
        case 0x045E: return 0x04EF;  // ў → ӯ
        case 0x045A: return 0x04B3;  // њ → ҳ
        case 0x0457: return 0x04E3;  // ї → ӣ
        case 0x045C: return 0x049B;  // ќ → қ
        case 0x0459: return 0x04B7;  // љ → ҷ
        case 0x0453: return 0x0493;  // ѓ → ғ
        case 0x04BB: return 0x04B3;  // һ (Kazakh/Bashkir shha) → ҳ
        case 0x049D: return 0x049B;  // ҝ (Azerbaijani ka) → қ
        case 0x04B9: return 0x04B7;  // ҹ (Azerbaijani che) → ҷ
        default: return c;
    }
}

// Latin letter → Cyrillic look-alike (0 when none). Lower-case b and h look
// like ь and һ (which step 3 turns into ҳ); ī ū are Tajik ӣ ӯ in Latin dress.
UChar32 cyrillic_lookalike(UChar32 c) {
    switch (c) {
        case 'A': return 0x0410; case 'B': return 0x0412; case 'C': return 0x0421; case 'E': return 0x0415;
        case 'H': return 0x041D; case 'K': return 0x041A; case 'M': return 0x041C; case 'O': return 0x041E;
        case 'P': return 0x0420; case 'T': return 0x0422; case 'X': return 0x0425; case 'Y': return 0x0423;
        case 'a': return 0x0430; case 'b': return 0x044C; case 'c': return 0x0441; case 'e': return 0x0435;
        case 'h': return 0x04BB; case 'k': return 0x043A; case 'm': return 0x043C; case 'o': return 0x043E;
        case 'p': return 0x0440; case 't': return 0x0442; case 'x': return 0x0445; case 'y': return 0x0443;
        case 0x012B: return 0x04E3; case 0x016B: return 0x04EF;   // ī ū
        case 0x012A: return 0x04E2; case 0x016A: return 0x04EE;   // Ī Ū
        default: return 0;
    }
}

// Cyrillic letter → Latin look-alike; only shapes that are identical in every
// font (lower-case к м т н в are not, so they stay).
UChar32 latin_lookalike(UChar32 c) {
    switch (c) {
        case 0x0410: return 'A'; case 0x0412: return 'B'; case 0x0421: return 'C'; case 0x0415: return 'E';
        case 0x041D: return 'H'; case 0x041A: return 'K'; case 0x041C: return 'M'; case 0x041E: return 'O';
        case 0x0420: return 'P'; case 0x0422: return 'T'; case 0x0425: return 'X'; case 0x0423: return 'Y';
        case 0x0430: return 'a'; case 0x0435: return 'e'; case 0x043E: return 'o'; case 0x0440: return 'p';
        case 0x0441: return 'c'; case 0x0445: return 'x'; case 0x0443: return 'y';
        case 0x0456: return 'i'; case 0x0458: return 'j'; case 0x0455: return 's';
        case 0x0406: return 'I'; case 0x0408: return 'J'; case 0x0405: return 'S';
        default: return 0;
    }
}

// A Cyrillic consonant letter of Tajik or Russian (lower case).
bool is_cyrillic_consonant(UChar c) {
    switch (c) {
        case u'б': case u'в': case u'г': case u'д': case u'ж': case u'з': case u'к': case u'л':
        case u'м': case u'н': case u'п': case u'р': case u'с': case u'т': case u'ф': case u'х':
        case u'ц': case u'ч': case u'ш': case u'щ': case u'ғ': case u'қ': case u'ҳ': case u'ҷ':
            return true;
        default:
            return false;
    }
}

bool is_latin_letter(UChar32 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7); }
bool is_cyrillic_letter(UChar32 c) { return c >= 0x0400 && c <= 0x04FF; }

}  // namespace

namespace {

// The word with every letter of the other script replaced by its look-alike,
// or false when some letter has none.
bool convert(const icu::UnicodeString& word, bool to_cyrillic, icu::UnicodeString& out) {
    out.remove();
    for (int32_t i = 0; i < word.length(); ++i) {
        UChar c = word.charAt(i);
        bool foreign = to_cyrillic ? is_latin_letter(c) : is_cyrillic_letter(c);
        if (!foreign) { out.append(c); continue; }
        UChar32 mapped = to_cyrillic ? cyrillic_lookalike(c) : latin_lookalike(c);
        if (mapped == 0) return false;
        out.append(mapped);
    }
    return true;
}

}  // namespace

icu::UnicodeString fix_homoglyphs(const icu::UnicodeString& word) {
    int latin = 0, cyrillic = 0;
    for (int32_t i = 0; i < word.length(); ++i) {
        UChar c = word.charAt(i);
        if (is_latin_letter(c)) ++latin;
        else if (is_cyrillic_letter(c)) ++cyrillic;
    }
    if (latin == 0 || cyrillic == 0) return word;  // the common case: one script
    // The majority script first; if a minority letter has no look-alike, the
    // other way round (CEMЬЯ: Ь has no Latin twin, but C E M have Cyrillic ones).
    bool to_cyrillic = cyrillic >= latin;
    icu::UnicodeString out;
    if (convert(word, to_cyrillic, out) || convert(word, !to_cyrillic, out)) return out;
    return word;  // letters without look-alikes on both sides: a real mixed token
}

Normalizer::Normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold unavailable");
}

icu::UnicodeString Normalizer::canonical(const icu::UnicodeString& word) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc(nfkc_casefold_)->normalize(fix_homoglyphs(word), status);
    if (U_FAILURE(status)) return word;
    for (int32_t i = 0; i < folded.length(); ++i) {
        UChar c = folded.charAt(i);
        UChar32 mapped = canonical_letter(c);
        if (mapped != c) folded.setCharAt(i, static_cast<UChar>(mapped));  // all BMP
    }
    // Step 4: a word-final й after a consonant is ӣ typed on a Russian keyboard
    // (зуроварй, давлатй, ҳуқуқй). Neither Tajik nor Russian spelling ends a
    // word in consonant + й; inside a word the pair is real (тағйир), so only
    // the last letter is read this way.
    const int32_t n = folded.length();
    if (n >= 2 && folded.charAt(n - 1) == u'й' && is_cyrillic_consonant(folded.charAt(n - 2)))
        folded.setCharAt(n - 1, u'ӣ');
    return folded;
}

std::string Normalizer::canonical_utf8(const std::string& word) const {
    return to_utf8(canonical(to_utf16(word).text));
}

char32_t fold_tajik_letter(char32_t c) {
    switch (c) {
        case 0x04B7: return 0x0447;  // ҷ → ч
        case 0x04B3: return 0x0445;  // ҳ → х
        case 0x049B: return 0x043A;  // қ → к
        case 0x0493: return 0x0433;  // ғ → г
        case 0x04EF: return 0x0443;  // ӯ → у
        case 0x04E3: return 0x0438;  // ӣ → и
        default: return c;
    }
}

icu::UnicodeString fold_tajik_letters(const icu::UnicodeString& word) {
    icu::UnicodeString out(word);
    for (int32_t i = 0; i < out.length(); ++i) {
        char32_t f = fold_tajik_letter(out.charAt(i));
        if (f != out.charAt(i)) out.setCharAt(i, static_cast<UChar>(f));
    }
    return out;
}

std::string fold_tajik_letters_utf8(std::string_view word) {
    if (!has_foldable_letter(word)) return std::string(word);
    std::u32string u = utf8_to_u32(word);
    for (char32_t& c : u) c = fold_tajik_letter(c);
    return u32_to_utf8(u);
}

bool has_foldable_letter(std::string_view word) {
    // All six letters are U+0493..U+04EF: lead byte 0xD2 or 0xD3.
    for (unsigned char c : word) if (c == 0xD2 || c == 0xD3) return true;
    return false;
}

bool may_be_substitute_spelling(std::string_view word) {
    constexpr std::string_view kFinalI = "\u04E3";  // ӣ
    if (word.size() > kFinalI.size() && word.substr(word.size() - kFinalI.size()) == kFinalI)
        word.remove_suffix(kFinalI.size());
    return !has_foldable_letter(word);
}

}  // namespace himoya
