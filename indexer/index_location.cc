#include "indexer/index_location.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <vector>

#include "indexer/test_pause.h"

namespace himoya {
namespace fs = std::filesystem;
namespace {

constexpr const char* kStubName = "XAPIANDB";
constexpr const char* kStubTempName = "XAPIANDB.tmp";
constexpr const char* kGenerationPrefix = "gen-";

std::string errno_text() { return std::strerror(errno); }

// Names of the gen-NNNNNN directories (only those: not gen-N.parts), sorted.
std::vector<std::string> generations(const std::string& directory) {
    std::vector<std::string> names;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(directory, ec)) {
        std::string name = entry.path().filename().string();
        if (name.rfind(kGenerationPrefix, 0) != 0 || name.find('.') != std::string::npos) continue;
        std::error_code type_ec;
        if (entry.is_directory(type_ec)) names.push_back(name);
    }
    std::sort(names.begin(), names.end());
    return names;
}

// The number of "gen-000042" or "gen-000042.parts" (42), or -1.
long generation_number(const std::string& name) {
    if (name.rfind(kGenerationPrefix, 0) != 0) return -1;
    long n = 0;
    size_t i = std::string(kGenerationPrefix).size(), digits = 0;
    for (; i < name.size() && name[i] >= '0' && name[i] <= '9' && digits < 12; ++i, ++digits) n = n * 10 + (name[i] - '0');
    return digits == 0 ? -1 : n;
}

// fsync of one file or folder; "" or what failed.
std::string sync_one(const std::string& path, bool directory) {
    int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | (directory ? O_DIRECTORY : 0));
    if (fd < 0) return "cannot open " + path + " to sync it: " + errno_text();
    int rc = ::fsync(fd);
    std::string error = rc != 0 ? "cannot sync " + path + ": " + errno_text() : "";
    ::close(fd);
    return error;
}

// Removes an old generation; with the test hook, stops half-way (after its
// first file) so that a crash test can kill a cleanup in progress.
void remove_old_generation(const fs::path& path, bool& paused) {
    std::error_code ec;
    if (!paused) {
        for (const auto& entry : fs::directory_iterator(path, ec)) {
            std::error_code remove_ec;
            fs::remove(entry.path(), remove_ec);
            break;
        }
        paused = true;
        test_pause_point("cleanup");
    }
    fs::remove_all(path, ec);
}

}  // namespace

std::string IndexLocation::create() {
    std::error_code ec;
    fs::create_directories(directory_, ec);
    if (ec) return "cannot create the index folder " + directory_ + ": " + ec.message();
    if (!fs::is_directory(directory_, ec)) return "the index path " + directory_ + " is not a folder";
    if (fs::exists(fs::path(directory_) / kStubName, ec) || fs::exists(fs::path(directory_) / kIndexLockName, ec))
        return "";
    std::vector<std::string> others;
    for (const auto& entry : fs::directory_iterator(directory_, ec)) others.push_back(entry.path().filename().string());
    if (ec) return "cannot read the index folder " + directory_ + ": " + ec.message();
    if (others.empty()) return "";
    std::sort(others.begin(), others.end());
    std::string named;
    for (size_t i = 0; i < others.size() && i < 3; ++i) named += (i ? ", " : "") + others[i];
    if (others.size() > 3) named += ", …";
    return "the index folder " + directory_ + " is not empty and holds no Himoya index (" + named +
           "): give a new or empty folder, or an index folder; nothing was changed";
}

std::string IndexLocation::begin_generation() {
    fs::create_directories(directory_);
    long next = 1;
    std::error_code ec;
    // Above every gen-* name there is, debris included, so a new generation never reuses a name.
    for (const auto& entry : fs::directory_iterator(directory_, ec))
        next = std::max(next, generation_number(entry.path().filename().string()) + 1);
    char name[32];
    std::snprintf(name, sizeof name, "%s%06ld", kGenerationPrefix, next);
    return (fs::path(directory_) / name).string();
}

