// Structured facts per jurisdiction (corpus/facts/*.xml, docs/corpus-format.md):
// e.g. who issues a protection order and for how long, each fact citing the
// corpus provisions that state it. The indexer checks the citations and
// stores the table in the index for GET /api/facts.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "indexer/ingest_report.h"

namespace himoya {

struct Fact {
    std::map<std::string, std::string> value;  // lang → text
    std::vector<std::string> citations;        // provision ids
};

struct FactTable {
    std::string topic;
    std::vector<std::pair<std::string, std::map<std::string, std::string>>> fields;  // key → lang → label
    // The thesaurus concepts each field answers on (<field concepts="...">): a
    // blank field of a jurisdiction whose law covers them in parts not held
    // says so (docs/corpus-format.md, "Extent").
    std::map<std::string, std::vector<std::string>> field_concepts;
    std::vector<std::pair<std::string, std::map<std::string, Fact>>> jurisdictions;  // code → field → fact
};

// Problems (malformed XML, unknown field) go to `report`; nullopt if unusable.
std::optional<FactTable> read_fact_table(const std::string& path, IngestReport& report);

// Every facts/*.xml under the corpus directories.
std::vector<std::string> list_fact_files(const std::vector<std::string>& corpus_dirs);

// The JSON of GET /api/facts. `provisions` maps provision id → {label, title,
// url}; a citation of an unknown provision is reported and dropped.
nlohmann::json fact_table_json(const FactTable& table, const std::map<std::string, nlohmann::json>& provisions,
                               const std::string& path, IngestReport& report);

}  // namespace himoya
