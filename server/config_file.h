// The configuration file of `himoya serve` (`--config FILE`; /etc/himoya/himoya.conf
// when installed as a service, packaging/himoya.conf) and the one place where the
// serve options are checked, so that a value means the same on the command line
// and in the file.
//
// The format is deliberately small: one `key = value` per line, the keys being
// serve's long options without the dashes (db, host, port, web, threads,
// max-connections, max-per-client, cors-origin); `db` may repeat, as --db does.
// Blank lines and lines starting with # are ignored, and so is a ` # comment`
// after a value (a # preceded by a space or tab). An unknown key, a line without
// `=`, an empty value, a repeated key or a bad value is a ConfigError naming the
// file and the line ("FILE:LINE: problem"), never a silent default.
#pragma once

#include <set>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "server/http_server.h"

namespace himoya {

// A problem with a configuration file; what() is "FILE:LINE: problem" (or
// "FILE: problem" when the file cannot be read).
class ConfigError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// One `key = value` line, with its line number (from 1) for error messages.
struct ConfigEntry {
    std::string key;
    std::string value;
    int line = 0;
};

// Splits `text` into entries. Only the syntax is checked here, and that every key
// is in `keys`; keys outside `repeatable` may appear once. `file` names the file
// in errors.
std::vector<ConfigEntry> parse_config(std::string_view text, const std::string& file,
                                      const std::set<std::string>& keys, const std::set<std::string>& repeatable);

// The keys `himoya serve` accepts in its file: its long options without "--".
const std::set<std::string>& server_config_keys();

// Sets one serve option from its text form, checking it (`key` as in
// server_config_keys()). A bad value throws std::invalid_argument whose message
// starts with the key, e.g. "port must be 0..65535, got '99999'"; the caller
// prefixes "--" or "FILE:LINE: ". "db" adds a path to options.db_paths.
void set_server_option(ServerOptions& options, const std::string& key, const std::string& value);

// Parses `text` (the contents of `file`) and applies every entry to `options`;
// the `db` lines, if any, replace the default index list. Throws ConfigError.
void apply_server_config(std::string_view text, const std::string& file, ServerOptions& options);

// Reads `file` and applies it as above. A file that cannot be read is a ConfigError.
void load_server_config(const std::string& file, ServerOptions& options);

}  // namespace himoya
