// Integration: the knowledge base out of the index, against the real binary
// and server on loopback — GET /api/export.jsonl and `himoya export` (the
// same JSON Lines), and GET /api/documents/{id}.akn.xml read back by our own
// Akoma Ntoso reader to the same provisions.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "indexer/readers/akn_reader.h"
#include "indexer/readers/document_reader.h"
#include "process.h"

using nlohmann::json;
using himoya::testing::run;
using himoya::testing::ServerProcess;
namespace fs = std::filesystem;

namespace {

const char* const kDocuments[] = {"tj/tj-dv-law-2013-en.xml", "tj/tj-dv-law-2013-tg.xml", "tj/tj-dv-law-2013-ru.xml",
                                  "tj/tj-family-code-tg.xml", "ba/ba-bih-dv-law-2013-en.xml"};

struct Fixture {
    fs::path dir, corpus, db;
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<httplib::Client> client;

    Fixture() {
        dir = fs::temp_directory_path() / ("himoya-export-test-" + std::to_string(getpid()));
        fs::remove_all(dir);
        corpus = dir / "corpus";
        db = dir / "index";
        fs::create_directories(corpus);
        fs::copy_file(fs::path(HIMOYA_SOURCE_DIR) / "corpus/thesaurus.xml", corpus / "thesaurus.xml");
        for (const char* f : kDocuments)
            fs::copy_file(fs::path(HIMOYA_SOURCE_DIR) / "corpus" / f, corpus / fs::path(f).filename());
        auto r = run({HIMOYA_BINARY, "index", "--quiet", "--corpus", corpus.string(), "--db", db.string()});
        REQUIRE_MESSAGE(r.status == 0, r.err);
        server = std::make_unique<ServerProcess>(std::vector<std::string>{
            HIMOYA_BINARY, "serve", "--db", db.string(), "--port", "0", "--web", HIMOYA_SOURCE_DIR "/web"});
        client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
        client->set_read_timeout(10, 0);
    }
    ~Fixture() {
        server.reset();
        fs::remove_all(dir);
    }

