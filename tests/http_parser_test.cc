// The request head reader of the front end (server/http_parser.h), in-process:
// requests arriving a byte at a time, pipelined requests, and every limit
// refused as soon as it is crossed, before the rest of an oversized head arrives.
#include <doctest/doctest.h>

#include <string>

#include "server/http_message.h"
#include "server/http_parser.h"

using namespace himoya;
using State = RequestHeadReader::State;

namespace {

// Feeds `bytes` whole; returns the final state and fills `head` when complete.
State read_all(const std::string& bytes, RequestHead& head, RequestHeadReader& reader) {
    State s = reader.scan(bytes);
    if (s == State::kComplete) s = reader.parse(bytes, head);
    return s;
}

State read_all(const std::string& bytes, RequestHead& head) {
    RequestHeadReader reader;
    return read_all(bytes, head, reader);
}

int error_of(const std::string& bytes, RequestLimits limits = {}) {
    RequestHeadReader reader(limits);
    RequestHead head;
    State s = read_all(bytes, head, reader);
    return s == State::kError ? reader.error().status : 0;
}

}  // namespace

TEST_CASE("a request head: method, decoded path, query parameters, headers, keep-alive") {
    RequestHead head;
    std::string bytes =
        "GET /api/search%2Fx?q=protection+order&jurisdiction=TJ&jurisdiction=GE&flag HTTP/1.1\r\n"
        "Host: example\r\nAccept-Encoding:  gzip \r\n\r\nNEXT";
    REQUIRE(read_all(bytes, head) == State::kComplete);
    CHECK(head.request.method == "GET");
    CHECK(head.request.path == "/api/search/x");
    CHECK(head.request.params.find("q")->second == "protection order");
    CHECK(head.request.params.count("jurisdiction") == 2);
    CHECK(head.request.params.find("flag")->second.empty());
    CHECK(head.request.header("accept-encoding") == "gzip");
    CHECK(head.keep_alive);
    CHECK(head.head_bytes == bytes.size() - 4);  // the next request's bytes are left alone
}

TEST_CASE("a head arriving one byte at a time is complete exactly at its blank line") {
    std::string bytes = "GET /api/health HTTP/1.1\r\nHost: x\r\n\r\n";
    RequestHeadReader reader;
    std::string buffer;
    for (size_t i = 0; i + 1 < bytes.size(); ++i) {
        buffer += bytes[i];
        CHECK(reader.scan(buffer) == State::kIncomplete);
        CHECK(reader.started());
    }
    buffer += bytes.back();
    REQUIRE(reader.scan(buffer) == State::kComplete);
    RequestHead head;
    REQUIRE(reader.parse(buffer, head) == State::kComplete);
    CHECK(head.request.path == "/api/health");
}

TEST_CASE("blank lines before a request (after a pipelined body) are skipped, and do not start its deadline") {
    RequestHeadReader reader;
    CHECK(reader.scan("\r\n") == State::kIncomplete);
    CHECK_FALSE(reader.started());
    RequestHead head;
    CHECK(read_all("\r\nGET / HTTP/1.1\r\nHost: x\r\n\r\n", head) == State::kComplete);
    CHECK(error_of(std::string(40, '\n') + "GET / HTTP/1.1\r\n\r\n") == 400);
}

TEST_CASE("bare LF line ends are accepted") {
    RequestHead head;
    REQUIRE(read_all("GET /a HTTP/1.1\nHost: x\n\n", head) == State::kComplete);
    CHECK(head.request.path == "/a");
}

TEST_CASE("HTTP/1.0 closes unless it asks for keep-alive; Connection: close closes HTTP/1.1") {
    RequestHead head;
    REQUIRE(read_all("GET / HTTP/1.0\r\n\r\n", head) == State::kComplete);
    CHECK_FALSE(head.keep_alive);
    REQUIRE(read_all("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n", head) == State::kComplete);
    CHECK(head.keep_alive);
    REQUIRE(read_all("GET / HTTP/1.1\r\nHost: x\r\nConnection: TE, close\r\n\r\n", head) == State::kComplete);
    CHECK_FALSE(head.keep_alive);
}

