#include "server/config_file.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

namespace himoya {
namespace {

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

std::string join(const std::set<std::string>& words) {
    std::string out;
    for (const std::string& w : words) out += (out.empty() ? "" : ", ") + w;
    return out;
}

// A whole decimal number in [low, high]; anything else names the key and the range.
int parse_number(const std::string& key, const std::string& value, int low, int high) {
    int n = 0;
    auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
    if (ec == std::errc::invalid_argument || end != value.data() + value.size())
        throw std::invalid_argument(key + " needs a number, got '" + value + "'");
    if (ec == std::errc::result_out_of_range || n < low || n > high)
        throw std::invalid_argument(key + " must be " + std::to_string(low) + ".." + std::to_string(high) + ", got '" +
                                    value + "'");
    return n;
}

std::string non_empty(const std::string& key, const std::string& value) {
    if (value.empty()) throw std::invalid_argument(key + " needs a value");
    return value;
}

}  // namespace

std::vector<ConfigEntry> parse_config(std::string_view text, const std::string& file,
                                      const std::set<std::string>& keys, const std::set<std::string>& repeatable) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);  // a UTF-8 byte order mark
    std::vector<ConfigEntry> entries;
    std::map<std::string, int> seen;  // key -> line of its first occurrence
    int number = 0;
    while (!text.empty() || number == 0) {
        ++number;
        size_t eol = text.find('\n');
        std::string_view raw = text.substr(0, eol);
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        auto fail = [&](const std::string& problem) {
            throw ConfigError(file + ":" + std::to_string(number) + ": " + problem);
        };

        std::string_view line = trim(raw);
        if (line.empty() || line.front() == '#') {
            if (text.empty()) break;
            continue;
        }
        size_t eq = line.find('=');
        if (eq == std::string_view::npos) fail("expected 'key = value', got '" + std::string(line) + "'");
        std::string key(trim(line.substr(0, eq)));
        std::string_view value = trim(line.substr(eq + 1));
        if (key.empty()) fail("a value without a key");
        if (!keys.count(key)) fail("unknown key '" + key + "' (known: " + join(keys) + ")");
        if (value.size() >= 2 && value.front() == '"') {
            // A quoted value is taken as it is between the quotes, # included.
            size_t close = value.find('"', 1);
            if (close == std::string_view::npos) fail(key + ": a quote is not closed");
            std::string_view rest = trim(value.substr(close + 1));
            if (!rest.empty() && rest.front() != '#') fail(key + ": unexpected text after the closing quote");
            value = value.substr(1, close - 1);
        } else {
            for (size_t i = 1; i < value.size(); ++i) {
                if (value[i] == '#' && is_space(value[i - 1])) {
                    value = trim(value.substr(0, i));
                    break;
                }
            }
            if (!value.empty() && value.front() == '#') value = {};
        }
        if (value.empty()) fail(key + " needs a value (remove the line to keep the default)");
        if (auto [it, fresh] = seen.emplace(key, number); !fresh && !repeatable.count(key))
            fail(key + " is already set on line " + std::to_string(it->second));
        entries.push_back({key, std::string(value), number});
        if (text.empty()) break;
    }
    return entries;
}

const std::set<std::string>& server_config_keys() {
    static const std::set<std::string> keys{"db",      "host",           "port",           "web",
                                            "threads", "max-connections", "max-per-client", "cors-origin"};
    return keys;
}

void set_server_option(ServerOptions& options, const std::string& key, const std::string& value) {
    if (key == "db") {
        options.db_paths.push_back(non_empty(key, value));
    } else if (key == "host") {
        options.host = non_empty(key, value);
    } else if (key == "port") {
        options.port = parse_number(key, value, 0, 65535);
    } else if (key == "web") {
        options.web_root = non_empty(key, value);
    } else if (key == "threads") {
        options.threads = parse_number(key, value, 1, 256);
    } else if (key == "max-connections") {
        options.max_connections = static_cast<size_t>(parse_number(key, value, 1, 1000000));
    } else if (key == "max-per-client") {
        options.max_connections_per_client = static_cast<size_t>(parse_number(key, value, 1, 1000000));
    } else if (key == "cors-origin") {
        // Sent as a header as it is: an origin ("https://example.org[:port]") or
        // "*", never a byte that could end the header line and start another.
        const bool printable = std::all_of(value.begin(), value.end(), [](unsigned char c) { return c > 0x20 && c < 0x7f; });
        auto origin = [&](std::string_view scheme) {
            return value.rfind(scheme, 0) == 0 && value.size() > scheme.size() &&
                   value.find('/', scheme.size()) == std::string::npos;
        };
        if (!value.empty() && (!printable || (value != "*" && !origin("http://") && !origin("https://"))))
            throw std::invalid_argument(key + " must be an origin such as https://example.org (scheme, host, optional port) or *");
        options.cors_origin = value;  // empty: no CORS headers
    } else {
        throw std::invalid_argument("unknown option " + key);
    }
}

void apply_server_config(std::string_view text, const std::string& file, ServerOptions& options) {
    std::vector<ConfigEntry> entries = parse_config(text, file, server_config_keys(), {"db"});
    bool db_cleared = false;
    for (const ConfigEntry& e : entries) {
        if (e.key == "db" && !db_cleared) {
            options.db_paths.clear();
            db_cleared = true;
        }
        try {
            set_server_option(options, e.key, e.value);
        } catch (const std::invalid_argument& bad) {
            throw ConfigError(file + ":" + std::to_string(e.line) + ": " + bad.what());
        }
    }
}

void load_server_config(const std::string& file, ServerOptions& options) {
    std::error_code ec;
    if (std::filesystem::is_directory(file, ec))
        throw ConfigError(file + ": is a folder, not a configuration file");
    std::ifstream in(file, std::ios::binary);
    if (!in) throw ConfigError(file + ": cannot read the configuration file: " + std::strerror(errno));
    std::ostringstream text;
    text << in.rdbuf();
    if (in.bad()) throw ConfigError(file + ": cannot read the configuration file: " + std::strerror(errno));
    apply_server_config(text.str(), file, options);
}

}  // namespace himoya
