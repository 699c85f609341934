#include "cli/args.h"

namespace himoya::cli {

std::string Args::get(const std::string& name, const std::string& fallback) const {
    auto it = options.find(name);
    return it == options.end() ? fallback : it->second;
}

std::vector<std::string> Args::all(const std::string& name) const {
    std::vector<std::string> out;
    auto [from, to] = options.equal_range(name);
    for (auto it = from; it != to; ++it) out.push_back(it->second);
    return out;
}

int Args::get_int(const std::string& name, int fallback) const {
    std::string v = get(name);
    if (v.empty()) return fallback;
    try {
        size_t used = 0;
        int n = std::stoi(v, &used);
        if (used != v.size()) throw std::invalid_argument(v);
        return n;
    } catch (const std::exception&) {
        throw UsageError("--" + name + " needs a number, got '" + v + "'");
    }
}

Args parse_args(int argc, char** argv, int first, const std::set<std::string>& valued,
                const std::set<std::string>& flags) {
    Args args;
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "-h" || a == "--help") { args.help = true; continue; }
        if (a == "--") {
            for (++i; i < argc; ++i) args.positional.push_back(argv[i]);
            break;
        }
        if (a.rfind("--", 0) != 0 || a.size() == 2) { args.positional.push_back(a); continue; }
        std::string name = a.substr(2), value;
        bool has_value = false;
        if (auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            has_value = true;
        }
        if (flags.count(name)) {
            if (has_value) throw UsageError("--" + name + " takes no value");
            args.options.emplace(name, "");
        } else if (valued.count(name)) {
            if (!has_value) {
                if (i + 1 >= argc) throw UsageError("--" + name + " needs a value");
                value = argv[++i];
            }
            args.options.emplace(name, value);
        } else {
            throw UsageError("unknown option --" + name);
        }
    }
    return args;
}

}  // namespace himoya::cli
