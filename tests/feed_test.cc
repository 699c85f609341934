// Integration: the Atom feeds of /api/search.atom (server/atom_feed.h) against
// the real binary and server on loopback: a temporary corpus is indexed, then
// reindexed in full, then a document is added and another changed in
// incremental runs. The feed is read with pugixml (and, when installed, with
// Debian's python3-feedparser through tests/feed/feedparser_check.py).
#include <doctest/doctest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <regex>
#include <set>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <pugixml.hpp>

#include "process.h"

using himoya::testing::run;
using himoya::testing::ServerProcess;
namespace fs = std::filesystem;

namespace {

constexpr const char* kAtom = "http://www.w3.org/2005/Atom";

struct Entry {
    std::string id, title, updated, published, link, summary;
    std::vector<std::string> categories;
};

struct Feed {
    std::string xml;
    std::string id, title, updated, self, alternate;
    std::vector<Entry> entries;
};

bool is_rfc3339(const std::string& s) {
    static const std::regex date(R"(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2}))");
    return std::regex_match(s, date);
}

std::string child_text(pugi::xml_node n, const char* name) { return n.child(name).text().as_string(); }

// The feed parsed, its Atom structure checked on the way.
Feed parse_feed(const std::string& xml) {
    Feed f;
    f.xml = xml;
    pugi::xml_document doc;
    pugi::xml_parse_result ok = doc.load_string(xml.c_str());
    REQUIRE_MESSAGE(ok, ok.description() << "\n" << xml.substr(0, 500));
    pugi::xml_node feed = doc.document_element();
    REQUIRE(std::string(feed.name()) == "feed");
    CHECK(std::string(feed.attribute("xmlns").value()) == kAtom);
    f.id = child_text(feed, "id");
    f.title = child_text(feed, "title");
    f.updated = child_text(feed, "updated");
    CHECK(!f.id.empty());
    CHECK(!f.title.empty());
    CHECK_MESSAGE(is_rfc3339(f.updated), f.updated);
    CHECK(!feed.child("author").child("name").text().empty());  // RFC 4287 4.1.1: an author for entries without one
    for (pugi::xml_node l : feed.children("link")) {
        std::string rel = l.attribute("rel").value();
        if (rel == "self") f.self = l.attribute("href").value();
        if (rel == "alternate") f.alternate = l.attribute("href").value();
    }
    CHECK(f.self.find("/api/search.atom") != std::string::npos);
    CHECK(!f.alternate.empty());
    for (pugi::xml_node e : feed.children("entry")) {
        Entry x;
        x.id = child_text(e, "id");
        x.title = child_text(e, "title");
        x.updated = child_text(e, "updated");
        x.published = child_text(e, "published");
        x.summary = child_text(e, "summary");
        x.link = e.child("link").attribute("href").value();
        for (pugi::xml_node c : e.children("category")) x.categories.push_back(c.attribute("term").value());
        CHECK_MESSAGE(x.id.rfind("tag:himoya,2026:", 0) == 0, x.id);
        CHECK(!x.title.empty());
        CHECK_MESSAGE(is_rfc3339(x.updated), x.updated);
        CHECK_MESSAGE(is_rfc3339(x.published), x.published);
        CHECK(x.published <= x.updated);
        CHECK(std::string(e.child("link").attribute("rel").value()) == "alternate");
        CHECK(x.link.find("/document.html?id=") != std::string::npos);
        CHECK(std::string(e.child("summary").attribute("type").value()) == "text");
        f.entries.push_back(std::move(x));
    }
    std::set<std::string> ids;
    for (const Entry& e : f.entries) ids.insert(e.id);
    CHECK(ids.size() == f.entries.size());
    return f;
}

void copy_corpus_file(const std::string& name, const fs::path& to) {
    fs::copy_file(fs::path(HIMOYA_SOURCE_DIR) / "corpus" / name, to / fs::path(name).filename(),
                  fs::copy_options::overwrite_existing);
}

struct Fixture {
    fs::path dir, corpus, db;
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<httplib::Client> client;

    Fixture() {
        dir = fs::temp_directory_path() / ("himoya-feed-test-" + std::to_string(getpid()));
        fs::remove_all(dir);
        corpus = dir / "corpus";
        db = dir / "index";
        fs::create_directories(corpus);
        for (const char* f : {"thesaurus.xml", "tj/tj-dv-law-2013-en.xml", "tj/tj-dv-law-2013-tg.xml",
                              "tj/tj-family-code-en.xml"})
            copy_corpus_file(f, corpus);
        index(false);
        server = std::make_unique<ServerProcess>(std::vector<std::string>{
            HIMOYA_BINARY, "serve", "--db", db.string(), "--port", "0", "--web", HIMOYA_SOURCE_DIR "/web"});
        client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
        client->set_read_timeout(10, 0);
    }
    ~Fixture() {
        server.reset();
        fs::remove_all(dir);
    }

