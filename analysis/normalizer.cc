#include "analysis/normalizer.h"

#include <unicode/normalizer2.h>

#include <stdexcept>

#include "analysis/utf8.h"

namespace himoya {
namespace {

const icu::Normalizer2* nfkc(const void* p) { return static_cast<const icu::Normalizer2*>(p); }

// Letters from old Tajik fonts that reused Serbian/Ukrainian/Belarusian glyphs.
// Applied after case folding, so only lower-case forms are listed.
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
        default: return c;
    }
}

}  // namespace

Normalizer::Normalizer() {
    UErrorCode status = U_ZERO_ERROR;
    nfkc_casefold_ = icu::Normalizer2::getNFKCCasefoldInstance(status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU NFKC_Casefold unavailable");
}

icu::UnicodeString Normalizer::canonical(const icu::UnicodeString& word) const {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString folded = nfkc(nfkc_casefold_)->normalize(word, status);
    if (U_FAILURE(status)) return word;
    icu::UnicodeString out;
    for (int32_t i = 0; i < folded.length();) {
        UChar32 c = folded.char32At(i);
        out.append(canonical_letter(c));
        i += U16_LENGTH(c);
    }
    return out;
}

std::string Normalizer::canonical_utf8(const std::string& word) const {
    return to_utf8(canonical(to_utf16(word).text));
}

icu::UnicodeString fold_tajik_letters(const icu::UnicodeString& word) {
    icu::UnicodeString out(word);
    for (int32_t i = 0; i < out.length(); ++i) {
        switch (out.charAt(i)) {
            case 0x04B7: out.setCharAt(i, 0x0447); break;  // ҷ → ч
            case 0x04B3: out.setCharAt(i, 0x0445); break;  // ҳ → х
            case 0x049B: out.setCharAt(i, 0x043A); break;  // қ → к
            case 0x0493: out.setCharAt(i, 0x0433); break;  // ғ → г
            case 0x04EF: out.setCharAt(i, 0x0443); break;  // ӯ → у
            case 0x04E3: out.setCharAt(i, 0x0438); break;  // ӣ → и
            default: break;
        }
    }
    return out;
}

}  // namespace himoya
