// libFuzzer target: Analyzer::analyze on arbitrary bytes. The first byte picks
// the language hint; the rest is the text. Checks the token invariants the
// indexer and the snippets rely on (byte offsets inside the input, raw equal
// to the bytes it spans, positions increasing, terms within the Xapian cap).
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string_view>

#include "analysis/analyzer.h"

namespace {
void require(bool ok) {
    if (!ok) std::abort();
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static himoya::Analyzer analyzer;
    static const std::string_view languages[] = {"tg", "ru", "en", "auto", ""};
    if (size == 0) return 0;
    std::string_view lang = languages[data[0] % 5];
    std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    unsigned last = 0;
    for (const himoya::Token& t : analyzer.analyze(text, lang)) {
        require(t.start <= t.end && t.end <= text.size());
        require(t.raw == text.substr(t.start, t.end - t.start));
        require(!t.term.empty() && t.term.size() <= himoya::Analyzer::kMaxTermBytes);
        require(t.position > last);
        last = t.position;
        if (!t.term.empty()) analyzer.query_stems(t, lang);
    }
    if (size < 256) analyzer.latin_to_tajik(text);
    return 0;
}
