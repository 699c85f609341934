// Names found in a query the way thesaurus labels are found in text (stems
// in order, Tajik typed without Tajik letters too): the names of places
// (places.h) and the popular names of works (work_names.h). Each entry is an
// id with its names in one or more languages; find() gives the longest names
// first, never two overlapping, in query order.
//
// Immutable after construction; find() uses the caller's Analyzer.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "analysis/thesaurus.h"

namespace himoya {

class NameMatcher {
public:
    struct Entry {
        std::string id;  // [a-z0-9-]+
        std::vector<std::pair<std::string, std::string>> names;  // (lang, name)
    };
    struct Match {
        std::string id;
        std::string name;  // the name as the entry writes it
        size_t start = 0, end = 0;  // byte range in the query
    };

    NameMatcher(const std::vector<Entry>& entries, Analyzer& analyzer);
    bool empty() const { return !tagger_; }

    // Non-overlapping names in `query`, longest first, read in `language` and,
    // when that is unknown, as Tajik and Russian too; with `latin_tajik`, its
    // Latin words also in their Cyrillic reading, the six Tajik letters folded
    // ("dar Tojikiston", "Jumhurii Tojikiston"); in query order.
    std::vector<Match> find(Analyzer& analyzer, std::string_view query, std::string_view language,
                            bool latin_tajik = false) const;
    // The analysed names of one entry.
    std::vector<const LabelPattern*> patterns_of(const std::string& id) const;

private:
    std::optional<Thesaurus> names_;         // one "concept" per entry, its names as labels
    std::unique_ptr<ConceptTagger> tagger_;  // over names_
};

}  // namespace himoya
