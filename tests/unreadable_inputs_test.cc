// Nothing is skipped in silence, through the real binary: an unreadable folder,
// an unreadable file, symbolic link loops, a dangling link and a FIFO named
// .xml are each reported as `path: what [skipped]`, counted, make the exit
// status 2 and fail --strict; the FIFO never blocks the indexer. When two
// --corpus folders hold the same document id, the first --corpus wins
// (command-line order, not path order) and the other is reported. A file
// indexed before that cannot be read now keeps its version indexed before
// (incremental and full runs), reported as [kept]; only a removed file
// deletes its document.
//
// Root reads any folder, so as root the indexer runs as `nobody` here.
#include <doctest/doctest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "child_process.h"
#include "indexer/index_location.h"
#include "indexer/readers/document_reader.h"
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
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document xmlns=\"urn:himoya:corpus:1\" id=\"" + id +
           "\" version=\"1\">\n  <meta>\n    <title>Test</title>\n    <jurisdiction>INT</jurisdiction>\n"
           "    <language>en</language>\n    <type>report</type>\n    <date>2024-05-01</date>\n"
           "    <issuing-body>Test body</issuing-body>\n    <text-status>summary</text-status>\n"
           "    <source><official-title>Test</official-title></source>\n  </meta>\n"
           "  <body>\n    <section num=\"1\"><p>" +
           text + "</p></section>\n  </body>\n</document>\n";
}

constexpr int kNobody = 65534;

// The stderr line that names `path`, or "".
std::string line_for(const std::string& err, const std::string& path) {
    std::istringstream in(err);
    std::string line;
    while (std::getline(in, line))
        if (line.rfind(path + ":", 0) == 0) return line;
    return "";
}

long hits(const std::string& db, const std::string& word) {
    auto r = run({HIMOYA_BINARY, "search", "--db", db, "--json", word});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return json::parse(r.out)["total"].get<long>();
}

// A corpus with one good document and every kind of entry that cannot be read.
struct BadTree {
    fs::path corpus;
    std::vector<std::pair<std::string, std::string>> expected;  // path, message part

    explicit BadTree(const fs::path& root) : corpus(root / "corpus") {
        write_file(corpus / "good.xml", document("good", "The kestrelwing order."));
        write_file(corpus / "locked/inside.xml", document("inside", "Never read."));
        fs::permissions(corpus / "locked", fs::perms::none);
        write_file(corpus / "secret.xml", document("secret", "Never read either."));
        fs::permissions(corpus / "secret.xml", fs::perms::none);
        fs::create_directory_symlink(".", corpus / "loop");
        fs::create_symlink("self.xml", corpus / "self.xml");
        fs::create_symlink("nowhere.xml", corpus / "gone.xml");
        REQUIRE(mkfifo((corpus / "pipe.xml").c_str(), 0644) == 0);
        expected = {{(corpus / "locked").string(), "cannot read folder: Permission denied"},
                    {(corpus / "secret.xml").string(), "cannot open file: Permission denied"},
                    {(corpus / "loop").string(), "symbolic link loop"},
                    {(corpus / "self.xml").string(), "symbolic link loop"},
                    {(corpus / "gone.xml").string(), "dangling symbolic link to 'nowhere.xml'"},
                    {(corpus / "pipe.xml").string(), "a FIFO, not a regular file"}};
    }
    ~BadTree() { fs::permissions(corpus / "locked", fs::perms::owner_all); }
};

// `himoya index`, as nobody when we are root; bounded to 60 s.
int index_as_reader(const std::vector<std::string>& extra, const std::string& db, std::string& err) {
    std::vector<std::string> args{HIMOYA_BINARY, "index", "--quiet", "--db", db};
    args.insert(args.end(), extra.begin(), extra.end());
    ChildOptions options;
    if (geteuid() == 0) {
        options.uid = kNobody;
        fs::create_directories(db);
        fs::permissions(db, fs::perms::all);
        fs::permissions(fs::path(db).parent_path(), fs::perms::all);
    }
    Child child(args, options);
    int status = child.wait(60);
    err = child.err();
    return status;
}

}  // namespace