    void index(bool incremental) {
        std::vector<std::string> args{HIMOYA_BINARY, "index", "--quiet", "--corpus", corpus.string(), "--db", db.string()};
        if (incremental) args.push_back("--incremental");
        auto r = run(args);
        REQUIRE_MESSAGE(r.status == 0, r.err);
    }

    Feed feed(const std::string& query) {
        auto res = client->Get(("/api/search.atom" + query).c_str());
        REQUIRE(res);
        REQUIRE_MESSAGE(res->status == 200, res->body);
        CHECK(res->get_header_value("Content-Type") == "application/atom+xml; charset=utf-8");
        return parse_feed(res->body);
    }

    // The feed once the server has switched to the generation just built
    // (it looks at the index at most every 200 ms per call).
    Feed feed_when(const std::string& query, const std::function<bool(const Feed&)>& ready) {
        Feed f = feed(query);
        for (int i = 0; i < 50 && !ready(f); ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
            f = feed(query);
        }
        return f;
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

// Every version a hit of its own: browsing lists each document.
constexpr const char* kBrowse = "?versions=separate";

std::map<std::string, Entry> by_id(const Feed& f) {
    std::map<std::string, Entry> out;
    for (const Entry& e : f.entries) out[e.id] = e;
    return out;
}

}  // namespace

TEST_CASE("search feeds are Atom 1.0 with stable ids, newest in the index first, across reindexing") {
    Fixture& f = fixture();
    // Browsing lists whole documents; a query lists provisions with their concepts.
    Feed browse = f.feed(kBrowse);
    REQUIRE(browse.entries.size() == 3);
    CHECK(browse.entries[0].id.find("tag:himoya,2026:tj-") == 0);
    Feed query = f.feed("?q=protection%20order&jurisdiction=TJ&per_page=5");
    REQUIRE(!query.entries.empty());
    CHECK(query.entries.size() <= 5);
    CHECK(query.entries[0].id.find('/') != std::string::npos);  // a provision: document/unit
    CHECK(query.self.find("q=protection%20order&jurisdiction=TJ") != std::string::npos);
    CHECK(query.alternate.find("/?q=protection%20order&jurisdiction=TJ") != std::string::npos);
    bool any_category = false;
    for (const Entry& e : query.entries) any_category = any_category || !e.categories.empty();
    CHECK(any_category);
    CHECK(query.xml.find("<summary type=\"text\">") != std::string::npos);
    CHECK(query.xml.find("<mark>") == std::string::npos);  // plain text, not HTML

    // The same request twice, and the same search with its parameters reordered: same ids.
    Feed again = f.feed("?q=protection%20order&jurisdiction=TJ&per_page=5");
    CHECK(again.xml == query.xml);
    CHECK(f.feed("?jurisdiction=TJ&per_page=5&q=protection%20order").id == query.id);
    CHECK(f.feed("?q=marriage").id != query.id);
    // A delimiter inside a value is percent-encoded: another parameter set, another id, while a
    // feed without one keeps the id it always had.
    const Feed two_params = f.feed("?q=violence&ui=ru");
    const Feed one_value = f.feed("?q=violence%3Bui%3Dru");
    CHECK(two_params.id == "tag:himoya,2026:search?q=violence;ui=ru");
    CHECK(one_value.id == "tag:himoya,2026:search?q=violence%3Bui%3Dru");
    CHECK(f.feed("?q=a%3Db").id == "tag:himoya,2026:search?q=a%3Db");
    CHECK(f.feed("?q=a%26b").id == "tag:himoya,2026:search?q=a%26b");
    CHECK(f.feed("?q=100%25").id == "tag:himoya,2026:search?q=100%25");
    CHECK(query.id == "tag:himoya,2026:search?jurisdiction=TJ;q=protection%20order");

    // A full reindex of the same sources keeps ids, and when each text was indexed and updated.
    const std::map<std::string, Entry> before = by_id(browse);
    f.index(false);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));  // the server looks at most every 200 ms
    Feed rebuilt = f.feed(kBrowse);
    CHECK(by_id(rebuilt).size() == before.size());
    for (const auto& [id, e] : by_id(rebuilt)) {
        REQUIRE_MESSAGE(before.count(id), id);
        CHECK(e.published == before.at(id).published);
        CHECK(e.updated == before.at(id).updated);
    }

