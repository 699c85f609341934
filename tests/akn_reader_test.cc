// Akoma Ntoso reader: every real AKN file in tests/data/realdata (copies, SOURCES.md there) reads, with
// a known eId and a word of its text; synthetic files cover the edge cases.
#include <doctest/doctest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <string>

#include "indexer/readers/akn_reader.h"

using namespace himoya;

namespace {

const std::string kShared = HIMOYA_REALDATA_DIR;
const std::string kData = std::string(HIMOYA_SOURCE_DIR) + "/tests/data/readers/";

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

// Reads a real file; fails loudly (never passes silently) when the fixture is missing.
Document read_real(const std::string& relative, IngestReport& r) {
    std::string path = kShared + "/" + relative;
    REQUIRE_MESSAGE(std::filesystem::exists(path), "fixture missing: ", path,
                    " (tests/data/realdata, SOURCES.md there)");
    auto d = read_with(akn_reader(), ReaderInput(path), r);
    REQUIRE_MESSAGE(d, (r.problems.empty() ? std::string() : r.problems.back().to_string()));
    CHECK(r.documents_read == 1);
    CHECK(r.documents_skipped == 0);
    CHECK(d->format == "akn");
    CHECK(d->text_status == "official");
    CHECK(d->source_path == path);
    CHECK_FALSE(d->title.empty());
    CHECK_FALSE(d->provisions.empty());
    return *d;
}

void check_unit(const Document& d, const std::string& eid, const std::string& word) {
    INFO(d.source_path, " eId ", eid);
    const Provision* p = find(d, eid);
    REQUIRE(p);
    CHECK(p->provision_id == d.document_id + "/" + eid);
    CHECK(p->text.find(word) != std::string::npos);
}

std::string akn(const std::string& ns_attr, const std::string& body,
                const std::string& element = "act") {
    return "<?xml version=\"1.0\"?>\n"
           "<akomaNtoso " + ns_attr + ">\n"
           "<" + element + "><meta><identification source=\"#x\"><FRBRWork>"
           "<FRBRuri value=\"/akn/tj/act/2020/1\"/><FRBRcountry value=\"tj\"/>"
           "<FRBRdate date=\"2020-01-02\" name=\"x\"/></FRBRWork>"
           "<FRBRExpression><FRBRuri value=\"/akn/tj/act/2020/1/rus@\"/>"
           "<FRBRlanguage language=\"rus\"/></FRBRExpression></identification></meta>\n"
           + body + "\n</" + element + ">\n</akomaNtoso>\n";
}

const std::string kNs = "xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"";

}  // namespace

TEST_CASE("US act: metadata mapping and sections") {
    IngestReport r;
    Document d = read_real("akn-legaldocml-tests/us_Act_2011-11-29.xml", r);
    CHECK(d.document_id == "akn-us-act-2011-11-29-112-61-eng");
    CHECK(d.work_id == "akn-us-act-2011-11-29-112-61");
    CHECK(d.jurisdiction == "US");
    CHECK(d.language == "en");
    CHECK(d.date == "2011-11-29");
    CHECK(d.type == "act");
    CHECK(d.source.number == "112-61");
    CHECK(d.source.url == "/akn/us/act/2011-11-29/112-61");
    CHECK(d.issuing_body == "Congress of USA");
    CHECK(std::find(d.topics.begin(), d.topics.end(), "maritimelaw") != d.topics.end());
    check_unit(d, "sec_3", "eligible vessel");
    const Provision* s3 = find(d, "sec_3");
    CHECK(s3->label == "Section 3");
    CHECK(s3->num == "SEC. 3 .");
    CHECK(s3->heading == "AUTHORIZATION OF ELIGIBLE VESSELS.");
    CHECK(s3->kind == "section");
    check_unit(d, "sec_2__list_1__point_4__list_1__point_b", "25 individuals");
    CHECK(find(d, "sec_2__list_1__point_4__list_1__point_b")->label == "Section 2, point (4), point (B)");
    CHECK(find(d, "sec_2__list_1__point_4__list_1__point_b")->heading == "DEFINITIONS.");  // inherited
}

