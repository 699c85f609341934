// `himoya add` through the real binary: a Russian law text without a sidecar
// added with --jurisdiction TJ is inferred, copied into the library with a
// sidecar, indexed and found by search; --dry-run writes nothing; a file with
// nothing to infer is refused with the flags to give; an added document no
// editor indexed gets concepts learnt from the indexed ones; usage errors exit 64.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "process.h"
#include "temp_dir.h"
#include "test_index.h"

namespace fs = std::filesystem;
using himoya::testing::run;
using himoya::testing::TempDir;
using himoya::testing::write_file;
using nlohmann::json;

namespace {

const std::string kFixtures = HIMOYA_SOURCE_DIR "/tests/data/add";

// A one-document corpus with the shipped bodies.xml (from which the issuing
// body is inferred), so that indexing takes well under a second.
void write_small_corpus(const fs::path& dir) {
    fs::create_directories(dir);
    fs::copy_file(HIMOYA_SOURCE_DIR "/corpus/bodies.xml", dir / "bodies.xml");
    write_file(dir / "marker.xml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
               "<document xmlns=\"urn:himoya:corpus:1\" id=\"add-test-marker\" version=\"1\">\n"
               "  <meta><title>Marker</title><jurisdiction>INT</jurisdiction><language>en</language>\n"
               "    <type>report</type><date>2024</date><issuing-body>Test</issuing-body>\n"
               "    <text-status>summary</text-status><source><official-title>Marker</official-title></source>\n"
               "  </meta>\n  <body><section num=\"1\"><p>A marker report about shelters.</p></section></body>\n"
               "</document>\n");
}

std::string read_all(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace

TEST_CASE("add infers a Russian law's metadata, writes its sidecar into the library, and search finds it") {
    TempDir dir("add-command");
    write_small_corpus(dir.path / "corpus");
    const std::string db = (dir.path / "index").string();
    auto r = run({HIMOYA_BINARY, "add", kFixtures + "/zakon-2013.txt", "--jurisdiction", "TJ", "--corpus",
                  (dir.path / "corpus").string(), "--db", db, "--status", "amended", "--status-since", "2016"});
    REQUIRE_MESSAGE(r.status == 0, r.out << r.err);
    // the table shows what was inferred and what was given
    CHECK(r.out.find("2013-03-19") != std::string::npos);
    CHECK(r.out.find("given") != std::string::npos);
    CHECK(r.out.find("inferred") != std::string::npos);

    const fs::path library = dir.path / "library";  // beside the index by default
    REQUIRE(fs::exists(library / "zakon-2013.txt"));
    const std::string sidecar = read_all(library / "zakon-2013.meta.xml");
    CHECK(sidecar.find("<jurisdiction>TJ</jurisdiction>") != std::string::npos);
    CHECK(sidecar.find("<language>ru</language>") != std::string::npos);
    CHECK(sidecar.find("<type>law</type>") != std::string::npos);
    CHECK(sidecar.find("<date>2013-03-19</date>") != std::string::npos);
    CHECK(sidecar.find("<issuing-body ref=\"tj-majlisi-oli\">") != std::string::npos);
    CHECK(sidecar.find("<text-status>summary</text-status>") != std::string::npos);
    CHECK(sidecar.find("<legal-status state=\"amended\" since=\"2016\" />") != std::string::npos);
    CHECK(sidecar.find("<title>ЗАКОН РЕСПУБЛИКИ ТАДЖИКИСТАН О предупреждении насилия в семье</title>") !=
          std::string::npos);

    auto s = run({HIMOYA_BINARY, "search", "--db", db, "--json", "насилие в семье"});
    REQUIRE_MESSAGE(s.status == 0, s.err);
    json result = json::parse(s.out);
    bool found = false;
    for (const json& hit : result["hits"]) found = found || hit["document_id"] == "zakon-2013";
    CHECK_MESSAGE(found, s.out.substr(0, 2000));
    // its legal status is the status facet's: an amended law is found as law in force
    auto in_force = run({HIMOYA_BINARY, "search", "--db", db, "--json", "--status", "amended", "насилие в семье"});
    REQUIRE_MESSAGE(in_force.status == 0, in_force.err);
    found = false;
    const json amended = json::parse(in_force.out);
    for (const json& hit : amended["hits"]) found = found || hit["document_id"] == "zakon-2013";
    CHECK_MESSAGE(found, in_force.out.substr(0, 2000));

    // the marker of the corpus is still there: the run covered corpus and library
    auto m = run({HIMOYA_BINARY, "search", "--db", db, "--json", "shelters"});
    REQUIRE(m.status == 0);
    CHECK(json::parse(m.out)["total"].get<long>() > 0);
}

TEST_CASE("an added document no editor indexed is about what the corpus's indexed texts like it are about") {
    TempDir dir("add-command-learnt");
    const fs::path corpus = dir.path / "corpus";
    write_small_corpus(corpus);
    write_file(corpus / "thesaurus.xml", himoya::testing::sample_thesaurus());
    // An indexed Russian document: its articles on temporary accommodation are about shelters.
    std::string indexed =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<document xmlns=\"urn:himoya:corpus:1\" id=\"centres-ru\" version=\"1\">\n"
        "  <meta><title>Закон о центрах</title><jurisdiction>MD</jurisdiction><language>ru</language>\n"
        "    <type>law</type><date>2010</date><issuing-body>Test</issuing-body>\n"
        "    <text-status>summary</text-status><source><official-title>Закон о центрах</official-title></source>\n"
        "  </meta>\n  <body>\n";
    const char* texts[] = {
        "Пострадавшим предоставляется временное проживание, питание и психологическая помощь в течение трёх месяцев.",
        "Временное проживание пострадавших с детьми оплачивается из местного бюджета, питание и помощь бесплатны.",
        "Центр временного проживания принимает пострадавших круглосуточно и обеспечивает питание и психологическую помощь.",
    };
    int n = 0;
    for (const char* t : texts) {
        const std::string num = std::to_string(++n);
        indexed += "    <article num=\"" + num + "\" id=\"art_" + num + "\" topics=\"shelters\"><heading>Помощь</heading><p>" +
                   t + "</p></article>\n";
    }
    indexed += "    <article num=\"4\" id=\"art_4\" topics=\"domestic-violence\"><heading>Понятия</heading><p>Насилие в семье "
               "есть умышленное действие одного члена семьи против другого.</p></article>\n  </body>\n</document>\n";
    write_file(corpus / "centres-ru.xml", indexed);

    const std::string db = (dir.path / "index").string();
    auto r = run({HIMOYA_BINARY, "add", kFixtures + "/polozhenie-centr.txt", "--jurisdiction", "TJ", "--type", "bylaw",
                  "--body", "Test", "--date", "2020-01-01", "--corpus", corpus.string(), "--db", db});
    REQUIRE_MESSAGE(r.status == 0, r.out << r.err);
    // add says what each provision is now about, and that no editor decided it
    CHECK_MESSAGE(r.out.find("polozhenie-centr: topics assigned automatically") != std::string::npos, r.out);
    const size_t line = r.out.find("  Статья 1: ");
    REQUIRE_MESSAGE(line != std::string::npos, r.out);
    CHECK_MESSAGE(r.out.substr(line, r.out.find('\n', line) - line).find("shelters") != std::string::npos, r.out);
    auto s = run({HIMOYA_BINARY, "search", "--db", db, "--json", "--topic", "shelters", "--scope", "provision",
                  "--jurisdiction", "TJ", ""});
    REQUIRE_MESSAGE(s.status == 0, s.err);
    json result = json::parse(s.out);
    bool learnt = false;
    for (const json& hit : result["hits"]) learnt = learnt || hit["id"] == "polozhenie-centr/art_1";
    // By its heading and opening words alone ("Размещение"; "Лицам, пострадавшим…") article 1
    // would only mention shelters: приют comes at its end.
    CHECK_MESSAGE(learnt, s.out.substr(0, 2000));
}

TEST_CASE("add --dry-run shows the inferred metadata and writes nothing") {
    TempDir dir("add-command-dry");
    write_small_corpus(dir.path / "corpus");
    const std::string db = (dir.path / "index").string();
    auto r = run({HIMOYA_BINARY, "add", kFixtures + "/zakon-2013.txt", "--jurisdiction", "TJ", "--corpus",
                  (dir.path / "corpus").string(), "--db", db, "--status", "in-force", "--dry-run"});
    CHECK_MESSAGE(r.status == 0, r.out << r.err);
    CHECK(r.out.find("<date>2013-03-19</date>") != std::string::npos);  // the sidecar it would write
    CHECK_FALSE(fs::exists(dir.path / "library"));
    CHECK_FALSE(fs::exists(dir.path / "index"));
}

TEST_CASE("add reads a legacy Word .doc in Tajik: language, title, date and type inferred from its text") {
    TempDir dir("add-command-doc");
    write_small_corpus(dir.path / "corpus");
    // No sidecar beside it: the copy is alone in its folder.
    fs::create_directories(dir.path / "in");
    fs::copy_file(HIMOYA_SOURCE_DIR "/tests/data/office/tj-dv-law-tg-word97.doc", dir.path / "in" / "qonun.doc");
    auto r = run({HIMOYA_BINARY, "add", (dir.path / "in" / "qonun.doc").string(), "--jurisdiction", "TJ", "--body",
                  "Маҷлиси Олӣ", "--corpus", (dir.path / "corpus").string(), "--db", (dir.path / "index").string(),
                  "--status", "in-force", "--dry-run"});
    REQUIRE_MESSAGE(r.status == 0, r.out << r.err);
    CHECK(r.out.find("8 provision(s)") != std::string::npos);
    CHECK(r.out.find("<language>tg</language>") != std::string::npos);
    CHECK(r.out.find("<type>law</type>") != std::string::npos);
    CHECK(r.out.find("<date>2013-03-19</date>") != std::string::npos);
    // A slide deck is named as not read, with the formats that are.
    write_file(dir.path / "in" / "course.pptx", "PK\x03\x04");
    auto slides = run({HIMOYA_BINARY, "add", (dir.path / "in" / "course.pptx").string(), "--corpus",
                       (dir.path / "corpus").string(), "--db", (dir.path / "index").string(), "--dry-run"});
    CHECK(slides.status != 0);
    CHECK_MESSAGE(slides.err.find(".rtf, .doc or .xml") != std::string::npos, slides.err);
}

TEST_CASE("add reads an ODT and an RTF law as it reads the same text in a .txt: its title paragraph is kept and read") {
    // The title is a paragraph in a Title style before the first heading: it was
    // dropped as a bare heading, so the title became "Основные понятия", the type
    // was missing and the summary was filed as an official text.
    TempDir dir("add-command-office-title");
    write_small_corpus(dir.path / "corpus");
    for (const std::string file : {"tj-dv-law-ru.odt", "tj-dv-law-ru-rtf.rtf"}) {
        fs::create_directories(dir.path / "tj");
        fs::copy_file(HIMOYA_SOURCE_DIR "/tests/data/office/" + file, dir.path / "tj" / file,
                      fs::copy_options::overwrite_existing);
        auto r = run({HIMOYA_BINARY, "add", (dir.path / "tj" / file).string(), "--corpus", (dir.path / "corpus").string(),
                      "--db", (dir.path / "index").string(), "--status", "in-force", "--dry-run"});
        CAPTURE(file);
        CHECK_MESSAGE(r.out.find("title           Закон Республики Таджикистан «О предупреждении насилия в семье» (краткое изложение)") !=
                          std::string::npos, r.out);
        CHECK_MESSAGE(r.out.find("type            law") != std::string::npos, r.out);
        CHECK_MESSAGE(r.out.find("text-status     summary") != std::string::npos, r.out);
    }
}

TEST_CASE("add's evidence names the line of the file the date is on") {
    // QA: a date on line 3, under a title on lines 1-2 with no blank line
    // between (one paragraph for the reader), was shown as "line 1".
    TempDir dir("add-command-evidence-line");
    write_small_corpus(dir.path / "corpus");
    fs::create_directories(dir.path / "tj");
    fs::copy_file(kFixtures + "/qonun-2077.txt", dir.path / "tj" / "qonun.txt");
    auto r = run({HIMOYA_BINARY, "add", (dir.path / "tj" / "qonun.txt").string(), "--corpus",
                  (dir.path / "corpus").string(), "--db", (dir.path / "index").string(), "--status", "in-force",
                  "--dry-run"});
    CHECK_MESSAGE(r.out.find("line 3: «аз 12 марти соли 2024, № 2077»") != std::string::npos, r.out);
    CHECK_MESSAGE(r.out.find("line 1: «") == std::string::npos, r.out);
}

TEST_CASE("add exits 2 when the indexer cuts an added file short (a page with no text), as himoya index does") {
    TempDir dir("add-command-truncated");
    write_small_corpus(dir.path / "corpus");
    fs::create_directories(dir.path / "tj");
    fs::copy_file(HIMOYA_SOURCE_DIR "/tests/data/office/tj-dv-law-ru-unreadable-scan.pdf",
                  dir.path / "tj" / "scan.pdf");
    auto r = run({HIMOYA_BINARY, "add", (dir.path / "tj" / "scan.pdf").string(), "--corpus", (dir.path / "corpus").string(),
                  "--db", (dir.path / "index").string(), "--body", "Test", "--date", "2013", "--type", "law", "--title", "T",
                  "--status", "in-force"});
    CHECK_MESSAGE(r.err.find("[truncated]") != std::string::npos, r.err);
    CHECK(r.status == 2);
}

TEST_CASE("add refuses a file with nothing to infer and lists the flags to give") {
    TempDir dir("add-command-refuse");
    write_small_corpus(dir.path / "corpus");
    const std::string db = (dir.path / "index").string();
    auto r = run({HIMOYA_BINARY, "add", kFixtures + "/uninferable.txt", "--corpus", (dir.path / "corpus").string(),
                  "--db", db});
    CHECK(r.status == 1);
    CHECK(r.err.find("uninferable.txt: refused") != std::string::npos);
    for (const char* flag : {"--title", "--lang", "--type", "--date", "--body"})
        CHECK_MESSAGE(r.err.find(flag) != std::string::npos, flag << " not listed: " << r.err);
    CHECK_FALSE(fs::exists(dir.path / "library" / "uninferable.txt"));
}

TEST_CASE("add refuses metadata given in a form the corpus does not know: a day off the calendar, no ISO code, no type") {
    TempDir dir("add-command-bad-values");
    write_small_corpus(dir.path / "corpus");
    const std::string db = (dir.path / "index").string();
    auto r = run({HIMOYA_BINARY, "add", kFixtures + "/polozhenie-centr.txt", "--corpus", (dir.path / "corpus").string(),
                  "--db", db, "--date", "2099-13-45", "--lang", "xx", "--jurisdiction", "ZZ", "--type", "bogus",
                  "--body", "Test", "--title", "T"});
    CHECK(r.status == 64);  // a usage error, before any file is read
    for (const char* named : {"--date '2099-13-45'", "--lang 'xx'", "--jurisdiction 'ZZ'", "--type 'bogus'"})
        CHECK_MESSAGE(r.err.find(named) != std::string::npos, named << " not named: " << r.err);
    CHECK_FALSE(fs::exists(dir.path / "library" / "polozhenie-centr.txt"));
    // A real day, ISO codes and a type of the format are taken.
    auto ok = run({HIMOYA_BINARY, "add", kFixtures + "/polozhenie-centr.txt", "--corpus", (dir.path / "corpus").string(),
                   "--db", db, "--date", "2024-02-29", "--lang", "ru", "--jurisdiction", "BA-SRP", "--type", "bylaw",
                   "--body", "Test", "--title", "T", "--dry-run"});
    CHECK_MESSAGE(ok.status == 0, ok.out << ok.err);
    auto feb = run({HIMOYA_BINARY, "add", kFixtures + "/polozhenie-centr.txt", "--corpus", (dir.path / "corpus").string(),
                    "--db", db, "--date", "2023-02-29", "--lang", "ru", "--jurisdiction", "TJ", "--type", "bylaw",
                    "--body", "Test", "--title", "T", "--dry-run"});
    CHECK(feb.status == 64);
    CHECK_MESSAGE(feb.err.find("--date '2023-02-29'") != std::string::npos, feb.err);
}

TEST_CASE("add refuses a text status, audience or language the corpus format does not list, naming those it does") {
    TempDir dir("add-command-closed-lists");
    write_small_corpus(dir.path / "corpus");
    const std::string db = (dir.path / "index").string();
    auto r = run({HIMOYA_BINARY, "add", kFixtures + "/zakon-2013.txt", "--jurisdiction", "TJ", "--corpus",
                  (dir.path / "corpus").string(), "--db", db, "--lang", "de", "--text-status", "weird", "--audience",
                  "aliens", "--status", "in-force"});
    CHECK(r.status == 64);
    for (const char* named : {"--lang 'de' is not tg, ru or en", "--text-status 'weird' is not official, "
                              "official-translation, unofficial-translation or summary", "--audience 'aliens'",
                              "police, judiciary, prosecutors, health, social-work, shelters-ngos, general-public or "
                              "legislators"})
        CHECK_MESSAGE(r.err.find(named) != std::string::npos, named << " not named: " << r.err);
    CHECK_FALSE(fs::exists(dir.path / "library"));
    CHECK_FALSE(fs::exists(dir.path / "index"));
    // one bad group among good ones is refused too; a legal status outside the five, a bad since
    CHECK(run({HIMOYA_BINARY, "add", "x.txt", "--audience", "police,aliens"}).status == 64);
    auto status = run({HIMOYA_BINARY, "add", "x.txt", "--status", "valid"});
    CHECK(status.status == 64);
    CHECK_MESSAGE(status.err.find("in-force, amended, repealed, expired or not-yet-in-force") != std::string::npos,
                  status.err);
    CHECK(run({HIMOYA_BINARY, "add", "x.txt", "--status", "repealed", "--status-since", "2013-02-30"}).status == 64);
    CHECK(run({HIMOYA_BINARY, "add", "x.txt", "--status-since", "2013"}).status == 64);  // since of no status
    // the accepted values are taken: several groups, each text status
    auto ok = run({HIMOYA_BINARY, "add", kFixtures + "/zakon-2013.txt", "--jurisdiction", "TJ", "--corpus",
                   (dir.path / "corpus").string(), "--db", db, "--lang", "ru", "--text-status",
                   "unofficial-translation", "--audience", "police, judiciary", "--status", "repealed",
                   "--status-since", "2020-05", "--dry-run"});
    CHECK_MESSAGE(ok.status == 0, ok.out << ok.err);
    CHECK(ok.out.find("<group>police</group>") != std::string::npos);
    CHECK(ok.out.find("<group>judiciary</group>") != std::string::npos);
    CHECK(ok.out.find("<text-status>unofficial-translation</text-status>") != std::string::npos);
    CHECK(ok.out.find("<legal-status state=\"repealed\" since=\"2020-05\" />") != std::string::npos);
}

TEST_CASE("add refuses a law without a legal status, and a legal status on a practice document") {
    TempDir dir("add-command-legal-status");
    write_small_corpus(dir.path / "corpus");
    const std::string db = (dir.path / "index").string();
    // the type is inferred (law): a law, code, treaty or programme has a legal status
    auto law = run({HIMOYA_BINARY, "add", kFixtures + "/zakon-2013.txt", "--jurisdiction", "TJ", "--corpus",
                    (dir.path / "corpus").string(), "--db", db});
    CHECK(law.status == 1);
    CHECK_MESSAGE(law.err.find("zakon-2013.txt: refused") != std::string::npos, law.err);
    CHECK_MESSAGE(law.err.find("--status (a law has a legal status") != std::string::npos, law.err);
    CHECK_FALSE(fs::exists(dir.path / "library" / "zakon-2013.txt"));
    for (const char* type : {"code", "treaty", "programme"}) {
        auto r = run({HIMOYA_BINARY, "add", kFixtures + "/zakon-2013.txt", "--jurisdiction", "TJ", "--corpus",
                      (dir.path / "corpus").string(), "--db", db, "--type", type, "--dry-run"});
        CAPTURE(type);
        CHECK(r.status == 1);
        CHECK_MESSAGE(r.err.find("--status (a") != std::string::npos, r.err);
    }
    // a bylaw may have one or not
    for (bool with : {false, true}) {
        std::vector<std::string> args = {HIMOYA_BINARY, "add", kFixtures + "/polozhenie-centr.txt", "--jurisdiction",
                                         "TJ", "--type", "bylaw", "--body", "Test", "--date", "2020-01-01", "--corpus",
                                         (dir.path / "corpus").string(), "--db", db, "--dry-run"};
        if (with) args.insert(args.end(), {"--status", "in-force"});
        auto r = run(args);
        CHECK_MESSAGE(r.status == 0, r.out << r.err);
    }
    // a manual has none
    auto manual = run({HIMOYA_BINARY, "add", kFixtures + "/polozhenie-centr.txt", "--jurisdiction", "TJ", "--type",
                       "manual", "--body", "Test", "--date", "2020-01-01", "--corpus", (dir.path / "corpus").string(),
                       "--db", db, "--status", "in-force", "--dry-run"});
    CHECK(manual.status == 1);
    CHECK_MESSAGE(manual.err.find("a manual has no legal status") != std::string::npos, manual.err);
}

TEST_CASE("a symbolic link in the library that leads outside it is reported and not followed; one inside it is read") {
    TempDir dir("add-command-links");
    write_small_corpus(dir.path / "corpus");
    const fs::path library = dir.path / "library";
    fs::create_directories(library);
    write_file(dir.path / "secret.txt", "zebrafinchsecret outside the library\n");
    fs::create_symlink(dir.path / "secret.txt", library / "secret.txt");
    write_file(library / "secret.meta.xml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<meta xmlns=\"urn:himoya:corpus:1\"><title>S</title>"
               "<jurisdiction>TJ</jurisdiction><language>en</language><type>report</type><date>2024</date>"
               "<issuing-body>B</issuing-body><text-status>official</text-status>"
               "<source><official-title>S</official-title></source></meta>\n");
    write_file(library / ".store" / "kept.txt", "kestrelwinginside text kept\n");  // hidden: read only through the link
    fs::create_symlink(library / ".store" / "kept.txt", library / "kept-link.txt");
    write_file(library / "kept-link.meta.xml",
               "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<meta xmlns=\"urn:himoya:corpus:1\"><title>K</title>"
               "<jurisdiction>TJ</jurisdiction><language>en</language><type>report</type><date>2024</date>"
               "<issuing-body>B</issuing-body><text-status>official</text-status>"
               "<source><official-title>S</official-title></source></meta>\n");
    const std::string db = (dir.path / "index").string();
    auto r = run({HIMOYA_BINARY, "add", kFixtures + "/polozhenie-centr.txt", "--jurisdiction", "TJ", "--type", "bylaw",
                  "--body", "Test", "--date", "2020-01-01", "--corpus", (dir.path / "corpus").string(), "--db", db,
                  "--library", library.string()});
    CHECK_MESSAGE(r.err.find("missing") == std::string::npos, r.err);  // the sidecars are complete
    CHECK_MESSAGE(r.err.find("secret.txt: symbolic link to") != std::string::npos, r.err);
    CHECK_MESSAGE(r.err.find("outside the library folder") != std::string::npos, r.err);
    auto secret = run({HIMOYA_BINARY, "search", "--db", db, "zebrafinchsecret"});
    CHECK(secret.out.find("0 result") != std::string::npos);
    auto kept = run({HIMOYA_BINARY, "search", "--db", db, "kestrelwinginside"});
    CHECK_MESSAGE(kept.out.find("0 result") == std::string::npos, kept.out);
}

TEST_CASE("add without --corpus indexes the folders the index was built from; leaving one out is warned about") {
    TempDir dir("add-command-remembered");
    write_small_corpus(dir.path / "elsewhere");  // not ./corpus: the default would lose it
    const std::string db = (dir.path / "index").string();
    auto built = run({HIMOYA_BINARY, "index", "--quiet", "--corpus", (dir.path / "elsewhere").string(), "--db", db});
    REQUIRE_MESSAGE(built.status == 0, built.err);
    auto total = [&](const std::string& q) {
        auto s = run({HIMOYA_BINARY, "search", "--db", db, "--json", q});
        REQUIRE(s.status == 0);
        return json::parse(s.out)["total"].get<long>();
    };
    REQUIRE(total("marker") > 0);  // the marker (no corpus document says "marker")

    auto r = run({HIMOYA_BINARY, "add", kFixtures + "/zakon-2013.txt", "--jurisdiction", "TJ", "--db", db, "--status",
                  "in-force"});
    REQUIRE_MESSAGE(r.status == 0, r.out << r.err);
    CHECK(r.err.find("warning") == std::string::npos);
    CHECK(total("marker") > 0);                // the remembered folder was indexed again
    CHECK(total("насилие в семье") > 0);       // and the added law is there

    // A --corpus that leaves the remembered folder out: said before it happens.
    TempDir other("add-command-other");
    fs::copy_file(HIMOYA_SOURCE_DIR "/corpus/bodies.xml", other.path / "bodies.xml");  // to infer the body
    auto w = run({HIMOYA_BINARY, "add", kFixtures + "/zakon-2013.txt", "--jurisdiction", "TJ", "--corpus",
                  other.path.string(), "--db", db, "--status", "in-force", "--dry-run"});
    CHECK(w.status == 0);
    CHECK_MESSAGE(w.err.find("warning: ") != std::string::npos, w.err);
    CHECK(w.err.find("elsewhere") != std::string::npos);
}

TEST_CASE("add usage errors exit 64") {
    CHECK(run({HIMOYA_BINARY, "add"}).status == 64);
    CHECK(run({HIMOYA_BINARY, "add", "a.txt", "b.txt", "--id", "x"}).status == 64);
    CHECK(run({HIMOYA_BINARY, "add", "a.txt", "--bogus"}).status == 64);
    auto help = run({HIMOYA_BINARY, "add", "--help"});
    CHECK(help.status == 0);
    CHECK(help.out.find("--dry-run") != std::string::npos);
    CHECK(help.out.find("--status S") != std::string::npos);
    CHECK(help.out.find("--status-since D") != std::string::npos);
}
