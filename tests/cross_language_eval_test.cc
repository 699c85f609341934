// Cross-language retrieval evaluation over the bundled corpus.
//
// tests/data/cross_language_queries.json holds queries in tg, ru and en as a
// drafter or trainer would type them, each with the provisions that must come
// back in the first ten hits because they are about exactly that topic; at
// least one of them is in another language than the query. The list was
// written from the corpus before any query was run against the engine; do not
// tune it to the results (fix only ids that do not exist).
//
// The corpus is indexed with the real binary; every query is run through
// himoya::IndexView (default scope, 10 per page) with and without thesaurus
// expansion, and recall@10 is reported per query, per query language and
// overall. bench/cross_language_eval.sh prints the table.
//
// By default a hit is one text and lists its other language versions, marking
// those that match the query themselves (SearchHit::versions). An expected
// provision counts as found when it is one of the first ten hits or a
// *matching* version listed under one of them; a version listed only because
// its sibling matched does not count. The table also shows the figure with
// versions=separate (every version a hit of its own, ten records in all).
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "process.h"
#include "search/index_view.h"
#include "search/document_service.h"
#include "search/search_service.h"
#include "search/topic_service.h"
#include "server/api_json.h"

using nlohmann::json;
using himoya::testing::run;

namespace {

// Overall recall@10 (mean over queries, cross-language on) must not fall below
// this: the goal. Measured 0.928 (en 0.931, ru 0.944, tg 0.910) with one hit per
// text and work crowding (search/work_crowding.h); no expansion 0.153.
constexpr double kMinRecallAt10 = 0.9;
// versions=separate (every version a hit): measured 0.699 (en 0.694, ru 0.799, tg 0.604);
// before translation-aware ranking (search/version_ranking.h) 0.601. Then 0.641 with the
// same engine once the Kyrgyz, Kazakh and Uzbek laws, the CEDAW record and the Family Code's
// amending laws joined the corpus: their definitions, orders and marriage-age rules now take
// places in the top 10 that the expected lists (written before they existed) do not name.
// 0.613 → 0.5995 when American spellings got the British stems (analysis/english_spelling.h):
// Florida's batterers' intervention "programs" now are perpetrator programmes, and their three
// versions take places on the separate page of "программы для лиц, совершивших насилие" (0.75 →
// 0.25); one hit per text (the measure above) is unchanged.
constexpr double kMinSeparateRecallAt10 = 0.59;
constexpr double kGoalRecallAt10 = 0.9;

struct Query {
    std::string text, lang, note;
    std::vector<std::string> expected;
};

std::vector<Query> load_queries() {
    std::ifstream in(HIMOYA_SOURCE_DIR "/tests/data/cross_language_queries.json");
    REQUIRE_MESSAGE(in, "cannot open tests/data/cross_language_queries.json");
    json j = json::parse(in);
    std::vector<Query> out;
    for (const auto& q : j) {
        Query query{q.at("query").get<std::string>(), q.at("lang").get<std::string>(), q.value("note", ""),
                    q.at("expected").get<std::vector<std::string>>()};
        out.push_back(std::move(query));
    }
    return out;
}

struct Index {
    std::string db;
    std::unique_ptr<himoya::IndexView> view;

    Index() {
        db = (std::filesystem::temp_directory_path() / ("himoya-xl-eval-" + std::to_string(getpid()))).string();
        std::filesystem::remove_all(db);
        auto indexed = run({HIMOYA_BINARY, "index", "--corpus", HIMOYA_SOURCE_DIR "/corpus", "--db", db, "--quiet"});
        // 0: clean; 2: indexed with warnings (e.g. a skipped file).
        REQUIRE_MESSAGE((indexed.status == 0 || indexed.status == 2), "himoya index exited " << indexed.status
                                                                          << "\n" << indexed.err);
        view = std::make_unique<himoya::IndexView>(std::vector<std::string>{db});
    }
    ~Index() {
        view.reset();
        std::filesystem::remove_all(db);
    }
};

Index& index() {
    static Index i;
    return i;
}

struct Outcome {
    double recall = 0;
    std::vector<std::string> top;      // ids of the first 10 hits (and, grouped, their matching versions)
    std::vector<std::string> missing;  // expected ids not in the first 10
    std::map<std::string, int> rank;   // missing id -> rank in the first 100 (0 = absent)
    std::vector<std::string> expanded;
};

// The records a hit brings back: itself and the listed versions that match the query.
std::vector<std::string> returned(const himoya::SearchHit& h) {
    std::vector<std::string> ids{h.id};
    for (const auto& v : h.versions)
        if (v.matched) ids.push_back(v.id);
    return ids;
}

// lang_hint: pass the query's language instead of "auto" (a diagnostic column only).
Outcome evaluate(const Query& q, bool cross_language, bool lang_hint = false, const std::string& versions = "group") {
    himoya::SearchRequest r;
    r.query = q.text;
    if (lang_hint) r.lang = himoya::parse_enum<himoya::QueryLanguage>(q.lang, "qlang");
    r.per_page = 100;  // recall is taken from the first 10; the rest tells how far a miss fell
    r.cross_language = cross_language;
    r.versions = himoya::parse_enum<himoya::VersionMode>(versions, "versions");
    auto result = run_search(*index().view, r);
    Outcome o;
    o.expanded = result.expanded_concepts;
    for (size_t i = 0; i < result.hits.size() && i < 10; ++i)
        for (const auto& id : returned(result.hits[i])) o.top.push_back(id);
    size_t found = 0;
    for (const auto& e : q.expected) {
        if (std::find(o.top.begin(), o.top.end(), e) != o.top.end()) {
            ++found;
            continue;
        }
        o.missing.push_back(e);
        int rank = 0;
        for (size_t i = 0; i < result.hits.size() && !rank; ++i) {
            auto ids = returned(result.hits[i]);
            if (std::find(ids.begin(), ids.end(), e) != ids.end()) rank = static_cast<int>(i) + 1;
        }
        o.rank[e] = rank;
    }
    o.recall = q.expected.empty() ? 0 : static_cast<double>(found) / q.expected.size();
    return o;
}

// The first ten hits of a paged request must be what a per_page=10 request returns.
std::vector<std::string> top10(const std::string& query) {
    himoya::SearchRequest r;
    r.query = query;
    r.per_page = 10;
    std::vector<std::string> ids;
    for (const auto& h : run_search(*index().view, r).hits)
        for (const auto& id : returned(h)) ids.push_back(id);
    return ids;
}

std::string fmt(double x) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(3) << x;
    return s.str();
}

