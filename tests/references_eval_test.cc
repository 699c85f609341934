// Connected provisions measured on the bundled corpus against the two
// hand-checked gold files (tests/data/references): floors a change to the
// detector or the resolver must keep. The figures themselves:
// build/bench/reference_eval (docs/architecture.md, "Connected provisions").
#include <doctest/doctest.h>

#include "bench/reference_eval.h"

using namespace himoya;

namespace {

const eval::CorpusReferences& corpus() {
    static const eval::CorpusReferences c = eval::read_corpus_references(HIMOYA_SOURCE_DIR "/corpus");
    return c;
}

const ReferenceGraph& graph() {
    static const std::unique_ptr<ReferenceGraph> g = eval::graph_for(corpus(), HIMOYA_SOURCE_DIR "/corpus");
    return *g;
}

}  // namespace

TEST_CASE("references of the first gold set: found and resolved (the detector's rules were revised on it)") {
    auto s = eval::score_references(corpus(), graph(), HIMOYA_SOURCE_DIR "/tests/data/references/gold.tsv");
    REQUIRE(s.error.empty());
    CHECK(s.gold >= 100);
    CHECK(s.precision() >= 0.95);
    CHECK(s.recall() >= 0.80);
    CHECK(s.link_precision() >= 0.95);
    CHECK(s.link_recall() >= 0.80);
}

TEST_CASE("references of the second gold set: made blind, then the rules for named acts revised on its errors") {
    auto s = eval::score_references(corpus(), graph(), HIMOYA_SOURCE_DIR "/tests/data/references/gold-heldout.tsv");
    REQUIRE(s.error.empty());
    CHECK(s.gold >= 100);
    CHECK(s.precision() >= 0.90);
    CHECK(s.recall() >= 0.75);
    CHECK(s.link_precision() >= 0.95);
    CHECK(s.link_recall() >= 0.75);
}

TEST_CASE("references of the third gold set: made blind while the named-act rules were revised") {
    auto s = eval::score_references(corpus(), graph(), HIMOYA_SOURCE_DIR "/tests/data/references/gold-round3.tsv");
    REQUIRE(s.error.empty());
    CHECK(s.gold >= 30);
    CHECK(s.precision() >= 0.90);
    CHECK(s.recall() >= 0.85);
    CHECK(s.link_precision() >= 0.95);
}
