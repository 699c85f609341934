// DOCX, ODT, RTF and DOC readers (indexer/readers/office_reader.h) on the fixtures of
// tests/data/office (made by make_fixtures.py there): language, units,
// numbers and headings from paragraph styles, tables as text, what is not
// text (deleted changes, field codes, footnotes), and that a broken archive,
// a zip bomb or a missing part is a clear skip; and end to end, that a Tajik
// word of the DOCX is found after indexing the folder.
#include <doctest/doctest.h>

#include <zip.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "indexer/readers/doc_text.h"
#include "indexer/readers/document_reader.h"
#include "indexer/readers/office_reader.h"
#include "indexer/readers/rtf_text.h"
#include "indexer/readers/zip_archive.h"
#include "indexer/source_file.h"
#include "process.h"
#include "reader_fixtures.h"
#include "temp_dir.h"

using namespace himoya;
using namespace himoya::testing;
using himoya::testing::TempDir;
using himoya::testing::write_file;
namespace fs = std::filesystem;

namespace {

// A zip archive with these entries (name, bytes), written with libzip.
void write_zip(const fs::path& path, const std::vector<std::pair<std::string, std::string>>& entries) {
    int error = 0;
    zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &error);
    REQUIRE(z);
    for (const auto& [name, bytes] : entries) {
        zip_source_t* s = zip_source_buffer(z, bytes.data(), bytes.size(), 0);
        REQUIRE(s);
        REQUIRE(zip_file_add(z, name.c_str(), s, ZIP_FL_OVERWRITE) >= 0);
    }
    REQUIRE(zip_close(z) == 0);  // the buffers are read here
}

const char* kMeta =
    "<meta xmlns=\"urn:himoya:corpus:1\"><title>T</title><jurisdiction>TJ</jurisdiction>"
    "<language>tg</language><type>law</type><date>2013</date><issuing-body>B</issuing-body>"
    "<text-status>summary</text-status><source><official-title>T</official-title></source></meta>";

}  // namespace

TEST_CASE("DOCX: a Tajik law, headings from paragraph styles, literal numbers, a table") {
    IngestReport r;
    auto d = read_docx_document(kOffice + "tj-dv-law-tg.docx", r);
    REQUIRE_MESSAGE(d, problems(r));
    INFO(dump(*d));
    CHECK_MESSAGE(r.problems.empty(), problems(r));
    CHECK(r.documents_read == 1);
    CHECK(d->format == "docx");
    CHECK(d->language == "tg");
    CHECK(d->document_id == "tj-dv-law-tg");
    CHECK(d->jurisdiction == "TJ");
    CHECK(d->source_path == kOffice + "tj-dv-law-tg.docx");

    // The "Title" paragraph is a heading of its own, the introduction its text.
    const Provision* title = find(*d, "h_1");
    REQUIRE(title);
    CHECK(title->heading == "Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила» (хулоса)");
    CHECK(title->text.find("19 марти соли 2013") != std::string::npos);
    // "Боби 1" (heading 1) names what follows; "Моддаи 1" (heading 2) has
    // literal "1." parts, which are its provisions.
    CHECK_FALSE(find(*d, "chp_1"));
    CHECK_FALSE(find(*d, "art_1"));
    const Provision* part1 = find(*d, "art_1__para_1");
    REQUIRE(part1);
    CHECK(part1->label == "Моддаи 1, банди 1");
    CHECK(part1->heading == "Мафҳумҳои асосӣ");
    CHECK(part1->num == "1");
    CHECK(part1->text.rfind("Зӯроварӣ дар оила – амали қасдона", 0) == 0);
    // Runs join without spaces; deleted text and field codes are not text.
    const Provision* part2 = find(*d, "art_1__para_2");
    REQUIRE(part2);
    CHECK(part2->label == "Моддаи 1, банди 2");
    CHECK(part2->text.rfind("Пешгирии зӯроварӣ дар оила – маҷмӯи чораҳои", 0) == 0);
    CHECK(part2->text.find("ХАТО") == std::string::npos);
    CHECK(part2->text.find("PAGE") == std::string::npos);
    REQUIRE(find(*d, "art_1__para_3"));
    // Headings without a number name their sections by their text.
    const Provision* programme = find(*d, "h_2");
    REQUIRE(programme);
    CHECK(programme->heading == "Барномаи давлатӣ (моддаи 7)");
    CHECK(programme->label == "Барномаи давлатӣ (моддаи 7)");
    CHECK(programme->text.find("2014–2023") != std::string::npos);
    const Provision* order = find(*d, "h_3");
    REQUIRE(order);
    CHECK(order->heading == "Ордери ҳимоявӣ ва нақши милиса");
    CHECK(order->text.find("ордери ҳимоявӣ") != std::string::npos);
    // A table: rows are paragraphs, cells joined by " | ".
    const Provision* measures = find(*d, "h_4");
    REQUIRE(measures);
    CHECK(measures->heading == "Чораҳои ҳуқуқии таъсиррасонӣ");
    CHECK(measures->text ==
          "Чора | Мазмун\n"
          "Бурдани маҷбурӣ | бурдани зӯроварикунанда ба шуъбаи милиса\n"
          "Ордери ҳимоявӣ | манъи наздик шудан ба ҷабрдида\n"
          "Ҳабси маъмурӣ | тибқи қонунгузории маъмурӣ\n"
          "Макони бехатар | ҷойгир кардани ҷабрдида дар макони бехатар");
    const Provision* victims = find(*d, "h_5");
    REQUIRE(victims);
    CHECK(victims->text.find("паноҳгоҳи муваққатӣ") != std::string::npos);
    CHECK(d->provisions.size() == 8);
    for (size_t i = 0; i < d->provisions.size(); ++i) CHECK(d->provisions[i].ordinal == static_cast<int>(i));
}

