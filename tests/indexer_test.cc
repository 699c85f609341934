// The indexer end to end, through the real binary: bad files are reported as
// file:line and skipped, the rest is searchable, rebuilds switch atomically,
// and every Akoma Ntoso file in tests/data/realdata indexes with its eIds.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <set>

#include <nlohmann/json.hpp>

#include "indexer/index_location.h"
#include "process.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using himoya::testing::run;
using nlohmann::json;

namespace {

using himoya::testing::TempDir;

using himoya::testing::write_file;

json search(const std::string& db, std::vector<std::string> extra) {
    std::vector<std::string> args{HIMOYA_BINARY, "search", "--db", db, "--json", "--per-page", "100"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto r = run(args);
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return json::parse(r.out);
}

}  // namespace

TEST_CASE("a malformed file is reported with file:line and skipped; the rest is searchable") {
    TempDir dir("malformed");
    fs::copy(HIMOYA_SOURCE_DIR "/corpus", dir.path / "corpus", fs::copy_options::recursive);
    write_file(dir.path / "corpus/broken.xml",
          "<?xml version=\"1.0\"?>\n<document xmlns=\"urn:himoya:corpus:1\" id=\"broken\" version=\"1\">\n"
          "  <meta>\n    <title>Broken</title>\n  </meta\n</document>\n");
    std::string db = (dir.path / "index").string();
    auto r = run({HIMOYA_BINARY, "index", "--corpus", (dir.path / "corpus").string(), "--db", db});
    CHECK(r.status == 2);
    // the tag left open on line 5 is detected where the next one starts, line 6
    CHECK_MESSAGE((r.err.find("broken.xml:5:") != std::string::npos || r.err.find("broken.xml:6:") != std::string::npos), r.err);
    json hits = search(db, {"ордери", "ҳимоявӣ"});
    CHECK(hits["total"].get<long>() > 0);
}

TEST_CASE("--strict fails the run and leaves the previous index in place") {
    TempDir dir("strict");
    write_file(dir.path / "corpus/good.xml", "");  // placeholder replaced below
    fs::remove(dir.path / "corpus/good.xml");
    fs::copy(HIMOYA_SOURCE_DIR "/corpus/int", dir.path / "corpus/int", fs::copy_options::recursive);
    std::string db = (dir.path / "index").string();
    REQUIRE(run({HIMOYA_BINARY, "index", "--corpus", (dir.path / "corpus").string(), "--db", db}).status == 0);
    himoya::IndexLocation location(db);
    std::string before = location.current_generation();
    REQUIRE_FALSE(before.empty());
    write_file(dir.path / "corpus/empty.xml", "");
    auto r = run({HIMOYA_BINARY, "index", "--strict", "--corpus", (dir.path / "corpus").string(), "--db", db});
    CHECK(r.status == 1);
    CHECK(r.err.find("empty.xml") != std::string::npos);
    CHECK(location.current_generation() == before);
    // without --strict the new generation replaces the old one atomically
    auto again = run({HIMOYA_BINARY, "index", "--corpus", (dir.path / "corpus").string(), "--db", db});
    CHECK(again.status == 2);
    CHECK(location.current_generation() != before);
    CHECK(search(db, {"convention"})["total"].get<long>() > 0);
}

TEST_CASE("every Akoma Ntoso file in tests/data/realdata indexes; a section's word finds that section by eId") {
    std::string shared = HIMOYA_REALDATA_DIR;
    REQUIRE_MESSAGE(fs::is_directory(shared), "tests/data/realdata is missing: " << shared);
    TempDir dir("akn");
    std::string db = (dir.path / "index").string();
    auto r = run({HIMOYA_BINARY, "index", "--corpus", shared + "/akn-legaldocml-tests", "--corpus",
                  shared + "/akn-laws-africa-indigo", "--db", db});
    CHECK_MESSAGE(r.status == 0, r.err);
    CHECK_MESSAGE(r.err.find("7 documents") != std::string::npos, r.err);
    // The oxygen copy of the EU proposal is the same document in the WD17 draft
    // namespace: it indexes on its own (in one index with the other it is a duplicate id).
    std::string db2 = (dir.path / "index2").string();
    auto r2 = run({HIMOYA_BINARY, "index", "--corpus", shared + "/akn-oxygenxml", "--db", db2});
    CHECK_MESSAGE(r2.status == 0, r2.err);
    CHECK_MESSAGE(r2.err.find("WD17") != std::string::npos, r2.err);
    CHECK(search(db2, {"--scope", "provision", "Commission"})["total"].get<long>() > 0);

    // "Deed of Gift" occurs in one point of the US act's definitions section.
    json hits = search(db, {"--jurisdiction", "US", "--scope", "provision", "\"Deed of Gift\""});
    REQUIRE(hits["hits"].size() > 0);
    CHECK(hits["hits"][0]["unit_id"] == "sec_2__list_1__point_1_list_1__point_a");
    CHECK(hits["hits"][0]["snippet"].get<std::string>().find("<mark>Deed</mark> <mark>of</mark> <mark>Gift</mark>") !=
          std::string::npos);

    // Swahili, Italian with an: prefixes, Spanish: their languages are kept
    json langs = search(db, {""});
    std::set<std::string> seen;
    for (const auto& c : langs["facets"]["lang"]) seen.insert(c["value"].get<std::string>());
    CHECK(seen.count("swa"));
    CHECK(seen.count("it"));   // ita
    CHECK(seen.count("esp"));  // Uruguay's bill says "esp"; kept as given
    CHECK(seen.count("en"));
}
