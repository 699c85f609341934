// The `key = value` file of `himoya serve --config` (server/config_file.h): syntax,
// comments, every serve option, and a clear "FILE:LINE: problem" for every mistake.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <thread>

#include "server/config_file.h"
#include "server/http_server.h"
#include "temp_dir.h"

using himoya::apply_server_config;
using himoya::ConfigError;
using himoya::load_server_config;
using himoya::parse_config;
using himoya::ServerOptions;
using himoya::set_server_option;

namespace {

// The message of the ConfigError that applying `text` as FILE throws ("" if none).
std::string config_error(const std::string& text) {
    ServerOptions options;
    try {
        apply_server_config(text, "test.conf", options);
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST_CASE("key = value lines with blank lines, comments and spaces around the equals sign") {
    auto entries = parse_config("# a comment\n\n  port = 9000\nhost=0.0.0.0\r\n\t# indented comment\nweb =  /srv/web  \n",
                                "f.conf", {"port", "host", "web"}, {});
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].key == "port");
    CHECK(entries[0].value == "9000");
    CHECK(entries[0].line == 3);
    CHECK(entries[1].key == "host");
    CHECK(entries[1].value == "0.0.0.0");  // CRLF line ends are fine
    CHECK(entries[2].value == "/srv/web");
    CHECK(entries[2].line == 6);
}

TEST_CASE("a # after a space ends the value; inside a word or quotes it is kept") {
    auto entries = parse_config("web = /srv/web # the page\ncors-origin = https://a.example/#x\ndb = \"/srv/a # b\"  # c\n",
                                "f.conf", {"web", "cors-origin", "db"}, {});
    REQUIRE(entries.size() == 3);
    CHECK(entries[0].value == "/srv/web");
    CHECK(entries[1].value == "https://a.example/#x");
    CHECK(entries[2].value == "/srv/a # b");
}

TEST_CASE("an empty file, only comments, a byte order mark and no final newline are all fine") {
    CHECK(parse_config("", "f.conf", {"port"}, {}).empty());
    CHECK(parse_config("# nothing\n\n", "f.conf", {"port"}, {}).empty());
    auto entries = parse_config("\xEF\xBB\xBFport = 1", "f.conf", {"port"}, {});
    REQUIRE(entries.size() == 1);
    CHECK(entries[0].key == "port");
    CHECK(entries[0].value == "1");
}

TEST_CASE("every serve option is read from the file into ServerOptions") {
    ServerOptions options;
    apply_server_config("db = /var/lib/himoya/index\n"
                        "db = /var/lib/himoya/extra\n"
                        "host = 0.0.0.0\n"
                        "port = 8181\n"
                        "web = /usr/share/himoya/web\n"
                        "threads = 4\n"
                        "max-connections = 100\n"
                        "max-per-client = 7\n"
                        "cors-origin = https://example.org\n",
                        "himoya.conf", options);
    CHECK(options.db_paths == std::vector<std::string>{"/var/lib/himoya/index", "/var/lib/himoya/extra"});
    CHECK(options.host == "0.0.0.0");
    CHECK(options.port == 8181);
    CHECK(options.web_root == "/usr/share/himoya/web");
    CHECK(options.threads == 4);
    CHECK(options.max_connections == 100);
    CHECK(options.max_connections_per_client == 7);
    CHECK(options.cors_origin == "https://example.org");
}

TEST_CASE("keys left out keep their defaults, and the default index is kept without db lines") {
    ServerOptions defaults, options;
    apply_server_config("port = 1234\n", "himoya.conf", options);
    CHECK(options.port == 1234);
    CHECK(options.db_paths == defaults.db_paths);
    CHECK(options.host == defaults.host);
    CHECK(options.threads == defaults.threads);
}

TEST_CASE("an unknown key is an error naming the file, the line, the key and the known keys") {
    std::string e = config_error("port = 80\n\nprot = 8080\n");
    CHECK(e.find("test.conf:3: unknown key 'prot'") == 0);
    CHECK(e.find("known: cors-origin, db, host, max-connections, max-per-client, port, threads, web") !=
          std::string::npos);
    CHECK(config_error("--port = 80\n").find("test.conf:1: unknown key '--port'") == 0);
}

TEST_CASE("bad values are errors naming the file, the line and what is wanted") {
    CHECK(config_error("port = eighty\n") == "test.conf:1: port needs a number, got 'eighty'");
    CHECK(config_error("# x\nport = 65536\n") == "test.conf:2: port must be 0..65535, got '65536'");
    CHECK(config_error("port = -1\n") == "test.conf:1: port must be 0..65535, got '-1'");
    CHECK(config_error("port = 80x\n") == "test.conf:1: port needs a number, got '80x'");
    CHECK(config_error("port = 99999999999999999999\n") ==
          "test.conf:1: port must be 0..65535, got '99999999999999999999'");
    CHECK(config_error("threads = 0\n") == "test.conf:1: threads must be 1..256, got '0'");
    CHECK(config_error("threads = 257\n") == "test.conf:1: threads must be 1..256, got '257'");
    CHECK(config_error("max-connections = 0\n") == "test.conf:1: max-connections must be 1..1000000, got '0'");
    CHECK(config_error("max-per-client = many\n") == "test.conf:1: max-per-client needs a number, got 'many'");
}

TEST_CASE("syntax errors: no equals sign, no key, no value, an open quote, text after a quote") {
    CHECK(config_error("port 8080\n") == "test.conf:1: expected 'key = value', got 'port 8080'");
    CHECK(config_error("= 8080\n") == "test.conf:1: a value without a key");
    CHECK(config_error("port =\n").find("test.conf:1: port needs a value") == 0);
    CHECK(config_error("port = # later\n").find("test.conf:1: port needs a value") == 0);
    CHECK(config_error("web = \"/srv\n") == "test.conf:1: web: a quote is not closed");
    CHECK(config_error("web = \"/srv\" x\n") == "test.conf:1: web: unexpected text after the closing quote");
}

TEST_CASE("a key may be given once, except db which repeats like --db") {
    CHECK(config_error("port = 1\nport = 2\n") == "test.conf:2: port is already set on line 1");
    CHECK(config_error("db = a\ndb = b\n").empty());
}

TEST_CASE("binary junk is an error, not a crash") {
    static const char bytes[] = "\x00\xff\xfe=\x01\n\x80\x81 = 1\n";
    std::string junk(bytes, sizeof bytes - 1);
    CHECK(config_error(junk).find("test.conf:1: unknown key") == 0);
    CHECK(config_error(std::string("port = 8\0" "0\n", 11)).find("test.conf:1: port needs a number") == 0);
}

TEST_CASE("command-line values go through the same checks (the caller adds the --)") {
    ServerOptions options;
    set_server_option(options, "port", "0");
    CHECK(options.port == 0);
    CHECK_THROWS_WITH_AS(set_server_option(options, "port", "x"), "port needs a number, got 'x'",
                         std::invalid_argument);
    CHECK_THROWS_WITH_AS(set_server_option(options, "threads", "300"), "threads must be 1..256, got '300'",
                         std::invalid_argument);
    CHECK_THROWS_AS(set_server_option(options, "host", ""), std::invalid_argument);
    set_server_option(options, "cors-origin", "");  // empty on the command line: no CORS
    CHECK(options.cors_origin.empty());
}

TEST_CASE("a file is read from disk; a missing file or a folder is an error naming it") {
    himoya::testing::TempDir dir("config-file");
    auto path = dir.path / "himoya.conf";
    himoya::testing::write_file(path, "# installed\nport = 8088\ndb = /var/lib/himoya/index\n");
    ServerOptions options;
    load_server_config(path.string(), options);
    CHECK(options.port == 8088);
    CHECK(options.db_paths == std::vector<std::string>{"/var/lib/himoya/index"});

    std::string missing = (dir.path / "nope.conf").string();
    CHECK_THROWS_WITH_AS(load_server_config(missing, options),
                         (missing + ": cannot read the configuration file: No such file or directory").c_str(),
                         ConfigError);
    CHECK_THROWS_WITH_AS(load_server_config(dir.path.string(), options),
                         (dir.path.string() + ": is a folder, not a configuration file").c_str(), ConfigError);
}

TEST_CASE("the shipped packaging/himoya.conf is valid and points at the service's paths") {
    ServerOptions options;
    load_server_config(HIMOYA_SOURCE_DIR "/packaging/himoya.conf", options);
    CHECK(options.db_paths == std::vector<std::string>{"/var/lib/himoya/index"});
    CHECK(options.host == "127.0.0.1");
    CHECK(options.port == 8080);
}

TEST_CASE("worker threads default to two per core, 2 to 16; a number given is kept") {
    CHECK(ServerOptions{}.threads == 0);  // the default asks for the machine's
    const unsigned cores = std::thread::hardware_concurrency();
    const int expected = std::clamp(2 * static_cast<int>(cores == 0 ? 1 : cores), 2, 16);
    CHECK(himoya::default_worker_threads(0) == expected);
    CHECK(himoya::default_worker_threads(0) >= 2);
    CHECK(himoya::default_worker_threads(0) <= 16);
    CHECK(himoya::default_worker_threads(5) == 5);
    CHECK(himoya::default_worker_threads(64) == 64);
}
