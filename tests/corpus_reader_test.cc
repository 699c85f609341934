// Corpus XML reader: the fixtures in tests/data read into the right model,
// and every kind of bad input becomes a problem with its line, never a throw.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>

#include "indexer/readers/corpus_reader.h"
#include "indexer/readers/provision_label.h"
#include "indexer/readers/reader_text.h"

using namespace himoya;

namespace {

const std::string kData = std::string(HIMOYA_SOURCE_DIR) + "/tests/data/";

const Provision* find(const Document& d, const std::string& unit_id) {
    for (const Provision& p : d.provisions)
        if (p.unit_id == unit_id) return &p;
    return nullptr;
}

bool has_problem(const IngestReport& r, const std::string& needle, int line = -1,
                 bool fatal = true) {
    for (const IngestProblem& p : r.problems)
        if (p.fatal == fatal && p.message.find(needle) != std::string::npos &&
            (line < 0 || p.line == line))
            return true;
    return false;
}

// A minimal valid document around `body`, with <meta> on line 3.
std::string doc_with_body(const std::string& body, const std::string& id = "t-doc") {
    return "<?xml version=\"1.0\"?>\n"
           "<document xmlns=\"urn:himoya:corpus:1\" id=\"" + id + "\" version=\"1\">\n"
           "<meta><title>T</title><jurisdiction>TJ</jurisdiction><language>en</language>"
           "<type>law</type><date>2013</date><issuing-body>B</issuing-body>"
           "<text-status>summary</text-status><source><official-title>T</official-title>"
           "</source></meta>\n"
           "<body>\n" + body + "\n</body>\n</document>\n";
}

}  // namespace

TEST_CASE("example corpus document reads into the model") {
    IngestReport r;
    auto d = read_with(corpus_xml_reader(), ReaderInput(kData + "example-corpus-doc.xml"), r);
    REQUIRE(d);
    CHECK(r.problems.empty());
    CHECK(r.documents_read == 1);
    CHECK(r.files_seen == 0);  // counted by read_document_file only
    CHECK(d->document_id == "example-law-en");
    CHECK(d->work_id == "example-law");
    CHECK(d->jurisdiction == "BA-SRP");
    CHECK(d->translation_of == "example-law-ru");
    CHECK(d->source.number == "No. 1/12");
    CHECK(d->format == "himoya-xml");
    CHECK(d->year() == 2012);
    REQUIRE(d->provisions.size() == 2);
    const Provision& art = d->provisions[0];
    CHECK(art.unit_id == "art_1");
    CHECK(art.provision_id == "example-law-en/art_1");
    CHECK(art.label == "Article 1");
    CHECK(art.heading == "Subject");
    CHECK(art.text == "Summary text of the article.");
    CHECK(art.topics == std::vector<std::string>{"protection-orders", "emergency-barring-order"});
    const Provision& para = d->provisions[1];
    CHECK(para.unit_id == "art_1__para_1");  // generated under the explicit parent id
    CHECK(para.label == "Article 1, paragraph 1");
    CHECK(para.heading == "Subject");  // inherited
    CHECK(para.ordinal == 1);
}

