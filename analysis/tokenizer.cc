#include "analysis/tokenizer.h"

#include <stdexcept>

namespace himoya {

Tokenizer::Tokenizer() {
    UErrorCode status = U_ZERO_ERROR;
    // The root locale: our three languages need no locale-specific rules, and
    // one iterator for all keeps index and query segmentation identical.
    breaker_.reset(icu::BreakIterator::createWordInstance(icu::Locale::getRoot(), status));
    if (U_FAILURE(status) || !breaker_) throw std::runtime_error("ICU word BreakIterator unavailable");
}

std::vector<WordSpan> Tokenizer::words(const icu::UnicodeString& text) {
    std::vector<WordSpan> out;
    breaker_->setText(text);
    int32_t begin = breaker_->first();
    for (int32_t end = breaker_->next(); end != icu::BreakIterator::DONE; begin = end, end = breaker_->next()) {
        int32_t status = breaker_->getRuleStatus();
        if (status < UBRK_WORD_NUMBER || status >= UBRK_WORD_IDEO_LIMIT) continue;
        out.push_back({begin, end, status < UBRK_WORD_NUMBER_LIMIT});
    }
    return out;
}

}  // namespace himoya
