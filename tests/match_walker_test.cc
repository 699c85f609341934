// Counting by walking the postlists (search/match_walker.h) gives exactly
// what Xapian's matcher gives: the same records for every query shape the
// walker accepts, and, through run_search, the same totals, facets and hits
// on the bundled corpus for the 90 evaluation queries and the bench mix's
// shapes (filters, year ranges, both version modes, phrases), walking on the
// search's own thread and on a second one (where Xapian's matcher counts the
// phrases the walker refuses).
#include <doctest/doctest.h>

#include <sstream>
#include <vector>

#include <xapian.h>

#include "analysis/term_scheme.h"
#include "corpus_index.h"
#include "eval_queries.h"
#include "search/facet_columns.h"
#include "search/index_view.h"
#include "search/match_walker.h"
#include "search/search_service.h"

using namespace himoya;

namespace {

testing::CorpusIndex& corpus_index() {
    static testing::CorpusIndex index("match-walker");
    return index;
}

// The records Xapian's matcher finds for q, in docid order.
std::vector<Xapian::docid> matched_by_xapian(const Xapian::Database& db, const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    Xapian::MSet m = enquire.get_mset(0, db.get_doccount(), db.get_doccount());
    std::vector<Xapian::docid> out;
    for (auto it = m.begin(); it != m.end(); ++it) out.push_back(*it);
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Xapian::docid> walked(MatchWalker& w) {
    std::vector<Xapian::docid> out;
    w.for_each([&](Xapian::docid d) { out.push_back(d); });
    return out;
}

Xapian::Query term(const std::string& t) { return Xapian::Query(t); }
Xapian::Query op(Xapian::Query::op o, std::initializer_list<Xapian::Query> qs) {
    return Xapian::Query(o, qs.begin(), qs.end());
}


std::string facets_text(const SearchResult& r) {
    std::ostringstream o;
    for (const auto& [facet, counts] : r.facets) {
        o << facet << ":";
        for (const auto& c : counts) o << " " << c.value << "=" << c.count;
        o << "\n";
    }
    return o.str();
}

std::string hits_text(const SearchResult& r) {
    std::ostringstream o;
    for (const auto& h : r.hits) o << h.id << " " << h.score << " [" << h.versions.size() << "]\n";
    return o.str();
}

}  // namespace

TEST_CASE("the walker finds the same records as Xapian's matcher for every shape it accepts") {
    Xapian::Database db(corpus_index().db);
    const std::string doc = std::string(terms::kRecord) + "document";
    const std::string prov = std::string(terms::kRecord) + "provision";
    const Xapian::Query fixed((new Xapian::FixedWeightPostingSource(3))->release());
    const std::vector<Xapian::Query> queries = {
        term("violence"),
        term("Zviolenc"),
        term("no-such-term-anywhere"),
        Xapian::Query::MatchAll,
        Xapian::Query::MatchNothing,
        op(Xapian::Query::OP_OR, {term("shelter"), term("Zshelter"), term("приют")}),
        op(Xapian::Query::OP_SYNONYM, {term("Zпротив"), term("против")}),
        op(Xapian::Query::OP_AND, {term("protection"), term("order")}),
        op(Xapian::Query::OP_AND, {op(Xapian::Query::OP_OR, {term("police"), term("Zpolic")}),
                                   op(Xapian::Query::OP_OR, {term("family"), term("Zfamili")}),
                                   op(Xapian::Query::OP_OR, {term("violence"), term("Zviolenc")})}),
        op(Xapian::Query::OP_FILTER, {term("violence"), term("Ltg")}),
        op(Xapian::Query::OP_FILTER, {term("violence"), op(Xapian::Query::OP_AND, {term("Ntj"), term("XKlaw")})}),
        op(Xapian::Query::OP_AND_NOT, {term("violence"), term(doc)}),
        op(Xapian::Query::OP_AND_NOT, {Xapian::Query::MatchAll, term(doc), term("Len")}),
        op(Xapian::Query::OP_AND_MAYBE, {term("court"), term("order")}),
        Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, term("оила"), 0.5),
        op(Xapian::Query::OP_OR, {term("court"), op(Xapian::Query::OP_FILTER, {fixed, term("police")})}),
        op(Xapian::Query::OP_AND_MAYBE,
           {op(Xapian::Query::OP_OR, {term("оила"), term("Zоила")}), op(Xapian::Query::OP_FILTER, {fixed, term("зӯроварӣ")})}),
        op(Xapian::Query::OP_MAX, {term("shelter"), term("court")}),
        op(Xapian::Query::OP_FILTER, {op(Xapian::Query::OP_OR, {term("violence"), term("насилие")}), term(prov)}),
    };
    for (const Xapian::Query& q : queries) {
        CAPTURE(q.get_description());
        std::optional<MatchWalker> w = MatchWalker::compile(db, q);
        REQUIRE(w);
        CHECK(walked(*w) == matched_by_xapian(db, q));
    }
}

