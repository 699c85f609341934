// `himoya serve --watch DIR`: a library folder watched with inotify. Files
// added, changed (IN_CLOSE_WRITE, IN_MOVED_TO) or removed (IN_DELETE,
// IN_MOVED_FROM) in DIR or a folder under it are indexed incrementally into
// the served index after a quiet period (default 2 s after the last event,
// so a file and its sidecar copied one after the other make one run), by
// the same incremental build and atomic switch as `himoya index
// --incremental`: the server's SearchEngine notices the new generation by
// itself (search/engine.h), so nothing else has to be told. One run is also
// made at start, for what changed while the server was down.
//
// A broken file is a problem of the run, written to the server's log
// (stderr: "himoya serve: watch: FILE:LINE: problem [skipped]") and left out;
// the service goes on. A file indexed before that is broken now keeps its
// version indexed before ("[kept]", IndexOptions::incremental); only a
// removed file deletes its document. A run that fails as a whole (full disk, lock) is
// logged too, and the next change tries again. Hidden files (editors'
// ".name.swp") do not start a run.
//
// Ownership and threads: a LibraryWatcher owns its inotify descriptor, a
// pipe to wake it and one thread, which waits for events and runs the
// indexer; nothing else touches them. The destructor wakes the thread and
// joins it (an index run in progress finishes first). Not copyable.
#pragma once

#include <chrono>
#include <map>
#include <memory>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace himoya::cli {

struct WatchOptions {
    std::string dir;                       // the watched library folder
    std::vector<std::string> corpus_dirs;  // the rest of the corpus the index was built from
    std::string db;                        // the index to update
    std::chrono::milliseconds quiet{2000};  // wait this long after the last event
    int threads = 2;                       // indexing threads (the server keeps the rest)
};

class LibraryWatcher {
public:
    // Starts watching (and the first run). nullptr with `error` set when DIR
    // cannot be watched (missing, not a folder, inotify limits).
    static std::unique_ptr<LibraryWatcher> start(const WatchOptions& options, std::string& error);
    ~LibraryWatcher();
    LibraryWatcher(const LibraryWatcher&) = delete;
    LibraryWatcher& operator=(const LibraryWatcher&) = delete;

private:
    explicit LibraryWatcher(WatchOptions options) : options_(std::move(options)) {}
    bool watch_tree(const std::string& dir, std::string& error);
    void loop();
    void run_index();

    WatchOptions options_;
    int inotify_ = -1;
    // Each watch's folder: a symbolic link created in one is looked at (it is
    // whole at once, and no IN_CLOSE_WRITE follows). The watcher thread's alone
    // once started.
    std::map<int, std::string> folders_;
    int wake_[2] = {-1, -1};
    std::thread thread_;
};

}  // namespace himoya::cli