TEST_CASE("ODT: a Russian law, text:h and Title-derived styles, a plain \"Статья 1\" paragraph, a table") {
    IngestReport r;
    auto d = read_odt_document(kOffice + "tj-dv-law-ru.odt", r);
    REQUIRE_MESSAGE(d, problems(r));
    INFO(dump(*d));
    CHECK_MESSAGE(r.problems.empty(), problems(r));
    CHECK(d->format == "odt");
    CHECK(d->language == "ru");
    CHECK(d->document_id == "tj-dv-law-ru");
    // An automatic style whose parent is "Title": a heading with no text of its
    // own, which opens the document: kept as its opening paragraph (the title
    // line is not lost, and `himoya add` reads the title from it).
    const Provision* title = find(*d, "h_1");
    REQUIRE(title);
    CHECK(title->text == "Закон Республики Таджикистан «О предупреждении насилия в семье» (краткое изложение)");
    CHECK(title->heading.empty());
    // "Статья 1. ..." is an ordinary paragraph and reads as an article; the
    // list items "1." and "2." are its parts.
    const Provision* part1 = find(*d, "art_1__para_1");
    REQUIRE(part1);
    CHECK(part1->label == "Статья 1, пункт 1");
    CHECK(part1->heading == "Основные понятия");
    CHECK(part1->text.rfind("Насилие в семье — умышленное противоправное деяние", 0) == 0);
    const Provision* part2 = find(*d, "art_1__para_2");
    REQUIRE(part2);
    CHECK(part2->label == "Статья 1, пункт 2");
    // Spans, spaces and breaks are text; the footnote, the change mark and
    // the deleted text of a tracked change are not.
    const Provision* order = find(*d, "h_2");
    REQUIRE(order);
    CHECK(order->heading == "Охранный ордер и роль милиции");
    CHECK(order->text ==
          "После регистрации факта насилия органы внутренних дел могут выдать лицу, совершившему насилие, "
          "охранный ордер, который запрещает ему приближаться к пострадавшей.");
    const Provision* measures = find(*d, "h_3");
    REQUIRE(measures);
    CHECK(measures->text ==
          "Мера | Содержание\nПринудительное доставление | в отделение милиции\n"
          "Административный арест | по нормам административного законодательства");
    REQUIRE(find(*d, "h_4"));
    for (const Provision& p : d->provisions) {
        CHECK(p.text.find("УДАЛЁННЫЙ") == std::string::npos);
        CHECK(p.text.find("СНОСКА") == std::string::npos);
    }
    CHECK(d->provisions.size() == 6);
}

