#include "indexer/index_location.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include <unistd.h>

namespace himoya {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStubName = "XAPIANDB";
constexpr const char* kGenerationPrefix = "gen-";

std::vector<std::string> generations(const std::string& directory) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(directory, ec)) {
        std::string name = entry.path().filename().string();
        if (entry.is_directory() && name.rfind(kGenerationPrefix, 0) == 0) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

}  // namespace

std::string IndexLocation::begin_generation() {
    fs::create_directories(directory_);
    auto existing = generations(directory_);
    long next = 1;
    if (!existing.empty()) next = std::stol(existing.back().substr(4)) + 1;
    char name[32];
    std::snprintf(name, sizeof name, "%s%06ld", kGenerationPrefix, next);
    return (fs::path(directory_) / name).string();
}

void IndexLocation::commit_generation(const std::string& generation_path) {
    std::string previous = current_generation();
    fs::path stub = fs::path(directory_) / kStubName;
    fs::path tmp = fs::path(directory_) / (std::string(kStubName) + ".tmp");
    {
        std::ofstream out(tmp, std::ios::trunc);
        // Relative path: the index directory can be moved or mounted elsewhere.
        out << "glass " << fs::path(generation_path).filename().string() << "\n";
        out.flush();
        if (!out) throw std::runtime_error("cannot write " + tmp.string());
    }
    if (std::rename(tmp.c_str(), stub.c_str()) != 0)
        throw std::runtime_error("cannot switch index stub " + stub.string());
    // Keep the new and the previous generation; readers may still hold the previous one.
    std::string current = fs::path(generation_path).filename().string();
    for (const std::string& name : generations(directory_)) {
        if (name == current || name == previous) continue;
        std::error_code ec;
        fs::remove_all(fs::path(directory_) / name, ec);
    }
}

void IndexLocation::abandon_generation(const std::string& generation_path) {
    std::error_code ec;
    fs::remove_all(generation_path, ec);
}

std::string IndexLocation::current_generation() const {
    std::ifstream in(fs::path(directory_) / kStubName);
    std::string backend, name;
    if (in >> backend >> name) return name;
    return "";
}

}  // namespace himoya
