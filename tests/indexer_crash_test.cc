// The indexer under crashes, a full disk and a second indexer, through the
// real binary: killed (SIGKILL, as a power loss would stop it) at each point
// of a run, the index served through the stub is whole and searchable and the
// next run removes the debris and succeeds; a write that fails (a file-size
// limit standing in for a full disk) is a message and exit 1, never an abort
// (134), and leaves nothing behind; two indexers on one --db take turns.
//
// The kill points are the test hook HIMOYA_TEST_PAUSE_AT (indexer/test_pause.h).
// A SIGKILL keeps what the page cache holds, so these runs check the order of
// the steps, not the fsyncs (docs/reliability.md, "Indexer").
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "child_process.h"
#include "indexer/index_location.h"
#include "process.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using himoya::testing::Child;
using himoya::testing::ChildOptions;
using himoya::testing::run;
using himoya::testing::TempDir;
using himoya::testing::write_file;
using nlohmann::json;

namespace {

std::string document(const std::string& id, const std::string& text) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document xmlns=\"urn:himoya:corpus:1\" id=\"";
    xml += id;
    xml += "\" version=\"1\">\n  <meta>\n    <title>Test ";
    xml += id;
    xml += "</title>\n    <jurisdiction>INT</jurisdiction>\n    <language>en</language>\n"
           "    <type>report</type>\n    <date>2024-05-01</date>\n    <issuing-body>Test body</issuing-body>\n"
           "    <text-status>summary</text-status>\n    <source><official-title>Test</official-title></source>\n"
           "  </meta>\n  <body>\n";
    for (int i = 0; i < 12; ++i) {
        xml += "    <section num=\"";
        xml += std::to_string(i + 1);
        xml += "\"><p>";
        xml += text;
        // Words of their own per document and section, so the index has some bulk.
        for (int w = 0; w < 40; ++w) {
            xml += " w";
            xml += id;
            xml += "x";
            xml += std::to_string(i * 40 + w);
        }
        xml += "</p></section>\n";
    }
    xml += "  </body>\n</document>\n";
    return xml;
}

// A corpus of `n` documents; the first says "kestrelwing", and with `extra`
// one more says "zebrafinch".
void write_corpus(const fs::path& corpus, int n, bool extra) {
    for (int i = 0; i < n; ++i)
        write_file(corpus / ("doc" + std::to_string(i) + ".xml"),
                   document("doc" + std::to_string(i), i == 0 ? "The kestrelwing order." : "Plain text."));
    if (extra) write_file(corpus / "extra.xml", document("extra", "The zebrafinch hotline."));
}

long hits(const std::string& db, const std::string& word) {
    auto r = run({HIMOYA_BINARY, "search", "--db", db, "--json", word});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return json::parse(r.out)["total"].get<long>();
}

// The served index is whole: the stub names a generation that is on disk, and
// Xapian opens the folder through the stub as the server does.
void check_whole(const std::string& db) {
    himoya::IndexLocation location(db);
    std::string current = location.current_generation();
    REQUIRE_FALSE(current.empty());
    CHECK_MESSAGE(fs::is_directory(fs::path(db) / current), current);
    Xapian::Database opened(db);
    CHECK(opened.get_doccount() > 0);
}

// Entries of the index folder that are neither the stub, the lock, nor a generation.
std::vector<std::string> debris(const std::string& db) {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(db)) {
        std::string name = e.path().filename().string();
        bool generation = name.rfind("gen-", 0) == 0 && name.find('.') == std::string::npos;
        if (name != "XAPIANDB" && name != himoya::kIndexLockName && !generation) out.push_back(name);
    }
    return out;
}

int generations(const std::string& db) {
    int n = 0;
    for (const auto& e : fs::directory_iterator(db)) {
        std::string name = e.path().filename().string();
        n += name.rfind("gen-", 0) == 0 && name.find('.') == std::string::npos;
    }
    return n;
}

std::vector<std::string> index_args(const fs::path& corpus, const std::string& db, const std::string& threads) {
    return {HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--quiet", "--threads", threads};
}

}  // namespace