TEST_CASE("RTF: a Russian law as Word saves it, code page bytes, localised heading styles, a table") {
    IngestReport r;
    auto d = read_rtf_document(kOffice + "tj-dv-law-ru-rtf.rtf", r);
    REQUIRE_MESSAGE(d, problems(r));
    INFO(dump(*d));
    CHECK_MESSAGE(r.problems.empty(), problems(r));
    CHECK(d->format == "rtf");
    CHECK(d->language == "ru");
    CHECK(d->document_id == "tj-dv-law-ru-rtf");
    // Style 1 is named "Заголовок 1" in cp1251: the title and chapter are headings.
    const Provision* part1 = find(*d, "art_1__para_1");
    REQUIRE(part1);
    CHECK(part1->label == "Статья 1, пункт 1");
    CHECK(part1->heading == "Основные понятия");
    // The field's result is text, its instruction is not.
    CHECK(part1->text.rfind("Насилие в семье — умышленное противоправное деяние", 0) == 0);
    CHECK(part1->text.find("PAGE") == std::string::npos);
    const Provision* measures = find(*d, "h_3");
    REQUIRE(measures);
    CHECK(measures->heading == "Правовые меры воздействия");
    CHECK(measures->text ==
          "Мера | Содержание\nПринудительное доставление | в отделение милиции\n"
          "Административный арест | по нормам административного законодательства");
    // The header, the document information and the font table are not text.
    for (const Provision& p : d->provisions) {
        CHECK(p.text.find("КОЛОНТИТУЛ") == std::string::npos);
        CHECK(p.text.find("ЗАГОЛОВОК ФАЙЛА") == std::string::npos);
        CHECK(p.text.find("Times New Roman") == std::string::npos);
        CHECK(p.heading.find("Times New Roman") == std::string::npos);
    }
}

TEST_CASE("RTF: Tajik typed in an old look-alike font is converted to the real letters, and said") {
    IngestReport r;
    auto d = read_rtf_document(kOffice + "tj-dv-law-tg-legacy-font.rtf", r);
    REQUIRE_MESSAGE(d, problems(r));
    INFO(dump(*d));
    CHECK(d->language == "tg");
    const Provision* article = find(*d, "art_1__para_1");
    REQUIRE(article);
    CHECK(article->heading == "Мафҳумҳои асосӣ");
    CHECK(article->text.find("Зӯроварӣ дар оила") != std::string::npos);
    bool noted = false;
    for (const auto& p : r.problems) noted = noted || p.message.find("look-alike") != std::string::npos;
    CHECK_MESSAGE(noted, problems(r));
}

TEST_CASE("RTF text layer: Unicode escapes and their fallbacks, symbols, skipped destinations, bad input") {
    // \u1202? is Ҳ; its one-byte fallback "?" is dropped (\uc1); \uc2 drops two.
    RtfText t = read_rtf_text("{\\rtf1\\ansi\\uc1 \\u1202?\\u1203?\\'e8 {\\uc2\\u1207\\'3f\\'3f}\\emdash x\\par}");
    REQUIRE(t.error.empty());
    REQUIRE(t.blocks.size() == 1);
    CHECK(t.blocks[0].text == "Ҳҳè ҷ—x");  // a control word's space delimiter is not text
    // An ignorable destination nobody knows is skipped; \bin data too.
    t = read_rtf_text("{\\rtf1 a{\\*\\unknowndest secret}b\\bin3 {}}c\\par}");
    REQUIRE(t.blocks.size() == 1);
    CHECK(t.blocks[0].text == "abc");
    // Outline levels make headings without a stylesheet.
    t = read_rtf_text("{\\rtf1\\pard\\outlinelevel0 Head\\par\\pard Body\\par}");
    REQUIRE(t.blocks.size() == 2);
    CHECK(t.blocks[0].kind == RtfBlock::Kind::heading);
    CHECK(t.blocks[1].kind == RtfBlock::Kind::paragraph);
    // Not RTF; unbalanced braces are read and said.
    CHECK_FALSE(read_rtf_text("PK\x03\x04 not rtf").error.empty());
    t = read_rtf_text("{\\rtf1 cut short\\par");
    CHECK(t.error.empty());
    CHECK_FALSE(t.warning.empty());
    REQUIRE(t.blocks.size() == 1);
    CHECK(t.blocks[0].text == "cut short");
}

