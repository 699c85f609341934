// PDF reader (indexer/readers/pdf_reader.h) on the fixtures of
// tests/data/office (made by make_fixtures.py there): text in reading order,
// units and numbers from "Моддаи"/"Статья" lines, the pages each provision
// spans in its label, the page number line dropped, a page without a text
// layer read by OCR (ocr.h) or, when OCR finds nothing, reported by number,
// and broken files skipped with what is wrong.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include "indexer/readers/document_reader.h"
#include "indexer/readers/pdf_reader.h"
#include "indexer/source_file.h"
#include "reader_fixtures.h"
#include "temp_dir.h"

using namespace himoya;
using namespace himoya::testing;
using himoya::testing::TempDir;
using himoya::testing::write_file;
namespace fs = std::filesystem;

namespace {

const char* kMeta =
    "<meta xmlns=\"urn:himoya:corpus:1\"><title>T</title><jurisdiction>TJ</jurisdiction>"
    "<language>en</language><type>law</type><date>2013</date><issuing-body>B</issuing-body>"
    "<text-status>summary</text-status><source><official-title>T</official-title></source></meta>";

}  // namespace

TEST_CASE("PDF with a text layer: a Tajik law over three pages, pages in the labels") {
    IngestReport r;
    auto d = read_pdf_document(kOffice + "tj-dv-law-tg-print.pdf", r);
    REQUIRE_MESSAGE(d, problems(r));
    INFO(dump(*d));
    CHECK_MESSAGE(r.problems.empty(), problems(r));
    CHECK(r.documents_read == 1);
    CHECK(d->format == "pdf");
    CHECK(d->language == "tg");
    CHECK(d->document_id == "tj-dv-law-tg-print");

    // Before the first heading: the title and introduction, on page 1.
    REQUIRE_FALSE(d->provisions.empty());
    CHECK(d->provisions[0].text.rfind("Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ", 0) == 0);
    CHECK(d->provisions[0].label.find(", саҳ. 1") != std::string::npos);
    // "Моддаи 1" and its literal parts "1." "2." "3." as in the DOCX.
    const Provision* part1 = find(*d, "art_1__para_1");
    REQUIRE(part1);
    CHECK(part1->label == "Моддаи 1, банди 1, саҳ. 1");
    CHECK(part1->heading == "Мафҳумҳои асосӣ");
    CHECK(part1->num == "1");
    CHECK(part1->text.rfind("Зӯроварӣ дар оила – амали қасдона", 0) == 0);
    CHECK(part1->text.find("иқтисодӣ дошта бошад.") != std::string::npos);
    // Part 2 runs from page 1 onto page 2.
    const Provision* part2 = find(*d, "art_1__para_2");
    REQUIRE(part2);
    CHECK(part2->label == "Моддаи 1, банди 2, саҳ. 1–2");
    CHECK(part2->text.find("ҳифзи ҳуқуқу озодиҳои инсон") != std::string::npos);
    // Part 3 starts on page 2; with no heading the PDF could mark, the
    // sections after it are its text, to the end on page 3.
    const Provision* part3 = find(*d, "art_1__para_3");
    REQUIRE(part3);
    CHECK(part3->label == "Моддаи 1, банди 3, саҳ. 2–3");
    CHECK(part3->text.find("паноҳгоҳи муваққатӣ") != std::string::npos);
    CHECK(part3->text.find("Бурдани маҷбурӣ | бурдани зӯроварикунанда ба шуъбаи милиса") != std::string::npos);
    // The page numbers printed at the foot of each page are not text.
    for (const Provision& p : d->provisions) {
        CHECK(p.text.find("\n2\n") == std::string::npos);
        CHECK(p.text.back() != '1');
        CHECK(p.text.back() != '2');
        CHECK(p.text.back() != '3');
    }
}