TEST_CASE("the walker refuses what it cannot evaluate exactly") {
    Xapian::Database db(corpus_index().db);
    CHECK_FALSE(MatchWalker::compile(db, op(Xapian::Query::OP_PHRASE, {term("domestic"), term("violence")})));
    CHECK_FALSE(MatchWalker::compile(db, op(Xapian::Query::OP_NEAR, {term("domestic"), term("violence")})));
    CHECK_FALSE(MatchWalker::compile(db, op(Xapian::Query::OP_XOR, {term("court"), term("police")})));
    CHECK_FALSE(MatchWalker::compile(db, Xapian::Query(Xapian::Query::OP_VALUE_RANGE, terms::kSlotYear, "2000", "2010")));
    // refused inside another operator too
    CHECK_FALSE(MatchWalker::compile(
        db, op(Xapian::Query::OP_AND, {term("court"), op(Xapian::Query::OP_PHRASE, {term("protection"), term("order")})})));
    // another posting source than FixedWeightPostingSource
    Xapian::Query by_value((new Xapian::ValueWeightPostingSource(terms::kSlotYear))->release());
    CHECK_FALSE(MatchWalker::compile(db, by_value));
}

TEST_CASE("a year range on the walker keeps the records Xapian's value range keeps") {
    Xapian::Database db(corpus_index().db);
    auto columns = FacetColumns::of(db);
    REQUIRE(columns);
    for (auto [from, to] : std::vector<std::pair<std::string, std::string>>{{"2000", "2015"}, {"0000", "2012"}, {"2013", "2013"}, {"2030", "9999"}}) {
        CAPTURE(from);
        CAPTURE(to);
        std::optional<MatchWalker> w = MatchWalker::compile(db, term("violence"));
        REQUIRE(w);
        w->require_year(columns, from, to);
        const Xapian::Query range(Xapian::Query::OP_VALUE_RANGE, terms::kSlotYear, from, to);
        CHECK(walked(*w) == matched_by_xapian(db, op(Xapian::Query::OP_FILTER, {term("violence"), range})));
    }
}

TEST_CASE("searches count the same by walking and through Xapian's matcher") {
    IndexView view({corpus_index().db});
    std::vector<SearchRequest> requests;
    for (const std::string& q : testing::eval_queries()) {
        SearchRequest r;
        r.query = q;
        requests.push_back(r);
    }
    // The bench mix's shapes: filters, a year range, the other version mode, scopes.
    auto with = [&](const std::string& q, auto&& change) {
        SearchRequest r;
        r.query = q;
        change(r);
        requests.push_back(r);
    };
    with("violence", [](SearchRequest& r) { r.filters["jurisdiction"] = {"TJ"}; });
    with("насилие", [](SearchRequest& r) { r.filters["lang"] = {"ru"}; r.filters["type"] = {"law"}; });
    with("protection", [](SearchRequest& r) { r.filters["topic"] = {"protection-orders"}; });
    with("оила", [](SearchRequest& r) { r.year_from = 2000; r.year_to = 2015; });
    with("violence", [](SearchRequest& r) { r.year_from = 2013; });
    with("violence", [](SearchRequest& r) { r.versions = VersionMode::separate; });
    with("court order", [](SearchRequest& r) { r.versions = VersionMode::separate; r.filters["lang"] = {"en"}; });
    with("shelter", [](SearchRequest& r) { r.scope = Scope::all; });
    with("shelter", [](SearchRequest& r) { r.scope = Scope::document; });
    with("protection order", [](SearchRequest& r) { r.lang = QueryLanguage::en; });
    with("violence", [](SearchRequest& r) { r.page = 3; });
    // phrases: the walker refuses them; beside the ranking, Xapian's matcher counts on the other thread
    with("\"domestic violence\"", [](SearchRequest&) {});
    with("\"насилия в семье\"", [](SearchRequest& r) { r.filters["jurisdiction"] = {"TJ", "KZ"}; });
    with("\"зӯроварӣ дар оила\" ҳимоя", [](SearchRequest& r) { r.versions = VersionMode::separate; });
    int walked_any = 0;
    for (SearchRequest r : requests) {
        CAPTURE(r.query);
        r.counting = CountMethod::matcher;
        const SearchResult by_matcher = run_search(view, r);
        for (CountMethod walking : {CountMethod::walk, CountMethod::walk_beside}) {
            CAPTURE(walking == CountMethod::walk ? "on the search's thread" : "on a second thread");
            r.counting = walking;
            const SearchResult by_walking = run_search(view, r);
            CHECK(by_walking.total == by_matcher.total);
            CHECK(by_walking.total_versions == by_matcher.total_versions);
            CHECK(facets_text(by_walking) == facets_text(by_matcher));
            CHECK(hits_text(by_walking) == hits_text(by_matcher));
        }
        r.counting = CountMethod::automatic;
        CHECK(run_search(view, r).total == by_matcher.total);
        if (by_matcher.total > 0) ++walked_any;
    }
    CHECK(walked_any > 80);
}
