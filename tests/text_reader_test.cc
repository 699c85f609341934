// Text/HTML reader: sidecar metadata, splitting at headings and paragraphs,
// HTML decoding; and the small pieces (heading matcher, entity decoder).
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "indexer/readers/html_text.h"
#include "indexer/readers/text_reader.h"
#include "indexer/readers/text_sections.h"

using namespace himoya;

namespace {

const std::string kText = std::string(HIMOYA_SOURCE_DIR) + "/tests/data/readers/text/";

const Provision* find(const Document& d, const std::string& unit_id) {
    for (const Provision& p : d.provisions)
        if (p.unit_id == unit_id) return &p;
    return nullptr;
}

bool has_problem(const IngestReport& r, const std::string& needle, bool fatal) {
    for (const IngestProblem& p : r.problems)
        if (p.fatal == fatal && p.message.find(needle) != std::string::npos) return true;
    return false;
}

// A scratch directory for files the fixtures should not hold (bad bytes).
struct TempDir {
    std::filesystem::path path;
    TempDir() {
        path = std::filesystem::temp_directory_path() /
               ("himoya-text-reader-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string write(const std::string& name, const std::string& content) const {
        std::ofstream(path / name, std::ios::binary) << content;
        return (path / name).string();
    }
};

const char* kMeta =
    "<meta xmlns=\"urn:himoya:corpus:1\"><title>T</title><jurisdiction>TJ</jurisdiction>"
    "<language>en</language><type>manual</type><date>2020</date><issuing-body>B</issuing-body>"
    "<text-status>summary</text-status><source><official-title>T</official-title></source></meta>";

}  // namespace

TEST_CASE("Tajik manual: headings Боби / Моддаи and numbered parts") {
    IngestReport r;
    auto d = read_text_document(kText + "tg-manual.txt", r);
    REQUIRE(d);
    CHECK(r.problems.empty());
    CHECK(r.documents_read == 1);
    CHECK(d->document_id == "tg-manual");  // file name, no sidecar id
    CHECK(d->work_id == "tg-manual");
    CHECK(d->format == "text");
    CHECK(d->language == "tg");
    // Before the first heading, each blank-line paragraph is a provision.
    REQUIRE(find(*d, "p_1"));
    CHECK(find(*d, "p_1")->text == "Дастур барои кормандони милитсия");
    REQUIRE(find(*d, "p_2"));
    const Provision* art1 = find(*d, "art_1");
    REQUIRE(art1);
    CHECK(art1->label == "Моддаи 1");
    CHECK(art1->heading == "Мақсади дастур");
    // Lines of a paragraph are joined; paragraphs are separated by "\n".
    CHECK(art1->text == "Дастур барои ҳимояи ҷабрдидагон ва пешгирии хушунати такрорӣ тартиб "
                        "дода шудааст.\nИттилоот дар бораи ҳодиса сабт карда мешавад.");
    // "Моддаи 2" has only numbered parts: they are its provisions.
    CHECK_FALSE(find(*d, "art_2"));
    const Provision* part = find(*d, "art_2__para_2");
    REQUIRE(part);
    CHECK(part->label == "Моддаи 2, банди 2");
    CHECK(part->heading == "Муқаррароти умумӣ");  // the chapter's
    CHECK(part->text.find("ордери муҳофизатӣ") != std::string::npos);
    // The chapter heading alone is not a provision.
    CHECK_FALSE(find(*d, "chp_1"));
}

TEST_CASE("Russian HTML guide: entities decoded, script/style/title dropped, split at <h*>") {
    IngestReport r;
    auto d = read_text_document(kText + "ru-guide.html", r);
    REQUIRE(d);
    CHECK(r.problems.empty());
    CHECK(d->document_id == "test-ru-social-guide");  // from the sidecar's id attribute
    CHECK(d->format == "html");
    REQUIRE(d->provisions.size() == 3);
    CHECK(d->provisions[0].text == "Руководство для социальных работников & психологов.");
    const Provision* art = find(*d, "art_1");
    REQUIRE(art);
    CHECK(art->label == "Статья 1");
    CHECK(art->heading == "Цель");
    CHECK(art->text == "Помощь пострадавшим «без промедления», Текст <важен>.\n"
                       "Второй абзац с переносом.");
    const Provision* free = find(*d, "h_1");
    REQUIRE(free);
    CHECK(free->heading == "Порядок обращения");
    CHECK(free->label == "Порядок обращения");
    CHECK(free->text == "Позвонить по номеру 1313;\nПрийти в кризисный центр.");
    for (const Provision& p : d->provisions) {
        CHECK(p.text.find("font-family") == std::string::npos);
        CHECK(p.text.find("не заголовок") == std::string::npos);
        CHECK(p.text.find("Этот заголовок") == std::string::npos);
        CHECK(p.text.find("Статья 99") == std::string::npos);
    }
}

TEST_CASE("a page saved from a legal portal: its main text, without menus, login box, breadcrumbs or footer") {
    const std::string page =
        "<html><body><header><div class=logo>Портал</div><a href=/>Асосӣ</a></header>"
        "<nav><ul><li><a href=/laws>Қонунҳо</a></li><li><a href=/codes>Кодексҳо</a></li></ul></nav>"
        "<div class=\"login-box\">Логин <input name=l> Пароль <input name=p type=password><button>Ворид</button></div>"
        "<div id=\"breadcrumbs\"><a href=/>Асосӣ</a> / <a href=/laws>Қонунҳо</a></div>"
        "<div class=\"content\"><h1>Қонуни Ҷумҳурии Тоҷикистон</h1>"
        "<p>Моддаи 1. Мафҳумҳои асосӣ</p><p>Дар Қонуни мазкур мафҳумҳо истифода мешаванд; нигаред ба "
        "<a href=/code>Кодекси оила</a>.</p>"
        "<ul><li><a href=/print>Чоп</a></li><li><a href=/word>Word</a></li></ul></div>"
        "<div class=\"left-menu\"><div><a href=/a>А</a></div><div><a href=/b>Б</a></div></div>"
        "<footer>© 2024 Портал. Ҳамаи ҳуқуқҳо ҳифз шудаанд.</footer></body></html>";
    std::vector<std::string> texts;
    for (const HtmlBlock& b : html_blocks(page)) texts.push_back(b.text);
    CHECK(texts == std::vector<std::string>{"Қонуни Ҷумҳурии Тоҷикистон", "Моддаи 1. Мафҳумҳои асосӣ",
                                            "Дар Қонуни мазкур мафҳумҳо истифода мешаванд; нигаред ба Кодекси оила."});
    // A page whose text is all inside one frame element (here an unclosed
    // <header>) keeps all of its text rather than none of it.
    std::vector<std::string> all;
    for (const HtmlBlock& b : html_blocks("<header><p>Моддаи 1. Матн</p><p>Моддаи 2. Матни дигар</p>")) all.push_back(b.text);
    CHECK(all == std::vector<std::string>{"Моддаи 1. Матн", "Моддаи 2. Матни дигар"});
}

TEST_CASE("plain paragraphs without headings") {
    IngestReport r;
    auto d = read_text_document(kText + "en-notes.txt", r);
    REQUIRE(d);
    REQUIRE(d->provisions.size() == 3);
    CHECK(d->provisions[0].text == "First paragraph of plain notes, spread over two lines.");
    CHECK(d->provisions[0].label == "Paragraph 1");
    CHECK(d->provisions[2].text == "Third paragraph after two blank lines.");
    CHECK(d->provisions[2].ordinal == 2);
}

TEST_CASE("missing sidecar is a clear skip") {
    IngestReport r;
    CHECK_FALSE(read_text_document(kText + "no-sidecar.txt", r));
    CHECK(r.documents_skipped == 1);
    CHECK(has_problem(r, "missing sidecar metadata file no-sidecar.meta.xml", true));
}

TEST_CASE("bad text files and sidecars are skipped, never thrown") {
    TempDir dir;
    SUBCASE("non-UTF-8 text: line of the first bad byte") {
        dir.write("cp1251.meta.xml", kMeta);
        std::string path = dir.write("cp1251.txt", "line one\nline two\n\xCF\xF0\xE8\n");
        IngestReport r;
        CHECK_FALSE(read_text_document(path, r));
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].line == 3);
        CHECK(r.problems[0].message.find("UTF-8") != std::string::npos);
    }
    SUBCASE("empty text file") {
        dir.write("empty.meta.xml", kMeta);
        IngestReport r;
        CHECK_FALSE(read_text_document(dir.write("empty.txt", ""), r));
        CHECK(has_problem(r, "empty", true));
    }
    SUBCASE("sidecar missing required metadata") {
        std::string meta = kMeta;
        meta.replace(meta.find("<title>T</title>"), 16, "");
        dir.write("nometa.meta.xml", "<?xml version=\"1.0\"?>\n" + meta);
        IngestReport r;
        CHECK_FALSE(read_text_document(dir.write("nometa.txt", "text"), r));
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].message.find("<title>") != std::string::npos);
        CHECK(r.problems[0].line == 2);
        CHECK(r.problems[0].file.find("nometa.meta.xml") != std::string::npos);
    }
    SUBCASE("sidecar with the wrong root") {
        dir.write("wrong.meta.xml", "<document xmlns=\"urn:himoya:corpus:1\"/>");
        IngestReport r;
        CHECK_FALSE(read_text_document(dir.write("wrong.txt", "text"), r));
        CHECK(has_problem(r, "sidecar root must be <meta", true));
    }
    SUBCASE("sidecar with an invalid id") {
        std::string meta = kMeta;
        meta.insert(meta.find('>'), " id=\"Bad Id\"");
        dir.write("badid.meta.xml", meta);
        IngestReport r;
        CHECK_FALSE(read_text_document(dir.write("badid.txt", "text"), r));
        CHECK(has_problem(r, "invalid document id", true));
    }
    SUBCASE("a file name in Cyrillic gives its id in Latin letters; one with no letters needs a sidecar id") {
        dir.write("дастур.meta.xml", kMeta);
        IngestReport r;
        auto d = read_text_document(dir.write("дастур.txt", "text"), r);
        REQUIRE(d);
        CHECK(d->document_id == "dastur");
        dir.write("«—».meta.xml", kMeta);
        IngestReport none;
        CHECK_FALSE(read_text_document(dir.write("«—».txt", "text"), none));
        CHECK(has_problem(none, "add id=", true));
    }
    SUBCASE("HTML that is barely HTML still reads") {
        dir.write("junk.meta.xml", kMeta);
        IngestReport r;
        auto d = read_text_document(dir.write("junk.html", "<h1>Article 3<p>a < b &bogus; &#0; <i"), r);
        REQUIRE(d);
        REQUIRE(d->provisions.size() == 1);
        CHECK(d->provisions[0].unit_id == "art_3");
        CHECK(d->provisions[0].text == "Article 3 a < b &bogus; \xEF\xBF\xBD");
    }
}