TEST_CASE("RTF text layer: damaged copies of the fixture never crash and give only non-empty blocks") {
    std::string good;
    IngestReport load;
    REQUIRE(load_source_file(kOffice + "tj-dv-law-ru-rtf.rtf", good, load));
    // Deterministic damage: bytes overwritten with RTF's own specials, cuts, and
    // runs deleted (a cheap stand-in for fuzz/document_fuzz.cc between fuzzing runs).
    const std::string specials = "{}\\'*u0123456789- \n\xff\xc0";
    unsigned state = 20261205;
    auto next = [&] { return state = state * 1103515245u + 12345u; };
    for (int round = 0; round < 300; ++round) {
        std::string bad = good;
        for (int k = 0; k < 1 + round % 8; ++k) bad[next() % bad.size()] = specials[next() % specials.size()];
        if (round % 3 == 0) bad.resize(next() % bad.size());
        if (round % 5 == 0 && bad.size() > 40) bad.erase(next() % (bad.size() - 20), 20);
        RtfText t = read_rtf_text(bad);
        for (const RtfBlock& b : t.blocks) CHECK_FALSE(b.text.empty());
    }
}

TEST_CASE("DOC: a Tajik law saved by Word 97 keeps its numbered parts, styled headings and table") {
    IngestReport r;
    auto d = read_doc_document(kOffice + "tj-dv-law-tg-word97.doc", r);
    REQUIRE_MESSAGE(d, problems(r));
    INFO(dump(*d));
    CHECK_MESSAGE(r.problems.empty(), problems(r));
    CHECK(d->format == "doc");
    CHECK(d->language == "tg");
    CHECK(d->document_id == "tj-dv-law-tg-word97");
    // Style "Заголовок 1" (its name garbled by the converter, repaired) is a heading.
    const Provision* title = find(*d, "h_1");
    REQUIRE(title);
    CHECK(title->heading == "Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила» (хулоса)");
    const Provision* part1 = find(*d, "art_1__para_1");
    REQUIRE(part1);
    CHECK(part1->label == "Моддаи 1, банди 1");
    CHECK(part1->heading == "Мафҳумҳои асосӣ");
    CHECK(part1->text.rfind("Зӯроварӣ дар оила", 0) == 0);
    REQUIRE(find(*d, "art_1__para_3"));
    const Provision* measures = find(*d, "h_4");
    REQUIRE(measures);
    CHECK(measures->heading == "Чораҳои ҳуқуқии таъсиррасонӣ");
    CHECK(measures->text.rfind("Чора | Мазмун\nБурдани маҷбурӣ | бурдани зӯроварикунанда ба шуъбаи милиса\n", 0) == 0);
    const Provision* victims = find(*d, "h_5");
    REQUIRE(victims);
    CHECK(victims->text.find("паноҳгоҳи муваққатӣ") != std::string::npos);
    CHECK(d->provisions.size() == 8);
}

TEST_CASE("DOC: not a Word file, a damaged one, or no converter: a skip that says which") {
    TempDir dir("doc-reader");
    std::string good;
    IngestReport load;
    REQUIRE(load_source_file(kOffice + "tj-dv-law-tg-word97.doc", good, load));
    // RTF and DOCX saved under a .doc name are named as what they are.
    CHECK(read_doc_text("{\\rtf1 x}").error.find("it is RTF") != std::string::npos);
    CHECK(read_doc_text("PK\x03\x04").error.find("rename it to .docx") != std::string::npos);
    CHECK(read_doc_text("plain words").error.find("no OLE2") != std::string::npos);
    // Cut short in transfer: the converter fails, and the skip says so.
    DocText cut = read_doc_text(std::string_view(good).substr(0, 3000));
    CHECK_MESSAGE(cut.error.find("wvWare could not read it") != std::string::npos, cut.error);
    CHECK(cut.blocks.empty());
    // Through the registry the file and problem are named, and nothing is thrown.
    write_file(dir.path / "cut.doc", good.substr(0, 3000));
    write_file(dir.path / "cut.meta.xml", [] {
        std::string meta;
        IngestReport r;
        REQUIRE(load_source_file(kOffice + "tj-dv-law-tg-word97.meta.xml", meta, r));
        return meta;
    }());
    IngestReport r;
    CHECK_FALSE(read_document_file((dir.path / "cut.doc").string(), r));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].fatal);
    CHECK(r.documents_skipped == 1);
    // Without the converter the message says what to install.
    setenv("HIMOYA_WVWARE", "/nonexistent/wvWare", 1);
    DocText none = read_doc_text(good);
    unsetenv("HIMOYA_WVWARE");
    CHECK_MESSAGE(none.error.find("apt-get install wv") != std::string::npos, none.error);
}

