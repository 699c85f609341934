// Dispatch by extension and root element, file counting, and listing a
// corpus tree (what is a document, what is skipped, sorted order).
#include <doctest/doctest.h>

#include <algorithm>

#include <filesystem>
#include <fstream>
#include <string>

#include "indexer/readers/document_reader.h"

using namespace himoya;
namespace fs = std::filesystem;

namespace {

const std::string kData = std::string(HIMOYA_SOURCE_DIR) + "/tests/data/";

struct TempTree {
    fs::path root;
    TempTree() {
        root = fs::temp_directory_path() /
               ("himoya-doc-reader-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
        fs::create_directories(root);
    }
    ~TempTree() { fs::remove_all(root); }
    std::string add(const std::string& rel, const std::string& content = "x") const {
        fs::path p = root / rel;
        fs::create_directories(p.parent_path());
        std::ofstream(p, std::ios::binary) << content;
        return p.string();
    }
};

}  // namespace

TEST_CASE("read_document_file dispatches by extension and root element") {
    IngestReport r;
    auto corpus = read_document_file(kData + "readers/tg-dv-law.xml", r);
    REQUIRE(corpus);
    CHECK(corpus->format == "himoya-xml");
    auto akn = read_document_file(kData + "readers/akn/tg-akn-act.xml", r);
    REQUIRE(akn);
    CHECK(akn->format == "akn");
    auto text = read_document_file(kData + "readers/text/tg-manual.txt", r);
    REQUIRE(text);
    CHECK(text->format == "text");
    auto html = read_document_file(kData + "readers/text/ru-guide.html", r);
    REQUIRE(html);
    CHECK(html->format == "html");
    CHECK(r.files_seen == 4);  // counted here, once per file
    CHECK(r.documents_read == 4);
    CHECK(r.documents_skipped == 0);
    CHECK(r.problems.empty());
}

TEST_CASE("read_document_file: real AKN with a prefix, unknown roots and types") {
    TempTree t;
    IngestReport r;
    std::string it = std::string(HIMOYA_REALDATA_DIR) + "/akn-legaldocml-tests/it_senato_ddl_2013.xml";
    REQUIRE_MESSAGE(fs::exists(it), "fixture missing: ", it);
    auto d = read_document_file(it, r);
    REQUIRE(d);
    CHECK(d->format == "akn");

    CHECK_FALSE(read_document_file(t.add("a.xml", "<?xml version=\"1.0\"?>\n<!-- c -->\n<html/>"), r));
    CHECK(r.problems.back().message.find("unknown root element <html>") != std::string::npos);
    CHECK(r.problems.back().line == 3);
    CHECK_FALSE(read_document_file(t.add("b.xlsx"), r));
    CHECK(r.problems.back().message.find("unsupported file type") != std::string::npos);
    CHECK_FALSE(read_document_file(t.add("c.xml", "<!DOCTYPE x [<!ENTITY e \"<akomaNtoso>\">]>\n<x/>"), r));
    CHECK(r.problems.back().message.find("DOCTYPE") != std::string::npos);
    CHECK_FALSE(read_document_file((t.root / "missing.xml").string(), r));
    CHECK(r.files_seen == 5);
    CHECK(r.documents_read == 1);
    CHECK(r.documents_skipped == 4);
}

TEST_CASE("list_corpus_files: recursive, sorted, skipping non-documents") {
    TempTree t;
    std::string b = t.add("laws/b.xml");
    std::string a = t.add("laws/a.xml");
    std::string txt = t.add("manuals/guide.txt");
    std::string html = t.add("manuals/guide2.HTML");
    std::string htm = t.add("manuals/z/deep.htm");
    std::string top = t.add("0.akn.xml");
    t.add("manuals/guide.meta.xml");
    t.add("thesaurus.xml");
    t.add("schema/himoya-corpus.rng");
    t.add("schema/x.xml");
    t.add("facts/f.xml");
    t.add(".git/config.xml");
    t.add(".hidden.xml");
    t.add("notes.xlsx");
    t.add("README.md");

    IngestReport r;
    auto files = list_corpus_files({t.root.string()}, r);
    CHECK(r.problems.empty());
    CHECK(files == std::vector<std::string>{top, a, b, txt, html, htm});
    CHECK(r.files_seen == 0);  // listing counts nothing

    auto missing = list_corpus_files({(t.root / "nope").string(), t.root.string()}, r);
    CHECK(missing.size() == 6);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].message.find("not found") != std::string::npos);
    CHECK(r.documents_skipped == 0);
}

TEST_CASE("list_corpus_files: a slide deck is reported with what to do, not passed over; RTF and DOC are listed") {
    TempTree t;
    std::string pptx = t.add("законҳо/Курс.PPTX", "PK\x03\x04");
    std::string doc = t.add("законҳо/Қонун.DOC", "\xd0\xcf\x11\xe0");
    std::string rtf = t.add("законҳо/закон.rtf", "{\\rtf1}");
    std::string txt = t.add("законҳо/закон.txt");
    IngestReport r;
    auto files = list_corpus_files({t.root.string()}, r);
    std::sort(files.begin(), files.end());
    std::vector<std::string> expected{doc, rtf, txt};
    std::sort(expected.begin(), expected.end());
    CHECK(files == expected);
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].file == pptx);
    CHECK(r.problems[0].message.find("save them as PDF") != std::string::npos);
    CHECK(r.entries_skipped == 1);
    // Read directly, it is refused with the same advice.
    IngestReport direct;
    CHECK_FALSE(read_document_file(pptx, direct));
    CHECK(direct.problems.back().message.find("slides are not read") != std::string::npos);
}