struct Report {
    std::vector<Query> queries;
    std::vector<Outcome> with, without, hinted, separate;
    double overall = 0, overall_without = 0, overall_hinted = 0, overall_separate = 0, micro = 0;
    std::map<std::string, double> by_lang, by_lang_without, by_lang_hinted, by_lang_separate;

    Report() : queries(load_queries()) {
        std::map<std::string, int> n;
        size_t expected = 0, found = 0;
        for (const auto& q : queries) {
            with.push_back(evaluate(q, true));
            without.push_back(evaluate(q, false));
            hinted.push_back(evaluate(q, true, true));
            separate.push_back(evaluate(q, true, false, "separate"));
            overall += with.back().recall;
            overall_without += without.back().recall;
            overall_hinted += hinted.back().recall;
            overall_separate += separate.back().recall;
            by_lang[q.lang] += with.back().recall;
            by_lang_without[q.lang] += without.back().recall;
            by_lang_hinted[q.lang] += hinted.back().recall;
            by_lang_separate[q.lang] += separate.back().recall;
            ++n[q.lang];
            expected += q.expected.size();
            found += q.expected.size() - with.back().missing.size();
        }
        overall /= queries.size();
        overall_without /= queries.size();
        overall_hinted /= queries.size();
        overall_separate /= queries.size();
        micro = static_cast<double>(found) / expected;
        for (auto& [lang, v] : by_lang_separate) v /= n[lang];
        for (auto& [lang, v] : by_lang) v /= n[lang];
        for (auto& [lang, v] : by_lang_without) v /= n[lang];
        for (auto& [lang, v] : by_lang_hinted) v /= n[lang];
    }

    std::string table() const {
        std::ostringstream out;
        out << "\nCross-language recall@10 (" << queries.size() << " queries, corpus/)\n\n";
        out << "R@10: cross-language on, lang=auto, one hit per text with its matching versions (the measure);\n"
               "no-xl: cross_language=false; hint: lang set to the query's language (diagnostic only);\n"
               "sep: versions=separate, every version a hit of its own (ten records)\n\n";
        out << "lang  R@10   no-xl  hint   sep    query\n";
        for (size_t i = 0; i < queries.size(); ++i) {
            const auto& q = queries[i];
            out << std::left << std::setw(6) << q.lang << std::setw(7) << fmt(with[i].recall) << std::setw(7)
                << fmt(without[i].recall) << std::setw(7) << fmt(hinted[i].recall) << std::setw(7)
                << fmt(separate[i].recall) << q.text;
            if (!with[i].expanded.empty()) {
                out << "   [";
                for (size_t k = 0; k < with[i].expanded.size(); ++k) out << (k ? " " : "") << with[i].expanded[k];
                out << "]";
            }
            out << "\n";
            for (const auto& m : with[i].missing) {
                int rank = with[i].rank.at(m);
                out << "        missing " << m << " ("
                    << (rank ? "rank " + std::to_string(rank) : std::string("not in first 100")) << ")\n";
            }
            if (!with[i].missing.empty()) {
                out << "        top 10:";
                for (const auto& id : with[i].top) out << " " << id;
                out << "\n";
            }
        }
        out << "\nper language      R@10   no-xl  hint   sep\n";
        for (const auto& [lang, v] : by_lang)
            out << "  " << std::left << std::setw(16) << lang << std::setw(7) << fmt(v) << std::setw(7)
                << fmt(by_lang_without.at(lang)) << std::setw(7) << fmt(by_lang_hinted.at(lang))
                << fmt(by_lang_separate.at(lang)) << "\n";
        out << "  " << std::setw(16) << "overall" << std::setw(7) << fmt(overall) << std::setw(7) << fmt(overall_without)
            << std::setw(7) << fmt(overall_hinted) << fmt(overall_separate) << "\n";
        out << "  (micro: " << fmt(micro) << " of expected provisions found; threshold " << fmt(kMinRecallAt10)
            << ", goal " << fmt(kGoalRecallAt10) << ")\n";
        return out.str();
    }
};

