// `himoya serve --watch DIR` through the real binary: a text and its sidecar
// dropped into the watched folder become searchable without a restart; a
// broken file beside them does not stop the service; deleting the text makes
// the document disappear. A text overwritten with a broken version (random
// bytes) or given a malformed sidecar keeps its version indexed before.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "indexer/index_location.h"
#include "process.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using himoya::testing::run;
using himoya::testing::ServerProcess;
using himoya::testing::TempDir;
using himoya::testing::write_file;
using nlohmann::json;

namespace {

const std::string kFixtures = HIMOYA_SOURCE_DIR "/tests/data/add/watch";

// Whether a search for `query` lists document `id`, polled until it equals
// `wanted` or `timeout` passes.
// `last` keeps the last answer, for the failure message.
bool wait_for(httplib::Client& client, const std::string& query, const std::string& id, bool wanted,
              std::chrono::seconds timeout, std::string& last) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    while (true) {
        bool listed = false;
        auto res = client.Get(("/api/search?q=" + query).c_str());
        last = res ? std::to_string(res->status) + " " + res->body.substr(0, 1000) : "no answer";
        if (res && res->status == 200) {
            const json answer = json::parse(res->body);  // named: the loop below reads into it
            for (const json& hit : answer["hits"]) listed = listed || hit["document_id"] == id;
        }
        if (listed == wanted) return true;
        if (std::chrono::steady_clock::now() > deadline) return false;
        std::this_thread::sleep_for(std::chrono::milliseconds(200));
    }
}

// Waits (at most `timeout`) until the index at `db` is switched to a generation other than `from`; the new one.
std::string next_generation(const std::string& db, const std::string& from, std::chrono::seconds timeout) {
    auto deadline = std::chrono::steady_clock::now() + timeout;
    std::string now;
    while ((now = himoya::IndexLocation(db).current_generation()) == from && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return now;
}

}  // namespace

TEST_CASE("serve --watch indexes a file dropped into the folder and forgets it when deleted") {
    TempDir dir("watch");
    const fs::path corpus = dir.path / "corpus", library = dir.path / "library";
    write_file(corpus / "marker.xml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<document xmlns=\"urn:himoya:corpus:1\" id=\"watch-test-marker\" version=\"1\">\n"
               "  <meta><title>Marker</title><jurisdiction>INT</jurisdiction><language>en</language>\n"
               "    <type>report</type><date>2024</date><issuing-body>Test</issuing-body>\n"
               "    <text-status>summary</text-status><source><official-title>Marker</official-title></source>\n"
               "  </meta>\n  <body><section num=\"1\"><p>A marker report about shelters.</p></section></body>\n"
               "</document>\n");
    fs::create_directories(library);
    const std::string db = (dir.path / "index").string();
    auto built = run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--quiet"});
    REQUIRE_MESSAGE(built.status == 0, built.err);

    ServerProcess server({HIMOYA_BINARY, "serve", "--config", "/dev/null", "--db", db, "--port", "0", "--watch",
                          library.string(), "--corpus", corpus.string()});
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    const std::string id = "tj-dv-law-2013-watch-en";

    // the sidecar first, then the text, as `himoya add` writes them; a broken file beside them
    fs::copy_file(kFixtures + "/" + id + ".meta.xml", library / (id + ".meta.xml"));
    fs::copy_file(kFixtures + "/" + id + ".txt", library / (id + ".txt"));
    write_file(library / "broken.txt", "no sidecar for this one\n");
    std::string last;
    CHECK_MESSAGE(wait_for(client, "causes", id, true, std::chrono::seconds(20), last), "not indexed within 20 s: " << last);
    CHECK(server.alive());
    // the corpus is still served
    auto marker = client.Get("/api/search?q=shelters");
    REQUIRE(marker);
    CHECK(json::parse(marker->body)["total"].get<long>() > 0);

    fs::remove(library / (id + ".txt"));
    CHECK_MESSAGE(wait_for(client, "causes", id, false, std::chrono::seconds(20), last),
                  "still found 20 s after delete: " << last);
    CHECK(server.alive());

    // A symbolic link made in the folder is a change too (no IN_CLOSE_WRITE follows its IN_CREATE).
    fs::remove(library / (id + ".meta.xml"));
    fs::create_directories(library / ".staging");
    fs::copy_file(kFixtures + "/" + id + ".meta.xml", library / ".staging" / (id + ".meta.xml"));
    fs::copy_file(kFixtures + "/" + id + ".txt", library / ".staging" / (id + ".txt"));
    fs::create_symlink(".staging/" + id + ".meta.xml", library / (id + ".meta.xml"));
    fs::create_symlink(".staging/" + id + ".txt", library / (id + ".txt"));
    CHECK_MESSAGE(wait_for(client, "causes", id, true, std::chrono::seconds(20), last),
                  "a linked file not indexed within 20 s: " << last);
    CHECK(server.alive());
}