TEST_CASE("match_heading") {
    auto m = match_heading("Статья 5. Основные понятия");
    REQUIRE(m);
    CHECK(m->kind == "article");
    CHECK(m->num == "5");
    CHECK(m->title == "Основные понятия");
    CHECK(match_heading("Моддаи 12")->num == "12");
    CHECK(match_heading("Боби 2 - Муқаррарот")->title == "Муқаррарот");
    CHECK(match_heading("Глава IV")->kind == "chapter");
    CHECK(match_heading("CHAPTER 3")->kind == "chapter");
    CHECK(match_heading("1.2 Scope")->num == "1.2");
    CHECK(match_heading("1. Introduction")->num == "1");
    CHECK(match_heading("3.")->num == "3");
    CHECK_FALSE(match_heading("Article of the law says"));
    CHECK_FALSE(match_heading("2013 was the year"));
    CHECK_FALSE(match_heading("1.5%"));
    CHECK_FALSE(match_heading("Статьями 5 и 6"));
    CHECK_FALSE(match_heading(""));
}

TEST_CASE("decode_html_entities") {
    CHECK(decode_html_entities("&amp;&lt;&gt;&quot;") == "&<>\"");
    CHECK(decode_html_entities("&#1234;&#x4D2;&#X4d2;") == "\xD3\x92\xD3\x92\xD3\x92");
    CHECK(decode_html_entities("&#xD800;&#99999999999;") == "\xEF\xBF\xBD\xEF\xBF\xBD");
    CHECK(decode_html_entities("a & b &unknown; &#;") == "a & b &unknown; &#;");
    CHECK(decode_html_entities("x&nbsp;y") == "x y");
}