TEST_CASE("unreadable folders and files, link loops, dangling links and a FIFO are reported, counted, exit 2") {
    TempDir dir("unreadable-inputs");
    BadTree tree(dir.path);
    std::string db = (dir.path / "index").string();
    std::string err;
    auto started = std::chrono::steady_clock::now();
    int status = index_as_reader({"--corpus", tree.corpus.string()}, db, err);
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK_MESSAGE(status == 2, err);
    CHECK_MESSAGE(seconds < 30, "the FIFO blocked the indexer? " << seconds << " s");
    for (const auto& [path, message] : tree.expected) {
        std::string line = line_for(err, path);
        CHECK_MESSAGE(line.find(message) != std::string::npos, path << " not reported as '" << message << "' in:\n" << err);
        CHECK_MESSAGE(line.find("[skipped]") != std::string::npos, line);
    }
    // The unreadable file is a skipped document; the other five entries could not be listed or read.
    CHECK_MESSAGE(err.find("1 document(s) skipped") != std::string::npos, err);
    CHECK_MESSAGE(err.find("5 folder(s), link(s) or file(s) could not be read") != std::string::npos, err);
    CHECK(hits(db, "kestrelwing") > 0);
}

TEST_CASE("--strict fails on an unreadable folder alone (exit 1), and the previous index stays") {
    TempDir dir("unreadable-strict");
    fs::path corpus = dir.path / "corpus";
    write_file(corpus / "good.xml", document("good", "The kestrelwing order."));
    std::string db = (dir.path / "index").string();
    std::string err;
    REQUIRE_MESSAGE(index_as_reader({"--corpus", corpus.string()}, db, err) == 0, err);
    std::string before = himoya::IndexLocation(db).current_generation();

    write_file(corpus / "locked/inside.xml", document("inside", "The zebrafinch hotline."));
    fs::permissions(corpus / "locked", fs::perms::none);
    int status = index_as_reader({"--strict", "--corpus", corpus.string()}, db, err);
    fs::permissions(corpus / "locked", fs::perms::owner_all);
    CHECK_MESSAGE(status == 1, err);
    CHECK_MESSAGE(err.find("index NOT replaced") != std::string::npos, err);
    CHECK(himoya::IndexLocation(db).current_generation() == before);
}

TEST_CASE("a --corpus folder that is not there (a typo) fails the run (exit 1) before the index is touched") {
    TempDir dir("corpus-typo");
    fs::path corpus = dir.path / "corpus";
    write_file(corpus / "good.xml", document("good", "The kestrelwing order."));
    const std::string db = (dir.path / "index").string();
    auto first = run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--quiet"});
    REQUIRE_MESSAGE(first.status == 0, first.err);
    const std::string before = himoya::IndexLocation(db).current_generation();
    write_file(dir.path / "a-file.xml", document("other", "Not a folder."));
    for (const std::vector<std::string>& extra :
         {std::vector<std::string>{"--incremental"}, std::vector<std::string>{}}) {
        for (const fs::path& wrong : {dir.path / "corpu", dir.path / "a-file.xml"}) {
            std::vector<std::string> args{HIMOYA_BINARY, "index", "--corpus", wrong.string(), "--db", db};
            args.insert(args.end(), extra.begin(), extra.end());
            auto r = run(args);
            CAPTURE(wrong.string());
            CHECK(r.status == 1);
            CHECK_MESSAGE(r.err.find(wrong.string()) != std::string::npos, r.err);
            CHECK_MESSAGE(r.err.find("index is unchanged") != std::string::npos, r.err);
            CHECK(himoya::IndexLocation(db).current_generation() == before);
        }
    }
    auto search = run({HIMOYA_BINARY, "search", "--db", db, "kestrelwing"});
    CHECK(search.status == 0);
    CHECK(search.out.find("1 result") != std::string::npos);
    // An index folder that does not exist yet is not created for a corpus that is not there.
    auto fresh = run({HIMOYA_BINARY, "index", "--corpus", (dir.path / "nothing").string(), "--db",
                      (dir.path / "new-index").string()});
    CHECK(fresh.status == 1);
    CHECK_FALSE(fs::exists(dir.path / "new-index"));
}

TEST_CASE("list_corpus_files: the entries it cannot read are problems, never silent") {
    TempDir dir("unreadable-listing");
    BadTree tree(dir.path);
    himoya::IngestReport report;
    auto files = himoya::list_corpus_files({tree.corpus.string()}, report);
    // As root the locked folder and file are readable; the links and the FIFO are problems either way.
    CHECK(report.entries_skipped >= 4);
    CHECK(report.documents_skipped == 0);  // listing skips no document: reading does
    bool good = false;
    for (const auto& f : files) good |= f == (tree.corpus / "good.xml").string();
    CHECK(good);
    for (const auto& f : files) CHECK_MESSAGE(f.find("pipe.xml") == std::string::npos, f);
}

