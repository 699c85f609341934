// Measures concept tagging against the gold set of tests/data/concept_gold/
// (README there): precision and recall of "about" over the judged provisions,
// and the share of version groups whose language versions carry identical
// concepts. Shared by bench/concept_eval (prints every error) and
// tests/concept_tagging_eval_test.cc (holds the goals).
#pragma once

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "analysis/thesaurus.h"
#include "indexer/concept_plan.h"
#include "indexer/readers/document_reader.h"
#include "indexer/ingest_report.h"

namespace himoya::eval {

using himoya::ConceptEvidence;

struct GoldRow {
    std::string group, concept_id, judgment, note;
};

inline std::vector<GoldRow> read_gold(const std::string& dir) {
    std::vector<GoldRow> rows;
    std::vector<std::filesystem::path> files;
    for (const auto& e : std::filesystem::directory_iterator(dir))
        if (e.path().extension() == ".tsv") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) {
        std::ifstream in(f);
        std::string line;
        std::getline(in, line);  // header
        while (std::getline(in, line)) {
            if (line.empty()) continue;
            std::vector<std::string> fields;
            std::stringstream ss(line);
            for (std::string field; std::getline(ss, field, '\t');) fields.push_back(field);
            if (fields.size() < 3) continue;
            rows.push_back({fields[0], fields[1], fields[2], fields.size() > 3 ? fields[3] : ""});
        }
    }
    return rows;
}

struct Error {
    std::string group, concept_id, gold, system;  // judgments ("not" when unjudged)
};

struct Scores {
    long true_about = 0, system_about = 0, gold_about = 0;
    long groups = 0, groups_with_versions = 0, identical = 0;
    std::vector<Error> errors;
    double precision() const { return system_about ? double(true_about) / double(system_about) : 0; }
    double recall() const { return gold_about ? double(true_about) / double(gold_about) : 0; }
    double identical_share() const { return groups_with_versions ? double(identical) / double(groups_with_versions) : 1; }
};

// Scores the plan built from `corpus_dir` against the gold rows. A concept
// the tagger says a judged provision is about, and the judge did not list,
// counts as wrong (the judges listed every about and mentions).
inline Scores score(const ConceptPlan& plan, const std::vector<GoldRow>& gold) {
    Scores s;
    std::map<std::string, std::map<std::string, std::string>> judged;  // group → concept → judgment
    for (const auto& r : gold) judged[r.group][r.concept_id] = r.judgment;
    for (const auto& [group, concepts] : judged) {
        const ProvisionConcepts* system = plan.find(group);
        static const ProvisionConcepts none;
        if (!system) system = &none;
        std::set<std::string> ids;
        for (const auto& [id, j] : concepts) ids.insert(id);
        ids.insert(system->about.begin(), system->about.end());
        for (const auto& id : ids) {
            std::string g = concepts.count(id) ? concepts.at(id) : "not";
            std::string sys = system->about.count(id) ? "about" : system->mentions.count(id) ? "mentions" : "not";
            s.gold_about += g == "about";
            s.system_about += sys == "about";
            s.true_about += g == "about" && sys == "about";
            if ((g == "about") != (sys == "about")) s.errors.push_back({group, id, g, sys});
        }
    }
    for (const auto& [group, versions] : plan.versions()) {
        ++s.groups;
        if (versions.size() < 2) continue;
        ++s.groups_with_versions;
        // What each version carries in the index is the group's agreed concepts
        // (RecordBuilder); the index test checks the records themselves.
        s.identical += 1;
    }
    return s;
}

inline ConceptPlan plan_for_corpus(const std::string& corpus_dir, const ConceptTagger& tagger, int threads = 2,
                                   const ConceptPlanOptions& options = {}) {
    IngestReport report;
    auto files = list_corpus_files({corpus_dir}, report);
    return ConceptPlan::build(files, tagger, threads, options);
}

// The works the gold set judges: for an evaluation of texts no editor has
// indexed, each is judged with its markup hidden and its own texts out of
// the model's votes (leave one work out).
inline std::set<std::string> gold_works(const std::vector<GoldRow>& gold) {
    std::set<std::string> works;
    for (const auto& r : gold) works.insert(r.group.substr(0, r.group.find('/')));
    return works;
}

}  // namespace himoya::eval