    // A document added in an incremental run comes first.
    copy_corpus_file("tj/tj-gender-equality-law-2005-en.xml", f.corpus);
    f.index(true);
    const std::string added = "tag:himoya,2026:tj-gender-equality-law-2005-en";
    Feed grown = f.feed_when(kBrowse, [&](const Feed& x) { return x.entries.size() == 4; });
    REQUIRE(grown.entries.size() == 4);
    CHECK(grown.entries[0].id == added);
    for (size_t i = 1; i < grown.entries.size(); ++i) {
        CHECK(grown.entries[i].published < grown.entries[0].published);
        CHECK(grown.entries[i].published == before.at(grown.entries[i].id).published);
    }
    CHECK(grown.updated == grown.entries[0].updated);

    // A changed document keeps when it was first indexed and gets a new updated time.
    const fs::path changed = f.corpus / "tj-family-code-en.xml";
    std::string text;
    {
        std::ifstream in(changed);
        text.assign(std::istreambuf_iterator<char>(in), {});
    }
    size_t at = text.find("</title>");
    REQUIRE(at != std::string::npos);
    text.insert(at, " (edited)");
    std::ofstream(changed) << text;
    f.index(true);
    const std::string family = "tag:himoya,2026:tj-family-code-en";
    Feed edited = f.feed_when(kBrowse, [&](const Feed& x) { return by_id(x).count(family) && by_id(x).at(family).title.find("(edited)") != std::string::npos; });
    REQUIRE(by_id(edited).count(family));
    const Entry e = by_id(edited).at(family);
    CHECK(e.title.find("(edited)") != std::string::npos);
    CHECK(e.published == before.at(family).published);
    CHECK(e.updated > e.published);
    CHECK(edited.entries[0].id == added);  // first indexed order is unchanged

    // A common feed reader reads it too.
    const fs::path saved = f.dir / "feed.xml";
    std::ofstream(saved) << query.xml;
    auto checked = run({"/usr/bin/python3", HIMOYA_SOURCE_DIR "/tests/feed/feedparser_check.py", saved.string(), "1"});
    if (checked.status == 77)
        MESSAGE("feedparser check skipped: " << checked.out);
    else
        CHECK_MESSAGE(checked.status == 0, checked.out << checked.err);
}

TEST_CASE("himoya add on a PDF manual makes it searchable without a restart, first in the feed of a matching search") {
    Fixture& f = fixture();
    // "охранный ордер": the manual's Russian text, and the Tajik law's provisions (through the thesaurus).
    const std::string query = "?q=%D0%BE%D1%85%D1%80%D0%B0%D0%BD%D0%BD%D1%8B%D0%B9%20%D0%BE%D1%80%D0%B4%D0%B5%D1%80";
    Feed before = f.feed(query);
    REQUIRE(!before.entries.empty());
    for (const Entry& e : before.entries) CHECK(e.link.find("police-handout-ru") == std::string::npos);

    // No sidecar: language and title are inferred; what a handout cannot say is given.
    auto added = run({HIMOYA_BINARY, "add", HIMOYA_SOURCE_DIR "/tests/data/office/police-handout-ru.pdf",
                      "--jurisdiction", "TJ", "--type", "manual", "--audience", "police", "--date", "2024",
                      "--body", "Учебный материал", "--corpus", f.corpus.string(), "--db", f.db.string(),
                      "--library", (f.dir / "library").string()});
    REQUIRE_MESSAGE(added.status == 0, added.out << added.err);
    CHECK(added.out.find("inferred") != std::string::npos);

    // The running server picks the new generation up by itself; the manual is the newest match.
    Feed after = f.feed_when(query, [](const Feed& x) {
        return !x.entries.empty() && x.entries[0].link.find("police-handout-ru") != std::string::npos;
    });
    REQUIRE(!after.entries.empty());
    CHECK(after.entries[0].link.find("police-handout-ru") != std::string::npos);
    CHECK(after.entries.size() > before.entries.size());
    for (size_t i = 1; i < after.entries.size(); ++i) CHECK(after.entries[i].published <= after.entries[0].published);

    // And it is a police manual in Russian for search.
    auto res = f.client->Get((std::string("/api/search") + query + "&type=manual&audience=police").c_str());
    REQUIRE(res);
    REQUIRE(res->status == 200);
    auto body = nlohmann::json::parse(res->body);
    REQUIRE(body["total"].get<long>() >= 1);
    CHECK(body["hits"][0]["document_id"] == "police-handout-ru");
    CHECK(body["hits"][0]["lang"] == "ru");
}

TEST_CASE("a feed with a bad parameter is a 400 with a JSON error") {
    Fixture* f = &fixture();
    for (const char* bad : {"?per_page=0", "?sort=newest", "?year_from=abc", "?ui=xx"}) {
        auto res = f->client->Get((std::string("/api/search.atom") + bad).c_str());
        REQUIRE(res);
        CHECK_MESSAGE(res->status == 400, bad << " → " << res->status);
        CHECK(res->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    }
}
