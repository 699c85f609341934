// Where an index lives on disk and how a rebuild replaces it atomically and
// durably.
//
// An index directory holds generations (gen-000001/, gen-000002/ ...) and a
// Xapian stub file XAPIANDB naming the current one. Readers open the directory
// and Xapian follows the stub. A rebuild writes a new generation beside the
// current one and switches by rename(2) of a new stub over the old: readers see
// either the old index or the new, never a half-written one.
//
// Durability (a power loss at any moment leaves a stub naming a whole
// generation): every file and folder of the new generation is fsync'd before
// the stub names it; the stub is written to XAPIANDB.tmp, fsync'd, renamed
// over XAPIANDB, and the index folder fsync'd. Only then are old generations
// removed.
//
// One indexer at a time: IndexLock holds an exclusive flock(2) on
// himoya-index.lock in the index folder for a whole run, so two runs never
// delete each other's work. What a crashed run left (unfinished generations,
// gen-*.parts, gen-*.compact, XAPIANDB.tmp, old generations a cleanup did not
// finish) is removed by the next run, under the lock (remove_debris).
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace himoya {

class IndexLocation {
public:
    explicit IndexLocation(std::string directory) : directory_(std::move(directory)) {}

    // Creates the index directory if needed. "" on success, else what failed.
    // A folder that exists, holds anything, and is no index folder (neither the
    // stub nor the lock file of an earlier run is in it) is refused: a run
    // removes gen-* folders it takes for debris, and a mistyped --db must not
    // delete someone's files.
    [[nodiscard]] std::string create();

    // Creates the directory if needed and returns the path of a fresh,
    // not-yet-existing generation directory to build into.
    std::string begin_generation();

    // Makes `generation_path` the current index, durably: fsyncs its files and
    // folders, writes the stub to XAPIANDB.tmp, fsyncs it, renames it over
    // XAPIANDB and fsyncs the index folder; then removes generations older
    // than the previous one (kept for readers still on it). "" on success;
    // else what failed, and the stub still names the generation it named.
    [[nodiscard]] std::string commit_generation(const std::string& generation_path);

    // Removes a generation that failed to build.
    void abandon_generation(const std::string& generation_path);

    // The generation the stub names now, or "" when there is none.
    std::string current_generation() const;

    // Removes what runs that crashed or were killed left behind: generations
    // newer than the current one (all of them when there is no stub),
    // gen-*.parts and gen-*.compact folders, XAPIANDB.tmp, and generations
    // older than the previous one. Call only while holding the IndexLock.
    // Returns one line per entry removed: "PATH (what it was)".
    std::vector<std::string> remove_debris();

    const std::string& directory() const { return directory_; }

private:
    std::string directory_;
};

// The exclusive lock of an index directory, held for a whole indexing run
// (flock on DIRECTORY/himoya-index.lock; released when the object dies or
// the process ends, however it ends). The lock file stays: removing it would
// let two runs lock two different files.
class IndexLock {
public:
    enum class State { held, busy, failed };

    // Locks `directory` (which must exist). When another process holds the
    // lock: with `wait`, calls `on_wait(holder's pid, or 0 if unknown)` once
    // and waits for it; without, gives up at once (State::busy).
    IndexLock(const std::string& directory, bool wait, const std::function<void(long)>& on_wait);
    ~IndexLock();
    IndexLock(const IndexLock&) = delete;
    IndexLock& operator=(const IndexLock&) = delete;

    State state() const { return state_; }
    // Why the lock is not held (busy or failed), naming the holder's pid.
    const std::string& error() const { return error_; }

private:
    int fd_ = -1;
    State state_ = State::failed;
    std::string error_;
};

inline constexpr const char* kIndexLockName = "himoya-index.lock";
// The folder, in the index folder, of pages already read by OCR (readers/ocr_cache.h).
inline constexpr const char* kOcrCacheFolder = "ocr-cache";

// Free bytes for an unprivileged writer on the file system of `path`, or
// nullopt when it cannot be told.
std::optional<std::uintmax_t> free_bytes(const std::string& path);

// Bytes of the regular files under `path` (0 when it does not exist).
std::uintmax_t tree_bytes(const std::string& path);

// fsyncs every regular file and folder under `path`, and `path` itself.
// "" on success, else what failed.
[[nodiscard]] std::string sync_tree(const std::string& path);

}  // namespace himoya
