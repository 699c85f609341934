// Places named in a query: "protection order in Brčko", "охранный ордер в Грузии",
// "паноҳгоҳ дар Гурҷистон", and places inside a jurisdiction ("паноҳгоҳ дар Хуҷанд"),
// which texts must name but may name in another language or script. The names come from data (corpus/jurisdictions.xml,
// stored in the index as metadata "places"): country and entity names, short
// forms and adjectives in tg/ru/en, matched through the shared analyser like
// thesaurus labels (so "Грузии" matches "Грузия", "Тоҷикистон" typed as
// "Точикистон" matches too). Search then does not require the place's words to
// occur in a provision, and boosts the provisions of the jurisdictions named
// (search/searcher.cc; docs/api.md "interpretation").
//
// Immutable after construction; find() uses the caller's Analyzer.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/analyzer.h"
#include "search/name_matcher.h"

namespace himoya {

struct PlaceSpan {
    std::vector<std::string> jurisdictions;  // codes the name stands for (Bosnia: its three entities)
    size_t start = 0, end = 0;               // byte range in the query
    // A place inside a jurisdiction (a city, a region: <locality>): texts must
    // name it, in any of its names and scripts.
    bool locality = false;
    // The stems of each of the place's names in every language (Khujand, Худжанд, Хуҷанд).
    std::vector<std::vector<std::string>> name_stems;
};

class PlaceRecognizer {
public:
    // From the XML of corpus/jurisdictions.xml; "" or a bad file: recognises nothing.
    PlaceRecognizer(const std::string& xml, Analyzer& analyzer);
    bool empty() const { return !names_ || names_->empty(); }

    // Non-overlapping place names in `query`, longest first, read in `language`
    // and, when that is unknown, as Tajik and Russian too.
    // `latin_tajik`: Latin words are also read as Tajik (NameMatcher::find).
    std::vector<PlaceSpan> find(Analyzer& analyzer, std::string_view query, std::string_view language,
                                bool latin_tajik = false) const;

private:
    std::unique_ptr<NameMatcher> names_;  // one entry per <jurisdiction> or <locality>
    std::map<std::string, std::vector<std::string>> codes_;  // entry id → jurisdiction codes
    std::map<std::string, bool> locality_;                    // entry id → a <locality>
};

// `query` with the spans blanked out (the rest keeps its byte offsets' order).
std::string without_spans(std::string_view query, const std::vector<PlaceSpan>& spans);

}  // namespace himoya