TEST_CASE("Tajik law: labels with izofat, generated ids, inherited headings") {
    IngestReport r;
    auto d = read_with(corpus_xml_reader(), ReaderInput(kData + "readers/tg-dv-law.xml"), r);
    REQUIRE(d);
    CHECK(r.problems.empty());
    CHECK(d->language == "tg");
    CHECK(d->work_id == "test-tj-dv-law-tg");  // defaults to the document id
    CHECK(d->audience == std::vector<std::string>{"police", "general-public"});
    CHECK(d->source.number == "№ 954");
    REQUIRE(d->provisions.size() == 6);
    const Provision* art1 = find(*d, "chp_1__art_1");
    REQUIRE(art1);
    CHECK(art1->label == "Моддаи 1");
    const Provision* p1 = find(*d, "chp_1__art_1__para_1");
    REQUIRE(p1);
    CHECK(p1->label == "Моддаи 1, банди 1");
    CHECK(p1->provision_id == "test-tj-dv-law-tg/chp_1__art_1__para_1");
    // Whitespace inside <p> (a line break in the source) is collapsed.
    CHECK(p1->text == "хушунат дар оила — амали қасдонаи ҷисмонӣ, рӯҳӣ, ҷинсӣ ё иқтисодӣ, ки як "
                      "узви оила нисбат ба узви дигари оила содир мекунад;");
    const Provision* art2 = find(*d, "chp_1__art_2");
    REQUIRE(art2);
    CHECK(art2->heading == "Муқаррароти умумӣ");  // from the chapter
    CHECK(art2->text.find("Ғамхорӣ") == 0);
    const Provision* art18 = find(*d, "chp_2__art_18");
    REQUIRE(art18);
    CHECK(art18->topics == std::vector<std::string>{"protection-orders"});
    // Two <p> are joined by a newline.
    CHECK(art18->text.find("шабонарӯз дода мешавад.\nВайрон") != std::string::npos);
    const Provision* annex = find(*d, "annex_1");
    REQUIRE(annex);
    CHECK(annex->label == "Замима");
    for (size_t i = 0; i < d->provisions.size(); ++i)
        CHECK(d->provisions[i].ordinal == static_cast<int>(i));
}

TEST_CASE("Russian law: labels, explicit ids, optional metadata") {
    IngestReport r;
    auto d = read_with(corpus_xml_reader(), ReaderInput(kData + "readers/ru-dv-law.xml"), r);
    REQUIRE(d);
    CHECK(r.problems.empty());
    CHECK(d->work_id == "test-tj-dv-law");
    CHECK(d->translation_of == "test-tj-dv-law-tg");
    CHECK(d->text_status == "unofficial-translation");
    CHECK(d->year() == 2013);
    REQUIRE(find(*d, "art_1__para_2"));
    CHECK(find(*d, "art_1__para_2")->label == "Статья 1, пункт 2");
    // A Cyrillic num has no [a-z0-9]: the id falls back to the sibling position.
    REQUIRE(find(*d, "art_1__para_2__point_1"));
    CHECK(find(*d, "art_1__para_2__point_1")->label == "Статья 1, пункт 2, подпункт а");
    REQUIRE(find(*d, "art_18"));
    CHECK(find(*d, "art_18")->label == "Статья 18");
}

TEST_CASE("generated ids sanitise num; duplicate ids warn and get a suffix") {
    IngestReport r;
    auto d = read_corpus_xml_string(
        doc_with_body("<article num=\"5(2) bis\"><p>a</p></article>\n"
                      "<article id=\"x\"><p>b</p></article>\n"
                      "<article id=\"x\"><p>c</p></article>"),
        "dup.xml", r);
    REQUIRE(d);
    REQUIRE(d->provisions.size() == 3);
    CHECK(d->provisions[0].unit_id == "art_52bis");
    CHECK(d->provisions[1].unit_id == "x");
    CHECK(d->provisions[2].unit_id == "x_2");
    CHECK(has_problem(r, "duplicate unit id 'x'", 7, false));
    CHECK(r.documents_skipped == 0);
}

