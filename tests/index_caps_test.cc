// The caps on what one document may put into the index (indexer/readers/document_caps.h):
// a provision's text is cut at a word boundary (never inside a UTF-8
// character), provisions beyond the limit are dropped, and each cut is a
// reported problem that makes the run's exit status 2, never silent.
#include <doctest/doctest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "indexer/readers/document_caps.h"
#include "process.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using himoya::testing::run;
using himoya::testing::TempDir;
using himoya::testing::write_file;
using nlohmann::json;

namespace {

bool valid_utf8_end(const std::string& s) {
    // The last character is whole: count the bytes of the last sequence.
    size_t i = s.size();
    size_t back = 0;
    while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i, ++back;
    if (i == 0) return back == 0;
    unsigned char lead = static_cast<unsigned char>(s[i - 1]);
    size_t len = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    return back + 1 == len;
}

}  // namespace

TEST_CASE("cut_text cuts at a word boundary, never inside a UTF-8 character") {
    using himoya::cut_text;
    CHECK(cut_text("short text", 100) == "short text");
    CHECK(cut_text("alpha beta gamma", 12) == "alpha beta");
    CHECK(cut_text("alpha beta gamma", 10) == "alpha beta");  // the space right after "beta"
    CHECK(cut_text("alpha beta  gamma", 12) == "alpha beta");  // trailing spaces dropped
    // Cyrillic (2 bytes per letter): a limit inside a letter backs off to a space.
    std::string ru = "зӯроварӣ дар оила";
    CHECK(cut_text(ru, 20) == "зӯроварӣ");
    CHECK(cut_text(ru, 23) == "зӯроварӣ дар");
    // One word longer than the look-back: cut at a character boundary.
    std::string word;
    for (int i = 0; i < 2000; ++i) word += "ж";
    std::string long_cut = cut_text(word, 1001);
    CHECK(long_cut.size() == 1000);
    CHECK(valid_utf8_end(long_cut));
}

TEST_CASE("apply_document_caps drops provisions over the limit and cuts long texts, reporting each once") {
    himoya::Document d;
    d.document_id = "big";
    for (size_t i = 0; i < himoya::kMaxProvisionsPerDocument + 5; ++i) {
        himoya::Provision p;
        p.unit_id = "sec_" + std::to_string(i + 1);
        p.text = "text";
        d.provisions.push_back(p);
    }
    std::string huge;
    while (huge.size() < himoya::kMaxProvisionTextBytes + 5000) huge += "violence protection ";
    d.provisions[0].text = huge;
    d.provisions[1].text = huge;
    himoya::IngestReport report;
    CHECK(himoya::apply_document_caps(d, "big.xml", report));
    CHECK(d.provisions.size() == himoya::kMaxProvisionsPerDocument);
    CHECK(d.provisions[0].text.size() <= himoya::kMaxProvisionTextBytes);
    CHECK(d.provisions[0].text.size() > himoya::kMaxProvisionTextBytes - himoya::kWordSearchBytes);
    CHECK(d.provisions[0].text.back() != ' ');
    REQUIRE(report.problems.size() == 2);
    CHECK(report.problems[0].truncated);
    CHECK_FALSE(report.problems[0].fatal);
    CHECK(report.problems[0].message.find("20005 provisions, over the limit of 20000 per document: the last 5 (from sec_20001)") !=
          std::string::npos);
    CHECK(report.problems[1].message.find("2 provisions' text over the limit of 1 MiB, cut at a word boundary (first: sec_1") !=
          std::string::npos);

    himoya::Document small;
    small.provisions.push_back(himoya::Provision{});
    himoya::IngestReport none;
    CHECK_FALSE(himoya::apply_document_caps(small, "small.xml", none));
    CHECK(none.problems.empty());
}

TEST_CASE("a provision over 1 MiB is indexed up to the cap, reported [truncated], exit 2") {
    TempDir dir("index-caps");
    fs::path corpus = dir.path / "corpus";
    std::string text = "The kestrelwing order begins here.";
    while (text.size() < himoya::kMaxProvisionTextBytes + 100000) text += " protection shelter hotline";
    text += " zebrafinch at the very end.";
    write_file(corpus / "long.xml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<document xmlns=\"urn:himoya:corpus:1\" id=\"long\" "
               "version=\"1\">\n  <meta>\n    <title>Long</title>\n    <jurisdiction>INT</jurisdiction>\n"
               "    <language>en</language>\n    <type>report</type>\n    <date>2024-05-01</date>\n"
               "    <issuing-body>Test body</issuing-body>\n    <text-status>summary</text-status>\n"
               "    <source><official-title>Test</official-title></source>\n  </meta>\n"
               "  <body>\n    <section num=\"1\"><p>" +
                   text + "</p></section>\n  </body>\n</document>\n");
    std::string db = (dir.path / "index").string();
    auto r = run({HIMOYA_BINARY, "index", "--quiet", "--corpus", corpus.string(), "--db", db});
    CHECK_MESSAGE(r.status == 2, r.err);
    CHECK_MESSAGE(r.err.find("long.xml: 1 provision text over the limit of 1 MiB") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("[truncated]") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("1 document(s) cut to the limits") != std::string::npos, r.err);
    auto search = [&](const std::string& q) {
        auto s = run({HIMOYA_BINARY, "search", "--db", db, "--json", q});
        REQUIRE_MESSAGE(s.status == 0, s.err);
        return json::parse(s.out)["total"].get<long>();
    };
    CHECK(search("kestrelwing") > 0);
    CHECK(search("zebrafinch") == 0);  // past the cap

    auto strict = run({HIMOYA_BINARY, "index", "--quiet", "--strict", "--corpus", corpus.string(), "--db", db + "2"});
    CHECK_MESSAGE(strict.status == 1, strict.err);
}
