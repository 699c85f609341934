// The concepts of every provision of a corpus, decided before any record is
// written, so that all language versions of one provision carry the same
// concepts (docs/thesaurus.md, "About and mentions").
//
// A provision's concepts come from its own heading, text and markup, never from
// its document's metadata topics (those describe the document). Each language
// version is judged on its own (ConceptTagger::judge); the versions of a group
// (work id + unit id) then agree (agree_across_versions). A version of a
// document no editor has indexed (no unit markup anywhere in it) also gets
// what the indexed texts most like it are about (ConceptModel), learnt in the
// same pass; in an indexed document a unit without markup was judged about
// nothing by the editors and keeps the label rule alone. The indexer builds
// the plan in a first pass over the files and hands it to every RecordBuilder.
//
// Immutable once built: find() and digest() are safe from many threads.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/concept_model.h"
#include "analysis/concept_tagger.h"
#include "indexer/document.h"

namespace himoya {

// The version group of a provision: equal across its language versions.
std::string provision_group(const Document& document, const Provision& provision);

// One language version's judgment of one provision.
VersionConcepts judge_provision(Analyzer& analyzer, const ConceptTagger& tagger, const Document& document,
                                const Provision& provision);

struct ConceptPlanOptions {
    // Texts no editor has indexed (no unit markup) also get the concepts the
    // collection's indexed texts suggest (analysis/concept_model.h); off: the
    // label rule alone (heading, opening words).
    bool learn_from_indexing = true;
    ConceptModel::Options model;
    // Indexed examples the model keeps at most (those with the smallest hash
    // of group and language: the same whatever the thread order).
    size_t max_examples = 20000;
    // A suggestion counts as `about` only where a label of the concept occurs
    // in the version (heading or text) too, unless its score reaches
    // `strong_suggestion`.
    // The defaults were chosen on the gold set (bench/concept_eval --unindexed,
    // docs/thesaurus.md "Texts no editor has indexed").
    bool suggestions_need_label = true;
    double strong_suggestion = 0.8;
    // For evaluation: these works are judged as if no editor had indexed them
    // (markup ignored), with their own texts left out of the model's votes.
    std::set<std::string> judge_as_unindexed;
};

class ConceptPlan {
public:
    // Reads every file (problems are not reported here: the indexing pass
    // reports them) and judges its provisions, on `threads` threads. Of files
    // sharing a document id, only the first in `files` counts, as in the
    // indexing pass, whichever thread read it first.
    static ConceptPlan build(const std::vector<std::string>& files, const ConceptTagger& tagger, int threads,
                             const ConceptPlanOptions& options = {});
    // The same from documents already in memory (tests, tools), by markup and
    // the label rule alone (no learning from the indexed documents).
    static ConceptPlan from_documents(const std::vector<Document>& documents, const ConceptTagger& tagger);

    // The agreed concepts of a version group, or nullptr if the plan has none.
    const ProvisionConcepts* find(const std::string& group) const;
    // A short digest of the concepts the plan gives `document`'s provisions:
    // part of its source hash, so that an incremental build rewrites a version
    // whose concepts changed because a sibling version changed.
    std::string digest(const Document& document) const;
    // Every version's own judgment, by group (for evaluation).
    const std::map<std::string, std::vector<VersionConcepts>>& versions() const { return versions_; }
    const std::map<std::string, ProvisionConcepts>& groups() const { return agreed_; }

private:
    void add(const Document& document, std::vector<VersionConcepts> judged);
    void finish();

    std::map<std::string, std::vector<VersionConcepts>> versions_;
    std::map<std::string, ProvisionConcepts> agreed_;
};

}  // namespace himoya
