#include "search/snippets.h"

#include <vector>

namespace himoya {

Snippet make_snippet(Analyzer& analyzer, std::string_view text, std::string_view language,
                     const std::set<std::string>& terms, const std::set<std::string>& stems,
                     const SnippetOptions& options, const SnippetLabels& labels) {
    const size_t full_size = text.size();
    if (text.size() > options.max_scan_bytes) {
        size_t cut = options.max_scan_bytes;
        while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
        text = text.substr(0, cut);
    }
    auto tokens = analyzer.analyze(text, language);
    if (tokens.empty()) {
        size_t cut = std::min<size_t>(300, text.size());
        while (cut > 0 && cut < text.size() && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
        return Snippet{std::string(text.substr(0, cut)), {}};
    }
    std::vector<bool> hit(tokens.size());
    for (size_t i = 0; i < tokens.size(); ++i)
        hit[i] = terms.count(tokens[i].term) || (!tokens[i].stopword && stems.count(tokens[i].stem));
    if (labels.tagger && !labels.concepts.empty())
        for (const ConceptMatch& m : labels.tagger->match(tokens))
            if (labels.concepts.count(m.concept_id))
                for (size_t i = m.first_token; i <= m.last_token; ++i) hit[i] = hit[i] || !tokens[i].stopword;

    // The window of `window_words` tokens holding the most matches (first wins ties).
    size_t window = std::min(options.window_words, tokens.size());
    size_t best_start = 0, best = 0, current = 0;
    for (size_t i = 0; i < tokens.size(); ++i) {
        current += hit[i];
        if (i >= window) current -= hit[i - window];
        if (i + 1 >= window && current > best) {
            best = current;
            best_start = i + 1 - window;
        }
    }
    // Start a few words before the first match so it has some context.
    if (best > 0) {
        size_t first = best_start;
        while (first < best_start + window && !hit[first]) ++first;
        size_t lead = std::min<size_t>(4, first);
        best_start = std::min(first - lead, tokens.size() - window);
    }
    size_t last = best_start + window - 1;

    size_t from = best_start == 0 ? 0 : tokens[best_start].start;
    size_t to = last + 1 >= tokens.size() ? text.size() : tokens[last].end;
    Snippet out;
    if (from > 0) out.text += "…";
    const size_t shift = out.text.size();  // bytes of the leading "…"
    out.text += text.substr(from, to - from);
    for (size_t i = best_start; i <= last; ++i)
        if (hit[i]) out.marks.push_back({tokens[i].start - from + shift, tokens[i].end - from + shift});
    if (to < full_size) out.text += "…";
    return out;
}

}  // namespace himoya
