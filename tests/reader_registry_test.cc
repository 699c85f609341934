// The reader registry (indexer/readers/registry.h): which reader a path and
// root element choose, unknown extensions, the one reader boundary (a reader
// that throws is a problem of its file, and the others go on), and that the
// corpus listing takes exactly the files the registry accepts.
#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "indexer/readers/document_reader.h"
#include "indexer/readers/registry.h"
#include "temp_dir.h"

using namespace himoya;
using himoya::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string kData = std::string(HIMOYA_SOURCE_DIR) + "/tests/data/readers/";

// Writes dir/rel and returns its path.
std::string add(const TempDir& dir, const std::string& rel, const std::string& content = "x") {
    himoya::testing::write_file(dir.path / rel, content);
    return (dir.path / rel).string();
}

std::string reader_name(const Reader* reader) { return reader ? reader->name : "(none)"; }

// A reader for a made-up format: the whole file is one provision.
std::optional<Document> read_note(ReaderInput& input, IngestReport& report) {
    std::optional<std::string_view> bytes = input.bytes(report);
    if (!bytes) return std::nullopt;
    Document doc;
    doc.source_path = input.path();
    doc.format = "note";
    doc.document_id = fs::path(input.path()).stem().string();
    Provision p;
    p.unit_id = "all";
    p.text = std::string(*bytes);
    doc.provisions.push_back(std::move(p));
    return doc;
}

std::optional<Document> throw_runtime_error(ReaderInput&, IngestReport&) {
    throw std::runtime_error("хатои дохилӣ");
}

std::optional<Document> throw_non_exception(ReaderInput&, IngestReport&) { throw 42; }

// The built-in readers and three more: a well-behaved one and two that throw.
ReaderRegistry registry_with_test_readers() {
    ReaderRegistry registry = ReaderRegistry::builtin();
    registry.add(Reader{"note", {".note"}, "", {}, &read_note});
    registry.add(Reader{"throws", {".boom"}, "", {}, &throw_runtime_error});
    registry.add(Reader{"throws-anything", {".bang"}, "", {}, &throw_non_exception});
    return registry;
}

// Every regular file under `root`, outside the folders a corpus walk skips.
std::vector<std::string> all_files(const fs::path& root) {
    std::vector<std::string> out;
    for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator(); ++it) {
        const std::string name = it->path().filename().string();
        if (it->is_directory() && (name[0] == '.' || name == "schema" || name == "facts")) {
            it.disable_recursion_pending();
            continue;
        }
        if (it->is_regular_file()) out.push_back(it->path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("ReaderRegistry::choose: the extension, and for .xml the root element, choose the reader") {
    const ReaderRegistry& registry = ReaderRegistry::builtin();
    CHECK(reader_name(registry.choose("corpus/қонун.xml", "document")) == "himoya-xml");
    CHECK(reader_name(registry.choose("corpus/закон.akn.xml", "akomaNtoso")) == "akn");
    CHECK(reader_name(registry.choose("corpus/ЗАКОН.XML", "akomaNtoso")) == "akn");
    // A root no reader claims goes to the corpus reader, which reports it with its line.
    CHECK(reader_name(registry.choose("corpus/саҳифа.xml", "html")) == "himoya-xml");
    CHECK(reader_name(registry.choose("corpus/саҳифа.xml")) == "himoya-xml");
    CHECK(reader_name(registry.choose("дастур.txt")) == "text");
    CHECK(reader_name(registry.choose("руководство.HTML")) == "text");
    CHECK(reader_name(registry.choose("руководство.htm")) == "text");
    // The root element matters only where readers share the extension.
    CHECK(reader_name(registry.choose("дастур.txt", "akomaNtoso")) == "text");
    CHECK(reader_name(registry.choose("қонун.pdf")) == "pdf");
    CHECK(reader_name(registry.choose("қонун.DOCX")) == "docx");
    CHECK(reader_name(registry.choose("закон.odt")) == "odt");
    CHECK(reader_name(registry.choose("ҚОНУН.DOC")) == "doc");
}

TEST_CASE("ReaderRegistry: an unknown extension is chosen by no reader and accepted by none") {
    const ReaderRegistry& registry = ReaderRegistry::builtin();
    CHECK(registry.choose("ҳисобот.xlsx") == nullptr);
    CHECK(registry.choose("курс.pptx", "document") == nullptr);
    CHECK(registry.choose("README") == nullptr);
    CHECK_FALSE(registry.accepts("ҳисобот.xlsx"));
    CHECK(registry.accepts("қонун.XML"));
    CHECK(registry.extension_list() == ".xml, .txt, .html, .htm, .pdf, .docx, .odt, .rtf, .doc, .png, .jpg, .jpeg, .tif, .tiff");
}

TEST_CASE("ReaderRegistry::read: an unknown extension is a skip naming the file and what is accepted") {
    TempDir dir("reader-registry-unknown");
    std::string xlsx = add(dir, "ҳисобот.xlsx", "PK");
    IngestReport report;
    ReaderInput input(xlsx);
    CHECK_FALSE(ReaderRegistry::builtin().read(input, report));
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].file == xlsx);
    CHECK(report.problems[0].message ==
          "unsupported file type '.xlsx' (expected .xml, .txt, .html, .htm, .pdf, .docx, .odt, .rtf, .doc, .png, .jpg, .jpeg, .tif, .tiff)");
    CHECK(report.documents_skipped == 1);
    CHECK(report.files_seen == 0);  // read_document_file counts files, not the registry
}