TEST_CASE("UK act") {
    IngestReport r;
    Document d = read_real("akn-legaldocml-tests/uk_pga-2014-27-enacted-data.xml", r);
    CHECK(d.title == "Data Retention and Investigatory Powers Act 2014");
    CHECK(d.jurisdiction == "GB-UKM");
    check_unit(d, "sec_1__subsec_1", "retention notice");
    CHECK(find(d, "sec_1__subsec_1")->label == "Section 1, subsection 1");
}

TEST_CASE("Scottish act") {
    IngestReport r;
    Document d = read_real("akn-legaldocml-tests/asp-2017-1-enacted-data.akn.xml", r);
    CHECK(d.title == "Budget (Scotland) Act 2017");
    CHECK(d.jurisdiction == "GB-SCT");
    CHECK(d.year() == 2017);
    check_unit(d, "section-1-1", "Scottish Administration");
}

TEST_CASE("EU document collection: articles of the bill inside components") {
    IngestReport r;
    Document d = read_real("akn-legaldocml-tests/eu_COM(2013)0619_EN-8.xml", r);
    CHECK(d.type == "documentCollection");
    CHECK(d.jurisdiction == "EU");
    CHECK(d.issuing_body == "EUROPEAN COMMISSION");
    check_unit(d, "art_1__para_1", "psychoactive substances");
    CHECK(find(d, "art_1__para_1")->label == "Article 1, paragraph 1");
    CHECK(find(d, "art_1__para_1")->heading == "Subject matter and scope");
    check_unit(d, "tblock_1.1", "psychoactive");
    // The source repeats some eIds: kept unique with a warning.
    CHECK(find(d, "tblock_1.1_2"));
    CHECK(has_problem(r, "duplicate unit id 'tblock_1.1'", false));
}

TEST_CASE("Italian bill with an: prefixes and a CSD02 default namespace inside") {
    IngestReport r;
    Document d = read_real("akn-legaldocml-tests/it_senato_ddl_2013.xml", r);
    CHECK(d.type == "bill");
    CHECK(d.language == "it");
    CHECK(d.issuing_body == "Senato della Repubblica");
    CHECK(d.title.find("Modifiche al testo unico") == 0);
    check_unit(d, "art_1__para_1", "testo unico");
    CHECK(find(d, "art_1__para_1")->label == "Article 1, paragraph 1");
    CHECK(r.problems.empty());  // the final namespace: no draft warning
}

TEST_CASE("Uruguay bill in Spanish") {
    IngestReport r;
    Document d = read_real("akn-legaldocml-tests/uy_bill_2010-09-27.xml", r);
    CHECK(d.language == "esp");
    CHECK(d.jurisdiction == "UY");
    check_unit(d, "cmpnts__cmp_1__art_1", "Constitución");
    CHECK(find(d, "cmpnts__cmp_1__art_1")->label == "Article 1º");
}

TEST_CASE("Tanzanian constitution in Swahili (450 KB) reads fast") {
    IngestReport r;
    auto start = std::chrono::steady_clock::now();
    Document d = read_real("akn-laws-africa-indigo/swahili_in.xml", r);
    auto ms = std::chrono::duration_cast<std::chrono::milliseconds>(
                  std::chrono::steady_clock::now() - start).count();
    CHECK(ms < 3000);  // ~50 ms in a debug build; quadratic text building would blow this
    CHECK(d.language == "swa");
    CHECK(d.jurisdiction == "TZ");
    CHECK(d.title == "Katiba ya Jamhuri ya Muungano wa Tanzania, ya Mwaka");
    CHECK(d.provisions.size() > 500);
    check_unit(d, "chp_Kwanza__part_Kwanza__sec_1", "Jamhuri ya Muungano");
    CHECK(find(d, "chp_Kwanza__part_Kwanza__sec_1")->label == "Section 1");
    check_unit(d, "chp_Kwanza", "JAMHURI YA MUUNGANO");  // a chapter's own intro
}

