// Latin ↔ Cyrillic transliteration of Tajik, with ICU's rule-based
// Transliterator (createFromRules). Latin → Cyrillic serves queries typed in
// Latin ("qonuni jumhurii tojikiston" → "қонуни ҷумҳурии тоҷикистон");
// Cyrillic → Latin serves the language identifier (Latin-Tajik profile) and
// tests. Accepted Latin spellings: h ҳ, j ҷ, gh ғ, q қ, ū/u ӯ, ī/i ӣ, sh ш,
// ch ч, zh ж, kh/x х, yo ё, yu ю, ya я, ' ъ; a plain u or i gives у or и —
// the folded term layer then finds ӯ and ӣ.
//
// Not thread-safe (ICU transliterators keep state while running): one per
// thread, like the Analyzer that owns it. Construction compiles the rules
// (~1 ms); reuse it.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace himoya {

class TajikTransliterator {
public:
    TajikTransliterator();
    ~TajikTransliterator();
    TajikTransliterator(const TajikTransliterator&) = delete;
    TajikTransliterator& operator=(const TajikTransliterator&) = delete;

    // Lower-cased Tajik Cyrillic for a Latin word or text.
    std::string to_cyrillic(std::string_view latin);
    // The same, but a z, k or s after a letter followed by the plural suffix
    // "ho" (+ i, ro, yand ... ) at a word's end is the stem's з, к, с and the
    // suffix's ҳ: "markazhoi" → "марказҳои", "kudakho" → "кудакҳо", where
    // to_cyrillic gives "маркажои", "кудахо". Word-initial and other zh, kh, sh
    // read as to_cyrillic reads them (zhurnal, khona, shohid).
    std::string to_cyrillic_plural(std::string_view latin);
    // Lower-cased Latin for Tajik Cyrillic text (ӯ → ū, ӣ → ī, ҳ → h ...).
    std::string to_latin(std::string_view cyrillic);

private:
    std::unique_ptr<icu::Transliterator> to_cyrillic_;
    std::unique_ptr<icu::Transliterator> to_cyrillic_plural_;
    std::unique_ptr<icu::Transliterator> to_latin_;
};

}  // namespace himoya