TEST_CASE("DOC: wvWare's HTML, paragraphs by style, table rows, a garbled Cyrillic style name") {
    // "Заголовок 1" as wvWare writes it: its UTF-8 bytes read as Latin-1.
    const std::string garbled = "\xc3\x90\xc2\x97\xc3\x90\xc2\xb0\xc3\x90\xc2\xb3\xc3\x90\xc2\xbe\xc3\x90\xc2\xbb"
                                "\xc3\x90\xc2\xbe\xc3\x90\xc2\xb2\xc3\x90\xc2\xbe\xc3\x90\xc2\xba 1";
    const std::string html = "<html><head><title>Untitled</title></head><body><!--Section-->"
                             "<div name=\"" + garbled + "\"><p>Боби 1. Муқаррарот<b></b></p></div>"
                             "<div name=\"Normal\"><p>Матн &mdash; дар<br>ду сатр</p></div><p>"
                             "<table><tr><td><div name=\"Normal\"><p>Чора</p></div></td><td></td>"
                             "<td><div name=\"Normal\"><p>Мазмун</p></div></td></tr></table>"
                             "<div name=\"heading 2\"><p>Моддаи 2</p></div><div name=\"Normal\"><p> </p></div></body></html>";
    std::vector<RtfBlock> blocks = blocks_of_wv_html(html);
    REQUIRE(blocks.size() == 4);
    CHECK(blocks[0].kind == RtfBlock::Kind::heading);
    CHECK(blocks[0].text == "Боби 1. Муқаррарот");
    CHECK(blocks[1].kind == RtfBlock::Kind::paragraph);
    CHECK(blocks[1].text == "Матн — дар ду сатр");
    CHECK(blocks[2].kind == RtfBlock::Kind::table_row);
    CHECK(blocks[2].text == "Чора | Мазмун");
    CHECK(blocks[3].kind == RtfBlock::Kind::heading);
    // Cut anywhere, it still gives only non-empty blocks.
    for (size_t cut = 0; cut < html.size(); cut += 7)
        for (const RtfBlock& b : blocks_of_wv_html(html.substr(0, cut))) CHECK_FALSE(b.text.empty());
}

TEST_CASE("a corrupt DOCX is a clear skip naming the zip error") {
    IngestReport r;
    CHECK_FALSE(read_docx_document(kOffice + "corrupt.docx", r));
    REQUIRE(r.problems.size() == 1);
    CHECK(r.problems[0].fatal);
    CHECK(r.problems[0].file == kOffice + "corrupt.docx");
    CHECK_MESSAGE(r.problems[0].message.rfind("not a valid DOCX (zip error: ", 0) == 0, r.problems[0].message);
    CHECK(r.documents_skipped == 1);
    CHECK(r.documents_read == 0);
}

TEST_CASE("the registry reads .docx, .odt, .rtf and .doc with these readers") {
    IngestReport r;
    auto doc = read_document_file(kOffice + "tj-dv-law-tg-word97.doc", r);
    REQUIRE(doc);
    CHECK(doc->format == "doc");
    auto docx = read_document_file(kOffice + "tj-dv-law-tg.docx", r);
    auto odt = read_document_file(kOffice + "tj-dv-law-ru.odt", r);
    auto rtf = read_document_file(kOffice + "tj-dv-law-ru-rtf.rtf", r);
    REQUIRE(docx);
    REQUIRE(odt);
    REQUIRE(rtf);
    CHECK(docx->format == "docx");
    CHECK(odt->format == "odt");
    CHECK(rtf->format == "rtf");
    CHECK(r.documents_read == 4);
    CHECK(ReaderRegistry::builtin().is_document_name("ҚОНУН.DOCX"));
    CHECK_FALSE(ReaderRegistry::builtin().is_document_name("tj-dv-law-tg.meta.xml"));
}

