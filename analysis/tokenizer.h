// Word segmentation with ICU's word BreakIterator (UAX #29 plus ICU's
// dictionaries). Keeps only words and numbers (rule status UBRK_WORD_NUMBER up
// to UBRK_WORD_IDEO_LIMIT), so punctuation and spaces never become terms.
//
// Not thread-safe: a Tokenizer owns a BreakIterator; use one per thread.
#pragma once

#include <memory>
#include <vector>

#include <unicode/brkiter.h>
#include <unicode/unistr.h>

namespace himoya {

struct WordSpan {
    int32_t begin;  // UTF-16 index into the segmented text
    int32_t end;
    bool is_number;
};

class Tokenizer {
public:
    Tokenizer();
    std::vector<WordSpan> words(const icu::UnicodeString& text);

private:
    std::unique_ptr<icu::BreakIterator> breaker_;
};

}  // namespace himoya