const Report& report() {
    static Report r;
    return r;
}

}  // namespace

TEST_CASE("the query set is well formed and every expected provision exists in the index") {
    auto queries = load_queries();
    std::map<std::string, int> per_lang;
    for (const auto& q : queries) ++per_lang[q.lang];
    CHECK(queries.size() >= 36);
    CHECK(per_lang["en"] >= 12);
    CHECK(per_lang["ru"] >= 12);
    CHECK(per_lang["tg"] >= 12);

    std::map<std::string, std::set<std::string>> provisions;  // document id -> provision ids
    std::map<std::string, std::string> lang_of;               // document id -> language
    for (const auto& q : queries) {
        INFO("query: " << q.text);
        CHECK((q.lang == "en" || q.lang == "ru" || q.lang == "tg"));
        CHECK(q.expected.size() >= 2);
        CHECK(q.expected.size() <= 4);
        bool other_language = false;
        for (const auto& id : q.expected) {
            auto slash = id.find('/');
            REQUIRE_MESSAGE(slash != std::string::npos, "not a provision id: " << id);
            std::string doc = id.substr(0, slash);
            if (!provisions.count(doc)) {
                auto d = encoded(find_document(*index().view, doc));
                REQUIRE_MESSAGE(d, "expected id " << id << ": no document " << doc << " in the index");
                for (const auto& p : (*d)["provisions"]) provisions[doc].insert(p["id"].get<std::string>());
                lang_of[doc] = (*d).value("lang", "");
            }
            CHECK_MESSAGE(provisions[doc].count(id), "expected id " << id << " is not a provision of " << doc);
            if (lang_of[doc] != q.lang) other_language = true;
        }
        CHECK_MESSAGE(other_language, "no expected provision in another language than " << q.lang);
    }
}

TEST_CASE("recall@10 of the cross-language query set") {
    const Report& r = report();
    std::cout << r.table() << std::flush;
    // Paging to 100 does not reorder the first ten.
    CHECK(top10(r.queries.front().text) == r.with.front().top);
    CHECK_MESSAGE(r.overall_separate >= kMinSeparateRecallAt10,
                  "versions=separate recall@10 " << fmt(r.overall_separate) << " < " << fmt(kMinSeparateRecallAt10));
    CHECK_MESSAGE(r.overall >= kMinRecallAt10, "overall recall@10 " << fmt(r.overall) << " < " << fmt(kMinRecallAt10)
                                                                    << r.table());
    // Expansion is the point: it must help, not hurt.
    CHECK(r.overall > r.overall_without);
    for (const auto& entry : r.by_lang) {
        const std::string& lang = entry.first;  // a plain name: clang cannot capture a structured binding in INFO
        INFO("language " << lang);
        CHECK(entry.second >= r.by_lang_without.at(lang));
    }
}

TEST_CASE("topic emergency-protection-orders lists TJ, two Bosnian entities, GE, MD and INT") {
    auto topic = encoded(topic_page(*index().view, "emergency-protection-orders", 50));
    REQUIRE(topic);
    std::set<std::string> jurisdictions;
    for (const auto& g : (*topic)["by_jurisdiction"]) {
        if (!g["provisions"].empty()) jurisdictions.insert(g["jurisdiction"].get<std::string>());
    }
    std::ostringstream seen;
    for (const auto& j : jurisdictions) seen << " " << j;
    std::cout << "\ntopic emergency-protection-orders: jurisdictions" << seen.str() << "\n";

    std::vector<std::string> missing;
    for (const char* j : {"TJ", "GE", "MD", "INT"})
        if (!jurisdictions.count(j)) missing.push_back(j);
    int bosnian = 0;
    std::string bosnian_absent;
    for (const char* j : {"BA-BIH", "BA-SRP", "BA-BRC"}) {
        if (jurisdictions.count(j)) ++bosnian;
        else bosnian_absent += std::string(" ") + j;
    }
    if (!bosnian_absent.empty()) std::cout << "  Bosnian entities absent:" << bosnian_absent << "\n";
    std::ostringstream why;
    for (const auto& j : missing) why << " " << j;
    if (bosnian < 2) why << " (only " << bosnian << " of BA-BIH/BA-SRP/BA-BRC)";
    if (!why.str().empty()) std::cout << "  missing:" << why.str() << "\n";
    CHECK_MESSAGE(missing.empty(), "jurisdictions missing from the topic:" << why.str() << "; seen:" << seen.str());
    CHECK_MESSAGE(bosnian >= 2, "Bosnian entities in the topic: " << bosnian << "; seen:" << seen.str());
}