TEST_CASE("bad input is skipped with file:line, never thrown") {
    auto expect_skip = [](const std::string& xml, const std::string& needle, int line) {
        IngestReport r;
        std::optional<Document> d;
        CHECK_NOTHROW(d = read_corpus_xml_string(xml, "bad.xml", r));
        CHECK_FALSE(d);
        CHECK(r.documents_skipped == 1);
        CHECK(r.documents_read == 0);
        INFO("problems: ", (r.problems.empty() ? std::string("none") : r.problems[0].to_string()));
        CHECK(has_problem(r, needle, line));
    };
    SUBCASE("malformed XML names the line of the error") {
        expect_skip("<?xml version=\"1.0\"?>\n<document>\n<meta>\n</document>\n", "malformed XML", 4);
    }
    SUBCASE("empty file") { expect_skip("", "empty", 0); }
    SUBCASE("whitespace only") { expect_skip(" \n\n", "empty", 0); }
    SUBCASE("non-UTF-8 bytes: line of the first bad byte") {
        expect_skip(doc_with_body("<article><p>caf\xE9</p></article>"), "UTF-8", 5);
    }
    SUBCASE("missing required metadata names the element, at the line of <meta>") {
        std::string xml = doc_with_body("<article><p>x</p></article>");
        xml.replace(xml.find("<date>2013</date>"), 17, "");
        expect_skip(xml, "<date>", 3);
    }
    SUBCASE("missing source/official-title") {
        std::string xml = doc_with_body("<article><p>x</p></article>");
        xml.replace(xml.find("<official-title>T</official-title>"), 34, "");
        expect_skip(xml, "source/official-title", 3);
    }
    SUBCASE("invalid document id") {
        expect_skip(doc_with_body("<article><p>x</p></article>", "Bad Id"), "invalid document id", 2);
    }
    SUBCASE("unknown root element") {
        expect_skip("<?xml version=\"1.0\"?>\n<law xmlns=\"urn:himoya:corpus:1\"/>\n",
                    "unknown root element <law>", 2);
    }
    SUBCASE("wrong namespace") {
        std::string xml = doc_with_body("<article><p>x</p></article>");
        xml.replace(xml.find("urn:himoya:corpus:1"), 19, "urn:other");
        expect_skip(xml, "urn:other", 2);
    }
    SUBCASE("DOCTYPE with entity declarations is refused, not expanded") {
        expect_skip("<?xml version=\"1.0\"?>\n"
                    "<!DOCTYPE document [\n"
                    "  <!ENTITY lol \"lol\">\n"
                    "  <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
                    "  <!ENTITY ext SYSTEM \"file:///etc/passwd\">\n"
                    "]>\n"
                    "<document xmlns=\"urn:himoya:corpus:1\" id=\"x\" version=\"1\">&lol2;&ext;</document>\n",
                    "DOCTYPE", 2);
    }
    SUBCASE("units nested deeper than 64") {
        std::string open, close;
        for (int i = 0; i < 70; ++i) {
            open += "<section>";
            close += "</section>";
        }
        expect_skip(doc_with_body(open + "<p>deep</p>" + close), "deeper than 64", 5);
    }
    SUBCASE("missing body") {
        std::string xml = doc_with_body("");
        xml.replace(xml.find("<body>"), 6, "<bodx>");
        xml.replace(xml.find("</body>"), 7, "</bodx>");
        expect_skip(xml, "missing <body>", 2);
    }
}

TEST_CASE("warnings do not stop a document") {
    IngestReport r;
    std::string xml = doc_with_body("<article num=\"1\" topics=\"ok Bad!\"><p>x</p><note>?</note></article>");
    xml.replace(xml.find("<date>2013</date>"), 17, "<date>19 March</date>");
    auto d = read_corpus_xml_string(xml, "warn.xml", r);
    REQUIRE(d);
    CHECK(d->year() == 0);
    CHECK(has_problem(r, "date '19 March'", 3, false));
    CHECK(has_problem(r, "invalid topic id 'Bad!'", 5, false));
    CHECK(has_problem(r, "unknown element <note>", 5, false));
    CHECK(d->provisions.at(0).topics == std::vector<std::string>{"ok"});
    CHECK(r.documents_read == 1);
    CHECK(r.documents_skipped == 0);
}

TEST_CASE("popular names are read with their language; a name without one is a warning") {
    IngestReport r;
    std::string xml = doc_with_body("<article num=\"1\"><p>x</p></article>");
    xml.replace(xml.find("<source>"), 8,
                "<aliases><alias lang=\"ru\">КоАП</alias><alias lang=\"en\">Administrative Code</alias>"
                "<alias>no language</alias></aliases><source>");
    auto d = read_corpus_xml_string(xml, "aliases.xml", r);
    REQUIRE(d);
    REQUIRE(d->aliases.size() == 2);
    CHECK(d->aliases[0].lang == "ru");
    CHECK(d->aliases[0].name == "КоАП");
    CHECK(d->aliases[1].name == "Administrative Code");
    CHECK(has_problem(r, "<alias> without a lang attribute", 3, false));
}

