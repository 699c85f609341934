#include "cli/data_dir.h"

#include <filesystem>

namespace himoya::cli {

std::string installed_data_dir() {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (ec || exe.empty()) return "";
    fs::path bin = exe.parent_path();
    if (bin.filename() != "bin") return "";  // build/himoya in a source tree: no installed data
    fs::path share = bin.parent_path() / "share" / "himoya";
    return fs::is_directory(share, ec) ? share.string() : "";
}

std::string installed_data_or(const std::string& name, const std::string& fallback) {
    std::string dir = installed_data_dir();
    if (dir.empty()) return fallback;
    std::error_code ec;
    std::filesystem::path p = std::filesystem::path(dir) / name;
    return std::filesystem::is_directory(p, ec) ? p.string() : fallback;
}

}  // namespace himoya::cli