TEST_CASE("duplicate document ids across --corpus folders: the first --corpus wins, the other is reported") {
    TempDir dir("duplicate-corpus");
    // Path order (a-… before z-…) is the opposite of the command-line order below.
    fs::path first = dir.path / "z-first", second = dir.path / "a-second";
    write_file(first / "law.xml", document("dup", "The kestrelwing order."));
    write_file(second / "law.xml", document("dup", "The zebrafinch order."));
    for (const char* threads : {"1", "2"}) {
        CAPTURE(threads);
        std::string db = (dir.path / ("index" + std::string(threads))).string();
        auto r = run({HIMOYA_BINARY, "index", "--quiet", "--threads", threads, "--corpus", first.string(), "--corpus",
                      second.string(), "--db", db});
        CHECK_MESSAGE(r.status == 2, r.err);
        std::string line = line_for(r.err, (second / "law.xml").string());
        CHECK_MESSAGE(line.find("duplicate document id 'dup', already read from " + (first / "law.xml").string()) !=
                          std::string::npos,
                      r.err);
        CHECK(hits(db, "kestrelwing") > 0);
        CHECK(hits(db, "zebrafinch") == 0);

        std::string db2 = db + "-reversed";
        auto reversed = run({HIMOYA_BINARY, "index", "--quiet", "--threads", threads, "--corpus", second.string(),
                             "--corpus", first.string(), "--db", db2});
        CHECK_MESSAGE(reversed.status == 2, reversed.err);
        CHECK(hits(db2, "zebrafinch") > 0);
        CHECK(hits(db2, "kestrelwing") == 0);
    }
}

TEST_CASE("an incremental run rewrites a document whose sidecar alone changed (a corrected title or jurisdiction)") {
    TempDir dir("sidecar-change");
    fs::path corpus = dir.path / "library";
    const std::string meta =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<meta xmlns=\"urn:himoya:corpus:1\">\n"
        "  <title>TITLE</title>\n  <jurisdiction>JUR</jurisdiction>\n  <language>ru</language>\n  <type>guide</type>\n"
        "  <date>2020-01-01</date>\n  <issuing-body>Кризисный центр</issuing-body>\n  <text-status>original</text-status>\n"
        "  <source><official-title>Памятка</official-title></source>\n</meta>\n";
    auto sidecar = [&](const std::string& title, const std::string& jurisdiction) {
        std::string m = meta;
        m.replace(m.find("TITLE"), 5, title);
        m.replace(m.find("JUR"), 3, jurisdiction);
        write_file(corpus / "pamyatka.meta.xml", m);
    };
    write_file(corpus / "pamyatka.txt", "Памятка о порядке выдачи охранного ордера пустельгокрылом.\n");
    sidecar("Памятка старая", "TJ");
    const std::string db = (dir.path / "index").string();
    auto first = run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--quiet"});
    REQUIRE_MESSAGE(first.status == 0, first.err);
    sidecar("Памятка исправленная", "KG");
    auto again = run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--incremental"});
    REQUIRE_MESSAGE(again.status == 0, again.err);
    CHECK_MESSAGE(again.err.find("1 document(s) rewritten") != std::string::npos, again.err);
    auto found = run({HIMOYA_BINARY, "search", "--db", db, "--json", "пустельгокрылом"});
    REQUIRE(found.status == 0);
    json hits = json::parse(found.out)["hits"];
    REQUIRE(hits.size() == 1);
    CHECK(hits[0]["jurisdiction"] == "KG");
    CHECK(hits[0]["title"] == "Памятка исправленная");
}

TEST_CASE("index without --corpus takes the folders the index was built from; one --corpus leaves out is warned of") {
    TempDir dir("remembered-folders");
    const fs::path corpus = dir.path / "corpus", library = dir.path / "library";
    write_file(corpus / "a.xml", document("a", "The kestrelwing order."));
    write_file(library / "b.xml", document("b", "The kestrelwing shelter."));
    const std::string db = (dir.path / "index").string();
    REQUIRE(run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--corpus", library.string(), "--db", db, "--quiet"})
                .status == 0);
    CHECK(hits(db, "kestrelwing") == 2);
    auto remembered = run({HIMOYA_BINARY, "index", "--db", db, "--incremental"});
    REQUIRE_MESSAGE(remembered.status == 0, remembered.err);
    CHECK_MESSAGE(remembered.err.find("0 deleted") != std::string::npos, remembered.err);
    CHECK(hits(db, "kestrelwing") == 2);  // the library's document stays
    auto narrower = run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--incremental"});
    REQUIRE_MESSAGE(narrower.status == 0, narrower.err);
    CHECK_MESSAGE(narrower.err.find("himoya index: warning: " + db + " was built from " + library.string()) != std::string::npos,
                  narrower.err);
    CHECK(hits(db, "kestrelwing") == 1);  // as asked, and said
}

