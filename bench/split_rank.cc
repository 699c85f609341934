// Does ranking one query over two halves of the docids, on two threads, halve
// Xapian's top-k time? (issue "performance at real size": the latency at 1M is
// the ranking of common words and phrases.) Each half is searched through its
// own handle on the same database, so every statistic is the index's own, not
// a shard's; the halves' top k are merged by weight. Measured, not built
// (docs/scaling.md, "Ranking split by docid halves").
//
//   split_rank DB QUERIES   (QUERIES: one query per line, e.g. cut -f2 of bench/queries.tsv)
//
// Prints, per query, the best of four rounds of one search on one thread and
// of the split search, and how many of the top k weights the merge reproduces.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "search/index_view.h"
#include "search/query_builder.h"
#include "search/query_tree.h"

using namespace himoya;

namespace {

// The docids [lo, hi], weightless: AND-ed with a query, it keeps its matches in the range.
class DocidRange : public Xapian::PostingSource {
public:
    DocidRange(Xapian::docid lo, Xapian::docid hi) : lo_(lo), hi_(hi) { set_maxweight(0); }
    Xapian::doccount get_termfreq_min() const override { return hi_ - lo_ + 1; }
    Xapian::doccount get_termfreq_est() const override { return hi_ - lo_ + 1; }
    Xapian::doccount get_termfreq_max() const override { return hi_ - lo_ + 1; }
    void init(const Xapian::Database&) override { at_ = 0; }
    void next(double) override { at_ = at_ == 0 ? lo_ : at_ + 1; }
    void skip_to(Xapian::docid d, double) override { at_ = std::max(d, lo_); }
    bool check(Xapian::docid d, double) override {
        at_ = d;
        return true;
    }
    bool at_end() const override { return at_ > hi_; }
    Xapian::docid get_docid() const override { return at_; }
    double get_weight() const override { return 0; }
    std::string name() const override { return "DocidRange"; }

private:
    Xapian::docid lo_, hi_, at_ = 0;
};

double ms_since(std::chrono::steady_clock::time_point t) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

// The query as search builds it (strict), on this view's analyser and vocabulary.
Xapian::Query build(IndexView& view, const std::string& q) {
    QueryBuilder b(view.analyzer());
    b.set_vocabulary(&view.db());
    b.set_translations(true);
    if (view.tagger()) b.set_concepts(view.thesaurus(), view.tagger());
    return b.compile(parse_query(q, "auto", view.analyzer()), Matching::kStrict).query;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: split_rank DB QUERIES\n");
        return 2;
    }
    IndexView a({argv[1]}), b({argv[1]});
    const Xapian::docid last = a.db().get_lastdocid(), mid = last / 2;
    const Xapian::doccount k = 300;  // the re-ranking window's top (search_service.cc)
    std::ifstream in(argv[2]);
    for (std::string q; std::getline(in, q);) {
        if (q.empty()) continue;
        // Query objects count references without atomics: one per thread.
        const Xapian::Query qa = build(a, q), qb = build(b, q);
        double one = 1e9, split = 1e9;
        int same = 0;
        for (int round = 0; round < 4; ++round) {
            auto t = std::chrono::steady_clock::now();
            Xapian::Enquire e(a.db());
            e.set_query(qa);
            Xapian::MSet whole = e.get_mset(0, k, 0u);
            one = std::min(one, ms_since(t));
            t = std::chrono::steady_clock::now();
            Xapian::MSet low, high;
            std::thread other([&] {
                DocidRange range(mid + 1, last);
                Xapian::Enquire e2(b.db());
                e2.set_query(Xapian::Query(Xapian::Query::OP_FILTER, qb, Xapian::Query(&range)));
                high = e2.get_mset(0, k, 0u);
            });
            DocidRange range(1, mid);
            Xapian::Enquire e1(a.db());
            e1.set_query(Xapian::Query(Xapian::Query::OP_FILTER, qa, Xapian::Query(&range)));
            low = e1.get_mset(0, k, 0u);
            other.join();
            std::vector<double> merged;
            for (const Xapian::MSet* m : {&low, &high})
                for (auto it = m->begin(); it != m->end(); ++it) merged.push_back(it.get_weight());
            std::sort(merged.rbegin(), merged.rend());
            split = std::min(split, ms_since(t));
            same = 0;
            size_t i = 0;
            for (auto it = whole.begin(); it != whole.end() && i < merged.size(); ++it, ++i)
                same += std::fabs(it.get_weight() - merged[i]) < 1e-9;
        }
        std::printf("%-40s one %6.1f ms  split %6.1f ms  top-%u weights reproduced %d\n", q.c_str(), one, split, k, same);
    }
}
