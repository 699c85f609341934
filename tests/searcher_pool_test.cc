// SearchEngine's shared pool of index views (search/engine.h): index views open
// follow the calls running at once, not the threads that ever called; a new
// index generation closes every IndexView of the old one by the next call, so no
// file of a replaced generation stays open; idle index views are released; and
// the coverage matrix is computed once per generation and request.
#include <doctest/doctest.h>

#include <unistd.h>

#include <atomic>
#include <barrier>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include "indexer/indexer.h"
#include "indexer/index_location.h"
#include "search/engine.h"
#include "search/document_service.h"
#include "search/search_service.h"
#include "server/api_json.h"
#include "temp_dir.h"
#include "test_index.h"

namespace fs = std::filesystem;
using namespace himoya;

namespace {

void build(const fs::path& corpus, const std::string& db) {
    IndexOptions options;
    options.corpus_dirs = {corpus.string()};
    options.db_path = db;
    IngestReport report;
    IndexSummary s = build_index(options, report);
    REQUIRE(s.switched);
}

// Files this process has open under `dir`.
int open_files_under(const std::string& dir) {
    int n = 0;
    for (const auto& e : fs::directory_iterator("/proc/self/fd")) {
        std::error_code ec;
        fs::path target = fs::read_symlink(e.path(), ec);
        if (!ec && target.string().rfind(dir, 0) == 0) ++n;
    }
    return n;
}

// `threads` threads each make one call at the same moment (held together by a barrier
// inside the call is not possible, so each makes several calls at once).
void concurrent_calls(SearchEngine& engine, int threads, int calls_each) {
    std::barrier start(threads);
    std::vector<std::thread> pool;
    for (int t = 0; t < threads; ++t)
        pool.emplace_back([&] {
            start.arrive_and_wait();
            SearchRequest r;
            r.query = "violence";
            for (int i = 0; i < calls_each; ++i) engine.with_view([&](IndexView& v) { return run_search(v, r); });
        });
    for (auto& t : pool) t.join();
}

}  // namespace

TEST_CASE("index views open follow the calls running at once, not the number of threads") {
    testing::TestIndex index;
    SearchEngine engine({index.path()});
    CHECK(engine.pool_stats().open == 1);  // opened once to check the index
    // 32 threads calling one after the other: one IndexView serves them all
    for (int t = 0; t < 32; ++t) std::thread([&] { engine.with_view(index_health); }).join();
    CHECK(engine.pool_stats().open == 1);
    CHECK(engine.pool_stats().idle == 1);
    // 4 threads at once: at most 4
    concurrent_calls(engine, 4, 20);
    auto stats = engine.pool_stats();
    CHECK(stats.open >= 1);
    CHECK(stats.open <= 4);
    CHECK(stats.idle == stats.open);  // all given back
    // idle ones are released, the most recently used one kept warm
    engine.release_idle(std::chrono::milliseconds(0));
    CHECK(engine.pool_stats().open == 1);
}

TEST_CASE("the background thread releases idle index views within a few seconds") {
    testing::TestIndex index;
    SearchEngine engine({index.path()});
    concurrent_calls(engine, 6, 30);
    size_t peak = engine.pool_stats().open;
    MESSAGE(peak << " index views open after 6 threads at once");
    auto deadline = std::chrono::steady_clock::now() + SearchEngine::kIdleRelease + std::chrono::seconds(3);
    while (engine.pool_stats().open > 1 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    CHECK(engine.pool_stats().open == 1);
}

TEST_CASE("after a switch, no file of the replaced generation stays open past the next call") {
    testing::TempDir dir("searcher-pool");
    fs::path corpus = dir.path / "corpus";
    fs::create_directories(corpus / "int");
    fs::copy(HIMOYA_SOURCE_DIR "/corpus/int", corpus / "int", fs::copy_options::recursive);
    std::string db = (dir.path / "index").string();
    build(corpus, db);
    IndexLocation location(db);
    // the generation's directory, as /proc/self/fd shows the files in it
    auto generation_dir = [&] { return (fs::canonical(db) / location.current_generation()).string() + "/"; };
    std::string old_generation = generation_dir();

    SearchEngine engine({db});
    concurrent_calls(engine, 4, 10);  // several index views on the old generation
    CHECK(open_files_under(old_generation) > 0);

    build(corpus, db);
    REQUIRE(generation_dir() != old_generation);
    std::this_thread::sleep_for(SearchEngine::kStubCheckEvery + std::chrono::milliseconds(50));
    engine.with_view(index_health);  // the next call sees the new stub
    CHECK(open_files_under(old_generation) == 0);
    auto stats = engine.pool_stats();
    CHECK(stats.open == 1);
    // and with no call at all, the background thread does the same within about a second
    concurrent_calls(engine, 4, 10);
    std::string second = generation_dir();
    build(corpus, db);
    auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(3);
    while (open_files_under(second) > 0 && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(open_files_under(second) == 0);
}

TEST_CASE("the coverage matrix is computed once per request and generation, also for concurrent callers") {
    testing::TestIndex index(testing::sample_documents(), testing::sample_thesaurus());
    SearchEngine engine({index.path()});
    MatrixRequest request;
    request.scheme = "thesaurus";
    request.jurisdictions = {"TJ", "BA-SRP", "GE"};
    nlohmann::json first = to_json(engine.matrix(request));
    CHECK(engine.pool_stats().matrix_computed == 1);
    CHECK(to_json(engine.matrix(request)) == first);
    CHECK(engine.pool_stats().matrix_computed == 1);

    MatrixRequest other = request;
    other.ui_lang = UiLanguage::ru;
    std::vector<std::thread> threads;
    std::atomic<int> same{0};
    for (int t = 0; t < 4; ++t)
        threads.emplace_back([&] {
            if (to_json(engine.matrix(other)) == to_json(engine.matrix(other))) ++same;
        });
    for (auto& t : threads) t.join();
    CHECK(same == 4);
    CHECK(engine.pool_stats().matrix_computed == 2);
    CHECK(engine.pool_stats().matrix_cached == 2);

    MatrixRequest bad = request;
    bad.jurisdictions.clear();
    CHECK_THROWS_AS(engine.matrix(bad), BadRequest);  // errors are not cached
    CHECK(engine.pool_stats().matrix_cached == 2);
}
