// Bad documents end to end, through the real binary: every kind of broken
// input is reported as `file:line: what is wrong` and skipped, the good
// documents still index, the exit status is 2; with --strict the run fails
// (exit 1) and the index that was there stays.
#include <doctest/doctest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <regex>

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

const char* kHead = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

std::string meta(const std::string& skip_field = "") {
    std::string m = "  <meta>\n";
    auto field = [&](const std::string& name, const std::string& value) {
        if (name != skip_field) m += "    <" + name + ">" + value + "</" + name + ">\n";
    };
    field("title", "A test document");
    field("jurisdiction", "INT");
    field("language", "en");
    field("type", "report");
    field("date", "2024-05-01");
    field("issuing-body", "Test body");
    field("text-status", "summary");
    m += "    <source><official-title>Test</official-title></source>\n  </meta>\n";
    return m;
}

std::string document(const std::string& id, const std::string& body_text, const std::string& skip_field = "") {
    return std::string(kHead) + "<document xmlns=\"urn:himoya:corpus:1\" id=\"" + id + "\" version=\"1\">\n" +
           meta(skip_field) + "  <body>\n    <section num=\"1\"><p>" + body_text + "</p></section>\n  </body>\n</document>\n";
}

// Writes the bad corpus; returns {file name, expected line, expected message part}.
struct Expected {
    std::string file;
    int line;  // 0: the problem concerns the whole file
    std::string message;
};

std::vector<Expected> write_bad_corpus(const fs::path& corpus) {
    write_file(corpus / "good-a.xml", document("good-a", "The kestrelwing protection order stays in force."));
    write_file(corpus / "good-b.xml", document("good-b", "Shelters and the kestrelwing hotline."));

    // malformed XML: the <section> opened on line 14 is closed by </body> on line 15
    write_file(corpus / "malformed.xml", std::string(kHead) +
                                        "<document xmlns=\"urn:himoya:corpus:1\" id=\"malformed\" version=\"1\">\n" +
                                        meta() + "  <body>\n    <section num=\"1\"><p>text</p>\n  </body>\n</document>\n");
    // non-UTF-8: a Latin-1 byte on the line of the paragraph (line 14)
    write_file(corpus / "latin1.xml", document("latin1", "caf\xE9 au lait"));
    // missing required metadata
    write_file(corpus / "no-jurisdiction.xml", document("no-jurisdiction", "text", "jurisdiction"));
    // duplicate id: good-a again, in a later file
    write_file(corpus / "zz-duplicate.xml", document("good-a", "A second good-a."));
    // empty file
    write_file(corpus / "empty.xml", "");
    // deeply nested elements: 300 <section>s from line 14, one per line; the 255th is level 257 (line 268)
    {
        std::string deep = std::string(kHead) + "<document xmlns=\"urn:himoya:corpus:1\" id=\"deep\" version=\"1\">\n" +
                           meta() + "  <body>\n";
        for (int i = 0; i < 300; ++i) deep += "<section>\n";
        deep += "<p>deep</p>";
        for (int i = 0; i < 300; ++i) deep += "</section>";
        deep += "\n  </body>\n</document>\n";
        write_file(corpus / "deep.xml", deep);
    }
    // entity expansion (billion laughs): refused at its DOCTYPE, line 2
    write_file(corpus / "laughs.xml", std::string(kHead) +
                                     "<!DOCTYPE lolz [\n"
                                     " <!ENTITY lol \"lol\">\n"
                                     " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                                     " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
                                     " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
                                     "]>\n"
                                     "<document xmlns=\"urn:himoya:corpus:1\" id=\"laughs\" version=\"1\">&lol3;</document>\n");
    // unknown Akoma Ntoso namespace, root on line 2
    write_file(corpus / "akn-unknown-ns.xml", std::string(kHead) +
                                             "<akomaNtoso xmlns=\"http://example.org/not-akn/2.0\">\n"
                                             "  <act><meta/><body><section><content><p>x</p></content></section></body></act>\n"
                                             "</akomaNtoso>\n");
    // 200 MB, created sparse (no data written), deleted with the temp dir
    {
        fs::path huge = corpus / "huge.xml";
        std::ofstream(huge) << kHead;
        fs::resize_file(huge, 200ull * 1024 * 1024);
    }
    return {
        {"malformed.xml", 15, "malformed XML"},
        {"latin1.xml", 14, "not valid UTF-8"},
        {"no-jurisdiction.xml", 3, "missing required metadata <jurisdiction>"},
        {"zz-duplicate.xml", 0, "duplicate document id 'good-a'"},
        {"empty.xml", 0, "file is empty"},
        {"deep.xml", 268, "nested deeper than 256 levels"},
        {"laughs.xml", 2, "DOCTYPE declarations are not supported"},
        {"akn-unknown-ns.xml", 2, "unsupported Akoma Ntoso namespace 'http://example.org/not-akn/2.0'"},
        {"huge.xml", 0, "over the 64 MiB limit"},
    };
}

