// `himoya search` through the real binary on the bundled corpus: it reads its
// options with the API's parameter parser, so every filter of GET /api/search
// (legal status and exact year included) and every switch is an option, its
// answers are those of run_search on the same request, a refused value is a
// usage error (exit 64) in the --ui language, and a hit's legal status is
// printed in that language.
#include <doctest/doctest.h>

#include <string>

#include <nlohmann/json.hpp>

#include "corpus_index.h"
#include "process.h"
#include "search/engine.h"
#include "search/search_service.h"
#include "server/request_params.h"

using himoya::testing::run;
using nlohmann::json;

namespace {

const himoya::testing::CorpusIndex& corpus() {
    static const himoya::testing::CorpusIndex index("cli-search");
    return index;
}

json cli_json(std::vector<std::string> args) {
    args.insert(args.begin(), {HIMOYA_BINARY, "search", "--db", corpus().db, "--json"});
    auto r = run(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return json::parse(r.out);
}

// What GET /api/search answers for `params` on the same index (total, hit ids).
std::pair<long, std::vector<std::string>> api_answer(const himoya::QueryParams& params) {
    himoya::SearchEngine engine({corpus().db});
    himoya::SearchResult result = engine.with_view([&](himoya::IndexView& view) {
        return himoya::run_search(view, himoya::search_request_from_params(params));
    });
    std::vector<std::string> ids;
    for (const auto& h : result.hits) ids.push_back(h.id);
    return {result.total, ids};
}

std::vector<std::string> ids_of(const json& result) {
    std::vector<std::string> ids;
    for (const json& h : result["hits"]) ids.push_back(h["id"]);
    return ids;
}

}  // namespace

TEST_CASE("search --status filters by legal status as the API's status parameter does") {
    json repealed = cli_json({"--status", "repealed"});
    REQUIRE(repealed["total"].get<long>() > 0);
    for (const json& h : repealed["hits"]) CHECK(h["legal_status"]["state"] == "repealed");
    auto [total, ids] = api_answer({{"status", "repealed"}});
    CHECK(repealed["total"].get<long>() == total);
    CHECK(ids_of(repealed) == ids);
}

TEST_CASE("search --year, --lang and --per-page give the API's answer to year, lang and per_page") {
    json tajik_2013 = cli_json({"--year", "2013", "--lang", "tg", "--per-page", "3", "зӯроварӣ"});
    auto [total, ids] = api_answer({{"q", "зӯроварӣ"}, {"year", "2013"}, {"lang", "tg"}, {"per_page", "3"}});
    REQUIRE(total > 0);
    CHECK(tajik_2013["total"].get<long>() == total);
    CHECK(ids_of(tajik_2013) == ids);
    for (const json& h : tajik_2013["hits"]) {
        CHECK(h["year"] == 2013);
        CHECK(h["lang"] == "tg");
    }
}

TEST_CASE("search switches --no-places, --no-relax and --qlang are the API's places, relax and qlang") {
    json as_words = cli_json({"--no-places", "--no-relax", "--qlang", "ru", "охранный", "ордер", "Грузия"});
    auto [total, ids] = api_answer({{"q", "охранный ордер Грузия"}, {"places", "0"}, {"relax", "0"}, {"qlang", "ru"}});
    CHECK(as_words["total"].get<long>() == total);
    CHECK(ids_of(as_words) == ids);
    CHECK(as_words["interpretation"]["jurisdictions"].empty());  // Грузия stays a word to match
    json as_place = cli_json({"--qlang", "ru", "охранный", "ордер", "Грузия"});
    CHECK(as_place["interpretation"]["jurisdictions"] == json::array({"GE"}));
}

TEST_CASE("search refuses what the API refuses, in the --ui language, with exit status 64") {
    auto bad_status = run({HIMOYA_BINARY, "search", "--db", corpus().db, "--status", "abolished", "--ui", "ru", "x"});
    CHECK(bad_status.status == 64);
    CHECK(bad_status.err.find("а не «abolished»") != std::string::npos);
    auto bad_year = run({HIMOYA_BINARY, "search", "--db", corpus().db, "--year", "1850", "x"});
    CHECK(bad_year.status == 64);
    CHECK(bad_year.err.find("1850") != std::string::npos);
    auto too_many = run({HIMOYA_BINARY, "search", "--db", corpus().db, "--per-page", "500", "x"});
    CHECK(too_many.status == 64);
}

TEST_CASE("search prints a hit's legal status in the --ui language") {
    auto ru = run({HIMOYA_BINARY, "search", "--db", corpus().db, "--status", "repealed", "--ui", "ru"});
    REQUIRE_MESSAGE(ru.status == 0, ru.err);
    CHECK(ru.out.find("Утратил силу") != std::string::npos);
    auto en = run({HIMOYA_BINARY, "search", "--db", corpus().db, "--status", "repealed"});
    CHECK(en.out.find("Repealed") != std::string::npos);
}