TEST_CASE("limits: request line 414, header line, header bytes and header count 431") {
    CHECK(error_of("GET /" + std::string(9000, 'a') + " HTTP/1.1\r\n\r\n") == 414);
    CHECK(error_of("GET / HTTP/1.1\r\nX-Big: " + std::string(9000, 'b') + "\r\n\r\n") == 431);
    std::string many = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 101; ++i) many += "X-H" + std::to_string(i) + ": v\r\n";
    CHECK(error_of(many + "\r\n") == 431);
    std::string bulky = "GET / HTTP/1.1\r\n";
    for (int i = 0; i < 50; ++i) bulky += "X-H" + std::to_string(i) + ": " + std::string(1000, 'v') + "\r\n";
    CHECK(error_of(bulky + "\r\n") == 431);  // 50 KB in 50 lines: each allowed, all together not
    RequestLimits small;
    small.max_header_count = 3;
    CHECK(error_of("GET / HTTP/1.1\r\nHost: x\r\nB: 2\r\nC: 3\r\n\r\n", small) == 0);
    CHECK(error_of("GET / HTTP/1.1\r\nHost: x\r\nB: 2\r\nC: 3\r\nD: 4\r\n\r\n", small) == 431);
}

TEST_CASE("an oversized line is refused before it ends: an unterminated 50 MB line is not read in full") {
    RequestHeadReader reader;
    std::string buffer = "GET / HTTP/1.1\r\nX-Endless: ";
    State s = State::kIncomplete;
    while (s == State::kIncomplete && buffer.size() < 50u * 1024 * 1024) {
        buffer += std::string(4096, 'x');
        s = reader.scan(buffer);
    }
    CHECK(s == State::kError);
    CHECK(reader.error().status == 431);
    CHECK(buffer.size() < 16 * 1024);
    RequestHeadReader line_reader;
    CHECK(line_reader.scan("GET /" + std::string(10000, 'a')) == State::kError);  // no line end yet
    CHECK(line_reader.error().status == 414);
}

TEST_CASE("malformed heads are 400s (505 for another HTTP version)") {
    for (const std::string& bad :
         {std::string("GET\r\n\r\n"), std::string("GET / HTTP/1.1 extra\r\n\r\n"), std::string("G(T / HTTP/1.1\r\n\r\n"),
          std::string("GET relative HTTP/1.1\r\n\r\n"), std::string("GET / HTTX/1.1\r\n\r\n"),
          std::string("GET / HTTP/1.1\r\nNo colon here\r\n\r\n"), std::string("GET / HTTP/1.1\r\n folded: x\r\n\r\n"),
          std::string("GET / HTTP/1.1\r\nBad Name: x\r\n\r\n"), std::string("GET / HTTP/1.1\r\nContent-Length: 1x\r\n\r\n"),
          std::string("GET / HTTP/1.1\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n"),
          std::string("\x16\x03\x01\x02\x00garbage\r\n\r\n", 16)})
        CHECK_MESSAGE(error_of(bad) == 400, bad);
    CHECK(error_of("GET / HTTP/2.0\r\n\r\n") == 505);
}

TEST_CASE("Content-Length and Transfer-Encoding are reported for the front end to judge") {
    RequestHead head;
    REQUIRE(read_all("POST /api/search HTTP/1.1\r\nHost: x\r\nContent-Length: 200000\r\n\r\n", head) == State::kComplete);
    CHECK(head.request.method == "POST");
    CHECK(head.content_length == 200000);
    REQUIRE(read_all("GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n", head) == State::kComplete);
    CHECK(head.chunked);
}

TEST_CASE("percent-decoding and query strings as cpp-httplib did them") {
    CHECK(url_decode("%41%2b+b", false) == "A++b");
    CHECK(url_decode("%41%2b+b", true) == "A+ b");
    CHECK(url_decode("100%", true) == "100%");
    CHECK(url_decode("%zz%4", true) == "%zz%4");
    CHECK(url_decode("%00", false) == std::string(1, '\0'));
    auto params = parse_query("a=1&&b=%20&c&a=2");
    CHECK(params.count("a") == 2);
    CHECK(params.find("b")->second == " ");
    CHECK(params.count("c") == 1);
}