TEST_CASE("extent and the concepts not held are read; a summary is selected and a published text whole by default") {
    IngestReport r;
    std::string xml = doc_with_body("<article num=\"1\"><p>x</p></article>");
    auto plain = read_corpus_xml_string(xml, "plain.xml", r);
    REQUIRE(plain);
    CHECK(plain->extent.empty());
    CHECK(plain->extent_or_default() == "selected");  // text-status summary
    plain->text_status = "official";
    CHECK(plain->extent_or_default() == "whole");

    std::string held = xml;
    held.replace(held.find("<source>"), 8,
                 "<extent>selected</extent><not-held><topic>shelters</topic><topic>protection-order-duration</topic>"
                 "</not-held><source>");
    auto d = read_corpus_xml_string(held, "held.xml", r);
    REQUIRE(d);
    CHECK(d->extent == "selected");
    CHECK(d->not_held == std::vector<std::string>{"shelters", "protection-order-duration"});
    CHECK(r.problems.empty());

    IngestReport bad;
    std::string wrong = xml;
    wrong.replace(wrong.find("<source>"), 8, "<extent>most</extent><source>");
    auto w = read_corpus_xml_string(wrong, "wrong.xml", bad);
    REQUIRE(w);  // a warning, not a lost document
    CHECK(w->extent.empty());
    CHECK(has_problem(bad, "unknown extent 'most'", 3, false));

    IngestReport whole;
    std::string contradictory = xml;
    contradictory.replace(contradictory.find("<source>"), 8,
                          "<extent>whole</extent><not-held><topic>shelters</topic></not-held><source>");
    REQUIRE(read_corpus_xml_string(contradictory, "whole.xml", whole));
    CHECK(has_problem(whole, "<not-held> in a text whose extent is whole", 3, false));
}

TEST_CASE("files: missing, and over 64 MiB without reading them") {
    IngestReport r;
    CHECK_FALSE(read_with(corpus_xml_reader(), ReaderInput(kData + "readers/does-not-exist.xml"), r));
    CHECK(r.documents_skipped == 1);

    namespace fs = std::filesystem;
    fs::path big = fs::temp_directory_path() / "himoya-readers-big.xml";
    { std::ofstream(big) << "<document/>"; }
    fs::resize_file(big, 64ull * 1024 * 1024 + 1);  // sparse: costs no disk
    IngestReport r2;
    CHECK_FALSE(read_with(corpus_xml_reader(), ReaderInput(big.string()), r2));
    CHECK(has_problem(r2, "64 MiB", 0));
    fs::remove(big);
}

TEST_CASE("IngestProblem::to_string and Document::year") {
    CHECK(IngestProblem{"a.xml", 7, "oops", true}.to_string() == "a.xml:7: oops");
    CHECK(IngestProblem{"a.xml", 0, "oops", true}.to_string() == "a.xml: oops");
    Document d;
    CHECK(d.year() == 0);
    d.date = "2013-03-19";
    CHECK(d.year() == 2013);
    d.date = "2013";
    CHECK(d.year() == 2013);
    d.date = "20x3";
    CHECK(d.year() == 0);
    d.date = "20131";
    CHECK(d.year() == 0);
}

TEST_CASE("a unit whose heading opens with a citation noun and its own number is cited so, whatever its element") {
    CHECK(label_from_heading("Article 7 and state programmes", "7") == "Article 7");
    CHECK(label_from_heading("Пункт 2. Координатор", "2") == "Пункт 2");
    CHECK(label_from_heading("Қисми 1: ҳаждаҳ сол", "1") == "Қисми 1");
    CHECK(label_from_heading("Article 70. Other", "7").empty());  // another number
    CHECK(label_from_heading("Article 7a", "7").empty());
    CHECK(label_from_heading("Eighteen years", "1").empty());
    CHECK(label_from_heading("Article 7", "").empty());
    IngestReport r;
    auto d = read_corpus_xml_string(doc_with_body("<section num=\"7\"><heading>Article 7 and state programmes</heading>"
                                                  "<p>a</p></section>\n"
                                                  "<section num=\"8\"><heading>Programmes</heading><p>b</p></section>"),
                                    "t.xml", r);
    REQUIRE(d);
    REQUIRE(d->provisions.size() == 2);
    CHECK(d->provisions[0].label == "Article 7");
    CHECK(d->provisions[1].label == "Section 8");  // the heading says nothing: the element's noun
}

