// Integration: index the bundled corpus with the real binary, start the real
// server on a free loopback port, and speak HTTP to every endpoint.
#include <doctest/doctest.h>

#include <filesystem>
#include <map>
#include <random>
#include <set>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "process.h"

using nlohmann::json;
using himoya::testing::run;
using himoya::testing::ServerProcess;

namespace {

struct Fixture {
    std::string db;
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<httplib::Client> client;

    Fixture() {
        db = (std::filesystem::temp_directory_path() / ("himoya-server-test-" + std::to_string(getpid()))).string();
        std::filesystem::remove_all(db);
        auto indexed = run({HIMOYA_BINARY, "index", "--corpus", HIMOYA_SOURCE_DIR "/corpus", "--db", db, "--quiet"});
        REQUIRE_MESSAGE(indexed.status == 0, indexed.err);
        server = std::make_unique<ServerProcess>(std::vector<std::string>{
            HIMOYA_BINARY, "serve", "--db", db, "--port", "0", "--web", HIMOYA_SOURCE_DIR "/web"});
        client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
        client->set_read_timeout(10, 0);
    }
    ~Fixture() {
        server.reset();
        std::filesystem::remove_all(db);
    }

    json get_json(const std::string& path, int expected_status) {
        auto res = client->Get(path.c_str());
        REQUIRE_MESSAGE(res, "no response for " << path);
        CHECK_MESSAGE(res->status == expected_status, path << " → " << res->status << " " << res->body);
        CHECK(res->get_header_value("Content-Type").find("application/json") == 0);
        return json::parse(res->body);
    }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

long facet_count(const json& r, const std::string& facet, const std::string& value) {
    for (const auto& c : r["facets"][facet])
        if (c["value"] == value) return c["count"].get<long>();
    return 0;
}

}  // namespace

TEST_CASE("health reports the corpus") {
    json h = fixture().get_json("/api/health", 200);
    CHECK(h["status"] == "ok");
    CHECK(h["documents"].get<long>() >= 12);
    CHECK(h["provisions"].get<long>() > h["documents"].get<long>());
}

TEST_CASE("search returns the documented contract") {
    json r = fixture().get_json("/api/search?q=protection%20order&per_page=5", 200);
    for (const char* key : {"query", "total", "total_versions", "page", "per_page", "took_ms", "hits", "facets", "suggestion"})
        CHECK_MESSAGE(r.contains(key), key);
    CHECK(r["query"] == "protection order");
    CHECK(r["per_page"] == 5);
    REQUIRE(r["hits"].size() == 5);
    for (const auto& hit : r["hits"])
        for (const char* key : {"id", "document_id", "title", "num", "heading", "jurisdiction", "lang", "type",
                                "year", "topics", "snippet", "score", "url", "version_group", "versions"})
            CHECK_MESSAGE(hit.contains(key), key);
    // One hit per text: no two hits are versions of each other; the versions
    // listed under a hit are real records of the same text.
    std::set<std::string> groups;
    for (const auto& hit : r["hits"]) {
        CHECK(groups.insert(hit["version_group"].get<std::string>()).second);
        for (const auto& v : hit["versions"]) {
            CHECK(v["lang"] != hit["lang"]);
            json doc = fixture().get_json("/api/documents/" + v["document_id"].get<std::string>(), 200);
            CHECK(doc["work_id"].get<std::string>() + "/" + hit["unit_id"].get<std::string>() == hit["version_group"]);
        }
    }
    CHECK(r["hits"][0]["snippet"].get<std::string>().find("<mark>") != std::string::npos);
    for (const char* facet : {"jurisdiction", "lang", "type", "year", "topic", "body"})
        CHECK_MESSAGE(r["facets"].contains(facet), facet);
    long sum = 0;
    for (const auto& c : r["facets"]["lang"]) sum += c["count"].get<long>();
    // every record has exactly one language: counts are exact, over every version
    CHECK(sum == r["total_versions"].get<long>());
    CHECK(r["total"].get<long>() < sum);  // ... and the Tajik law's versions are one hit
    json separate = fixture().get_json("/api/search?q=protection%20order&per_page=5&versions=separate", 200);
    CHECK(separate["total"] == r["total_versions"]);
    for (const auto& hit : separate["hits"]) CHECK(hit["versions"].empty());
    json bad = fixture().get_json("/api/search?q=x&versions=all", 400);
    CHECK(bad["error"]["message"].get<std::string>().find("versions") != std::string::npos);
}

TEST_CASE("facets are multi-select: OR inside a facet, AND across") {
    auto& f = fixture();
    json all = f.get_json("/api/search?q=", 200);
    json tj = f.get_json("/api/search?q=&jurisdiction=TJ", 200);
    // a facet value's count is the number of results ticking it gives (texts)
    CHECK(tj["total"] == facet_count(all, "jurisdiction", "TJ"));
    CHECK(facet_count(tj, "jurisdiction", "GE") == facet_count(all, "jurisdiction", "GE"));
    json two = f.get_json("/api/search?q=&jurisdiction=TJ&jurisdiction=GE", 200);
    CHECK(two["total"] == facet_count(all, "jurisdiction", "TJ") + facet_count(all, "jurisdiction", "GE"));
    json tj_ru = f.get_json("/api/search?q=&jurisdiction=TJ&lang=ru", 200);
    CHECK(tj_ru["total"] == facet_count(tj, "lang", "ru"));  // one language: a hit per record
    for (const auto& hit : tj_ru["hits"]) {
        CHECK(hit["jurisdiction"] == "TJ");
        CHECK(hit["lang"] == "ru");
    }
}

TEST_CASE("natural questions: a facet value counts what ticking it gives, on a filtered page too") {
    // Whether most of the words suffice (interpretation.relaxed) is judged on
    // the whole collection: a jurisdiction with a few strict matches is not
    // relaxed when ticked, which made its count (strict) and its page
    // (relaxed) disagree, and one question's totals differ by its language.
    auto& f = fixture();
    auto url = [](const std::string& q, const std::string& more) {
        return "/api/search?q=" + httplib::detail::encode_query_param(q) + "&ui=ru" + more;
    };
    std::map<std::string, long> md_totals;
    for (const std::string q : {"кто может получить защитное предписание", "ордери ҳимоявӣ мӯҳлат",
                                "protection order duration", "срок охранного ордера"}) {
        CAPTURE(q);
        json all = f.get_json(url(q, ""), 200);
        int checked = 0;
        for (const char* facet : {"jurisdiction", "lang"}) {
            for (const auto& c : all["facets"][facet]) {
                const std::string value = c["value"];
                CAPTURE(value);
                json ticked = f.get_json(url(q, "&" + std::string(facet) + "=" + value), 200);
                CHECK(ticked["total"] == c["count"]);
                ++checked;
                if (std::string(facet) != "jurisdiction") continue;
                // From the filtered page, each other jurisdiction's count is its page's total.
                for (const auto& other : ticked["facets"]["jurisdiction"]) {
                    const std::string code = other["value"];
                    CAPTURE(code);
                    CHECK(f.get_json(url(q, "&jurisdiction=" + code), 200)["total"] == other["count"]);
                }
            }
        }
        CHECK(checked >= 8);
        md_totals[q] = f.get_json(url(q, "&jurisdiction=MD"), 200)["total"].get<long>();
    }
    // The same question in three languages: one total under the Moldova filter.
    CHECK(md_totals["protection order duration"] == md_totals["срок охранного ордера"]);
    CHECK(md_totals["protection order duration"] == md_totals["ордери ҳимоявӣ мӯҳлат"]);
}

TEST_CASE("a relaxed question: each topic value counts what ticking it gives, where the filter leaves only whole documents strict") {
    // Ticking "risk assessment" found no provision with every word and fell
    // back to two whole documents, while the facet had counted one relaxed
    // provision: the filtered page is relaxed as the unfiltered one is.
    auto& f = fixture();
    const std::string q = httplib::detail::encode_query_param("обязанности участкового инспектора");
    json all = f.get_json("/api/search?ui=ru&q=" + q, 200);
    REQUIRE(all["interpretation"]["relaxed"] == true);
    int checked = 0;
    for (const auto& c : all["facets"]["topic"]) {
        const std::string value = c["value"];
        CAPTURE(value);
        json ticked = f.get_json("/api/search?ui=ru&q=" + q + "&topic=" + value, 200);
        CHECK(ticked["total"] == c["count"]);
        ++checked;
    }
    CHECK(checked >= 10);
}

TEST_CASE("compare by words reaches the other languages' versions, as search does: one answer for a Russian and a Tajik word") {
    // Kazakhstan's Russian version writes "преследовать", which does not stem
    // like "преследование"; its Tajik version's "таъқиб" is the lexicon's
    // counterpart. Compare by words had no lexicon: a gap in Russian, 2 in Tajik.
    auto& f = fixture();
    auto kz_total = [&](const std::string& q) {
        json r = f.get_json("/api/compare?jurisdiction=KZ&jurisdiction=BA-SRP&ui=ru&q=" + httplib::detail::encode_query_param(q), 200);
        return r["columns"][0]["total"].get<long>();
    };
    const long ru = kz_total("преследование");
    CHECK(ru > 0);
    CHECK(ru == kz_total("таъқиб"));
    CHECK(ru == f.get_json("/api/search?jurisdiction=KZ&scope=provision&q=" + httplib::detail::encode_query_param("преследование"), 200)["total"].get<long>());
}

TEST_CASE("an excluded word is excluded in every language, as its positive form is searched in every language") {
    auto& f = fixture();
    // The positive word reaches Russian and Tajik versions through the lexicon: excluding
    // it leaves nothing, not the texts whose own words translate it.
    CHECK(f.get_json("/api/search?q=violence", 200)["total"].get<long>() > 100);
    CHECK(f.get_json("/api/search?q=violence%20-violence", 200)["total"] == 0);
    json r = f.get_json("/api/search?q=violence%20-sexual&per_page=100&scope=provision", 200);
    CHECK(r["total"].get<long>() > 0);
    for (const auto& hit : r["hits"]) {
        CAPTURE(hit["id"].get<std::string>());
        CHECK(hit["id"].get<std::string>().find("/sexual") == std::string::npos);  // "Сексуальное насилие" in ru
    }
}

TEST_CASE("CLI: output that cannot be written (a full disk) is exit 1 with a message, not a cut-off success") {
    if (!std::filesystem::exists("/dev/full")) return;  // Linux only
    const std::string db = fixture().db;
    for (const std::string& command : std::vector<std::string>{"search --db " + db + " violence", "search --db " + db + " --json violence",
                                      "compare --db " + db + " --jurisdiction TJ --jurisdiction GE --topic shelters --format csv",
                                      std::string("analyze hello")}) {
        CAPTURE(command);
        auto r = run({"/bin/sh", "-c", std::string(HIMOYA_BINARY) + " " + command + " > /dev/full"});
        CHECK(r.status == 1);
        CHECK_MESSAGE(r.err.find("cannot write the output") != std::string::npos, r.err);
        // The same to a pipe that is read is a success.
        CHECK(run({"/bin/sh", "-c", std::string(HIMOYA_BINARY) + " " + command + " > /dev/null"}).status == 0);
    }
}

TEST_CASE("CLI: one index given twice, and text that is not UTF-8, are errors, not doubled or garbled answers") {
    const std::string db = fixture().db;
    auto twice = run({HIMOYA_BINARY, "search", "--db", db, "--db", db + "/", "--json", "violence"});
    CHECK(twice.status == 1);
    CHECK_MESSAGE(twice.err.find("given twice") != std::string::npos, twice.err);
    auto analyze = run({HIMOYA_BINARY, "analyze", "a\xff" "b"});
    CHECK(analyze.status == 64);
    CHECK_MESSAGE(analyze.err.find("not valid UTF-8") != std::string::npos, analyze.err);
    auto compare = run({HIMOYA_BINARY, "compare", "--db", db, "--jurisdiction", "TJ", "--jurisdiction", "GE", "\xff"});
    CHECK(compare.status == 64);
    CHECK_MESSAGE(compare.err.find("not valid UTF-8") != std::string::npos, compare.err);
}

TEST_CASE("compare and matrix take repeated parameters in both forms /api/search takes (name=, name[]=)") {
    auto& f = fixture();
    json plain = f.get_json("/api/compare?jurisdiction=TJ&jurisdiction=GE&topic=shelters", 200);
    json brackets = f.get_json("/api/compare?jurisdiction%5B%5D=TJ&jurisdiction%5B%5D=GE&topic=shelters", 200);
    CHECK(plain["columns"].size() == 2);
    CHECK(brackets["columns"] == plain["columns"]);
    json m = f.get_json("/api/matrix?jurisdiction%5B%5D=TJ&jurisdiction%5B%5D=GE&lang%5B%5D=ru", 200);
    CHECK(m["jurisdictions"] == json::array({"TJ", "GE"}));
    // An unknown code names the codes compare can compare: those with texts.
    json unknown = f.get_json("/api/compare?jurisdiction=TJ&jurisdiction=XX&topic=shelters", 400);
    const std::string message = unknown["error"]["message"];
    CHECK(message.find("BA-SRP") != std::string::npos);
    CHECK_MESSAGE(message.find("AM,") == std::string::npos, message);  // Armenia: named in jurisdictions.xml, no text
}

TEST_CASE("phrase queries and paging") {
    auto& f = fixture();
    json phrase = f.get_json("/api/search?q=%22protection%20order%22&per_page=100", 200);
    json words = f.get_json("/api/search?q=protection%20order&per_page=100", 200);
    CHECK(phrase["total"].get<long>() > 0);
    CHECK(phrase["total"].get<long>() <= words["total"].get<long>());
    json p1 = f.get_json("/api/search?q=violence&per_page=3&page=1", 200);
    json p2 = f.get_json("/api/search?q=violence&per_page=3&page=2", 200);
    REQUIRE(p2["hits"].size() > 0);
    CHECK(p1["hits"][0]["id"] != p2["hits"][0]["id"]);
}

TEST_CASE("documents: provisions, 404 for unknown ids") {
    auto& f = fixture();
    json hit = f.get_json("/api/search?q=%D0%BE%D1%80%D0%B4%D0%B5%D1%80&scope=provision&per_page=1", 200);  // ордер
    REQUIRE(hit["hits"].size() == 1);
    std::string doc_id = hit["hits"][0]["document_id"];
    json doc = f.get_json("/api/documents/" + doc_id, 200);
    CHECK(doc["id"] == doc_id);
    CHECK(doc["provisions"].size() > 0);
    CHECK(doc.contains("versions"));
    json missing = f.get_json("/api/documents/no-such-document", 404);
    CHECK(missing["error"]["code"] == 404);
}

TEST_CASE("analyze shows terms and stems") {
    json a = fixture().get_json("/api/analyze?text=%D0%9E%D1%85%D1%80%D0%B0%D0%BD%D0%BD%D1%8B%D0%B5%20orders&lang=auto", 200);
    REQUIRE(a["tokens"].size() == 2);
    CHECK(a["tokens"][0]["term"] == "охранные");
    CHECK(a["tokens"][1]["stem"] == "order");
    for (const char* key : {"token", "term", "stem", "start", "end", "position"}) CHECK(a["tokens"][0].contains(key));
    fixture().get_json("/api/analyze?text=x&lang=fr", 400);
}

TEST_CASE("bad parameters are 400 with a JSON message, never 500") {
    auto& f = fixture();
    for (const std::string path : {"/api/search?per_page=1000", "/api/search?per_page=0", "/api/search?page=abc",
                                   "/api/search?page=-1", "/api/search?year_from=20x", "/api/search?sort=random",
                                   "/api/search?q=%FF%FE", "/api/search?page=200&per_page=100",
                                   "/api/search?year_from=2020&year_to=2010", "/api/search?scope=everything"}) {
        json e = f.get_json(path, 400);
        CHECK_MESSAGE(e["error"]["message"].get<std::string>().size() > 5, path);
    }
    json long_q = f.get_json("/api/search?q=" + std::string(2000, 'a'), 400);
    CHECK(long_q["error"]["code"] == 400);
    f.get_json("/api/nothing-here", 404);
}

TEST_CASE("errors are in the request's UI language, with the English beside them") {
    auto& f = fixture();
    auto cyrillic = [](const std::string& s) { return s.find("\xD0") != std::string::npos || s.find("\xD1") != std::string::npos; };
    for (const std::string path :
         {"/api/search?year_from=2020&year_to=2010", "/api/search?sort=random", "/api/search?page=200&per_page=100",
          "/api/compare?jurisdiction=TJ&topic=shelters", "/api/compare?jurisdiction=TJ&jurisdiction=XX&topic=shelters",
          "/api/documents/no-such-document", "/api/topics/no-such-topic"}) {
        CAPTURE(path);
        const int status = path.find("/no-such-") != std::string::npos ? 404 : 400;
        json en = f.get_json(path, status);
        CHECK_FALSE(cyrillic(en["error"]["message"].get<std::string>()));
        CHECK_FALSE(en["error"].contains("message_en"));
        for (const char* ui : {"ru", "tg"}) {
            json e = f.get_json(path + (path.find('?') == std::string::npos ? "?ui=" : "&ui=") + ui, status);
            const std::string message = e["error"]["message"].get<std::string>();
            CHECK_MESSAGE(cyrillic(message), ui << ": " << message);
            CHECK(e["error"]["message_en"] == en["error"]["message"]);
        }
    }
    // Russian and Tajik are not the same text.
    json ru = f.get_json("/api/search?year_from=2020&year_to=2010&ui=ru", 400);
    json tg = f.get_json("/api/search?year_from=2020&year_to=2010&ui=tg", 400);
    CHECK(ru["error"]["message"] != tg["error"]["message"]);
    // An unknown ui= is itself the error, answered in English.
    json bad_ui = f.get_json("/api/search?ui=fr", 400);
    CHECK_FALSE(cyrillic(bad_ui["error"]["message"].get<std::string>()));
}

TEST_CASE("a malformed percent-escape, a path not in UTF-8 or a control character is a 400 naming what, in the ui language") {
    auto& f = fixture();
    auto message = [&](const std::string& path) { return f.get_json(path, 400)["error"]["message"].get<std::string>(); };
    // Taken as written they were a 200: q=% browsed everything.
    for (const std::string q : {"%zz", "%", "%4", "%u0041", "police%2"}) {
        CAPTURE(q);
        CHECK(message("/api/search?q=" + q) ==
              "parameter 'q' has a malformed percent-escape ('%' followed by two hexadecimal digits; '%' itself is %25)");
    }
    CHECK(message("/api/compare?jurisdiction=TJ&jurisdiction=GE&q=%zz").find("'q'") != std::string::npos);
    CHECK(message("/api/search?q=x&jurisdiction=T%J").find("'jurisdiction'") != std::string::npos);
    const std::string ru = message("/api/search?q=%zz&ui=ru");
    CHECK_MESSAGE(ru.find("в параметре «q»") != std::string::npos, ru);
    CHECK(f.get_json("/api/search?q=%25zz", 200)["query"] == "%zz");
    // A path id that is not UTF-8 names nothing: a 400, not a 404 quoting U+FFFD.
    for (const std::string path : {"/api/documents/%ff", "/api/topics/%ff", "/api/documents/a%c3", "/api/documents/%zz"}) {
        CAPTURE(path);
        CHECK(message(path).find("U+FFFD") == std::string::npos);
        CHECK(message(path).find("the path") == 0);
    }
    // Control characters (but tab) are refused in every parameter, never echoed back.
    for (const std::string q : {"a%00b", "police%0D%0Ax", "police%0A", "a%1Bb", "a%7F", "a%C2%85b"}) {
        CAPTURE(q);
        CHECK(message("/api/search?q=" + q).find("parameter 'q' holds a control character (U+") == 0);
    }
    CHECK(message("/api/search?q=x&utm=a%0Ab").find("'utm'") != std::string::npos);
    CHECK(message("/api/search?q=x&ui=ru&jurisdiction=TJ%00").find("«jurisdiction»") != std::string::npos);
    json tab = f.get_json("/api/search?q=protection%09order", 200);
    CHECK(tab["total"] == f.get_json("/api/search?q=protection%20order", 200)["total"]);
}

TEST_CASE("a parameter an endpoint reads is checked there too: ui of a document, format of the glossary, the values of search filters") {
    auto& f = fixture();
    // ui is read for the language of a 404: a value that is none is a 400, as everywhere.
    for (const std::string path : {"/api/documents/tj-dv-law-2013-en?ui=fr", "/api/documents/tj-dv-law-2013-en.akn.xml?ui=fr",
                                   "/api/topics?ui=fr", "/api/health?ui=fr", "/api/glossary?concept=family-definition&ui=fr"}) {
        CAPTURE(path);
        CHECK(f.get_json(path, 400)["error"]["message"] == "ui must be en, ru or tg");
    }
    f.get_json("/api/documents/tj-dv-law-2013-en?ui=ru", 200);
    // The glossary answers JSON only: format=csv was answered JSON.
    json glossary = f.get_json("/api/glossary?concept=family-definition&format=csv&ui=ru", 400);
    CHECK(glossary["error"]["message_en"] == "format must be json: this endpoint has no export");
    f.get_json("/api/glossary?concept=family-definition&format=json", 200);
    // A filter value no text has was 0 hits; compare refused it. Now both name the values there are.
    std::string types = f.get_json("/api/search?q=&type=laws", 400)["error"]["message"];
    CHECK_MESSAGE(types.find("no text of the collection has type 'laws' (it has: ") == 0, types);
    CHECK(types.find("law, ") != std::string::npos);
    std::string codes = f.get_json("/api/search?q=violence&jurisdiction=XX", 400)["error"]["message"];
    CHECK(codes.find("BA-SRP") != std::string::npos);
    CHECK(codes.find("AM,") == std::string::npos);  // named in jurisdictions.xml, no text: as compare lists them
    CHECK(f.get_json("/api/compare?jurisdiction=TJ&jurisdiction=GE&topic=shelters&type=laws", 400)["error"]["message"] ==
          types);
    for (const std::string bad : {"jurisdiction=AM", "jurisdiction=BA", "year=1850", "lang=de", "topic=no-such-topic",
                                  "body=no-such-body", "audience=no-such-audience", "status=valid"}) {
        CAPTURE(bad);
        json e = f.get_json("/api/search?q=&ui=tg&" + bad, 400);
        CHECK(e["error"]["message_en"].get<std::string>().find(bad.substr(bad.find('=') + 1)) != std::string::npos);
    }
    f.get_json("/api/search?q=jurisdiction:XX%20shelter", 400);  // written in the query, checked as the parameter
    // Every value a facet offers is taken, in any case for codes.
    json all = f.get_json("/api/search?q=", 200);
    for (const auto& [facet, values] : all["facets"].items())
        for (const auto& v : values) {
            const std::string value = v["value"];
            CAPTURE(facet + "=" + value);
            CHECK(f.get_json("/api/search?q=&per_page=1&facets=0&" + facet + "=" +
                                 httplib::detail::encode_query_param(value), 200)["total"] == v["count"]);
        }
    f.get_json("/api/search?q=&jurisdiction=tj&jurisdiction=ba-bih", 200);
}

TEST_CASE("the matrix refuses a jurisdiction with no text as compare does, never a column of gaps") {
    auto& f = fixture();
    for (const auto& [codes, code] : std::vector<std::pair<std::string, std::string>>{
             {"jurisdiction=RU&jurisdiction=TJ", "RU"}, {"jurisdiction=TJ&jurisdiction=BA", "BA"}, {"jurisdiction=AF", "AF"},
             {"jurisdiction=EU&format=csv", "EU"}, {"jurisdiction=AM&ui=ru", "AM"}}) {
        CAPTURE(codes);
        json e = f.get_json("/api/matrix?" + codes, 400);
        const std::string message = e["error"].contains("message_en") ? e["error"]["message_en"] : e["error"]["message"];
        CHECK((message.find("the collection holds no text of '" + code + "'") == 0 ||
               message.find("unknown jurisdiction '" + code + "'") == 0));
        CHECK(message.find("BA-SRP") != std::string::npos);
        // The same code in compare: the same refusal.
        json c = f.get_json("/api/compare?topic=shelters&jurisdiction=GE&jurisdiction=" + code, 400);
        CHECK(c["error"]["message"] == message);
    }
    f.get_json("/api/matrix?jurisdiction=TJ&jurisdiction=ba-srp", 200);
}

TEST_CASE("the Markdown brief quotes the words compared as text: no section, HTML or link of theirs") {
    auto& f = fixture();
    const std::string q = "police ## Tajikistan **No gap** <script>alert(1)</script> [x](javascript:alert(1))";
    auto res = f.client->Get(("/api/compare?jurisdiction=TJ&jurisdiction=GE&format=md&q=" +
                              httplib::detail::encode_query_param(q)).c_str());
    REQUIRE(res);
    REQUIRE_MESSAGE(res->status == 200, res->body);
    CHECK(res->get_header_value("Content-Type") == "text/markdown; charset=utf-8");
    const std::string& md = res->body;
    CHECK_MESSAGE(md.rfind("# Comparison: “police \\#\\# Tajikistan \\*\\*No gap\\*\\* \\<script\\>alert(1)\\</script\\> "
                           "\\[x\\](javascript:alert(1))”\n", 0) == 0, md.substr(0, 200));
    CHECK(md.find("<script>") == std::string::npos);
    CHECK(md.find(" [x](javascript:") == std::string::npos);  // only as "\\[x\\](…", which is text
    for (size_t at = md.find("\n#"); at != std::string::npos; at = md.find("\n#", at + 1))
        CHECK_MESSAGE((md.compare(at, 4, "\n## ") == 0 || md.compare(at, 5, "\n### ") == 0), md.substr(at, 60));
    // A line break in q never reaches it: the request is refused first.
    f.get_json("/api/compare?jurisdiction=TJ&jurisdiction=GE&format=md&q=police%0A%0A%23%23%20Tajikistan", 400);
}

// The bundled corpus holds summaries of selected provisions: no gap may claim
// that a law is silent, and Brčko's note names safe houses among the parts not
// read (docs/corpus-format.md, "Extent"). The same from the API and the CLI.
TEST_CASE("compare over the bundled corpus: a gap says what it rests on, over HTTP and in the CLI") {
    auto& f = fixture();
    json c = f.get_json("/api/compare?jurisdiction=TJ&jurisdiction=BA-BRC&jurisdiction=KZ&topic=shelters&ui=tg", 200);
    REQUIRE(c["columns"].size() == 3);
    for (const json& col : c["columns"]) {
        CAPTURE(col["jurisdiction"]);
        CHECK(col["gap_kind"] != "silent");
        CHECK(col["holdings"]["in_part"] == col["holdings"]["works"]);
        CHECK(col["holdings"]["works"].get<long>() > 0);
    }
    const json& brc = c["columns"][1];
    CHECK(brc["gap_kind"] == "not-held");
    REQUIRE(brc["not_held"].size() == 1);
    CHECK(brc["not_held"][0]["document_id"] == "ba-brc-dv-law-2018-tg");
    json m = f.get_json("/api/matrix?jurisdiction=BA-BRC&jurisdiction=US-FL&ui=ru", 200);
    long not_held = 0, not_found = 0;
    for (const json& row : m["rows"])
        for (const json& cell : row["cells"]) {
            CHECK(cell["gap_kind"] != "silent");
            not_held += cell["gap_kind"] == "not-held";
            not_found += cell["gap_kind"] == "not-found";
        }
    CHECK(not_held > 0);
    CHECK(not_found > 0);
    json doc = f.get_json("/api/documents/ba-brc-dv-law-2018-en", 200);
    CHECK(doc["extent"] == "selected");
    CHECK(doc["not_held"].size() == 5);

    auto cli = run({HIMOYA_BINARY, "compare", "--db", f.db, "--jurisdiction", "TJ", "--jurisdiction", "BA-BRC", "--topic",
                    "shelters"});
    REQUIRE_MESSAGE(cli.status == 0, cli.err);
    CHECK(cli.out.find("covered in parts not held of:") != std::string::npos);
    CHECK(cli.out.find("[ba-brc-dv-law-2018-en]") != std::string::npos);
    CHECK(cli.out.find("acts held only in selected provisions: 1 of 1") != std::string::npos);
    CHECK(cli.out.find("the law is silent") == std::string::npos);
}

TEST_CASE("2000 random bytes as q: a 400 or a normal answer, and the server lives on") {
    auto& f = fixture();
    std::mt19937 rng(20261123);
    for (int round = 0; round < 20; ++round) {
        std::string bytes(2000, '\0');
        for (auto& c : bytes) c = static_cast<char>(rng() & 0xFF);
        std::string encoded;
        for (unsigned char c : bytes) {
            char hex[4];
            std::snprintf(hex, sizeof hex, "%%%02X", c);
            encoded += hex;
        }
        auto res = f.client->Get(("/api/search?q=" + encoded).c_str());
        REQUIRE(res);
        CHECK_MESSAGE((res->status == 200 || res->status == 400), res->status);
        httplib::Params params{{"q", bytes.substr(0, 900)}};
        auto res2 = f.client->Get("/api/search", params, httplib::Headers{});
        REQUIRE(res2);
        CHECK((res2->status == 200 || res2->status == 400));
    }
    CHECK(f.server->alive());
    f.get_json("/api/health", 200);
}

TEST_CASE("web page is served with security headers; no path traversal") {
    auto& f = fixture();
    auto page = f.client->Get("/");
    REQUIRE(page);
    CHECK(page->status == 200);
    CHECK(page->get_header_value("Content-Type").find("text/html") == 0);
    CHECK(page->get_header_value("Content-Security-Policy").find("script-src 'self'") != std::string::npos);
    CHECK(page->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(page->get_header_value("Access-Control-Allow-Origin").empty());  // CORS off by default
    for (const char* path : {"/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fetc%2fpasswd"}) {
        auto res = f.client->Get(path);
        if (res) {
            CHECK(res->status != 200);
            CHECK(res->body.find("root:") == std::string::npos);
        }
    }
}