TEST_CASE("serve --watch on a folder that does not exist is a usage error") {
    TempDir dir("watch-missing");
    auto r = run({HIMOYA_BINARY, "serve", "--config", "/dev/null", "--db", (dir.path / "index").string(), "--port", "0",
                  "--watch", (dir.path / "nothing").string()});
    CHECK(r.status == 64);
    CHECK(r.err.find("not a folder") != std::string::npos);
}

TEST_CASE("serve --watch keeps a document's previous version when its new text or its sidecar is broken") {
    TempDir dir("watch-keep");
    const fs::path corpus = dir.path / "corpus", library = dir.path / "library";
    const std::string id = "tj-dv-law-2013-watch-en";
    fs::create_directories(corpus);
    fs::create_directories(library);
    fs::copy_file(kFixtures + "/" + id + ".meta.xml", library / (id + ".meta.xml"));
    fs::copy_file(kFixtures + "/" + id + ".txt", library / (id + ".txt"));
    const std::string db = (dir.path / "index").string();
    auto built = run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--corpus", library.string(), "--db", db, "--quiet"});
    REQUIRE_MESSAGE(built.status == 0, built.err);
    std::string generation = himoya::IndexLocation(db).current_generation();

    ServerProcess server({HIMOYA_BINARY, "serve", "--config", "/dev/null", "--db", db, "--port", "0", "--watch",
                          library.string(), "--corpus", corpus.string()});
    httplib::Client client("127.0.0.1", server.port());
    client.set_read_timeout(10, 0);
    // the run at start
    generation = next_generation(db, generation, std::chrono::seconds(20));
    auto status = [&] {
        auto res = client.Get(("/api/documents/" + id).c_str());
        return res ? res->status : 0;
    };
    REQUIRE(status() == 200);
    std::string last;

    // A malformed sidecar: the text cannot be read with it; its version indexed before stays.
    write_file(library / (id + ".meta.xml"), "<meta xmlns=\"urn:himoya:corpus:1\"><title>Broken\n");
    std::string after = next_generation(db, generation, std::chrono::seconds(20));
    REQUIRE_MESSAGE(after != generation, "no run within 20 s of the sidecar's change");
    generation = after;
    CHECK(status() == 200);
    CHECK_MESSAGE(wait_for(client, "causes", id, true, std::chrono::seconds(1), last), last);
    CHECK(server.alive());

    // The sidecar mended, the text overwritten with 2 KB of random bytes (NULs among them).
    fs::copy_file(kFixtures + "/" + id + ".meta.xml", library / (id + ".meta.xml"), fs::copy_options::overwrite_existing);
    std::string noise(2048, '\0');
    for (size_t i = 0; i < noise.size(); ++i) noise[i] = i % 5 == 0 ? '\0' : static_cast<char>((i * 2654435761u) >> 11);
    write_file(library / (id + ".txt"), noise);
    after = next_generation(db, generation, std::chrono::seconds(20));
    REQUIRE_MESSAGE(after != generation, "no run within 20 s of the text's change");
    generation = after;
    // a second run may follow (the two files written apart): the document stays through both
    after = next_generation(db, generation, std::chrono::seconds(4));
    CHECK(status() == 200);
    CHECK_MESSAGE(wait_for(client, "causes", id, true, std::chrono::seconds(1), last), last);

    // Removed: gone from the index.
    fs::remove(library / (id + ".txt"));
    CHECK_MESSAGE(wait_for(client, "causes", id, false, std::chrono::seconds(20), last),
                  "still found 20 s after delete: " << last);
    CHECK(status() == 404);
    CHECK(server.alive());
}