TEST_CASE("draft namespace WD17 is accepted with a warning naming it") {
    IngestReport r;
    Document d = read_real("akn-oxygenxml/eu_COM(2013)0619_EN-8.xml", r);
    CHECK(has_problem(r, "http://docs.oasis-open.org/legaldocml/ns/akn/3.0/WD17", false));
    check_unit(d, "art_1__para_1", "psychoactive substances");
}

TEST_CASE("Tajik AKN fixture: tgk -> tg, Tajik labels, intro + wrapUp text") {
    IngestReport r;
    auto d = read_with(akn_reader(), ReaderInput(kData + "akn/tg-akn-act.xml"), r);
    REQUIRE(d);
    CHECK(r.problems.empty());
    CHECK(d->language == "tg");
    CHECK(d->jurisdiction == "TJ");
    CHECK(d->document_id == "akn-tj-act-2013-03-19-954-tgk");
    CHECK(d->issuing_body == "Маҷлиси Олӣ");
    CHECK(d->topics == std::vector<std::string>{"protectionorders"});
    CHECK(d->title == "Қонун дар бораи пешгирии хушунат дар оила");
    REQUIRE(d->provisions.size() == 3);
    CHECK(d->provisions[0].unit_id == "chp_2__art_18__para_1");
    CHECK(d->provisions[0].text == "Ордери муҳофизатӣ ба муҳлати то понздаҳ шабонарӯз дода мешавад.");
    CHECK(d->provisions[0].label == "Моддаи 18, банди 1");
    CHECK(d->provisions[0].heading == "Ордери муҳофизатӣ");
    CHECK(d->provisions[1].text == "Ордер метавонад манъ кунад:\nва дигар амалҳо.");
    CHECK(d->provisions[2].label == "Моддаи 18, банди 2, зербанди а)");
}

TEST_CASE("a doc whose mainBody has only paragraphs becomes one provision") {
    IngestReport r;
    auto d = read_akn_string(
        akn(kNs, "<mainBody><p>Первый абзац.</p><p>Второй <i>абзац</i>.</p></mainBody>", "doc"),
        "doc.xml", r);
    REQUIRE(d);
    CHECK(d->type == "doc");
    CHECK(d->language == "ru");
    CHECK(d->issuing_body == "unknown");
    REQUIRE(d->provisions.size() == 1);
    CHECK(d->provisions[0].unit_id == "mainBody");
    CHECK(d->provisions[0].text == "Первый абзац.\nВторой абзац.");
}

TEST_CASE("legacy id attribute, quoted structure stays in its unit") {
    IngestReport r;
    auto d = read_akn_string(
        akn(kNs, "<body><article id=\"art_1\"><num>1</num><content><p>Replace: "
                 "<mod><quotedStructure><article eId=\"q_1\"><content><p>quoted</p></content>"
                 "</article></quotedStructure></mod></p></content></article></body>"),
        "legacy.xml", r);
    REQUIRE(d);
    REQUIRE(d->provisions.size() == 1);
    CHECK(d->provisions[0].unit_id == "art_1");
    CHECK(d->provisions[0].text == "Replace:\nquoted");
}