    httplib::Result get(const std::string& path, int status) {
        auto res = client->Get(path.c_str());
        REQUIRE_MESSAGE(res, "no response for " << path);
        CHECK_MESSAGE(res->status == status, path << " → " << res->status << " " << res->body.substr(0, 300));
        return res;
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

std::vector<json> lines_of(const std::string& body) {
    std::vector<json> lines;
    std::istringstream in(body);
    std::string line;
    while (std::getline(in, line)) {
        json j = json::parse(line, nullptr, false);
        CHECK_MESSAGE(!j.is_discarded(), "not JSON: " << line.substr(0, 200));
        CHECK_MESSAGE(j.is_object(), line.substr(0, 200));
        if (!j.is_discarded()) lines.push_back(std::move(j));
    }
    return lines;
}

}  // namespace

TEST_CASE("the JSON Lines export holds every document, provision and concept, in a stable order") {
    Fixture& f = fixture();
    auto res = f.get("/api/export.jsonl", 200);
    CHECK(res->get_header_value("Content-Type") == "application/x-ndjson; charset=utf-8");
    REQUIRE(!res->body.empty());
    CHECK(res->body.back() == '\n');
    std::vector<json> lines = lines_of(res->body);
    std::map<std::string, long> kinds;
    std::string last_document, current_document;
    for (const json& j : lines) {
        REQUIRE(j.contains("kind"));
        const std::string kind = j["kind"];
        ++kinds[kind];
        if (kind == "document") {
            CHECK(j["id"].get<std::string>() > last_document);  // documents by id
            last_document = current_document = j["id"];
            for (const char* key : {"title", "jurisdiction", "lang", "type", "legal_status", "versions", "source",
                                    "indexed", "updated", "work_id"})
                CHECK_MESSAGE(j.contains(key), key);
            CHECK(j["indexed"].get<std::string>().size() == 24);
        } else if (kind == "provision") {
            CHECK(j["document"] == current_document);  // after its document
            for (const char* key : {"id", "num", "heading", "label", "text", "topics", "mentions", "unit_id"})
                CHECK_MESSAGE(j.contains(key), key);
        } else {
            CHECK(kind == "concept");
            CHECK(j["labels"].is_object());
        }
    }
    json health = json::parse(f.get("/api/health", 200)->body);
    CHECK(kinds["document"] == health["documents"].get<long>());
    CHECK(kinds["provision"] == health["provisions"].get<long>());
    CHECK(kinds["document"] == 5);
    CHECK(kinds["concept"] > 50);
    // Concepts come last.
    CHECK(lines.back()["kind"] == "concept");
    // The dump is the same every time, and the CLI writes the same lines.
    CHECK(f.get("/api/export.jsonl", 200)->body == res->body);
    auto cli = run({HIMOYA_BINARY, "export", "--format", "jsonl", "--db", f.db.string()});
    CHECK_MESSAGE(cli.status == 0, cli.err);
    CHECK(cli.out == res->body);
    CHECK(run({HIMOYA_BINARY, "export", "--format", "csv", "--db", f.db.string()}).status == 64);
}

TEST_CASE("a Tajik provision's text is exported exactly as the reader read it from the source") {
    Fixture& f = fixture();
    std::map<std::string, std::string> exported;  // provision id → text
    for (const json& j : lines_of(f.get("/api/export.jsonl", 200)->body))
        if (j["kind"] == "provision") exported[j["id"]] = j["text"];
    himoya::IngestReport report;
    auto source = himoya::read_document_file(HIMOYA_SOURCE_DIR "/corpus/tj/tj-dv-law-2013-tg.xml", report);
    REQUIRE(source);
    REQUIRE(source->language == "tg");
    REQUIRE(!source->provisions.empty());
    bool tajik_letters = false;
    for (const himoya::Provision& p : source->provisions) {
        REQUIRE_MESSAGE(exported.count(p.provision_id), p.provision_id);
        CHECK(exported.at(p.provision_id) == p.text);
        tajik_letters = tajik_letters || p.text.find("ҳ") != std::string::npos || p.text.find("ӣ") != std::string::npos;
    }
    CHECK(tajik_letters);
}

TEST_CASE("a document exported as Akoma Ntoso reads back to the same provisions") {
    Fixture& f = fixture();
    for (const char* id : {"tj-dv-law-2013-tg", "tj-dv-law-2013-en", "tj-family-code-tg", "ba-bih-dv-law-2013-en"}) {
        CAPTURE(id);
        auto akn = f.get(std::string("/api/documents/") + id + ".akn.xml", 200);
        CHECK(akn->get_header_value("Content-Type") == "application/akn+xml; charset=utf-8");
        CHECK(akn->body.find("xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"") != std::string::npos);
        json page = json::parse(f.get(std::string("/api/documents/") + id, 200)->body);
        himoya::IngestReport report;
        auto back = himoya::read_akn_string(akn->body, std::string(id) + ".akn.xml", report);
        REQUIRE_MESSAGE(back, akn->body.substr(0, 2000));
        CHECK(report.problems.empty());
        CHECK(back->language == page["lang"]);
        CHECK(back->jurisdiction == page["jurisdiction"]);
        CHECK(back->date == page["date"]);
        CHECK(back->title == page["title"]);
        CHECK(back->type == page["type"]);  // a law stays a law, a code a code (not 'act')
        CHECK(back->text_status == page["text_status"]);
        if (page["legal_status"].is_null()) {
            CHECK(back->legal_status.state.empty());
        } else {
            CHECK(back->legal_status.state == page["legal_status"]["state"]);
            CHECK(back->legal_status.since == page["legal_status"]["since"]);
            CHECK(back->legal_status.relations.size() == page["legal_status"]["relations"].size());
        }
        const json& provisions = page["provisions"];
        REQUIRE(back->provisions.size() == provisions.size());
        for (size_t i = 0; i < back->provisions.size(); ++i) {
            const himoya::Provision& p = back->provisions[i];
            const json& want = provisions[i];
            CHECK(p.unit_id == want["unit_id"]);
            CHECK(p.num == want["num"]);
            CHECK(p.heading == want["heading"]);
            CHECK(p.text == want["text"]);
        }
    }
    f.get("/api/documents/no-such-document.akn.xml", 404);
}

TEST_CASE("Akoma Ntoso export, then himoya add: a repealed law dated by its year keeps type, status and date") {
    // ba-bih-dv-law-2013-en: a summary of a law of 2013 (no day known), repealed since 2025
    // and replaced by the law of 2025.
    Fixture& f = fixture();
    const std::string id = "ba-bih-dv-law-2013-en";
    const std::string xml = f.get("/api/documents/" + id + ".akn.xml", 200)->body;
    // No day is invented: the year is written as its first day with a name saying only the year
    // is known (xsd:date has no year alone), and the repeal is a lifecycle event any AKN reader reads.
    CHECK(xml.find("<act name=\"law\">") != std::string::npos);
    CHECK(xml.find("<FRBRdate date=\"2013-01-01\" name=\"enactment-year\"/>") != std::string::npos);
    CHECK(xml.find("name=\"enactment\"") == std::string::npos);
    CHECK(xml.find("<lifecycle source=\"#himoya\">") != std::string::npos);
    CHECK(xml.find("type=\"repeal\"") != std::string::npos);
    CHECK(xml.find("<himoya:legal-status state=\"repealed\" since=\"2025\">") != std::string::npos);

    // Read back by our reader: the corpus format's values, not defaults.
    himoya::IngestReport report;
    auto back = himoya::read_akn_string(xml, id + ".akn.xml", report);
    REQUIRE(back);
    CHECK(report.problems.empty());
    CHECK(back->type == "law");
    CHECK(back->date == "2013");
    CHECK(back->text_status == "summary");
    CHECK(back->extent == "selected");
    CHECK(back->legal_status.state == "repealed");
    CHECK(back->legal_status.since == "2025");
    REQUIRE(back->legal_status.relations.size() == 1);
    CHECK(back->legal_status.relations[0].type == "replaced-by");
    CHECK(back->legal_status.relations[0].work == "ba-bih-dv-law-2025");
    CHECK(back->legal_status.relations[0].date == "2025-03-12");

    // Without the proprietary block (another AKN tool dropped it) the lifecycle, the act's
    // name and the FRBRdate's name still give the law, its repeal and its year.
    std::string plain = xml;
    const size_t from = plain.find("<proprietary");
    const size_t to = plain.find("</proprietary>\n");
    REQUIRE(from != std::string::npos);
    REQUIRE(to != std::string::npos);
    plain.erase(from, to + std::string("</proprietary>\n").size() - from);
    himoya::IngestReport plain_report;
    auto bare = himoya::read_akn_string(plain, id + ".akn.xml", plain_report);
    REQUIRE(bare);
    CHECK(bare->type == "law");
    CHECK(bare->date == "2013");
    CHECK(bare->legal_status.state == "repealed");
    CHECK(bare->legal_status.since == "2025-01-01");  // the lifecycle's date is a day

    // himoya add of the exported file: indexed as the same law, repealed.
    const fs::path dir = f.dir / "akn-round-trip";
    fs::create_directories(dir / "corpus");
    fs::copy_file(fs::path(HIMOYA_SOURCE_DIR) / "corpus/thesaurus.xml", dir / "corpus" / "thesaurus.xml");
    const fs::path file = dir / (id + ".akn.xml");
    {
        std::ofstream out(file, std::ios::binary);
        out << xml;
    }
    const std::string db = (dir / "index").string();
    auto added = run({HIMOYA_BINARY, "add", file.string(), "--corpus", (dir / "corpus").string(), "--db", db});
    REQUIRE_MESSAGE(added.status == 0, added.out << added.err);
    CHECK_MESSAGE(added.out.find("legal-status    repealed") != std::string::npos, added.out);
    auto found = run({HIMOYA_BINARY, "search", "--db", db, "--json", "--status", "repealed", "--type", "law",
                      "--scope", "document", ""});
    REQUIRE_MESSAGE(found.status == 0, found.err);
    json result = json::parse(found.out);
    REQUIRE_MESSAGE(result["hits"].size() == 1, found.out.substr(0, 2000));
    const json& hit = result["hits"][0];
    CHECK(hit["type"] == "law");
    CHECK(hit["date"] == "2013");
    CHECK(hit["legal_status"]["state"] == "repealed");
    CHECK(hit["legal_status"]["since"] == "2025");
    // and as a summary (a hit does not say; the export of the new index does)
    auto dump = run({HIMOYA_BINARY, "export", "--format", "jsonl", "--db", db});
    REQUIRE_MESSAGE(dump.status == 0, dump.err);
    int documents = 0;
    for (const json& j : lines_of(dump.out)) {
        if (j["kind"] != "document") continue;
        ++documents;
        CHECK(j["text_status"] == "summary");
        CHECK(j["extent"] == "selected");
        CHECK(j["legal_status"]["relations"].size() == 1);
    }
    CHECK(documents == 1);
}
