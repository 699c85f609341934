// Labels of every value the API emits, in Tajik, Russian and English: facet
// values (jurisdiction, language, document type, topic, issuing body,
// audience, legal status), relations between acts, text statuses, extents,
// what a coverage gap rests on (search/compare.h, GapKind), Istanbul
// Convention article titles and facet names. One place answers "what is
// this value called in the interface language", for facets, compare, the
// matrix, citations, exports and GET /api/labels.
//
// Sources: the thesaurus (topics), the index's label tables (bodies, Istanbul
// articles; indexer/label_tables.h) and the fixed vocabularies in labels.cc.
// Immutable once built: safe to read from many threads.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "analysis/term_scheme.h"
#include "analysis/thesaurus.h"

namespace himoya {

class Labels {
public:
    // Label kinds, as GET /api/labels names them.
    static const std::vector<std::string>& kinds();
    // The languages every label must exist in.
    static const std::vector<std::string>& languages();

    Labels();  // the fixed vocabularies only
    // Adds the topics of `thesaurus` and the tables stored in the index metadata.
    void add_thesaurus(const Thesaurus& thesaurus);
    void add_table(const std::string& kind, const terms::LabelTable& table);

    // The label of `value` in `lang`, falling back to English, then to the value itself.
    std::string label(const std::string& kind, const std::string& value, const std::string& lang) const;
    // Whether `value` has a label of its own in `lang` (no fallback).
    bool has(const std::string& kind, const std::string& value, const std::string& lang) const;
    // kind → value → language → label.
    const std::map<std::string, terms::LabelTable>& all() const { return tables_; }

private:
    std::map<std::string, terms::LabelTable> tables_;
};

}  // namespace himoya
