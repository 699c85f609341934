// Hostile and malformed requests against the real server: bounds on every
// parameter, oversized URIs and headers, slow clients, wrong methods, path
// traversal; /api always answers JSON; security headers on every response
// (errors included); CORS only when configured; text that looks like HTML
// comes back escaped in snippets.
#include <doctest/doctest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <thread>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "process.h"
#include "temp_dir.h"

namespace fs = std::filesystem;
using himoya::testing::run;
using himoya::testing::ServerProcess;
using nlohmann::json;

namespace {

using himoya::testing::TempDir;

// Text of a document that tries to smuggle markup: a <script>, quotes, an
// entity that must stay literal, and a word to find it by.
const char* kXssDocument =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<document xmlns=\"urn:himoya:corpus:1\" id=\"xss-probe\" version=\"1\">\n"
    "  <meta>\n"
    "    <title>&lt;script&gt;alert('title')&lt;/script&gt; rampion</title>\n"
    "    <jurisdiction>INT</jurisdiction>\n    <language>en</language>\n    <type>report</type>\n"
    "    <date>2024-01-01</date>\n    <issuing-body>\"Body\" &amp; &lt;b&gt;co&lt;/b&gt;</issuing-body>\n"
    "    <text-status>summary</text-status>\n"
    "    <source><official-title>Probe</official-title></source>\n"
    "  </meta>\n  <body>\n"
    "    <section num=\"1\"><heading>&lt;img src=x onerror=alert(1)&gt;</heading>\n"
    "      <p>The rampion order &lt;script&gt;alert(\"x\")&lt;/script&gt; says \"quoted\" &amp;amp; 'single' "
    "&lt;/mark&gt; rampion.</p>\n"
    "    </section>\n  </body>\n</document>\n";

struct Fixture {
    TempDir dir{"hostile"};
    std::string db;
    std::unique_ptr<ServerProcess> server;
    std::unique_ptr<httplib::Client> client;

    Fixture() {
        fs::path corpus = dir.path / "corpus";
        fs::create_directories(corpus / "int");
        fs::copy(HIMOYA_SOURCE_DIR "/corpus/int", corpus / "int", fs::copy_options::recursive);
        std::ofstream(corpus / "xss-probe.xml") << kXssDocument;
        db = (dir.path / "index").string();
        auto indexed = run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db, "--quiet"});
        REQUIRE_MESSAGE(indexed.status == 0, indexed.err);
        server = std::make_unique<ServerProcess>(std::vector<std::string>{
            HIMOYA_BINARY, "serve", "--db", db, "--port", "0", "--threads", "4", "--web", HIMOYA_SOURCE_DIR "/web"});
        client = std::make_unique<httplib::Client>("127.0.0.1", server->port());
        client->set_read_timeout(10, 0);
    }

    httplib::Result get(const std::string& path) { return client->Get(path.c_str()); }
};

Fixture& fixture() {
    static Fixture f;
    return f;
}

void check_security_headers(const httplib::Response& res, const std::string& what) {
    std::string csp = res.get_header_value("Content-Security-Policy");
    CHECK_MESSAGE(csp.find("script-src 'self'") != std::string::npos, what << ": CSP '" << csp << "'");
    CHECK_MESSAGE(csp.find("unsafe-inline") == std::string::npos, what);
    CHECK_MESSAGE(res.get_header_value("X-Content-Type-Options") == "nosniff", what);
    CHECK_MESSAGE(res.get_header_value("Referrer-Policy") == "no-referrer", what);
}

// A JSON error of the documented shape, with the security headers.
void check_json_error(const httplib::Result& res, int status, const std::string& what) {
    REQUIRE_MESSAGE(res, what << ": no response");
    CHECK_MESSAGE(res->status == status, what << " → " << res->status << " " << res->body.substr(0, 200));
    CHECK_MESSAGE(res->get_header_value("Content-Type").rfind("application/json", 0) == 0,
                  what << ": Content-Type " << res->get_header_value("Content-Type"));
    json body = json::parse(res->body, nullptr, false);
    REQUIRE_MESSAGE(!body.is_discarded(), what << ": not JSON: " << res->body.substr(0, 200));
    CHECK_MESSAGE(body["error"]["code"] == status, what);
    CHECK_MESSAGE(body["error"]["message"].is_string(), what);
    check_security_headers(*res, what);
}