std::string IndexLocation::commit_generation(const std::string& generation_path) {
    std::string previous = current_generation();
    // 1. The generation is on disk, and so is its name in the index folder,
    //    before the stub names it.
    if (std::string error = sync_tree(generation_path); !error.empty()) return error;
    if (std::string error = sync_one(directory_, true); !error.empty()) return error;

    // 2. The stub: a temp file, fsync'd, renamed over the old one, the folder fsync'd.
    const std::string stub = (fs::path(directory_) / kStubName).string();
    const std::string tmp = (fs::path(directory_) / kStubTempName).string();
    {
        // Relative path: the index directory can be moved or mounted elsewhere.
        std::string content = "glass ";
        content += fs::path(generation_path).filename().string();
        content += "\n";
        int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
        if (fd < 0) return "cannot write " + tmp + ": " + errno_text();
        std::string error;
        size_t written = 0;
        while (error.empty() && written < content.size()) {
            ssize_t n = ::write(fd, content.data() + written, content.size() - written);
            if (n < 0 && errno == EINTR) continue;
            if (n <= 0) error = "cannot write " + tmp + ": " + errno_text();
            else written += static_cast<size_t>(n);
        }
        if (error.empty() && ::fsync(fd) != 0) error = "cannot sync " + tmp + ": " + errno_text();
        if (::close(fd) != 0 && error.empty()) error = "cannot write " + tmp + ": " + errno_text();
        if (!error.empty()) {
            ::unlink(tmp.c_str());
            return error;
        }
    }
    test_pause_point("stub-written");
    if (std::rename(tmp.c_str(), stub.c_str()) != 0) {
        std::string error = "cannot switch index stub " + stub + ": " + errno_text();
        ::unlink(tmp.c_str());
        return error;
    }
    // The rename is the switch; syncing the folder makes it survive a power
    // loss. If that fails the switch has still happened: nothing to undo.
    (void)sync_one(directory_, true);
    test_pause_point("stub-renamed");

    // 3. Keep the new and the previous generation; readers may still hold the previous one.
    std::string current = fs::path(generation_path).filename().string();
    bool paused = false;
    for (const std::string& name : generations(directory_)) {
        if (name == current || name == previous) continue;
        remove_old_generation(fs::path(directory_) / name, paused);
    }
    return "";
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

std::vector<std::string> IndexLocation::remove_debris() {
    std::vector<std::string> removed;
    const std::string current = current_generation();
    const long current_number = current.empty() ? -1 : generation_number(current);
    // The previous generation: the newest below the current one (readers may hold it).
    long previous_number = -1;
    for (const std::string& name : generations(directory_)) {
        long n = generation_number(name);
        if (n < current_number) previous_number = std::max(previous_number, n);
    }
    std::error_code ec;
    std::vector<fs::path> entries;
    for (const auto& entry : fs::directory_iterator(directory_, ec)) entries.push_back(entry.path());
    std::sort(entries.begin(), entries.end());
    for (const fs::path& path : entries) {
        const std::string name = path.filename().string();
        std::string what;
        if (name == kStubTempName) {
            what = "new stub of a run stopped before its switch";
        } else if (name.rfind(kGenerationPrefix, 0) == 0) {
            const long n = generation_number(name);
            const std::string suffix = name.find('.') == std::string::npos ? "" : name.substr(name.find('.'));
            if (suffix == ".parts") what = "part databases of a run that did not finish";
            else if (suffix == ".compact") what = "compacted copy of a run that did not finish";
            else if (!suffix.empty()) what = "left by a run that did not finish";
            else if (name == current) continue;
            else if (current_number < 0) what = "generation of a run that did not finish (no stub names one)";
            else if (n > current_number) what = "generation of a run that did not finish";
            else if (n == previous_number) continue;
            else what = "old generation, no longer served, that a run did not finish removing";
        } else {
            continue;
        }
        std::error_code remove_ec;
        fs::remove_all(path, remove_ec);
        std::string line = path.string();
        line += " (";
        line += what;
        if (remove_ec) {
            line += "; could not remove it: ";
            line += remove_ec.message();
        }
        line += ")";
        removed.push_back(line);
    }
    return removed;
}

IndexLock::IndexLock(const std::string& directory, bool wait, const std::function<void(long)>& on_wait) {
    const std::string path = (fs::path(directory) / kIndexLockName).string();
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
    if (fd_ < 0) {
        error_ = "cannot open the lock file " + path + ": " + errno_text();
        return;
    }
    int rc;
    while ((rc = ::flock(fd_, LOCK_EX | LOCK_NB)) != 0 && errno == EINTR) {}
    if (rc != 0) {
        if (errno != EWOULDBLOCK) {
            error_ = "cannot lock " + path + ": " + errno_text();
            return;
        }
        // The holder wrote its pid when it took the lock.
        char buf[32] = {};
        ssize_t n = ::pread(fd_, buf, sizeof buf - 1, 0);
        long holder = n > 0 ? std::strtol(buf, nullptr, 10) : 0;
        if (!wait) {
            state_ = State::busy;
            error_ = "the index " + directory + " is being written by another indexer";
            if (holder > 0) error_ += " (pid " + std::to_string(holder) + ")";
            error_ += "; not waiting (--no-wait). Lock file: " + path;
            return;
        }
        if (on_wait) on_wait(holder);
        while ((rc = ::flock(fd_, LOCK_EX)) != 0 && errno == EINTR) {}
        if (rc != 0) {
            error_ = "cannot lock " + path + ": " + errno_text();
            return;
        }
    }
    state_ = State::held;
    std::string pid = std::to_string(static_cast<long>(::getpid()));
    pid += "\n";
    if (::ftruncate(fd_, 0) == 0) (void)!::pwrite(fd_, pid.data(), pid.size(), 0);
}

IndexLock::~IndexLock() {
    if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

std::optional<std::uintmax_t> free_bytes(const std::string& path) {
    struct statvfs st {};
    if (::statvfs(path.c_str(), &st) != 0) return std::nullopt;
    return static_cast<std::uintmax_t>(st.f_bavail) * static_cast<std::uintmax_t>(st.f_frsize);
}

std::uintmax_t tree_bytes(const std::string& path) {
    std::uintmax_t total = 0;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
        std::error_code type_ec;
        if (e.is_regular_file(type_ec)) total += e.file_size(type_ec);
    }
    return total;
}

std::string sync_tree(const std::string& path) {
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(path, ec)) {
        std::error_code type_ec;
        bool directory = e.is_directory(type_ec);
        if (!directory && !e.is_regular_file(type_ec)) continue;
        if (std::string error = sync_one(e.path().string(), directory); !error.empty()) return error;
    }
    if (ec) return "cannot list " + path + " to sync it: " + ec.message();
    return sync_one(path, true);
}

}  // namespace himoya