TEST_CASE("ReaderRegistry::read reads the Tajik and Russian fixtures with the reader their root chooses") {
    const ReaderRegistry& registry = ReaderRegistry::builtin();
    IngestReport report;
    ReaderInput tg(kData + "tg-dv-law.xml");
    auto tg_doc = registry.read(tg, report);
    REQUIRE(tg_doc);
    CHECK(tg_doc->format == "himoya-xml");
    ReaderInput akn(kData + "akn/tg-akn-act.xml");
    auto akn_doc = registry.read(akn, report);
    REQUIRE(akn_doc);
    CHECK(akn_doc->format == "akn");
    ReaderInput ru(kData + "text/ru-guide.html");
    auto ru_doc = registry.read(ru, report);
    REQUIRE(ru_doc);
    CHECK(ru_doc->format == "html");
    CHECK(report.documents_read == 3);
    CHECK(report.problems.empty());
}

TEST_CASE("sniff_xml_root skips the prolog, comments and DOCTYPE and drops a prefix") {
    CHECK(sniff_xml_root("<?xml version=\"1.0\"?>\n<!-- Қонун -->\n<an:akomaNtoso xmlns:an=\"x\"/>") ==
          "akomaNtoso");
    CHECK(sniff_xml_root("<document xmlns=\"urn:himoya:corpus:1\" id=\"tj-law\">") == "document");
    CHECK(sniff_xml_root("<!DOCTYPE x [<!ENTITY e \"<akomaNtoso>\">]>\n<x/>") == "x");
    CHECK(sniff_xml_root("Закон без разметки").empty());
    CHECK(sniff_xml_root("<!-- не закрыт").empty());
}

TEST_CASE("ReaderInput: bytes are loaded once, and a missing file is reported once") {
    IngestReport report;
    ReaderInput missing("/nonexistent/қонун.xml");
    CHECK_FALSE(missing.bytes(report));
    CHECK_FALSE(missing.bytes(report));
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].file == "/nonexistent/қонун.xml");
    CHECK(report.documents_skipped == 1);

    const std::string text = "Моддаи 1. Мақсади қонун";
    ReaderInput memory("хотира.xml", text);
    auto bytes = memory.bytes(report);
    REQUIRE(bytes);
    CHECK(*bytes == text);
    CHECK(report.problems.size() == 1);
}