// Raw socket to the server, for requests httplib's client will not send.
struct RawConnection {
    int fd = -1;
    // `from`: a loopback source address other than 127.0.0.1, to be another client
    explicit RawConnection(int port, const char* from = nullptr) {
        fd = socket(AF_INET, SOCK_STREAM, 0);
        if (from) {
            sockaddr_in local{};
            local.sin_family = AF_INET;
            inet_pton(AF_INET, from, &local.sin_addr);
            REQUIRE(bind(fd, reinterpret_cast<sockaddr*>(&local), sizeof local) == 0);
        }
        sockaddr_in addr{};
        addr.sin_family = AF_INET;
        addr.sin_port = htons(static_cast<uint16_t>(port));
        addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&addr), sizeof addr) == 0);
    }
    ~RawConnection() { close(fd); }
    void send_all(const std::string& data) {
        size_t sent = 0;
        while (sent < data.size()) {
            ssize_t n = ::send(fd, data.data() + sent, data.size() - sent, MSG_NOSIGNAL);
            if (n <= 0) return;  // the server may close early on an oversized request
            sent += static_cast<size_t>(n);
        }
    }
    // Reads until the server closes or `seconds` pass.
    std::string receive(double seconds) {
        std::string out;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::duration<double>(seconds);
        char buf[8192];
        while (std::chrono::steady_clock::now() < deadline) {
            pollfd p{fd, POLLIN, 0};
            if (poll(&p, 1, 100) <= 0) continue;
            ssize_t n = recv(fd, buf, sizeof buf, 0);
            if (n <= 0) break;
            out.append(buf, static_cast<size_t>(n));
        }
        return out;
    }
};

int status_of(const std::string& raw) {
    if (raw.rfind("HTTP/1.1 ", 0) != 0) return 0;
    return std::stoi(raw.substr(9, 3));
}

}  // namespace

TEST_CASE("query, paging and result-window bounds are 400s with JSON messages") {
    auto& f = fixture();
    std::string words;  // 1024 bytes of short words ("+" is a space); one 1024-byte word is a 400 of its own
    for (int i = 0; i < 256; ++i) words += "abc+";
    check_json_error(f.get("/api/search?q=" + words + "a"), 400, "q of 1025 bytes");
    auto at_limit = f.get("/api/search?q=" + words);
    REQUIRE(at_limit);
    CHECK(at_limit->status == 200);
    for (const std::string& path : std::vector<std::string>{"/api/search?per_page=101", "/api/search?per_page=0", "/api/search?per_page=-5",
          "/api/search?per_page=99999999999999999999", "/api/search?page=0", "/api/search?page=10001",
          "/api/search?page=101&per_page=100", "/api/search?page=1e3", "/api/search?page=%20", "/api/search?q=%C3%28",
          "/api/search?q=%ED%A0%80", "/api/search?jurisdiction=%FF", "/api/search?year_from=-1",
          "/api/analyze?text=%FF", "/api/search?q=" + std::string(40, '(') + "a" + std::string(40, ')'),
          // a one-value parameter given twice, with different values: which was meant cannot be told
          "/api/search?q=violence&q=shelter", "/api/search?q=a&sort=date&sort=relevance",
          // facets whose values have a fixed form (docs/openapi.yaml): another value is no empty answer
          "/api/search?year=abc", "/api/search?year=2013abc", "/api/search?year=12345", "/api/search?status=bogus",
          "/api/search.atom?status=bogus",
          // a number given twice with different values, like any one-value parameter
          "/api/search?page=1&page=abc", "/api/search?per_page=5&per_page=6", "/api/search?year_from=2000&year_from=2001"})
        check_json_error(f.get(path), 400, path);
    auto same_twice = f.get("/api/search?q=violence&q=violence");
    REQUIRE(same_twice);
    CHECK(same_twice->status == 200);
    auto window_edge = f.get("/api/search?page=100&per_page=100");  // 10 000: the last allowed window
    REQUIRE(window_edge);
    CHECK(window_edge->status == 200);
}