// The stderr line that names `file`, or "".
std::string line_for(const std::string& err, const std::string& file) {
    std::istringstream in(err);
    std::string line;
    while (std::getline(in, line))
        if (line.find("/" + file + ":") != std::string::npos) return line;
    return "";
}

json search(const std::string& db, const std::string& q) {
    auto r = run({HIMOYA_BINARY, "search", "--db", db, "--json", q});
    REQUIRE_MESSAGE(r.status == 0, r.err);
    return json::parse(r.out);
}

}  // namespace

TEST_CASE("each bad document is reported as file:line and skipped; the good ones index; exit 2") {
    TempDir dir("bad-documents");
    fs::path corpus = dir.path / "corpus";
    auto expected = write_bad_corpus(corpus);
    std::string db = (dir.path / "index").string();
    auto started = std::chrono::steady_clock::now();
    auto r = run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--quiet"});
    double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    CHECK_MESSAGE(r.status == 2, r.err);
    CHECK_MESSAGE(seconds < 20, "indexing the bad corpus took " << seconds << " s");
    for (const Expected& e : expected) {
        std::string line = line_for(r.err, e.file);
        CHECK_MESSAGE(!line.empty(), e.file << " not reported in:\n" << r.err);
        if (line.empty()) continue;
        CHECK_MESSAGE(line.find(e.message) != std::string::npos, line);
        CHECK_MESSAGE(line.find("[skipped]") != std::string::npos, line);
        // `path/file:LINE: message`, or `path/file: message` for whole-file problems
        std::string prefix = "/" + e.file + ":";
        std::string rest = line.substr(line.find(prefix) + prefix.size());
        if (e.line > 0) CHECK_MESSAGE(rest.rfind(std::to_string(e.line) + ": ", 0) == 0, line);
        else CHECK_MESSAGE(rest.rfind(" ", 0) == 0, line);
    }
    CHECK_MESSAGE(r.err.find(std::to_string(expected.size()) + " document(s) skipped") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("2 documents") != std::string::npos, r.err);
    // the deep document is reported at the line of its first too-deep element
    std::string deep = line_for(r.err, "deep.xml");
    CHECK_MESSAGE(std::regex_search(deep, std::regex("deep\\.xml:[0-9]+: ")), deep);

    json hits = search(db, "kestrelwing");
    CHECK(hits["total"] == 2);
    CHECK(search(db, "lol")["total"] == 0);
}

TEST_CASE("--strict: the same corpus fails the run with exit 1 and the previous index stays") {
    TempDir dir("bad-documents-strict");
    fs::path corpus = dir.path / "corpus";
    write_file(corpus / "good-a.xml", document("good-a", "The kestrelwing protection order stays in force."));
    std::string db = (dir.path / "index").string();
    REQUIRE(run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--quiet"}).status == 0);
    himoya::IndexLocation location(db);
    std::string before = location.current_generation();

    auto expected = write_bad_corpus(corpus);
    auto r = run({HIMOYA_BINARY, "index", "--strict", "--corpus", corpus.string(), "--db", db, "--quiet"});
    CHECK_MESSAGE(r.status == 1, r.err);
    CHECK(r.err.find("index NOT replaced") != std::string::npos);
    for (const Expected& e : expected) CHECK_MESSAGE(!line_for(r.err, e.file).empty(), e.file);
    CHECK(location.current_generation() == before);
    int generations = 0;
    for (const auto& e : fs::directory_iterator(db)) generations += e.path().filename().string().rfind("gen-", 0) == 0;
    CHECK(generations == 1);  // the abandoned one is gone
    CHECK(search(db, "kestrelwing")["total"] == 1);
    CHECK(search(db, "hotline")["total"] == 0);  // good-b came with the bad run: not indexed
}