TEST_CASE("killed at each point of a run, the served index is whole and the next run cleans up and succeeds") {
    struct Point {
        const char* name;
        bool switched;  // the new generation is served after a kill here
    };
    for (Point point : {Point{"building", false}, Point{"commit", false}, Point{"stub-written", false},
                        Point{"stub-renamed", true}, Point{"cleanup", true}}) {
        for (const char* threads : {"1", "2"}) {
            CAPTURE(point.name);
            CAPTURE(threads);
            TempDir dir("indexer-crash");
            fs::path corpus = dir.path / "corpus";
            std::string db = (dir.path / "index").string();
            write_corpus(corpus, 6, false);
            // Two generations, so that the run killed has an old one to clean up.
            REQUIRE(run(index_args(corpus, db, threads)).status == 0);
            REQUIRE(run(index_args(corpus, db, threads)).status == 0);
            write_corpus(corpus, 6, true);

            Child child(index_args(corpus, db, threads), ChildOptions{{{"HIMOYA_TEST_PAUSE_AT", point.name}}});
            REQUIRE_MESSAGE(child.wait_for(std::string("test pause at ") + point.name, 60), child.err());
            REQUIRE(child.wait_stopped(10));
            child.signal(SIGKILL);
            CHECK(child.wait(10) == 128 + SIGKILL);

            check_whole(db);
            CHECK(hits(db, "kestrelwing") > 0);
            CHECK((hits(db, "zebrafinch") > 0) == point.switched);

            auto next = run(index_args(corpus, db, threads));
            CHECK_MESSAGE(next.status == 0, next.err);
            CHECK_MESSAGE(next.err.find("removed debris of an earlier run") != std::string::npos, next.err);
            CHECK(debris(db).empty());
            CHECK(generations(db) <= 2);
            check_whole(db);
            CHECK(hits(db, "kestrelwing") > 0);
            CHECK(hits(db, "zebrafinch") > 0);
        }
    }
}