TEST_CASE("unknown parameters are ignored (docs/api.md)") {
    auto& f = fixture();
    auto plain = f.get("/api/search?q=violence");
    auto extra = f.get("/api/search?q=violence&utm_source=x&foo%5B%5D=1&__proto__=y&q2=%FF");
    REQUIRE(plain);
    REQUIRE(extra);
    CHECK(extra->status == 200);
    CHECK(json::parse(plain->body)["total"] == json::parse(extra->body)["total"]);
}

TEST_CASE("/api answers JSON for unknown endpoints and wrong methods") {
    auto& f = fixture();
    check_json_error(f.get("/api/nothing-here"), 404, "GET /api/nothing-here");
    check_json_error(f.get("/api"), 404, "GET /api");
    check_json_error(f.get("/api/documents/no-such-document"), 404, "unknown document");
    check_json_error(f.client->Post("/api/search", "q=x", "application/x-www-form-urlencoded"), 405, "POST /api/search");
    check_json_error(f.client->Put("/api/search", "{}", "application/json"), 405, "PUT /api/search");
    check_json_error(f.client->Delete("/api/documents/xss-probe"), 405, "DELETE /api/documents/x");
    check_json_error(f.client->Post("/api/nothing", "", "text/plain"), 405, "POST /api/nothing");
    auto post = f.client->Post("/api/search", "", "text/plain");
    REQUIRE(post);
    CHECK(post->get_header_value("Allow") == "GET, HEAD");
}