TEST_CASE("a malformed percent-escape is kept as written and reported, with the parameter holding it") {
    for (const char* s : {"%zz", "%", "%4", "%u0041", "a%g1", "100%"}) {
        bool malformed = false;
        CHECK(url_decode(s, true, &malformed) == s);
        CHECK_MESSAGE(malformed, s);
    }
    bool malformed = false;
    CHECK(url_decode("%41%2b+%e2%80%94", true, &malformed) == "A+ \xe2\x80\x94");
    CHECK_FALSE(malformed);
    std::vector<std::string> bad;
    auto params = parse_query("q=%zz&ok=%41&x%=1&ui=ru&p=%", &bad);
    CHECK(bad == std::vector<std::string>{"q", "x%", "p"});
    CHECK(params.find("ok")->second == "A");
    RequestHead head;
    REQUIRE(read_all("GET /api/documents/%zz?q=%4 HTTP/1.1\r\nHost: x\r\n\r\n", head) == State::kComplete);
    CHECK(head.request.path_malformed);
    CHECK(head.request.malformed_params == std::vector<std::string>{"q"});
    REQUIRE(read_all("GET /api/search?q=%25zz#%zz HTTP/1.1\r\nHost: x\r\n\r\n", head) == State::kComplete);
    CHECK_FALSE(head.request.path_malformed);
    CHECK(head.request.malformed_params.empty());
    CHECK(head.request.params.find("q")->second == "%zz");
}

TEST_CASE("a response is written with Content-Length and Connection; HEAD leaves the body out") {
    HttpResponse res;
    res.set_content("hello", "text/plain");
    res.set_header("content-type", "text/plain; charset=utf-8");  // replaces, whatever the case
    std::string full = serialize_response(res, false, true);
    CHECK(full.rfind("HTTP/1.1 200 OK\r\n", 0) == 0);
    CHECK(full.find("Content-Length: 5\r\n") != std::string::npos);
    CHECK(full.find("Connection: keep-alive\r\n") != std::string::npos);
    CHECK(full.find("text/plain; charset=utf-8") != std::string::npos);
    CHECK(full.find("Content-Type: text/plain\r\n") == std::string::npos);
    CHECK(full.substr(full.size() - 5) == "hello");
    std::string head = serialize_response(res, true, false);
    CHECK(head.find("Content-Length: 5\r\n") != std::string::npos);
    CHECK(head.find("Connection: close\r\n\r\n") == head.size() - 21);
}

TEST_CASE("gzip round trip size: text shrinks") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += "protection order ";
    auto zipped = gzip(text);
    REQUIRE(zipped);
    CHECK(zipped->size() < text.size() / 5);
    CHECK(static_cast<unsigned char>((*zipped)[0]) == 0x1f);
    CHECK(static_cast<unsigned char>((*zipped)[1]) == 0x8b);
}

TEST_CASE("RFC 9112: the absolute form of the target is read as its path; an HTTP/1.1 request has exactly one Host") {
    RequestHead head;
    REQUIRE(read_all("GET http://127.0.0.1:8080/api/search?q=x HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n", head) == State::kComplete);
    CHECK(head.request.path == "/api/search");
    CHECK(head.request.params.find("q")->second == "x");
    REQUIRE(read_all("GET HTTPS://example.org HTTP/1.1\r\nHost: example.org\r\n\r\n", head) == State::kComplete);
    CHECK(head.request.path == "/");
    REQUIRE(read_all("GET http://example.org?q=y HTTP/1.1\r\nHost: example.org\r\n\r\n", head) == State::kComplete);
    CHECK(head.request.path == "/");
    CHECK(head.request.params.find("q")->second == "y");
    CHECK(error_of("GET / HTTP/1.1\r\n\r\n") == 400);                          // no Host
    CHECK(error_of("GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") == 400);  // two
    CHECK(error_of("GET / HTTP/1.0\r\nHost: a\r\nhost: b\r\n\r\n") == 400);
    CHECK(error_of("GET / HTTP/1.0\r\n\r\n") == 0);                            // HTTP/1.0 needs none
}
