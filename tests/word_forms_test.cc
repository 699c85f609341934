// A word's alternatives pruned to the terms the index holds, and merged where
// two readings meet the same terms (QueryBuilder::set_pruning,
// search/query_builder.cc WordForms): every query of the search evaluation,
// and words that meet through several readings at once, find the same
// records with the same BM25 scores as the unpruned query, on the bundled
// corpus, while reading fewer postlists.
#include <doctest/doctest.h>

#include <cmath>
#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "corpus_index.h"
#include "eval_queries.h"
#include "search/index_view.h"
#include "search/query_builder.h"
#include "search/query_tree.h"

using namespace himoya;

namespace {

testing::CorpusIndex& corpus_index() {
    static testing::CorpusIndex index("word-forms");
    return index;
}


Xapian::Query compiled(IndexView& view, const std::string& text, bool prune) {
    QueryBuilder b(view.analyzer());
    b.set_vocabulary(&view.db());
    b.set_translations(true);
    b.set_pruning(prune);
    if (view.tagger()) b.set_concepts(&*view.thesaurus(), view.tagger());
    QueryTree tree = parse_query(text, "", view.analyzer());
    return b.compile(tree).query;
}

// Every match, with its BM25 weight, by docid.
std::map<Xapian::docid, double> scored(const Xapian::Database& db, const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    Xapian::MSet m = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
    std::map<Xapian::docid, double> out;
    for (auto it = m.begin(); it != m.end(); ++it) out[*it] = it.get_weight();
    return out;
}

// The term leaves of q, each occurrence counted: one postlist opened per leaf.
size_t leaves(const Xapian::Query& q) {
    if (q.get_type() == Xapian::Query::LEAF_TERM) return 1;
    size_t n = 0;
    for (size_t i = 0; i < q.get_num_subqueries(); ++i) n += leaves(q.get_subquery(i));
    return n;
}

}  // namespace

TEST_CASE("pruned word alternatives find the same records with the same scores") {
    IndexView view({corpus_index().db});
    std::vector<std::string> queries = testing::eval_queries();
    REQUIRE(queries.size() >= 60);
    // Words read several ways at once: ambiguous Cyrillic (Tajik and Russian
    // stems), a substitute spelling, Latin-script Tajik, a year, a title field.
    for (const char* q : {"насилия", "оила", "зуроварй дар оила", "zurovari dar oila", "хукуки инсон", "ҳуқуқи инсон",
                          "насилие в семье 2013", "title:закон", "ордери ҳимоявӣ", "shelter OR паноҳгоҳ"})
        queries.emplace_back(q);
    size_t fewer = 0;
    for (const std::string& q : queries) {
        CAPTURE(q);
        const Xapian::Query full = compiled(view, q, false), pruned = compiled(view, q, true);
        const auto expected = scored(view.db(), full), got = scored(view.db(), pruned);
        REQUIRE(got.size() == expected.size());
        for (const auto& [did, weight] : expected) {
            CAPTURE(did);
            REQUIRE(got.count(did) == 1);
            CHECK(std::fabs(got.at(did) - weight) <= 1e-9 * std::max(1.0, weight));
        }
        CHECK(leaves(pruned) <= leaves(full));
        if (leaves(pruned) < leaves(full)) ++fewer;
    }
    // Most queries read fewer postlists (the others had nothing to prune).
    CHECK(fewer * 2 > queries.size());
}

TEST_CASE("a word none of whose forms the index holds still matches nothing") {
    IndexView view({corpus_index().db});
    for (const char* q : {"qwzxv", "щщщщъ", "ҷҷҷққ", "violence qwzxv"}) {
        CAPTURE(q);
        CHECK(scored(view.db(), compiled(view, q, true)).empty());
        CHECK(scored(view.db(), compiled(view, q, false)).empty());
    }
}