TEST_CASE("a PDF page with no text layer is read by OCR, noted, and its text labelled with its pages") {
    IngestReport r;
    auto d = read_pdf_document(kOffice + "tj-dv-law-ru-scanned-page.pdf", r);
    REQUIRE_MESSAGE(d, problems(r));
    INFO(dump(*d));
    INFO(problems(r));
    // Page 2 (a raster of part 3 of article 1, make_scans.py) is read: one
    // note with the model from the sidecar's "ru" and the confidence, and
    // nothing lost.
    REQUIRE(r.problems.size() == 1);
    const IngestProblem& p = r.problems[0];
    CHECK(p.file == kOffice + "tj-dv-law-ru-scanned-page.pdf");
    CHECK(p.info);
    CHECK(p.message.rfind("page 2 read by OCR (Tesseract rus): ", 0) == 0);
    CHECK(p.message.find(", mean word confidence ") != std::string::npos);
    CHECK(r.documents_truncated == 0);
    CHECK(r.documents_skipped == 0);
    CHECK_FALSE(r.lost_anything());
    CHECK(d->language == "ru");
    const Provision* part1 = find(*d, "art_1__para_1");
    REQUIRE(part1);
    CHECK(part1->label == "Статья 1, пункт 1, с. 1");
    CHECK(part1->heading == "Основные понятия");
    const Provision* part2 = find(*d, "art_1__para_2");
    REQUIRE(part2);
    CHECK(part2->label == "Статья 1, пункт 2, с. 1");
    // Part 3 is on the scanned page; page 3's text (no heading) follows it.
    const Provision* part3 = find(*d, "art_1__para_3");
    REQUIRE(part3);
    CHECK(part3->label == "Статья 1, пункт 3, с. 2–3");
    CHECK(part3->text.find("Физическое насилие") != std::string::npos);
    CHECK(part3->text.find("охранный ордер") != std::string::npos);
}

TEST_CASE("a PDF page with no text layer and nothing OCR can read is reported by number; the rest is read") {
    IngestReport r;
    auto d = read_pdf_document(kOffice + "tj-dv-law-ru-unreadable-scan.pdf", r);
    REQUIRE_MESSAGE(d, problems(r));
    INFO(dump(*d));
    INFO(problems(r));
    // Page 2 holds only drawn shapes: no text layer and no text in its image.
    REQUIRE(r.problems.size() == 1);
    const IngestProblem& p = r.problems[0];
    CHECK(p.file == kOffice + "tj-dv-law-ru-unreadable-scan.pdf");
    CHECK(p.message == "page 2 has no text layer (scanned?) and OCR found no text: not indexed");
    CHECK_FALSE(p.fatal);
    CHECK(p.truncated);  // indexed in part: exit status 2, --strict fails
    CHECK(r.documents_truncated == 1);
    CHECK(r.documents_skipped == 0);
    CHECK(r.lost_anything());
    const Provision* part2 = find(*d, "art_1__para_2");
    REQUIRE(part2);
    CHECK(part2->label == "Статья 1, пункт 2, с. 1");
}

TEST_CASE("the registry reads .pdf with this reader") {
    IngestReport r;
    auto d = read_document_file(kOffice + "tj-dv-law-tg-print.pdf", r);
    REQUIRE(d);
    CHECK(d->format == "pdf");
    CHECK(r.files_seen == 1);
    CHECK(r.documents_read == 1);
    CHECK(ReaderRegistry::builtin().is_document_name("ҲИСОБОТ.PDF"));
}

TEST_CASE("broken PDFs are skipped with what is wrong, never thrown") {
    TempDir dir("pdf-reader-bad");
    write_file(dir.path / "a.meta.xml", kMeta);
    const std::string pdf = (dir.path / "a.pdf").string();
    SUBCASE("no sidecar: the file is not opened") {
        write_file(dir.path / "alone.pdf", "%PDF-1.4 nothing");
        IngestReport r;
        CHECK_FALSE(read_pdf_document((dir.path / "alone.pdf").string(), r));
        CHECK(has_problem(r, "missing sidecar metadata file alone.meta.xml", true));
    }
    SUBCASE("not a PDF") {
        write_file(pdf, "<html>not a pdf</html>");
        IngestReport r;
        CHECK_FALSE(read_pdf_document(pdf, r));
        CHECK(has_problem(r, "not a valid PDF (no %PDF- header)", true));
        CHECK(r.documents_skipped == 1);
    }
    SUBCASE("a PDF cut short") {
        std::string bytes;
        IngestReport load;
        REQUIRE(load_source_file(kOffice + "tj-dv-law-tg-print.pdf", bytes, load));
        write_file(pdf, bytes.substr(0, 600));
        IngestReport r;
        CHECK_FALSE(read_pdf_document(pdf, r));
        CHECK(r.documents_skipped == 1);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].file == pdf);
    }
    SUBCASE("an empty file") {
        write_file(pdf, "");
        IngestReport r;
        CHECK_FALSE(read_pdf_document(pdf, r));
        CHECK(r.documents_skipped == 1);
    }
}