TEST_CASE("a heading's plural noun, a dash for a hyphen, a list of numbers and a citation in brackets name the unit") {
    // Plural nouns, and a dash in the heading for the num's hyphen, in the three languages.
    CHECK(label_from_heading("Paragraphs 1–3. Consideration of the sixth report", "1-3") == "Paragraphs 1–3");
    CHECK(label_from_heading("Пункты 1–3. Рассмотрение шестого доклада", "1-3") == "Пункты 1–3");
    CHECK(label_from_heading("Бандҳои 1–3. Баррасии гузориши шашум", "1-3") == "Бандҳои 1–3");
    // A plural noun going on past the unit's number: the unit is numbered by its first article.
    CHECK(label_from_heading("Articles 1–2. Purpose of the Law", "1") == "Articles 1–2");
    CHECK(label_from_heading("Статьи 1–2. Цель Закона", "1") == "Статьи 1–2");
    CHECK(label_from_heading("Моддаҳои 1–2. Мақсади Қонун", "1") == "Моддаҳои 1–2");
    CHECK(label_from_heading("Articles 40 and 42. Marriage contract", "40") == "Articles 40 and 42");
    CHECK(label_from_heading("Article 1–2", "1").empty());  // a singular noun names one unit
    // A list of numbers, and the citation closing the heading in brackets.
    CHECK(label_from_heading("Purpose of the update (paragraphs 3 and 27)", "3, 27") == "Paragraphs 3 and 27");
    CHECK(label_from_heading("Цель обновления (пункты 3 и 27)", "3, 27") == "Пункты 3 и 27");
    CHECK(label_from_heading("Мақсади навсозӣ (бандҳои 3 ва 27)", "3, 27") == "Бандҳои 3 ва 27");
    CHECK(label_from_heading("General legislative measures (paragraphs 29–31)", "29-31") == "Paragraphs 29–31");
    CHECK(label_from_heading("A survivor-centred approach (paragraph 28)", "28") == "Paragraph 28");
    CHECK(label_from_heading("Findings (paragraph 3 of the report)", "3").empty());  // not the whole bracket
    CHECK(label_from_heading("Purpose (paragraphs 3 and 28)", "3, 27").empty());     // another number
    CHECK(label_from_heading("Article 6 – Gender-sensitive policies", "6") == "Article 6");
    CHECK(label_from_heading("Article 143-1. Trafficking", "143-1") == "Article 143-1");
    // The num keeps all its numbers; only a word before them is dropped.
    CHECK(label_num("3, 27") == "3, 27");
    CHECK(label_num("SEC. 6 .") == "6");
    CHECK(label_num("Art. 5") == "5");
    CHECK(label_num("5(2) bis") == "5(2) bis");
    // A num naming several units takes the plural noun, its range an en dash; "143-1" is one article.
    CHECK(make_label({{"article", "3"}, {"paragraph", "c-f"}}, "en") == "Article 3, paragraphs c–f");
    CHECK(make_label({{"article", "3"}, {"paragraph", "c-f"}}, "ru") == "Статья 3, пункты c–f");
    CHECK(make_label({{"article", "3"}, {"paragraph", "c-f"}}, "tg") == "Моддаи 3, бандҳои c–f");
    CHECK(make_label({{"article", "1"}, {"paragraph", "1-2"}}, "ru") == "Статья 1, пункты 1–2");
    CHECK(make_label({{"section", "3, 27"}}, "en") == "Sections 3, 27");
    CHECK(make_label({{"article", "143-1"}}, "tg") == "Моддаи 143-1");
    CHECK(make_label({{"section", "1(b)-(d)"}}, "en") == "Section 1(b)-(d)");

    // In a document: units cited alone take their heading's citation, whatever their element;
    // a unit inside an article keeps the article's label.
    for (const auto& [lang, heads, want] :
         std::vector<std::tuple<std::string, std::vector<std::string>, std::vector<std::string>>>{
             {"en",
              {"Paragraphs 1–3. Consideration", "Purpose of the update (paragraphs 3 and 27)", "Articles 1–2. Purpose"},
              {"Paragraphs 1–3", "Paragraphs 3 and 27", "Articles 1–2", "Article 3, paragraphs c–f"}},
             {"ru",
              {"Пункты 1–3. Рассмотрение", "Цель обновления (пункты 3 и 27)", "Статьи 1–2. Цель"},
              {"Пункты 1–3", "Пункты 3 и 27", "Статьи 1–2", "Статья 3, пункты c–f"}},
             {"tg",
              {"Бандҳои 1–3. Баррасӣ", "Мақсади навсозӣ (бандҳои 3 ва 27)", "Моддаҳои 1–2. Мақсад"},
              {"Бандҳои 1–3", "Бандҳои 3 ва 27", "Моддаҳои 1–2", "Моддаи 3, бандҳои c–f"}},
         }) {
        INFO(lang);
        IngestReport r;
        std::string xml = doc_with_body("<section num=\"1-3\" id=\"para_1-3\"><heading>" + heads[0] + "</heading><p>a</p></section>\n"
                                        "<section num=\"3, 27\" id=\"para_3-27\"><heading>" + heads[1] + "</heading><p>b</p></section>\n"
                                        "<article num=\"1\" id=\"art_1-2\"><heading>" + heads[2] + "</heading><p>c</p></article>\n"
                                        "<article num=\"3\"><heading>Article 3</heading><paragraph num=\"c-f\"><p>d</p></paragraph></article>");
        const std::string tag = "<language>en</language>";
        xml.replace(xml.find(tag), tag.size(), "<language>" + lang + "</language>");
        auto d = read_corpus_xml_string(xml, "t.xml", r);
        REQUIRE(d);
        REQUIRE(d->provisions.size() == 4);
        for (size_t i = 0; i < 4; ++i) CHECK(d->provisions[i].label == want[i]);
    }
}

