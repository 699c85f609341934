// A small command-line option reader: --name value, --name=value, --flag,
// and positional words. Unknown options are errors, reported by name.
#pragma once

#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace himoya::cli {

class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

struct Args {
    std::multimap<std::string, std::string> options;  // repeated options keep every value
    std::vector<std::string> positional;
    bool help = false;

    std::string get(const std::string& name, const std::string& fallback = "") const;
    std::vector<std::string> all(const std::string& name) const;
    bool flag(const std::string& name) const { return options.count(name) > 0; }
    int get_int(const std::string& name, int fallback) const;
};

// `valued` names options that take a value; `flags` those that do not.
Args parse_args(int argc, char** argv, int first, const std::set<std::string>& valued,
                const std::set<std::string>& flags);

}  // namespace himoya::cli
