#include "search/match_walker.h"

#include <algorithm>

#include "analysis/term_scheme.h"

namespace himoya {

namespace {

using Node = MatchWalker::Node;
constexpr Xapian::docid kEnd = MatchWalker::kEnd;
// Postings read by one skip_to, for the cost estimate: a skip within a chunk
// decodes the postings it passes.
constexpr double kPostingsPerSkip = 8;

// The postings of one term ("" : every record).
class TermNode final : public Node {
public:
    TermNode(const Xapian::Database& db, const std::string& term)
        : it_(db.postlist_begin(term)), end_(db.postlist_end(term)),
          estimate_(term.empty() ? db.get_doccount() : db.get_termfreq(term)),
          share_(db.get_doccount() ? static_cast<double>(estimate_) / db.get_doccount() : 0) {
        cur_ = it_ == end_ ? kEnd : *it_;
    }
    Xapian::docid next(Xapian::docid d) override {
        if (cur_ >= d) return cur_;
        // The next posting (d just past the current one) is the commonest
        // step of a walk: ++ rather than Xapian's more general skip_to.
        if (d == cur_ + 1) ++it_;
        else it_.skip_to(d);
        return cur_ = it_ == end_ ? kEnd : *it_;
    }
    Xapian::doccount estimate() const override { return estimate_; }
    double share() const override { return share_; }
    double cost() const override { return estimate_; }

private:
    Xapian::PostingIterator it_, end_;
    Xapian::doccount estimate_;
    double share_;
    Xapian::docid cur_;
};

class NothingNode final : public Node {
public:
    Xapian::docid next(Xapian::docid) override { return kEnd; }
    Xapian::doccount estimate() const override { return 0; }
    double share() const override { return 0; }
    double cost() const override { return 0; }
};

// OR, SYNONYM, MAX: the smallest of the children's next matches.
class OrNode final : public Node {
public:
    explicit OrNode(std::vector<std::unique_ptr<Node>> children) : children_(std::move(children)) {}
    Xapian::docid next(Xapian::docid d) override {
        Xapian::docid best = kEnd;
        for (size_t i = 0; i < children_.size();) {
            const Xapian::docid v = children_[i]->next(d);
            if (v == kEnd) {  // exhausted: never asked again
                children_[i] = std::move(children_.back());
                children_.pop_back();
                continue;
            }
            best = std::min(best, v);
            ++i;
        }
        return best;
    }
    Xapian::doccount estimate() const override {
        uint64_t sum = 0;
        for (const auto& c : children_) sum += c->estimate();
        return static_cast<Xapian::doccount>(std::min<uint64_t>(sum, kEnd));
    }
    double share() const override {
        double none = 1;
        for (const auto& c : children_) none *= 1 - c->share();
        return 1 - none;
    }
    double cost() const override {
        double sum = 0;
        for (const auto& c : children_) sum += c->cost();
        return sum;
    }

private:
    std::vector<std::unique_ptr<Node>> children_;
};

// AND, FILTER: leapfrog, driven by the rarest child.
class AndNode final : public Node {
public:
    explicit AndNode(std::vector<std::unique_ptr<Node>> children) : children_(std::move(children)) {
        std::stable_sort(children_.begin(), children_.end(),
                         [](const auto& a, const auto& b) { return a->estimate() < b->estimate(); });
    }
    Xapian::docid next(Xapian::docid d) override {
        Xapian::docid candidate = children_[0]->next(d);
        for (size_t i = 1; candidate != kEnd && i < children_.size();) {
            const Xapian::docid v = children_[i]->next(candidate);
            if (v == candidate) {
                ++i;
                continue;
            }
            candidate = v == kEnd ? kEnd : children_[0]->next(v);
            i = 1;
        }
        return candidate;
    }
    Xapian::doccount estimate() const override { return children_[0]->estimate(); }
    double share() const override {
        double all = 1;
        for (const auto& c : children_) all *= c->share();
        return all;
    }
    // The rarest child is read whole; each other one skips to the candidates,
    // reading at most its own postings and about a chunk's worth per candidate.
    double cost() const override {
        double sum = children_[0]->cost();
        for (size_t i = 1; i < children_.size(); ++i)
            sum += std::min(children_[i]->cost(), kPostingsPerSkip * children_[0]->estimate());
        return sum;
    }

private:
    std::vector<std::unique_ptr<Node>> children_;
};

// AND_NOT: the left side's matches that the right side does not match.
class AndNotNode final : public Node {
public:
    AndNotNode(std::unique_ptr<Node> left, std::unique_ptr<Node> right)
        : left_(std::move(left)), right_(std::move(right)) {}
    Xapian::docid next(Xapian::docid d) override {
        for (;;) {
            const Xapian::docid l = left_->next(d);
            if (l == kEnd || right_->next(l) != l) return l;
            if (l == kEnd - 1) return kEnd;
            d = l + 1;
        }
    }
    Xapian::doccount estimate() const override { return left_->estimate(); }
    double share() const override { return left_->share() * (1 - right_->share()); }
    double cost() const override {
        return left_->cost() + std::min(right_->cost(), kPostingsPerSkip * left_->estimate());
    }

private:
    std::unique_ptr<Node> left_, right_;
};

std::unique_ptr<Node> compile_node(const Xapian::Database& db, const Xapian::Query& q);

// The children of q (from `first`), each compiled; false if one cannot be.
bool compile_children(const Xapian::Database& db, const Xapian::Query& q, size_t first,
                      std::vector<std::unique_ptr<Node>>& out) {
    for (size_t i = first; i < q.get_num_subqueries(); ++i) {
        auto child = compile_node(db, q.get_subquery(i));
        if (!child) return false;
        out.push_back(std::move(child));
    }
    return true;
}

std::unique_ptr<Node> compile_node(const Xapian::Database& db, const Xapian::Query& q) {
    switch (q.get_type()) {
        case Xapian::Query::LEAF_TERM: {
            auto t = q.get_terms_begin();
            if (t == q.get_terms_end()) return nullptr;
            return std::make_unique<TermNode>(db, *t);
        }
        case Xapian::Query::LEAF_MATCH_ALL: return std::make_unique<TermNode>(db, std::string());
        case Xapian::Query::LEAF_MATCH_NOTHING: return std::make_unique<NothingNode>();
        case Xapian::Query::LEAF_POSTING_SOURCE:
            // The only posting source the query builder uses gives every record a
            // fixed weight, so it matches every record; any other is refused.
            if (q.get_description().find("PostingSource(Xapian::FixedWeightPostingSource(") != std::string::npos)
                return std::make_unique<TermNode>(db, std::string());
            return nullptr;
        case Xapian::Query::OP_AND:
        case Xapian::Query::OP_FILTER: {
            std::vector<std::unique_ptr<Node>> children;
            if (!compile_children(db, q, 0, children) || children.empty()) return nullptr;
            if (children.size() == 1) return std::move(children[0]);
            return std::make_unique<AndNode>(std::move(children));
        }
        case Xapian::Query::OP_OR:
        case Xapian::Query::OP_SYNONYM:
        case Xapian::Query::OP_MAX: {
            std::vector<std::unique_ptr<Node>> children;
            if (!compile_children(db, q, 0, children)) return nullptr;
            if (children.empty()) return std::make_unique<NothingNode>();
            if (children.size() == 1) return std::move(children[0]);
            return std::make_unique<OrNode>(std::move(children));
        }
        case Xapian::Query::OP_AND_NOT: {
            if (q.get_num_subqueries() < 1) return nullptr;
            auto left = compile_node(db, q.get_subquery(0));
            std::vector<std::unique_ptr<Node>> rest;
            if (!left || !compile_children(db, q, 1, rest)) return nullptr;
            if (rest.empty()) return left;
            std::unique_ptr<Node> right = rest.size() == 1 ? std::move(rest[0]) : std::make_unique<OrNode>(std::move(rest));
            return std::make_unique<AndNotNode>(std::move(left), std::move(right));
        }
        case Xapian::Query::OP_AND_MAYBE:
        case Xapian::Query::OP_SCALE_WEIGHT:
            // Only the first subquery decides whether a record matches.
            if (q.get_num_subqueries() < 1) return nullptr;
            return compile_node(db, q.get_subquery(0));
        default: return nullptr;
    }
}

}  // namespace

std::optional<MatchWalker> MatchWalker::compile(const Xapian::Database& db, const Xapian::Query& query) {
    if (db.size() != 1) return std::nullopt;  // a spy's docids would be the shards' own
    auto root = compile_node(db, query);
    if (!root) return std::nullopt;
    return MatchWalker(std::move(root), static_cast<double>(db.get_doccount()));
}

void MatchWalker::require_year(std::shared_ptr<const FacetColumns> columns, const std::string& from,
                               const std::string& to) {
    columns_ = std::move(columns);
    const size_t keys = columns_->key_values().size();
    allowed_keys_.assign(keys + 1, false);  // never empty once asked: no key allowed is a test too
    const std::vector<std::string>& years = columns_->key_field_values(terms::kKeyYear);
    for (size_t key = 0; key < keys; ++key) {
        const uint32_t year = columns_->key_field(static_cast<uint32_t>(key), terms::kKeyYear);
        if (year == FacetColumns::kNone) continue;
        const std::string& y = years[year];
        allowed_keys_[key] = from <= y && y <= to;
    }
}

}  // namespace himoya
