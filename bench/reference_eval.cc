// References between provisions against the hand-checked gold sets
// (tests/data/references/): precision and recall of detection, of detection
// with the right target, and of resolved links (scoring: bench/reference_eval.h).
//
//   reference_eval [CORPUS_DIR [GOLD_TSV]]            the figures (default gold: gold.tsv)
//   reference_eval [CORPUS_DIR [GOLD_TSV]] --errors   and every disagreement
//   reference_eval [CORPUS_DIR] --list                every reference found in the corpus
#include <cstdio>
#include <cstring>
#include <string>

#include "bench/reference_eval.h"

using namespace himoya;

int main(int argc, char** argv) {
    std::string corpus = HIMOYA_SOURCE_DIR "/corpus", gold_path = HIMOYA_SOURCE_DIR "/tests/data/references/gold.tsv";
    bool errors = false, list = false;
    int positional = 0;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--errors")) errors = true;
        else if (!std::strcmp(argv[i], "--list")) list = true;
        else if (positional++ == 0) corpus = argv[i];
        else gold_path = argv[i];
    }
    eval::CorpusReferences c = eval::read_corpus_references(corpus);
    const std::unique_ptr<ReferenceGraph> built = eval::graph_for(c, corpus);
    const ReferenceGraph& graph = *built;
    if (list) {
        for (const auto& u : c.units)
            for (const auto& r : graph.refers_to(u.provision_id))
                std::printf("%s\t%s\t%s\t%s\n", u.provision_id.c_str(), r.surface.c_str(), act_name(r.act),
                            eval::show(eval::targets_of(r, c)).c_str());
        return 0;
    }
    eval::ReferenceScores s = eval::score_references(c, graph, gold_path);
    if (!s.error.empty()) {
        std::fprintf(stderr, "%s\n", s.error.c_str());
        return 1;
    }
    std::printf("references in the gold set: %zu in %zu documents (%ld with a target in the corpus); "
                "%zu more name the citing provision's own article and are not scored\n",
                s.gold, s.documents, s.gold_resolved, s.own_article);
    std::printf("detected: %ld; matching a gold reference: %ld\n", s.detected, s.matched);
    std::printf("detection         precision %.3f  recall %.3f\n", s.precision(), s.recall());
    std::printf("with right target precision %.3f  recall %.3f  (%ld of %ld matched references point right)\n",
                s.target_precision(), s.target_recall(), s.right_target, s.matched);
    std::printf("resolved links    precision %.3f  recall %.3f  (%ld right of %ld resolved; %ld in the gold)\n",
                s.link_precision(), s.link_recall(), s.right_resolved, s.detected_resolved, s.gold_resolved);
    if (errors)
        for (const auto& m : s.messages) std::printf("%s\n", m.c_str());
    return 0;
}
