// The corpus's label tables: canonical issuing bodies (corpus/bodies.xml) and
// Istanbul Convention article titles (corpus/istanbul-articles.xml), each
// value named in tg, ru and en. The indexer stores them in the index (as the
// thesaurus) so that the search side labels facet values, matrix rows and
// citations in the interface language from the index alone.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/term_scheme.h"
#include "indexer/ingest_report.h"

namespace himoya {

using LabelTable = terms::LabelTable;  // value → language → label

// Parses corpus/bodies.xml (schema corpus/schema/bodies.rng). Problems go to
// `report` as file:line; nullopt when the file cannot be used.
std::optional<LabelTable> read_bodies(const std::string& path, IngestReport& report);
// Parses corpus/istanbul-articles.xml: article number → language → title.
std::optional<LabelTable> read_istanbul_articles(const std::string& path, IngestReport& report);

// The first file named `name` directly in one of `dirs`, or "".
std::string find_table(const std::vector<std::string>& dirs, const std::string& name);

}  // namespace himoya