namespace {

// Whether a search for `query` lists document `id`.
bool lists(const std::string& db, const std::string& query, const std::string& id) {
    auto r = run({HIMOYA_BINARY, "search", "--db", db, "--json", "--per-page", "100", query});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    const json answer = json::parse(r.out);  // named: the loop reads into it
    for (const json& hit : answer["hits"])
        if (hit["document_id"] == id) return true;
    return false;
}

// Whether the stored fact table of `topic` cites a provision of document `id`.
bool facts_cite(const std::string& db, const std::string& topic, const std::string& id) {
    return Xapian::Database(db).get_metadata("facts:" + topic).find("\"document_id\":\"" + id + "\"") != std::string::npos;
}

std::string read_file(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

TEST_CASE("a file indexed before that cannot be read now keeps its previous version and citations; a removed one is deleted") {
    TempDir dir("kept-version");
    const fs::path corpus = dir.path / "corpus";
    const fs::path law = corpus / "ge" / "ge-dv-law-2006-en.xml";
    const std::string id = "ge-dv-law-2006-en";
    const std::string good = read_file(HIMOYA_SOURCE_DIR "/corpus/ge/ge-dv-law-2006-en.xml");
    write_file(law, good);
    write_file(corpus / "facts" / "protection-orders.xml", read_file(HIMOYA_SOURCE_DIR "/corpus/facts/protection-orders.xml"));
    write_file(corpus / "other.xml", document("other", "The kestrelwing order."));
    const std::string db = (dir.path / "index").string();
    auto first = run({HIMOYA_BINARY, "index", "--quiet", "--corpus", corpus.string(), "--db", db});
    REQUIRE_MESSAGE(first.status == 0, first.err);
    REQUIRE(lists(db, "restrictive", id));
    REQUIRE(facts_cite(db, "protection-orders", id));

    // One closing tag broken: the new version cannot be read.
    std::string broken = good;
    broken.replace(broken.find("</heading>"), 10, "</headin>");
    write_file(law, broken);
    auto incremental = run({HIMOYA_BINARY, "index", "--quiet", "--corpus", corpus.string(), "--db", db, "--incremental"});
    CHECK_MESSAGE(incremental.status == 2, incremental.err);  // still a loss: the file's changes are not in
    const std::string problem = line_for(incremental.err, law.string());
    CHECK_MESSAGE(problem.find("[skipped]") != std::string::npos, incremental.err);
    CHECK_MESSAGE(problem.rfind(law.string() + ":29:", 0) == 0, incremental.err);  // file, line, problem
    CHECK_MESSAGE(incremental.err.find(law.string() + ": document '" + id + "' not read from this file this time (above); its "
                                       "version indexed before") != std::string::npos,
                  incremental.err);
    CHECK_MESSAGE(incremental.err.find("[kept]") != std::string::npos, incremental.err);
    CHECK_MESSAGE(incremental.err.find("0 deleted, 1 kept at their previous version") != std::string::npos, incremental.err);
    CHECK(lists(db, "restrictive", id));
    CHECK(facts_cite(db, "protection-orders", id));

    // A full rebuild (several part databases, then one) carries the version indexed before over too.
    for (const char* threads : {"2", "1"}) {
        CAPTURE(threads);
        auto full = run({HIMOYA_BINARY, "index", "--quiet", "--threads", threads, "--corpus", corpus.string(), "--db", db});
        CHECK_MESSAGE(full.status == 2, full.err);
        CHECK_MESSAGE(full.err.find("1 document(s) kept at their previous version") != std::string::npos, full.err);
        CHECK(lists(db, "restrictive", id));
        CHECK(lists(db, "kestrelwing", "other"));
        CHECK(facts_cite(db, "protection-orders", id));
    }
    // --strict refuses the run (something was not read) and the index stays as it was.
    auto strict = run({HIMOYA_BINARY, "index", "--quiet", "--strict", "--corpus", corpus.string(), "--db", db});
    CHECK_MESSAGE(strict.status == 1, strict.err);
    CHECK(lists(db, "restrictive", id));

    // A good version replaces the kept one.
    std::string fixed = good;
    fixed.replace(fixed.find("Adoption of the Law"), 19, "Adoption of the Pipistrelle Law");
    write_file(law, fixed);
    auto repaired = run({HIMOYA_BINARY, "index", "--quiet", "--corpus", corpus.string(), "--db", db, "--incremental"});
    CHECK_MESSAGE(repaired.status == 0, repaired.err);
    CHECK_MESSAGE(repaired.err.find("1 document(s) rewritten, 1 unchanged, 0 deleted, 0 kept") != std::string::npos, repaired.err);
    CHECK(lists(db, "pipistrelle", id));

    // Broken again, then removed: a source that is gone deletes its document and its citations.
    write_file(law, broken);
    auto again = run({HIMOYA_BINARY, "index", "--quiet", "--corpus", corpus.string(), "--db", db, "--incremental"});
    CHECK_MESSAGE(again.err.find("1 kept at their previous version") != std::string::npos, again.err);
    CHECK(lists(db, "pipistrelle", id));  // the last good version, not the first
    fs::remove(law);
    auto removed = run({HIMOYA_BINARY, "index", "--quiet", "--corpus", corpus.string(), "--db", db, "--incremental"});
    CHECK_MESSAGE(removed.status == 0, removed.err);
    CHECK_MESSAGE(removed.err.find("1 deleted, 0 kept") != std::string::npos, removed.err);
    CHECK_FALSE(lists(db, "restrictive", id));
    CHECK_FALSE(facts_cite(db, "protection-orders", id));
    CHECK(lists(db, "kestrelwing", "other"));
}

TEST_CASE("a document in a folder that cannot be read now keeps its previous version; NUL bytes and a bad sidecar too") {
    TempDir dir("kept-unreadable");
    const fs::path corpus = dir.path / "corpus";
    write_file(corpus / "good.xml", document("good", "The kestrelwing order."));
    write_file(corpus / "locked/inside.xml", document("inside", "The pipistrelle shelter."));
    write_file(corpus / "notes.txt", "Памятка о выдаче охранного ордера сапсаном.\n");
    const std::string meta =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<meta xmlns=\"urn:himoya:corpus:1\">\n"
        "  <title>Памятка</title>\n  <jurisdiction>TJ</jurisdiction>\n  <language>ru</language>\n  <type>guide</type>\n"
        "  <date>2020-01-01</date>\n  <issuing-body>Кризисный центр</issuing-body>\n  <text-status>original</text-status>\n"
        "  <source><official-title>Памятка</official-title></source>\n</meta>\n";
    write_file(corpus / "notes.meta.xml", meta);
    write_file(corpus / "binary.txt", "Памятка о выдаче охранного ордера кречетом.\n");
    write_file(corpus / "binary.meta.xml", meta);
    const std::string db = (dir.path / "index").string();
    std::string err;
    REQUIRE_MESSAGE(index_as_reader({"--corpus", corpus.string()}, db, err) == 0, err);

    fs::permissions(corpus / "locked", fs::perms::none);
    write_file(corpus / "notes.meta.xml", "<meta xmlns=\"urn:himoya:corpus:1\"><title>Памятка</title>\n");  // malformed
    std::string noise(2048, '\0');
    for (size_t i = 0; i < noise.size(); ++i) noise[i] = i % 7 == 0 ? '\0' : static_cast<char>((i * 2654435761u) >> 13);
    write_file(corpus / "binary.txt", noise);
    const int status = index_as_reader({"--corpus", corpus.string(), "--incremental"}, db, err);
    fs::permissions(corpus / "locked", fs::perms::owner_all);
    CHECK_MESSAGE(status == 2, err);
    CHECK_MESSAGE(err.find("0 deleted, 3 kept at their previous version") != std::string::npos, err);
    CHECK_MESSAGE(err.find((corpus / "locked/inside.xml").string() + ": document 'inside' not read") != std::string::npos, err);
    CHECK_MESSAGE(err.find((corpus / "notes.txt").string() + ": document 'notes' not read") != std::string::npos, err);
    CHECK_MESSAGE(err.find((corpus / "binary.txt").string() + ": document 'binary' not read") != std::string::npos, err);
    CHECK(lists(db, "pipistrelle", "inside"));
    CHECK(lists(db, "сапсаном", "notes"));
    CHECK(lists(db, "кречетом", "binary"));
}
