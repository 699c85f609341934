// The site in-process (server/site.h): the route table, JSON errors under
// /api and an HTML 404 elsewhere, security headers on every answer, static
// files with their types and no way out of the web root, Range refused on
// /api and for several ranges, gzip, and documents answered a page of
// provisions at a time. No socket and no process: the front end is tested
// through the real server in hostile_requests_test.
#include <doctest/doctest.h>

#include <filesystem>
#include <set>

#include <nlohmann/json.hpp>

#include "search/engine.h"
#include "server/site.h"
#include "temp_dir.h"
#include "test_index.h"

using namespace himoya;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

struct SiteFixture {
    testing::TestIndex index;
    testing::TempDir web{"site-web"};
    SearchEngine engine{{index.path()}};
    std::unique_ptr<Site> site;

    explicit SiteFixture(std::string cors = "") {
        testing::write_file(web.path / "index.html", "<!doctype html><title>Himoya</title>");
        testing::write_file(web.path / "js" / "app.mjs", "export const x = 1;\n");
        testing::write_file(web.path / "css" / "site.css", std::string(3000, 'a'));
        SiteOptions options;
        options.web_root = web.path.string();
        options.cors_origin = std::move(cors);
        site = std::make_unique<Site>(engine, options);
    }

    HttpResponse get(const std::string& target, HttpHeaders headers = {}) const {
        HttpRequest req;
        req.method = "GET";
        set_target(req, target);
        req.headers = std::move(headers);
        return site->handle(req);
    }
};

void check_security_headers(const HttpResponse& res, const std::string& what) {
    CHECK_MESSAGE(res.header("Content-Security-Policy").find("script-src 'self'") != std::string::npos, what);
    CHECK_MESSAGE(res.header("X-Content-Type-Options") == "nosniff", what);
    CHECK_MESSAGE(res.header("Referrer-Policy") == "no-referrer", what);
    CHECK_MESSAGE(res.header("X-Frame-Options") == "DENY", what);
}

json json_error(const HttpResponse& res, int status, const std::string& what) {
    CHECK_MESSAGE(res.status == status, what << " → " << res.status << " " << res.body.substr(0, 200));
    CHECK_MESSAGE(res.header("Content-Type").rfind("application/json", 0) == 0, what);
    json body = json::parse(res.body, nullptr, false);
    REQUIRE_MESSAGE(!body.is_discarded(), what);
    CHECK(body["error"]["code"] == status);
    CHECK(body["error"]["message"].is_string());
    check_security_headers(res, what);
    return body;
}

}  // namespace

TEST_CASE("the route table lists every endpoint of docs/api.md") {
    SiteFixture f;
    std::vector<std::string> patterns = f.site->router().patterns();
    std::set<std::string> have(patterns.begin(), patterns.end());
    for (const char* p : {"/api/health", "/api/search", "/api/documents/{id}", "/api/analyze", "/api/topics",
                          "/api/topics/{id}", "/api/compare", "/api/matrix", "/api/facts", "/api/related", "/api/labels"})
        CHECK_MESSAGE(have.count(p) == 1, p);
}

TEST_CASE("API answers are JSON with security headers; unknown endpoints a JSON 404, other paths an HTML 404") {
    SiteFixture f;
    HttpResponse health = f.get("/api/health");
    CHECK(health.status == 200);
    CHECK(json::parse(health.body)["documents"] == 4);
    check_security_headers(health, "health");
    CHECK(health.header("Access-Control-Allow-Origin").empty());
    json_error(f.get("/api/nope"), 404, "/api/nope");
    json_error(f.get("/api"), 404, "/api");
    json_error(f.get("/api/documents/no-such"), 404, "unknown document");
    json_error(f.get("/api/search?per_page=0"), 400, "bad parameter");
    HttpResponse page = f.get("/no-such-page");
    CHECK(page.status == 404);
    CHECK(page.header("Content-Type").rfind("text/html", 0) == 0);
    check_security_headers(page, "html 404");
}

TEST_CASE("refusals made by the front end carry the same body and headers; a 405 names GET and HEAD") {
    SiteFixture f;
    HttpResponse res = f.site->refuse(405, "method POST not allowed");
    json_error(res, 405, "405");
    CHECK(res.header("Allow") == "GET, HEAD");
    json_error(f.site->refuse(431, "too many headers"), 431, "431");
    HttpResponse busy = f.site->refuse(503, "busy");
    json_error(busy, 503, "503");
    CHECK(busy.header("Retry-After") == "1");
    HttpRequest post;
    post.method = "POST";
    post.path = "/api/search";
    json_error(f.site->handle(post), 405, "POST through handle()");
}

