// `himoya serve --watch DIR` through the real binary: a text and its sidecar
// dropped into the watched folder become searchable without a restart; a
// broken file beside them does not stop the service; deleting the text makes
// the document disappear.
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

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