TEST_CASE("metadata values: a day of the calendar, ISO 639 languages, ISO 3166 jurisdictions, the format's types") {
    for (const char* ok : {"2013", "2013-03", "2013-03-19", "2024-02-29", "2000-02-29", "1999-12-31"}) CHECK_MESSAGE(himoya::is_valid_date(ok), ok);
    for (const char* bad : {"2013-13", "2013-00", "2099-13-45", "2023-02-29", "1900-02-29", "2013-04-31", "2013-03-00", "13-03-2013", ""})
        CHECK_FALSE_MESSAGE(himoya::is_valid_date(bad), bad);
    for (const char* ok : {"tg", "ru", "en", "bs", "uz", "kk", "ky"}) CHECK_MESSAGE(himoya::is_iso_language(ok), ok);
    for (const char* bad : {"xx", "TG", "t", "tajik", ""}) CHECK_FALSE_MESSAGE(himoya::is_iso_language(bad), bad);
    for (const char* ok : {"TJ", "INT", "BA-SRP", "BA-BIH", "US-FL", "KG"}) CHECK_MESSAGE(himoya::is_iso_jurisdiction(ok), ok);
    for (const char* bad : {"ZZ", "tj", "XX-1", "BA-", "BA-SRPX", "T", ""}) CHECK_FALSE_MESSAGE(himoya::is_iso_jurisdiction(bad), bad);
    // Ids from file names in Cyrillic: the letters in Latin, not dropped
    // ("Закон о защите 2020" was "2020"; "Қонун" gave no id at all).
    CHECK(himoya::id_from_file_name("Закон о защите 2020") == "zakon-o-zashchite-2020");
    CHECK(himoya::id_from_file_name("Қонун") == "qonun");
    CHECK(himoya::id_from_file_name("Ҳисоботи ҷабрдидагон") == "hisoboti-jabrdidagon");
    CHECK(himoya::id_from_file_name("tj-dv-law-2013-en") == "tj-dv-law-2013-en");
    CHECK(himoya::is_document_type("law"));
    CHECK(himoya::is_document_type("bylaw"));
    CHECK_FALSE(himoya::is_document_type("regulation"));
}