TEST_CASE("bad archives are skipped with what is wrong, never thrown") {
    TempDir dir("office-reader-bad");
    write_file(dir.path / "a.meta.xml", kMeta);
    const std::string docx = (dir.path / "a.docx").string();
    const std::string odt = (dir.path / "a.odt").string();
    write_file(dir.path / "b.meta.xml", kMeta);
    const std::string b_odt = (dir.path / "b.odt").string();

    SUBCASE("no sidecar: the file is not opened") {
        IngestReport r;
        write_file(dir.path / "alone.docx", "not even a zip");
        CHECK_FALSE(read_docx_document((dir.path / "alone.docx").string(), r));
        CHECK(has_problem(r, "missing sidecar metadata file alone.meta.xml", true));
    }
    SUBCASE("not a zip at all") {
        write_file(docx, "PK but not really");
        IngestReport r;
        CHECK_FALSE(read_docx_document(docx, r));
        CHECK(has_problem(r, "not a valid DOCX (zip error: ", true));
    }
    SUBCASE("an empty file") {
        write_file(odt, "");
        IngestReport r;
        CHECK_FALSE(read_odt_document(odt, r));
        CHECK(r.documents_skipped == 1);
    }
    SUBCASE("a zip without word/document.xml") {
        write_zip(docx, {{"hello.txt", "салом"}});
        IngestReport r;
        CHECK_FALSE(read_docx_document(docx, r));
        CHECK(has_problem(r, "not a valid DOCX (no word/document.xml in the archive)", true));
    }
    SUBCASE("malformed XML names the part and its line") {
        write_zip(docx, {{"word/document.xml", "<?xml version=\"1.0\"?>\n<w:document xmlns:w=\"x\">\n<w:body><w:p>\n"}});
        IngestReport r;
        CHECK_FALSE(read_docx_document(docx, r));
        REQUIRE(r.problems.size() == 1);
        CHECK_MESSAGE(r.problems[0].message.find("not a valid DOCX (word/document.xml line ") == 0, r.problems[0].message);
        CHECK(r.problems[0].file == docx);
    }
    SUBCASE("a DOCX whose document part is not UTF-8") {
        write_zip(docx, {{"word/document.xml", "<w:document><w:body><w:p><w:r><w:t>\xCF\xF0</w:t></w:r></w:p></w:body></w:document>"}});
        IngestReport r;
        CHECK_FALSE(read_docx_document(docx, r));
        CHECK(has_problem(r, "UTF-8", true));
    }
    SUBCASE("an ODT that is a spreadsheet") {
        write_zip(odt, {{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"}, {"content.xml", "<x/>"}});
        IngestReport r;
        CHECK_FALSE(read_odt_document(odt, r));
        CHECK(has_problem(r, "not an ODT text document", true));
    }
    SUBCASE("a zip bomb: a part that inflates past the cap is not read") {
        // 65 MiB of spaces deflate to about 65 KB.
        std::string huge = "<w:document xmlns:w=\"x\"><w:body>";
        huge.append(kMaxOfficePartBytes + 1024 * 1024, ' ');
        huge += "</w:body></w:document>";
        write_zip(docx, {{"word/document.xml", huge}});
        CHECK(fs::file_size(docx) < 1024 * 1024);
        IngestReport r;
        CHECK_FALSE(read_docx_document(docx, r));
        REQUIRE(r.problems.size() == 1);
        CHECK_MESSAGE(r.problems[0].message.find("word/document.xml is larger than 64 MiB uncompressed") == 0,
                      r.problems[0].message);
    }
    SUBCASE("an empty document is read, with a warning") {
        write_zip(b_odt, {{"mimetype", "application/vnd.oasis.opendocument.text"},
                          {"content.xml", "<office:document-content xmlns:office=\"o\"><office:body><office:text/>"
                                          "</office:body></office:document-content>"}});
        IngestReport r;
        auto d = read_odt_document(b_odt, r);
        REQUIRE(d);
        CHECK(d->provisions.empty());
        CHECK(has_problem(r, "no text found", false));
    }
}

TEST_CASE("ZipArchive: the cap holds whatever size an entry declares") {
    TempDir dir("office-reader-zip");
    write_zip(dir.path / "z.zip", {{"a.xml", std::string(5000, 'x')}});
    std::string bytes;
    IngestReport r;
    REQUIRE(load_source_file((dir.path / "z.zip").string(), bytes, r));
    ZipArchive zip;
    REQUIRE(zip.open(bytes).empty());
    CHECK(zip.read("a.xml", 5000).status == ZipEntry::Status::ok);
    CHECK(zip.read("a.xml", 5000).data.size() == 5000);
    ZipEntry over = zip.read("a.xml", 4999);
    CHECK(over.status == ZipEntry::Status::too_large);
    CHECK(over.size == 5000);
    CHECK(zip.read("b.xml", 10).status == ZipEntry::Status::missing);
    ZipArchive bad;
    CHECK_FALSE(bad.open("PK\x03\x04 truncated").empty());
}

TEST_CASE("end to end: indexing the office folder makes a Tajik word of the DOCX findable") {
    TempDir dir("office-reader-index");
    fs::copy(kOffice, dir.path / "corpus", fs::copy_options::recursive);
    const std::string db = (dir.path / "index").string();
    auto indexed = himoya::testing::run({HIMOYA_BINARY, "index", "--corpus", (dir.path / "corpus").string(), "--db", db});
    // The corrupt DOCX is skipped and the PDF with a scanned page cut: exit 2, both named.
    CHECK(indexed.status == 2);
    CHECK_MESSAGE(indexed.err.find("corrupt.docx: not a valid DOCX (zip error: ") != std::string::npos, indexed.err);
    CHECK_MESSAGE(indexed.err.find("page 2 has no text layer") != std::string::npos, indexed.err);
    // "паноҳгоҳи" occurs in the DOCX (and in its PDF print), nowhere else here.
    auto found = himoya::testing::run({HIMOYA_BINARY, "search", "--db", db, "--json", "--per-page", "50",
                                       "--versions", "separate", "паноҳгоҳи муваққатӣ"});
    REQUIRE_MESSAGE(found.status == 0, found.err);
    nlohmann::json hits = nlohmann::json::parse(found.out)["hits"];
    bool docx_hit = false;
    for (const auto& h : hits)
        if (h["document_id"] == "tj-dv-law-tg" && h["unit_id"] == "h_5") docx_hit = true;
    CHECK_MESSAGE(docx_hit, found.out);
    // The RTF typed in an old Tajik font is found by the real letters.
    auto legacy = himoya::testing::run({HIMOYA_BINARY, "search", "--db", db, "--json", "--per-page", "50",
                                        "--versions", "separate", "Мафҳумҳои асосӣ"});
    REQUIRE_MESSAGE(legacy.status == 0, legacy.err);
    bool rtf_hit = false;
    const nlohmann::json legacy_hits = nlohmann::json::parse(legacy.out)["hits"];
    for (const auto& h : legacy_hits)
        if (h["document_id"] == "tj-dv-law-tg-legacy-font") rtf_hit = true;
    CHECK_MESSAGE(rtf_hit, legacy.out);
    // So is the Word 97 file (legacy .doc, read through wvWare).
    bool doc_hit = false;
    for (const auto& h : legacy_hits)
        if (h["document_id"] == "tj-dv-law-tg-word97") doc_hit = true;
    CHECK_MESSAGE(doc_hit, legacy.out);
    // Text output says how the query was read.
    auto text = himoya::testing::run({HIMOYA_BINARY, "search", "--db", db, "кӣ Мафҳумҳои асосӣ?"});
    REQUIRE_MESSAGE(text.status == 0, text.err);
    CHECK_MESSAGE(text.out.find("question words, not required: кӣ") != std::string::npos, text.out);
}