TEST_CASE("path traversal in static files is refused") {
    auto& f = fixture();
    for (const std::string path : {"/../../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
                             "/css/../../../../etc/passwd", "/%2e%2e%2f%2e%2e%2fCMakeLists.txt", "/..\\..\\etc\\passwd",
                             "/....//....//etc/passwd", "/%252e%252e/etc/passwd",
                             "/index.html%00.js",  // NUL-truncated: was index.html served as text/javascript
                             "/css/%0a../../etc/passwd"}) {
        RawConnection c(f.server->port());
        c.send_all("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        std::string raw = c.receive(5);
        int status = status_of(raw);
        CHECK_MESSAGE((status >= 400 && status < 500), path << " → " << status);
        CHECK_MESSAGE(raw.find("root:") == std::string::npos, path);
        CHECK_MESSAGE(raw.find("cmake_minimum_required") == std::string::npos, path);
    }
    CHECK(f.server->alive());
}

TEST_CASE("oversized URI and headers get a 4xx, and the server lives on") {
    auto& f = fixture();
    {
        RawConnection c(f.server->port());
        c.send_all("GET /api/search?q=" + std::string(20 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
        std::string raw = c.receive(5);
        int status = status_of(raw);
        MESSAGE("20 KB URI → " << status);
        CHECK_MESSAGE((status >= 400 && status < 500), raw.substr(0, 200));
    }
    {
        RawConnection c(f.server->port());
        c.send_all("GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: " + std::string(100 * 1024, 'b') + "\r\n\r\n");
        std::string raw = c.receive(5);
        int status = status_of(raw);
        MESSAGE("100 KB header → " << status << std::string(raw.empty() ? " (connection closed)" : ""));
        CHECK_MESSAGE((raw.empty() || (status >= 400 && status < 500)), raw.substr(0, 200));
    }
    {
        RawConnection c(f.server->port());  // many headers, each small
        std::string req = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
        for (int i = 0; i < 2000; ++i) req += "X-H" + std::to_string(i) + ": v\r\n";
        c.send_all(req + "\r\n");
        std::string raw = c.receive(5);
        int status = status_of(raw);
        CHECK_MESSAGE((raw.empty() || status == 200 || (status >= 400 && status < 500)), raw.substr(0, 200));
    }
    {
        // a body over the 64 KiB payload limit
        auto res = f.client->Post("/api/search", std::string(200 * 1024, 'x'), "text/plain");
        if (res) CHECK_MESSAGE((res->status >= 400 && res->status < 500), res->status);
    }
    {
        RawConnection c(f.server->port());  // not HTTP at all
        c.send_all(std::string("\x16\x03\x01\x02\x00garbage\r\n\r\n", 16));
        std::string raw = c.receive(3);
        CHECK((raw.empty() || status_of(raw) == 400));
    }
    CHECK(f.server->alive());
    auto health = f.get("/api/health");
    REQUIRE(health);
    CHECK(health->status == 200);
}

TEST_CASE("slow clients holding half a request do not stop others from being answered") {
    auto& f = fixture();  // 4 worker threads
    // Ten times as many half requests, half bodies and idle connections as
    // workers: none of them holds a worker (the front end reads requests
    // without one), so a normal request is answered at once.
    std::vector<std::unique_ptr<RawConnection>> slow;
    for (int i = 0; i < 40; ++i) {
        slow.push_back(std::make_unique<RawConnection>(f.server->port()));
        slow.back()->send_all("GET /api/health HTTP/1.1\r\nHo");
        slow.push_back(std::make_unique<RawConnection>(f.server->port()));
        slow.back()->send_all("GET /api/health HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nab");
        slow.push_back(std::make_unique<RawConnection>(f.server->port()));  // connected, silent
    }
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 5; ++i) {
        httplib::Client other("127.0.0.1", f.server->port());
        other.set_read_timeout(5, 0);
        auto res = other.Get("/api/health");
        REQUIRE(res);
        CHECK(res->status == 200);
    }
    double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    MESSAGE("5 requests on new connections beside 120 slow ones on 4 workers: " << waited << " s");
    CHECK(waited < 2.0);
    // the half requests are cut at the request deadline (10 s) with a 408; the idle ones closed
    for (size_t i = 0; i < slow.size(); ++i) {
        std::string raw = slow[i]->receive(i == 0 ? 12 : 1);
        if (i % 3 == 2) CHECK(raw.empty());
        else CHECK_MESSAGE(status_of(raw) == 408, raw.substr(0, 100));
    }
}

TEST_CASE("security headers on every response: page, static, /api, 400, 404, 405") {
    auto& f = fixture();
    for (const char* path : {"/", "/index.html", "/css/", "/api/health", "/api/search?q=violence", "/api/search?page=0",
                             "/api/nope", "/no-such-page", "/api/documents/nope"}) {
        auto res = f.get(path);
        REQUIRE_MESSAGE(res, path);
        check_security_headers(*res, path);
        CHECK_MESSAGE(res->get_header_value("Access-Control-Allow-Origin").empty(), path);  // off by default
    }
    auto post = f.client->Post("/api/search", "", "text/plain");
    REQUIRE(post);
    check_security_headers(*post, "POST /api/search");
    RawConnection c(f.server->port());
    c.send_all("GET /api/search?q=" + std::string(20 * 1024, 'a') + " HTTP/1.1\r\nHost: x\r\n\r\n");
    std::string raw = c.receive(5);
    MESSAGE("headers of the 20 KB-URI answer:\n" << raw.substr(0, raw.find("\r\n\r\n")));
}

TEST_CASE("CORS: off by default, one configured origin with --cors-origin") {
    auto& f = fixture();
    ServerProcess cors({HIMOYA_BINARY, "serve", "--db", f.db, "--port", "0", "--threads", "2", "--cors-origin",
                        "https://himoya.example"});
    httplib::Client client("127.0.0.1", cors.port());
    client.set_read_timeout(10, 0);
    for (const char* path : {"/api/health", "/api/search?q=violence", "/api/search?page=0", "/api/nope"}) {
        auto res = client.Get(path, httplib::Headers{{"Origin", "https://evil.example"}});
        REQUIRE(res);
        CHECK_MESSAGE(res->get_header_value("Access-Control-Allow-Origin") == "https://himoya.example", path);
        check_security_headers(*res, path);
        auto plain = f.client->Get(path, httplib::Headers{{"Origin", "https://evil.example"}});
        REQUIRE(plain);
        CHECK_MESSAGE(plain->get_header_value("Access-Control-Allow-Origin").empty(), path);
    }
    // The origin is sent as a header as given: one that could end the header
    // line (and add Set-Cookie to every answer) is refused at start, as is one
    // that is no origin.
    for (const std::string& bad : {std::string("x\r\nSet-Cookie: a=b"), std::string("https://a.example/path"),
                                  std::string("evil.example"), std::string("https://a b")}) {
        auto r = run({HIMOYA_BINARY, "serve", "--db", f.db, "--port", "0", "--cors-origin", bad});
        CAPTURE(bad);
        CHECK(r.status == 64);
        CHECK(r.err.find("--cors-origin must be an origin") != std::string::npos);
    }
}

TEST_CASE("markup in documents and queries comes back escaped in snippets, as plain text in JSON fields") {
    auto& f = fixture();
    auto res = f.get("/api/search?q=rampion&scope=provision");
    REQUIRE(res);
    REQUIRE(res->status == 200);
    CHECK(res->get_header_value("Content-Type").rfind("application/json", 0) == 0);
    json r = json::parse(res->body);
    REQUIRE(r["hits"].size() == 1);
    const json& hit = r["hits"][0];
    std::string snippet = hit["snippet"];
    // only <mark> and </mark> are markup; everything else is escaped
    std::string stripped = snippet;
    for (const std::string tag : {"<mark>", "</mark>"})
        for (size_t p; (p = stripped.find(tag)) != std::string::npos;) stripped.erase(p, tag.size());
    CHECK_MESSAGE(stripped.find('<') == std::string::npos, snippet);
    CHECK_MESSAGE(stripped.find('>') == std::string::npos, snippet);
    CHECK_MESSAGE(stripped.find('"') == std::string::npos, snippet);
    CHECK_MESSAGE(snippet.find("&lt;script&gt;") != std::string::npos, snippet);
    CHECK_MESSAGE(snippet.find("&amp;amp;") != std::string::npos, snippet);  // the literal "&amp;" of the text
    CHECK_MESSAGE(snippet.find("&lt;/mark&gt;") != std::string::npos, snippet);
    CHECK_MESSAGE(snippet.find("<mark>rampion</mark>") != std::string::npos, snippet);
    // plain-text fields hold the text as written (clients insert them with textContent)
    CHECK(hit["title"] == "<script>alert('title')</script> rampion");
    CHECK(hit["heading"] == "<img src=x onerror=alert(1)>");

    // a query full of markup: echoed as plain text in JSON, never marked up in snippets
    auto q = f.get("/api/search?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E%20rampion%20%22%3E%3Cimg%3E");
    REQUIRE(q);
    CHECK(q->status == 200);
    json qr = json::parse(q->body);
    CHECK(qr["query"] == "<script>alert(1)</script> rampion \"><img>");
    for (const auto& h : qr["hits"]) {
        std::string s = h["snippet"];
        CHECK_MESSAGE(s.find("<script") == std::string::npos, s);
        CHECK_MESSAGE(s.find("<img") == std::string::npos, s);
    }
    // the document endpoint returns the same plain text, as JSON with nosniff
    auto doc = f.get("/api/documents/xss-probe");
    REQUIRE(doc);
    CHECK(doc->get_header_value("X-Content-Type-Options") == "nosniff");
    CHECK(json::parse(doc->body)["body"] == "\"Body\" & <b>co</b>");
    // an id in an error message is JSON, not HTML
    check_json_error(f.get("/api/documents/%3Cscript%3Ealert(1)%3C%2Fscript%3E"), 404, "id with markup");
}

namespace {

// Splits what a connection received into answers: (status, body) each, using Content-Length.
std::vector<std::pair<int, std::string>> split_answers(const std::string& raw, bool head_only_second = false) {
    std::vector<std::pair<int, std::string>> out;
    size_t at = 0;
    while (at < raw.size()) {
        size_t end = raw.find("\r\n\r\n", at);
        if (end == std::string::npos) break;
        std::string head = raw.substr(at, end - at);
        size_t cl = head.find("Content-Length: ");
        size_t length = cl == std::string::npos ? 0 : std::stoul(head.substr(cl + 16));
        if (head_only_second && out.size() == 1) length = 0;
        out.emplace_back(status_of(raw.substr(at)), raw.substr(end + 4, length));
        at = end + 4 + length;
    }
    return out;
}

}  // namespace

TEST_CASE("pipelined requests are all answered, in order") {
    auto& f = fixture();
    RawConnection c(f.server->port());
    c.send_all("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
               "GET /api/nope HTTP/1.1\r\nHost: x\r\n\r\n"
               "GET /api/search?q=rampion&scope=provision HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    auto answers = split_answers(c.receive(5));
    REQUIRE(answers.size() == 3);
    CHECK(answers[0].first == 200);
    CHECK(answers[0].second.find("\"status\":\"ok\"") != std::string::npos);
    CHECK(answers[1].first == 404);
    CHECK(answers[2].first == 200);
    CHECK(answers[2].second.find("rampion") != std::string::npos);
}

TEST_CASE("HEAD: the headers of GET, Content-Length included, and no body") {
    auto& f = fixture();
    RawConnection c(f.server->port());
    c.send_all("GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
               "HEAD /api/health HTTP/1.1\r\nHost: x\r\n\r\n"
               "GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    std::string raw = c.receive(5);
    auto answers = split_answers(raw, true);
    REQUIRE(answers.size() == 3);
    for (const auto& a : answers) CHECK(a.first == 200);
    CHECK(answers[2].second == answers[0].second);  // the HEAD answer sent no body between them
    auto head = f.client->Head("/index.html");
    REQUIRE(head);
    CHECK(head->status == 200);
    CHECK(head->body.empty());
    CHECK(std::stoul(head->get_header_value("Content-Length")) > 100);
}

TEST_CASE("a method other than GET or HEAD is refused before its body is read: 405 at once, connection closed") {
    auto& f = fixture();
    RawConnection c(f.server->port());
    auto t0 = std::chrono::steady_clock::now();
    // announces a megabyte and sends none of it
    c.send_all("POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 1000000\r\n\r\n");
    std::string raw = c.receive(5);  // returns when the server closes
    double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    CHECK(status_of(raw) == 405);
    CHECK(raw.find("Connection: close") != std::string::npos);
    CHECK(raw.find("Allow: GET, HEAD") != std::string::npos);
    CHECK_MESSAGE(took < 3.0, "405 and close took " << took << " s");
    RawConnection chunked(f.server->port());
    chunked.send_all("GET /api/health HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n");
    CHECK(status_of(chunked.receive(3)) == 411);
}

TEST_CASE("Range: refused on /api and for several ranges anywhere (416)") {
    auto& f = fixture();
    std::string ranges = "bytes=0-";
    for (int i = 0; i < 2600; ++i) ranges += ",0-";
    for (const char* path : {"/api/topics", "/index.html"}) {
        auto res = f.client->Get(path, httplib::Headers{{"Range", ranges}});
        check_json_error(res, 416, std::string(path) + " with 2,600 ranges");
        CHECK(res->body.size() < 1000);
    }
    check_json_error(f.client->Get("/api/health", httplib::Headers{{"Range", "bytes=0-5"}}), 416, "one range on /api");
    auto one = f.client->Get("/index.html", httplib::Headers{{"Range", "bytes=0-9"}});
    REQUIRE(one);
    CHECK(one->status == 206);
    CHECK(one->body.size() == 10);
}

TEST_CASE("header caps: too many lines or too many bytes in all are a 431 with a JSON message") {
    auto& f = fixture();
    std::string many = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 200; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
    std::string bulky = "GET /api/health HTTP/1.1\r\nHost: x\r\n";
    for (int i = 0; i < 40; ++i) bulky += "X-H" + std::to_string(i) + ": " + std::string(4000, 'v') + "\r\n";
    for (const std::string& req : {many, bulky}) {
        RawConnection c(f.server->port());
        c.send_all(req + "\r\n");
        std::string raw = c.receive(5);
        CHECK(status_of(raw) == 431);
        CHECK(raw.find("\"code\":431") != std::string::npos);
    }
}

TEST_CASE("a second server on a port in use exits at once with a message") {
    auto& f = fixture();
    std::string port = std::to_string(f.server->port());
    auto second = run({HIMOYA_BINARY, "serve", "--db", f.db, "--port", port});
    CHECK(second.status != 0);
    CHECK_MESSAGE(second.err.find("port " + port + " is already in use") != std::string::npos, second.err);
    auto health = f.get("/api/health");
    REQUIRE(health);
    CHECK(health->status == 200);
}

TEST_CASE("connections over the per-client cap get a 503 at once; other clients are served") {
    auto& f = fixture();
    ServerProcess capped({HIMOYA_BINARY, "serve", "--db", f.db, "--port", "0", "--threads", "2", "--max-per-client", "5"});
    std::vector<std::unique_ptr<RawConnection>> held;
    for (int i = 0; i < 5; ++i) held.push_back(std::make_unique<RawConnection>(capped.port()));
    RawConnection sixth(capped.port());
    auto t0 = std::chrono::steady_clock::now();
    std::string raw = sixth.receive(3);
    CHECK(status_of(raw) == 503);
    CHECK(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count() < 1.0);
    RawConnection other(capped.port(), "127.0.0.2");  // another address: its own allowance
    other.send_all("GET /api/health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
    CHECK(status_of(other.receive(3)) == 200);
}

TEST_CASE("HTTP conformance: absolute-form target, Expect: 100-continue, If-Range without a validator, Host") {
    auto& f = fixture();
    {   // RFC 9112 3.2.2: a server must accept the absolute form
        RawConnection c(f.server->port());
        c.send_all("GET http://127.0.0.1/api/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
        CHECK(status_of(c.receive(3)) == 200);
    }
    {   // the client waits for 100 before its body; then the answer follows it
        RawConnection c(f.server->port());
        c.send_all("GET /api/health HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nContent-Length: 5\r\nConnection: close\r\n\r\n");
        std::string first;
        for (int i = 0; i < 20 && first.find("\r\n\r\n") == std::string::npos; ++i) first += c.receive(0.1);
        CHECK_MESSAGE(first.rfind("HTTP/1.1 100 Continue\r\n\r\n", 0) == 0, first);
        c.send_all("hello");
        const std::string rest = first.substr(first.find("\r\n\r\n") + 4) + c.receive(3);
        CHECK(status_of(rest) == 200);
    }
    {   // If-Range names a version these files cannot match: the whole file, 200
        RawConnection c(f.server->port());
        c.send_all("GET /index.html HTTP/1.1\r\nHost: x\r\nRange: bytes=0-1\r\nIf-Range: garbage\r\nConnection: close\r\n\r\n");
        CHECK(status_of(c.receive(3)) == 200);
    }
    for (const std::string& head : {std::string("GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n"),
                                   std::string("GET /api/health HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n")}) {
        RawConnection c(f.server->port());
        c.send_all(head);
        CHECK(status_of(c.receive(3)) == 400);
    }
}
