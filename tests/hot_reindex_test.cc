// Hot reindex through the real binaries: a server under load on loopback
// while `himoya index` rebuilds into the same --db three times. Every request
// must be answered 200, each new generation must become visible without a
// restart, and only the current and the previous generation stay on disk.
// The rebuilds are a full one, an --incremental one and a --compact one.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "indexer/index_location.h"
#include "process.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using himoya::testing::run;
using himoya::testing::ServerProcess;
using nlohmann::json;

namespace {

using himoya::testing::TempDir;

// A small valid corpus document whose body holds `word`.
std::string marker_document(int n, const std::string& word) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<document xmlns=\"urn:himoya:corpus:1\" id=\"hot-reindex-" + std::to_string(n) + "\" version=\"1\">\n"
           "  <meta>\n"
           "    <title>Hot reindex marker " + std::to_string(n) + "</title>\n"
           "    <jurisdiction>INT</jurisdiction>\n    <language>en</language>\n    <type>report</type>\n"
           "    <date>2024-01-0" + std::to_string(n) + "</date>\n    <issuing-body>Test</issuing-body>\n"
           "    <text-status>summary</text-status>\n"
           "    <source><official-title>Marker</official-title></source>\n"
           "  </meta>\n  <body>\n    <section num=\"1\"><heading>Marker</heading>\n"
           "      <p>The protection order register records " + word + " for this generation.</p>\n"
           "    </section>\n  </body>\n</document>\n";
}

int generations_on_disk(const fs::path& db) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(db))
        if (e.is_directory() && e.path().filename().string().rfind("gen-", 0) == 0) ++n;
    return n;
}

}  // namespace

TEST_CASE("under load, three full reindexes into the served --db: every request 200, new documents visible") {
    TempDir dir("hot-reindex");
    fs::path corpus = dir.path / "corpus";
    fs::copy(HIMOYA_SOURCE_DIR "/corpus", corpus, fs::copy_options::recursive);
    std::string db = (dir.path / "index").string();
    auto first = run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--quiet"});
    REQUIRE_MESSAGE(first.status == 0, first.err);

    ServerProcess server({HIMOYA_BINARY, "serve", "--db", db, "--port", "0", "--threads", "8"});

    const std::vector<std::string> queries = {
        "/api/search?q=protection%20order",       "/api/search?q=&jurisdiction=TJ",
        "/api/search?q=%D0%BD%D0%B0%D1%81%D0%B8%D0%BB%D0%B8%D0%B5&per_page=20",  // насилие
        "/api/search?q=%22domestic%20violence%22&scope=all",
        "/api/search?q=police%20OR%20militia&sort=date",
        "/api/health"};
    std::atomic<bool> stop{false};
    std::atomic<long> requests{0}, failures{0};
    std::mutex failure_mutex;
    std::vector<std::string> failure_samples;
    auto record_failure = [&](const std::string& what) {
        ++failures;
        std::lock_guard<std::mutex> lock(failure_mutex);
        if (failure_samples.size() < 10) failure_samples.push_back(what);
    };

    std::vector<std::thread> clients;
    for (int t = 0; t < 4; ++t) {
        clients.emplace_back([&, t] {
            httplib::Client client("127.0.0.1", server.port());
            client.set_keep_alive(true);
            client.set_read_timeout(20, 0);
            for (size_t i = static_cast<size_t>(t); !stop; ++i) {
                const std::string& path = queries[i % queries.size()];
                auto res = client.Get(path.c_str());
                ++requests;
                if (!res) record_failure(path + ": no response (" + httplib::to_string(res.error()) + ")");
                else if (res->status != 200) record_failure(path + ": " + std::to_string(res->status) + " " + res->body);
            }
        });
    }

    httplib::Client probe("127.0.0.1", server.port());
    probe.set_read_timeout(20, 0);
    auto started = std::chrono::steady_clock::now();
    const std::vector<std::string> words = {"zanzibarite", "quetzalcoatlus", "xylophonist"};
    himoya::IndexLocation location(db);
    for (int round = 1; round <= 3; ++round) {
        // each round adds one document with a word no other document has
        std::ofstream(corpus / ("hot-reindex-" + std::to_string(round) + ".xml"))
            << marker_document(round, words[static_cast<size_t>(round - 1)]);
        std::string before = location.current_generation();
        // round 1 a full rebuild, round 2 --incremental (copies the served generation),
        // round 3 --compact (compacts before the switch)
        std::vector<std::string> args{HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--quiet"};
        if (round == 2) args.push_back("--incremental");
        if (round == 3) args.push_back("--compact");
        auto r = run(args);
        CHECK_MESSAGE(r.status == 0, r.err);
        CHECK(location.current_generation() != before);
        CHECK(generations_on_disk(db) <= 2);  // the current one and the previous one

        // the served index follows the switch without a restart
        bool visible = false;
        for (int attempt = 0; attempt < 50 && !visible; ++attempt) {
            auto res = probe.Get(("/api/search?q=" + words[static_cast<size_t>(round - 1)]).c_str());
            visible = res && res->status == 200 && json::parse(res->body)["total"].get<long>() > 0;
            if (!visible) std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
        CHECK_MESSAGE(visible, "round " << round << ": new document not visible");
    }
    stop = true;
    for (auto& c : clients) c.join();
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();

    MESSAGE("hot reindex: " << requests.load() << " requests during 3 reindexes in " << seconds << " s, " << failures.load()
                            << " failed");
    for (const auto& f : failure_samples) MESSAGE(f);
    CHECK(requests > 100);
    CHECK(failures == 0);
    CHECK(server.alive());

    // every earlier marker is still there: each rebuild covers the whole corpus
    for (const auto& w : words) {
        auto res = probe.Get(("/api/search?q=" + w).c_str());
        REQUIRE(res);
        CHECK(json::parse(res->body)["total"].get<long>() == 1);
    }
}