TEST_CASE("static files: types (mjs is JavaScript), index.html for /, no path out of the web root") {
    SiteFixture f;
    HttpResponse root = f.get("/");
    CHECK(root.status == 200);
    CHECK(root.header("Content-Type").rfind("text/html", 0) == 0);
    CHECK(root.header("Cache-Control") == "public, max-age=300");
    check_security_headers(root, "/");
    HttpResponse module = f.get("/js/app.mjs");
    CHECK(module.status == 200);
    CHECK(module.header("Content-Type").rfind("text/javascript", 0) == 0);
    CHECK(module.body == "export const x = 1;\n");
    testing::write_file(f.web.path.parent_path() / "himoya-site-secret.txt", "secret");
    for (const std::string path : {"/../himoya-site-secret.txt", "/%2e%2e/himoya-site-secret.txt",
                                   "/js/../../himoya-site-secret.txt", "/..%2fhimoya-site-secret.txt", "/js",
                                   "/%252e%252e/etc/passwd"}) {
        HttpResponse res = f.get(path);
        CHECK_MESSAGE(res.status == 404, path);
        CHECK_MESSAGE(res.body.find("secret") == std::string::npos, path);
    }
    fs::remove(f.web.path.parent_path() / "himoya-site-secret.txt");
    json_error(f.get("/index.html%00.js"), 400, "NUL in the path");
}

TEST_CASE("Range: refused on /api and for several ranges (416); one range of a static file is a 206") {
    SiteFixture f;
    json_error(f.get("/api/topics", {{"Range", "bytes=0-10"}}), 416, "Range on /api");
    std::string many = "bytes=0-";
    for (int i = 0; i < 2600; ++i) many += ",0-";
    json_error(f.get("/css/site.css", {{"Range", many}}), 416, "2,600 ranges");
    json_error(f.get("/", {{"Range", "bytes=0-1,2-3"}}), 416, "two ranges");
    HttpResponse part = f.get("/css/site.css", {{"Range", "bytes=10-19"}});
    CHECK(part.status == 206);
    CHECK(part.body.size() == 10);
    CHECK(part.header("Content-Range") == "bytes 10-19/3000");
    HttpResponse tail = f.get("/css/site.css", {{"Range", "bytes=-100"}});
    CHECK(tail.status == 206);
    CHECK(tail.header("Content-Range") == "bytes 2900-2999/3000");
    HttpResponse beyond = f.get("/css/site.css", {{"Range", "bytes=5000-"}});
    CHECK(beyond.status == 416);
    CHECK(beyond.header("Content-Range") == "bytes */3000");
    CHECK(f.get("/css/site.css", {{"Range", "lines=1-2"}}).status == 200);  // not a byte range: ignored
}

TEST_CASE("answers are gzipped for clients that accept it") {
    SiteFixture f;
    HttpResponse plain = f.get("/api/search?q=&per_page=20");
    HttpResponse zipped = f.get("/api/search?q=&per_page=20", {{"Accept-Encoding", "gzip, deflate, br"}});
    REQUIRE(plain.status == 200);
    CHECK(plain.header("Content-Encoding").empty());
    CHECK(plain.header("Vary") == "Accept-Encoding");
    CHECK(zipped.header("Content-Encoding") == "gzip");
    CHECK(zipped.body.size() < plain.body.size());
    CHECK(f.get("/api/search?q=&per_page=20", {{"Accept-Encoding", "gzip;q=0"}}).header("Content-Encoding").empty());
    CHECK(f.get("/api/search?q=&per_page=20", {{"Accept-Encoding", "br, GZIP ; q=0.5"}}).header("Content-Encoding") ==
          "gzip");
    CHECK(f.get("/api/search?q=&per_page=20", {{"Accept-Encoding", "identity"}}).header("Content-Encoding").empty());
    CHECK(f.get("/api/health", {{"Accept-Encoding", "gzip"}}).header("Content-Encoding").empty());  // too small
}

TEST_CASE("a document's provisions come a page at a time, with the total") {
    SiteFixture f;
    json all = json::parse(f.get("/api/documents/ba-law-en").body);
    CHECK(all["provisions"].size() == 4);
    CHECK(all["provisions_page"] == json({{"offset", 0}, {"limit", kDefaultProvisionPage}, {"total", 4}}));
    json page = json::parse(f.get("/api/documents/ba-law-en?offset=1&limit=2").body);
    REQUIRE(page["provisions"].size() == 2);
    CHECK(page["provisions"][0]["id"] == all["provisions"][1]["id"]);
    CHECK(page["provisions"][1]["id"] == all["provisions"][2]["id"]);
    CHECK(page["provisions_page"]["total"] == 4);
    CHECK(json::parse(f.get("/api/documents/ba-law-en?offset=10").body)["provisions"].empty());
    json_error(f.get("/api/documents/ba-law-en?limit=0"), 400, "limit 0");
    json_error(f.get("/api/documents/ba-law-en?limit=" + std::to_string(kMaxProvisionPage + 1)), 400, "limit too big");
    json_error(f.get("/api/documents/ba-law-en?offset=-1"), 400, "negative offset");
}

TEST_CASE("CORS: the configured origin on every answer, errors included") {
    SiteFixture f("https://himoya.example");
    for (const char* path : {"/api/health", "/api/nope", "/", "/no-such-page"})
        CHECK_MESSAGE(f.get(path).header("Access-Control-Allow-Origin") == "https://himoya.example", path);
    CHECK(f.site->refuse(431, "x").header("Access-Control-Allow-Origin") == "https://himoya.example");
}