TEST_CASE("a write that fails (full disk, as a file-size limit) is a message and exit 1; no debris; the old index stays") {
    for (std::vector<std::string> mode : {std::vector<std::string>{"--threads", "1"},
                                          std::vector<std::string>{"--threads", "2"},
                                          std::vector<std::string>{"--threads", "1", "--compact"},
                                          // as `ulimit -f` in a shell leaves it: SIGXFSZ not ignored (himoya ignores it)
                                          std::vector<std::string>{"--threads", "2", "--default-xfsz"}}) {
        CAPTURE(mode[1]);
        CAPTURE(mode.size());
        TempDir dir("indexer-full-disk");
        fs::path corpus = dir.path / "corpus";
        std::string db = (dir.path / "index").string();
        write_corpus(corpus, 20, false);
        REQUIRE(run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--quiet"}).status == 0);
        std::string before = himoya::IndexLocation(db).current_generation();
        write_corpus(corpus, 20, true);

        const bool default_xfsz = mode.back() == "--default-xfsz";
        if (default_xfsz) mode.pop_back();
        std::vector<std::string> args{HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--quiet"};
        args.insert(args.end(), mode.begin(), mode.end());
        // 40 KB: the lock file and the stub fit, Xapian's tables of this corpus do not.
        Child child(args, ChildOptions{{}, 40 * 1024, -1, default_xfsz});
        int status = child.wait(60);
        CHECK_MESSAGE(status == 1, child.err());
        // Either message: Xapian's own error, or (when Xapian 1.4 throws through a
        // noexcept function inside commit) the CLI's last-resort terminate handler.
        CHECK_MESSAGE((child.err().find("cannot write the new index") != std::string::npos ||
                       child.err().find("the run failed inside Xapian") != std::string::npos),
                      child.err());
        CHECK_MESSAGE(child.err().find("File too large") != std::string::npos, child.err());
        CHECK(child.err().find("terminate called") == std::string::npos);
        CHECK(debris(db).empty());
        CHECK(generations(db) == 1);
        CHECK(himoya::IndexLocation(db).current_generation() == before);
        check_whole(db);
        CHECK(hits(db, "kestrelwing") > 0);
        CHECK(hits(db, "zebrafinch") == 0);
    }
}

TEST_CASE("two indexers on one --db: the second waits, or exits 75 with --no-wait; nothing is deleted under the first") {
    TempDir dir("indexer-concurrent");
    fs::path corpus = dir.path / "corpus";
    std::string db = (dir.path / "index").string();
    write_corpus(corpus, 6, false);
    REQUIRE(run(index_args(corpus, db, "2")).status == 0);
    write_corpus(corpus, 6, true);

    // The first stops while building, holding the lock.
    Child first(index_args(corpus, db, "2"), ChildOptions{{{"HIMOYA_TEST_PAUSE_AT", "building"}}});
    REQUIRE_MESSAGE(first.wait_for("test pause at building", 60), first.err());
    REQUIRE(first.wait_stopped(10));

    auto busy = run({HIMOYA_BINARY, "index", "--no-wait", "--corpus", corpus.string(), "--db", db, "--quiet"});
    CHECK_MESSAGE(busy.status == 75, busy.err);
    CHECK_MESSAGE(busy.err.find("being written by another indexer (pid " + std::to_string(first.pid()) + ")") !=
                      std::string::npos,
                  busy.err);

    Child second(index_args(corpus, db, "2"));
    CHECK_MESSAGE(second.wait_for("waiting for it to finish", 20), second.err());
    usleep(300 * 1000);
    CHECK(second.running());
    // The first run's unfinished generation is still there: nobody removed it.
    CHECK(fs::is_directory(fs::path(db) / "gen-000002.parts"));

    first.signal(SIGCONT);
    CHECK_MESSAGE(first.wait(60) == 0, first.err());
    CHECK_MESSAGE(second.wait(60) == 0, second.err());
    CHECK(second.err().find("removed debris") == std::string::npos);
    check_whole(db);
    CHECK(debris(db).empty());
    CHECK(generations(db) == 2);
    CHECK(hits(db, "zebrafinch") > 0);
}

TEST_CASE("debris of earlier crashed runs is removed at the start of a run and reported") {
    TempDir dir("indexer-debris");
    fs::path corpus = dir.path / "corpus";
    std::string db = (dir.path / "index").string();
    write_corpus(corpus, 3, false);
    REQUIRE(run(index_args(corpus, db, "1")).status == 0);
    REQUIRE(run(index_args(corpus, db, "1")).status == 0);  // gen-000001 and gen-000002
    fs::create_directories(fs::path(db) / "gen-000005.parts/part-1");
    fs::create_directories(fs::path(db) / "gen-000004");
    fs::create_directories(fs::path(db) / "gen-000003.compact");
    write_file(fs::path(db) / "XAPIANDB.tmp", "glass gen-000004\n");
    auto r = run(index_args(corpus, db, "1"));
    CHECK_MESSAGE(r.status == 0, r.err);
    for (const char* name : {"gen-000005.parts", "gen-000004", "gen-000003.compact", "XAPIANDB.tmp"})
        CHECK_MESSAGE(r.err.find(std::string("removed debris of an earlier run: ") + db + "/" + name) != std::string::npos,
                      name << "\n" << r.err);
    CHECK(debris(db).empty());
    CHECK(generations(db) == 2);
    check_whole(db);
}

TEST_CASE("a --db that is a folder of other files, not an index, is refused before anything in it is touched") {
    TempDir dir("indexer-not-an-index");
    fs::path corpus = dir.path / "corpus";
    write_corpus(corpus, 2, false);
    const fs::path folder = dir.path / "documents";
    fs::create_directories(folder / "gen-2020");  // someone's folder, named like a generation
    write_file(folder / "gen-2020" / "photo.txt", "keep me");
    write_file(folder / "notes.txt", "keep me too");
    auto r = run(index_args(corpus, folder.string(), "1"));
    CHECK(r.status != 0);
    CHECK_MESSAGE(r.err.find("is not empty and holds no Himoya index (gen-2020, notes.txt)") != std::string::npos, r.err);
    CHECK(fs::exists(folder / "gen-2020" / "photo.txt"));
    CHECK(fs::exists(folder / "notes.txt"));
    CHECK_FALSE(fs::exists(folder / "XAPIANDB"));
    CHECK_FALSE(fs::exists(folder / "himoya-index.lock"));

    // An empty folder, and an index folder, are fine.
    const fs::path empty = dir.path / "empty";
    fs::create_directories(empty);
    CHECK(run(index_args(corpus, empty.string(), "1")).status == 0);
    CHECK(run(index_args(corpus, empty.string(), "1")).status == 0);
}