TEST_CASE("rejected AKN input: file:line, never thrown") {
    auto expect_skip = [](const std::string& xml, const std::string& needle, int line) {
        IngestReport r;
        std::optional<Document> d;
        CHECK_NOTHROW(d = read_akn_string(xml, "bad.akn.xml", r));
        CHECK_FALSE(d);
        CHECK(r.documents_skipped == 1);
        REQUIRE_FALSE(r.problems.empty());
        INFO(r.problems[0].to_string());
        CHECK(has_problem(r, needle, true));
        CHECK(r.problems.back().line == line);
    };
    SUBCASE("unknown namespace is named") {
        expect_skip(akn("xmlns=\"http://www.akomantoso.org/2.0\"", "<body/>"),
                    "unsupported Akoma Ntoso namespace 'http://www.akomantoso.org/2.0'", 2);
    }
    SUBCASE("no namespace") { expect_skip(akn("", "<body/>"), "namespace ''", 2); }
    SUBCASE("look-alike namespace") {
        expect_skip(akn("xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.01\"", "<body/>"),
                    "unsupported", 2);
    }
    SUBCASE("unknown root") {
        expect_skip("<?xml version=\"1.0\"?>\n\n<akn " + kNs + "/>", "unknown root element <akn>", 3);
    }
    SUBCASE("malformed") { expect_skip(akn(kNs, "<body><p>x</body>"), "malformed XML", 4); }
    SUBCASE("DOCTYPE") {
        expect_skip("<!DOCTYPE akomaNtoso [<!ENTITY x \"y\">]>\n<akomaNtoso " + kNs + "/>",
                    "DOCTYPE", 1);
    }
    SUBCASE("missing FRBRWork") {
        expect_skip("<akomaNtoso " + kNs + ">\n<act>\n<meta/></act></akomaNtoso>", "FRBRWork", 2);
    }
    SUBCASE("empty") { expect_skip("", "empty", 0); }
    SUBCASE("units nested deeper than 64") {
        std::string open, close;
        for (int i = 0; i < 70; ++i) {
            open += "<section eId=\"s" + std::to_string(i) + "\"><content><p>t</p></content>";
            close += "</section>";
        }
        expect_skip(akn(kNs, "<body>" + open + close + "</body>"), "deeper than 64", 4);
    }
}

TEST_CASE("lifecycle: a past repeal event makes the act repealed, an amendment amended, a future repeal nothing") {
    auto with_lifecycle = [](const std::string& events, const std::string& references = "") {
        std::string xml = akn(kNs, "<body><article eId=\"art_1\"><p>Матн.</p></article></body>");
        std::string meta = "</identification><lifecycle source=\"#x\">" + events + "</lifecycle>" +
                           (references.empty() ? "" : "<references source=\"#x\">" + references + "</references>");
        xml.replace(xml.find("</identification>"), std::string("</identification>").size(), meta);
        IngestReport r;
        auto d = read_akn_string(xml, "act.xml", r);
        REQUIRE(d);
        return d->legal_status;
    };
    // The UK style: an event that refers to a TLCEvent named as the date of repeal.
    LegalStatus uk = with_lifecycle(
        "<eventRef date=\"2010-01-01\" type=\"generation\" source=\"#x\"/>"
        "<eventRef date=\"2016-12-31\" source=\"#x\" refersTo=\"#DateOfRepeal\"/>",
        "<TLCEvent eId=\"DateOfRepeal\" href=\"/ontology/events/akn/uk/DateOfRepeal\" showAs=\"Date Of Repeal\"/>");
    CHECK(uk.state == "repealed");
    CHECK(uk.since == "2016-12-31");
    LegalStatus amended = with_lifecycle("<eventRef date=\"2018-05-01\" type=\"amendment\" source=\"#x\"/>");
    CHECK(amended.state == "amended");
    CHECK(amended.since == "2018-05-01");
    CHECK(with_lifecycle("<eventRef date=\"2999-01-01\" type=\"repeal\" source=\"#x\"/>").state.empty());
    CHECK(with_lifecycle("<eventRef date=\"2010-01-01\" type=\"generation\" source=\"#x\"/>").state.empty());
    // Entry into force and expiry, by the TLCEvent an event refers to (as our export writes them).
    const std::string force = "<TLCEvent eId=\"entryIntoForce\" href=\"/e\" showAs=\"Entry into force\"/>";
    LegalStatus in_force = with_lifecycle("<eventRef eId=\"e\" date=\"2014-08-01\" source=\"#x\" refersTo=\"#entryIntoForce\"/>", force);
    CHECK(in_force.state == "in-force");
    CHECK(in_force.since == "2014-08-01");
    CHECK(with_lifecycle("<eventRef eId=\"e\" date=\"2999-01-01\" source=\"#x\" refersTo=\"#entryIntoForce\"/>", force).state ==
          "not-yet-in-force");
    LegalStatus expired = with_lifecycle("<eventRef eId=\"e\" date=\"2020-12-31\" source=\"#x\" refersTo=\"#expiry\"/>",
                                         "<TLCEvent eId=\"expiry\" href=\"/e\" showAs=\"Expiry\"/>");
    CHECK(expired.state == "expired");
    CHECK(expired.since == "2020-12-31");
}

