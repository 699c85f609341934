// Scratch directories and files for tests that index or serve from disk.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace himoya::testing {

// A fresh directory named after the test and the process, removed at scope exit.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& name)
        : path(std::filesystem::temp_directory_path() / ("himoya-" + name + "-" + std::to_string(getpid()))) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
};

// Writes `bytes` as they are (no newline translation), creating parent directories.
inline void write_file(const std::filesystem::path& p, const std::string& bytes) {
    std::filesystem::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << bytes;
}

}  // namespace himoya::testing
