// Concurrency in one process: many threads searching one SearchEngine while
// build_index switches the index under them, again and again. No call may
// fail, each thread must move on to the new generation by itself, and the
// test must run clean under ThreadSanitizer (scripts/fuzz-and-sanitize builds
// it with HIMOYA_TSAN=ON).
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include "indexer/indexer.h"
#include "search/engine.h"
#include "search/document_service.h"
#include "search/search_service.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using namespace himoya;

namespace {

using himoya::testing::TempDir;

std::string marker_document(int n) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<document xmlns=\"urn:himoya:corpus:1\" id=\"switch-marker-" + std::to_string(n) + "\" version=\"1\">\n"
           "  <meta><title>Marker</title><jurisdiction>INT</jurisdiction><language>en</language><type>report</type>"
           "<date>2024</date><issuing-body>Test</issuing-body><text-status>summary</text-status>"
           "<source><official-title>Marker</official-title></source></meta>\n"
           "  <body><section num=\"1\"><p>Generation marker quillwort" + std::to_string(n) +
           " and the protection order.</p></section></body>\n</document>\n";
}

long build(const fs::path& corpus, const std::string& db) {
    IndexOptions options;
    options.corpus_dirs = {corpus.string()};
    options.db_path = db;
    IngestReport report;
    IndexSummary s = build_index(options, report);
    REQUIRE(s.switched);
    REQUIRE(report.documents_skipped == 0);
    return s.documents;
}

}  // namespace

TEST_CASE("threads searching while the index switches: no failures, every thread follows the switch") {
    TempDir dir("switch-concurrency");
    fs::path corpus = dir.path / "corpus";
    fs::create_directories(corpus / "int");
    fs::copy(HIMOYA_SOURCE_DIR "/corpus/int", corpus / "int", fs::copy_options::recursive);
    std::string db = (dir.path / "index").string();
    long first_documents = build(corpus, db);

    SearchEngine engine({db});
    constexpr int kThreads = 6;
    constexpr int kRounds = 3;
    std::atomic<bool> stop{false};
    std::atomic<long> calls{0}, failures{0};
    std::atomic<int> round_built{0};
    std::vector<std::atomic<int>> round_seen(kThreads);
    std::mutex mutex;
    std::vector<std::string> messages;

    std::vector<std::thread> threads;
    for (int t = 0; t < kThreads; ++t) {
        threads.emplace_back([&, t] {
            const std::vector<std::string> queries = {"protection order", "насилие", "\"domestic violence\"",
                                                      "convention OR cedaw", "", "зӯроварӣ"};
            for (size_t i = 0; !stop; ++i) {
                try {
                    SearchRequest request;
                    request.query = queries[(i + static_cast<size_t>(t)) % queries.size()];
                    request.per_page = 5;
                    switch (i % 4) {
                    case 0:
                    case 1: engine.with_view([&](IndexView& v) { return run_search(v, request); }); break;
                    case 2: engine.with_view([&](IndexView& v) { return find_document(v, "int-cedaw-1979-en"); }); break;
                    case 3: {
                        IndexHealth h = engine.with_view(index_health);
                        if (h.documents < first_documents) throw std::runtime_error("documents went down");
                    }
                    }
                    // has this thread reached the newest generation? (its own IndexView reopens)
                    int built = round_built;
                    if (built > round_seen[static_cast<size_t>(t)]) {
                        SearchRequest marker;
                        marker.query = "quillwort" + std::to_string(built);
                        marker.facets = false;
                        if (engine.with_view([&](IndexView& v) { return run_search(v, marker); }).total > 0) round_seen[static_cast<size_t>(t)] = built;
                    }
                    ++calls;
                } catch (const std::exception& e) {
                    ++failures;
                    std::lock_guard<std::mutex> lock(mutex);
                    if (messages.size() < 10) messages.push_back(e.what());
                }
            }
        });
    }

    for (int round = 1; round <= kRounds; ++round) {
        std::ofstream(corpus / ("marker-" + std::to_string(round) + ".xml")) << marker_document(round);
        CHECK(build(corpus, db) == first_documents + round);
        round_built = round;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
        auto all_seen = [&] {
            for (auto& s : round_seen)
                if (s < round) return false;
            return true;
        };
        while (!all_seen() && std::chrono::steady_clock::now() < deadline)
            std::this_thread::sleep_for(std::chrono::milliseconds(20));
        CHECK_MESSAGE(all_seen(), "round " << round << ": not every thread saw the new generation");
    }
    stop = true;
    for (auto& t : threads) t.join();
    MESSAGE(calls.load() << " calls from " << kThreads << " threads across " << kRounds << " switches, " << failures.load()
                  << " failed");
    for (const auto& m : messages) MESSAGE(m);
    CHECK(failures == 0);
    CHECK(calls > 0);
    int generations = 0;
    for (const auto& e : fs::directory_iterator(db)) generations += e.path().filename().string().rfind("gen-", 0) == 0;
    CHECK(generations == 2);
}