TEST_CASE("the name of an act or doc that is a type of ours is its type; a FRBRdate named -year is a year") {
    IngestReport r;
    auto tg = read_with(akn_reader(), ReaderInput(kData + "akn/tg-akn-act.xml"), r);
    REQUIRE(tg);
    CHECK(tg->type == "law");  // <an:act name="law">
    auto with = [](std::string xml, const std::string& element, const std::string& name, const std::string& date_name) {
        xml.replace(xml.find("<" + element + ">"), element.size() + 2, "<" + element + " name=\"" + name + "\">");
        xml.replace(xml.find("name=\"x\""), 8, "name=\"" + date_name + "\"");
        IngestReport report;
        auto d = read_akn_string(xml, "a.xml", report);
        REQUIRE(d);
        return *d;
    };
    const std::string body = "<body><article eId=\"art_1\"><p>Матн.</p></article></body>";
    Document law = with(akn(kNs, body), "act", "law", "enactment-year");
    CHECK(law.type == "law");
    CHECK(law.date == "2020");
    Document code = with(akn(kNs, body), "act", "code", "enactment-month");
    CHECK(code.type == "code");
    CHECK(code.date == "2020-01");
    Document day = with(akn(kNs, body), "act", "publicLaw", "enactment");  // not a type of ours: the element
    CHECK(day.type == "act");
    CHECK(day.date == "2020-01-02");
    Document manual = with(akn(kNs, "<mainBody><p>Текст.</p></mainBody>", "doc"), "doc", "manual", "x");
    CHECK(manual.type == "manual");
    CHECK(manual.text_status == "official");
    CHECK(manual.legal_status.state.empty());
}

TEST_CASE("<proprietary> in the corpus format's namespace gives type, date, text status, extent and legal status") {
    std::string xml = akn(kNs, "<body><article eId=\"art_1\"><p>Матн.</p></article></body>");
    xml.replace(xml.find("</identification>"), std::string("</identification>").size(),
                "</identification><proprietary source=\"#himoya\" xmlns:h=\"urn:himoya:corpus:1\">"
                "<h:type>law</h:type><h:date>2013</h:date><h:text-status>summary</h:text-status>"
                "<h:extent>selected</h:extent><h:legal-status state=\"repealed\" since=\"2025\">"
                "<h:relation type=\"replaced-by\" work=\"x-2025\" date=\"2025-03-12\">Law of 2025</h:relation>"
                "</h:legal-status><other xmlns=\"urn:other\">ignored</other></proprietary>");
    IngestReport r;
    auto d = read_akn_string(xml, "p.xml", r);
    REQUIRE(d);
    CHECK(r.problems.empty());
    CHECK(d->type == "law");
    CHECK(d->date == "2013");
    CHECK(d->text_status == "summary");
    CHECK(d->extent == "selected");
    CHECK(d->legal_status.state == "repealed");
    CHECK(d->legal_status.since == "2025");
    REQUIRE(d->legal_status.relations.size() == 1);
    CHECK(d->legal_status.relations[0].work == "x-2025");
    CHECK(d->legal_status.relations[0].citation == "Law of 2025");
    // values the format does not accept: warned about, left out
    std::string bad = xml;
    bad.replace(bad.find("<h:text-status>summary"), 22, "<h:text-status>weird");
    bad.replace(bad.find("state=\"repealed\""), 16, "state=\"gone\"");
    IngestReport br;
    auto b = read_akn_string(bad, "p.xml", br);
    REQUIRE(b);
    CHECK(b->text_status == "official");
    CHECK(b->legal_status.state.empty());
    CHECK(br.problems.size() == 2);
}