TEST_CASE("a reader that throws is reported with the file name and does not stop the others") {
    TempDir dir("reader-registry-throws");
    const ReaderRegistry registry = registry_with_test_readers();
    std::vector<std::string> files = {
        kData + "tg-dv-law.xml",
        add(dir, "қонун.boom", "Қонуни Ҷумҳурии Тоҷикистон"),
        kData + "ru-dv-law.xml",
        add(dir, "закон.bang", "Закон Республики Таджикистан"),
        add(dir, "ёддошт.note", "Ёддошт дар бораи ордери муҳофизатӣ"),
        kData + "text/tg-manual.txt",
    };
    IngestReport report;
    std::vector<std::string> formats;
    for (const std::string& file : files) {
        std::optional<Document> doc;
        CHECK_NOTHROW(doc = read_document_file(file, report, registry));
        if (doc) formats.push_back(doc->format);
    }
    CHECK(formats == std::vector<std::string>{"himoya-xml", "himoya-xml", "note", "text"});
    CHECK(report.files_seen == 6);
    CHECK(report.documents_read == 4);
    CHECK(report.documents_skipped == 2);
    REQUIRE(report.problems.size() == 2);
    CHECK(report.problems[0].file == files[1]);
    CHECK(report.problems[0].to_string() == files[1] + ": internal error while reading: хатои дохилӣ");
    CHECK(report.problems[1].file == files[3]);
    CHECK(report.problems[1].message == "internal error while reading");
}

TEST_CASE("read_with runs one reader inside the same boundary") {
    IngestReport report;
    const std::string bytes = "Қонун";
    const Reader thrower{"throws", {".boom"}, "", {}, &throw_runtime_error};
    std::optional<Document> doc;
    CHECK_NOTHROW(doc = read_with(thrower, ReaderInput("қонун.boom", bytes), report));
    CHECK_FALSE(doc);
    REQUIRE(report.problems.size() == 1);
    CHECK(report.problems[0].to_string() == "қонун.boom: internal error while reading: хатои дохилӣ");
    CHECK(report.documents_skipped == 1);
}

TEST_CASE("ReaderRegistry::is_document_name: sidecars, corpus tables and hidden files are not documents") {
    const ReaderRegistry& registry = ReaderRegistry::builtin();
    CHECK(registry.is_document_name("қонун.xml"));
    CHECK(registry.is_document_name("закон.akn.xml"));
    CHECK(registry.is_document_name("дастур.TXT"));
    CHECK_FALSE(registry.is_document_name("дастур.meta.xml"));
    CHECK_FALSE(registry.is_document_name("дастур.META.XML"));
    CHECK_FALSE(registry.is_document_name("thesaurus.xml"));
    CHECK_FALSE(registry.is_document_name("bodies.xml"));
    CHECK_FALSE(registry.is_document_name("istanbul-articles.xml"));
    CHECK_FALSE(registry.is_document_name("jurisdictions.xml"));
    CHECK_FALSE(registry.is_document_name(".қонун.xml"));
    CHECK(registry.is_document_name("ҳисобот.pdf"));
    CHECK_FALSE(registry.is_document_name("ҳисобот.xlsx"));
    CHECK_FALSE(registry.is_document_name(""));
}

TEST_CASE("list_corpus_files lists exactly the files the registry accepts") {
    TempDir dir("reader-registry-list");
    for (const char* rel : {"қонунҳо/қонун.xml", "қонунҳо/закон.akn.xml", "дастурҳо/дастур.txt",
                            "дастурҳо/дастур.meta.xml", "дастурҳо/руководство.HTML", "дастурҳо/ёддошт.note",
                            "ҳисобот.xlsx", "thesaurus.xml", "jurisdictions.xml", "README.md", ".пинҳон.xml",
                            "schema/x.xml", "facts/f.xml"})
        add(dir, rel);

    std::vector<std::string> candidates = all_files(dir.path);
    for (const ReaderRegistry& registry : {ReaderRegistry::builtin(), registry_with_test_readers()}) {
        std::vector<std::string> accepted;
        for (const std::string& file : candidates)
            if (registry.is_document_name(fs::path(file).filename().string())) accepted.push_back(file);
        IngestReport report;
        std::vector<std::string> listed = list_corpus_files({dir.path.string()}, report, registry);
        std::sort(listed.begin(), listed.end());
        CHECK(listed == accepted);
        CHECK(report.problems.empty());
    }
    // The built-in readers take four of these; a registry with a reader for .note takes five.
    IngestReport report;
    CHECK(list_corpus_files({dir.path.string()}, report).size() == 4);
    CHECK(list_corpus_files({dir.path.string()}, report, registry_with_test_readers()).size() == 5);
}
