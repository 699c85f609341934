// Walks every match of a query in docid order, straight over the postlists,
// without Xapian's matcher: the exact count of a search (issue "performance
// at real size", "exact counts without the weighted walk").
//
// Why: an exact total and exact facets must visit every match. Through
// Xapian's matcher (Enquire::get_mset with check_at_least = all) each match
// costs about 0.13 µs at 1M records whatever the weighting scheme, ten times
// what decoding its postings costs (docs/scaling.md, "Counting by walking the
// postlists"). So a search ranks with Xapian's pruned top-k
// (check_at_least 0) and counts with a MatchWalker over the same query.
//
// The walker evaluates only what decides *whether* a record matches, with the
// same meaning as Xapian: terms, AND and FILTER, OR, SYNONYM and MAX, AND_NOT,
// AND_MAYBE (its left side), SCALE_WEIGHT (its subquery), MatchAll and
// MatchNothing, and FixedWeightPostingSource (which matches every record).
// compile() refuses anything else (phrases, NEAR, XOR, value ranges, elite
// sets, wildcards, other posting sources): the caller then counts through
// Xapian's matcher as before. A value range on the year is given apart, as a
// test on the record's facet key (require_year).
//
// Not thread-safe: one walker serves one count on one thread. It holds
// postlist iterators of `db`, which must outlive it.
#pragma once

#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/facet_columns.h"

namespace himoya {

class MatchWalker {
public:
    // A node of the compiled query: next(d) is its smallest match >= d, or kEnd.
    static constexpr Xapian::docid kEnd = std::numeric_limits<Xapian::docid>::max();
    struct Node {
        virtual ~Node() = default;
        virtual Xapian::docid next(Xapian::docid at_least) = 0;
        // An upper bound of its matches (the AND drives with its rarest side).
        virtual Xapian::doccount estimate() const = 0;
        // The share of records it matches, its terms taken as independent.
        virtual double share() const = 0;
        // About how many postings walking it reads.
        virtual double cost() const = 0;
    };

    // The walker of `query` over `db` (one local database), or nullopt when
    // the query holds an operator the walker does not evaluate.
    static std::optional<MatchWalker> compile(const Xapian::Database& db, const Xapian::Query& query);

    // Whether walking is likely cheaper than counting through Xapian's matcher:
    // the matcher spends about 0.1 µs on each match beyond reading its
    // postings, the walker about a tenth of that on each posting it reads
    // again (docs/scaling.md, "Counting by walking the postlists"). So walk
    // when the estimated matches are at least an eighth of the postings: a
    // common word, yes; two words that rarely meet, no.
    bool worth_walking() const { return root_->share() * records_ * 8 >= root_->cost(); }
    double estimated_matches() const { return root_->share() * records_; }
    double estimated_postings() const { return root_->cost(); }

    // Keeps only the records whose year (the year field of their facet key,
    // as the year slot holds it) lies in [from, to], compared as strings as
    // Xapian's OP_VALUE_RANGE compares them. `columns` must be `db`'s.
    void require_year(std::shared_ptr<const FacetColumns> columns, const std::string& from, const std::string& to);

    // Calls f(docid) for every match, in ascending docid order; returns how many.
    template <class F>
    Xapian::doccount for_each(F&& f) {
        Xapian::doccount n = 0;
        for (Xapian::docid d = root_->next(1); d != kEnd; d = d == kEnd - 1 ? kEnd : root_->next(d + 1)) {
            if (!allowed_keys_.empty() && !key_allowed(d)) continue;
            f(d);
            ++n;
        }
        return n;
    }

private:
    MatchWalker(std::unique_ptr<Node> root, double records) : root_(std::move(root)), records_(records) {}
    bool key_allowed(Xapian::docid d) const {
        const uint32_t key = columns_->key(d);
        return key != FacetColumns::kNone && key < allowed_keys_.size() && allowed_keys_[key];
    }

    std::unique_ptr<Node> root_;
    double records_;  // the database's records
    std::shared_ptr<const FacetColumns> columns_;
    std::vector<bool> allowed_keys_;  // by facet-key code; empty: no year test
};

}  // namespace himoya
