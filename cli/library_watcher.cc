#include "cli/library_watcher.h"

#include <fcntl.h>
#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "cli/library_index.h"

namespace himoya::cli {

namespace fs = std::filesystem;

namespace {

constexpr uint32_t kFileEvents = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_CREATE;

// One line to the server's log, written at once so lines never mix.
void log_line(const std::string& line) {
    std::string out = "himoya serve: watch: " + line + "\n";
    std::cerr.write(out.data(), static_cast<std::streamsize>(out.size()));
    std::cerr.flush();
}

}  // namespace

std::unique_ptr<LibraryWatcher> LibraryWatcher::start(const WatchOptions& options, std::string& error) {
    std::error_code ec;
    if (!fs::is_directory(options.dir, ec)) {
        error = "--watch " + options.dir + ": not a folder";
        return nullptr;
    }
    std::unique_ptr<LibraryWatcher> w(new LibraryWatcher(options));
    w->inotify_ = inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (w->inotify_ < 0 || pipe2(w->wake_, O_CLOEXEC) != 0) {
        error = std::string("--watch: cannot start inotify: ") + std::strerror(errno);
        return nullptr;
    }
    if (!w->watch_tree(options.dir, error)) return nullptr;
    log_line("watching " + options.dir + " (and the folders under it); indexing into " + options.db +
             " after " + std::to_string(options.quiet.count()) + " ms without changes");
    w->thread_ = std::thread([raw = w.get()] { raw->loop(); });
    return w;
}

LibraryWatcher::~LibraryWatcher() {
    if (thread_.joinable()) {
        char byte = 0;
        if (write(wake_[1], &byte, 1) < 0) log_line(std::string("cannot wake the watcher: ") + std::strerror(errno));
        thread_.join();
    }
    for (int fd : {inotify_, wake_[0], wake_[1]})
        if (fd >= 0) close(fd);
}

bool LibraryWatcher::watch_tree(const std::string& dir, std::string& error) {
    const int top = inotify_add_watch(inotify_, dir.c_str(), kFileEvents | IN_ONLYDIR);
    if (top < 0) {
        error = "--watch " + dir + ": cannot watch: " + std::strerror(errno);
        return false;
    }
    folders_[top] = dir;
    std::error_code ec;
    for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        if (!it->is_directory(ec)) continue;
        if (it->path().filename().string().rfind('.', 0) == 0) {
            it.disable_recursion_pending();
            continue;
        }
        const int wd = inotify_add_watch(inotify_, it->path().c_str(), kFileEvents | IN_ONLYDIR);
        if (wd < 0) {
            error = "--watch " + it->path().string() + ": cannot watch: " + std::strerror(errno);
            return false;
        }
        folders_[wd] = it->path().string();
    }
    if (ec) {
        error = "--watch " + dir + ": " + ec.message();
        return false;
    }
    return true;
}

void LibraryWatcher::loop() {
    using Clock = std::chrono::steady_clock;
    bool pending = true;  // the first run, at start
    Clock::time_point due = Clock::now();
    alignas(inotify_event) char buffer[16384];
    while (true) {
        int timeout = -1;
        if (pending) {
            auto left = std::chrono::duration_cast<std::chrono::milliseconds>(due - Clock::now()).count();
            timeout = left < 0 ? 0 : static_cast<int>(left);
        }
        pollfd fds[2] = {{inotify_, POLLIN, 0}, {wake_[0], POLLIN, 0}};
        int ready = poll(fds, 2, timeout);
        if (ready < 0 && errno != EINTR) {
            log_line(std::string("poll failed: ") + std::strerror(errno) + "; watching stopped");
            return;
        }
        if (fds[1].revents) return;  // stopping
        if (ready > 0 && (fds[0].revents & POLLIN)) {
            ssize_t n;
            while ((n = read(inotify_, buffer, sizeof buffer)) > 0) {
                for (char* p = buffer; p < buffer + n;) {
                    auto* event = reinterpret_cast<inotify_event*>(p);
                    p += sizeof(inotify_event) + event->len;
                    if (event->mask & IN_Q_OVERFLOW) {
                        pending = true;
                        continue;
                    }
                    if (event->len == 0) continue;
                    std::string name = event->name;
                    if (name.empty() || name[0] == '.') continue;  // hidden: editors' scratch files
                    if ((event->mask & IN_ISDIR) && (event->mask & IN_MOVED_FROM)) {
                        // A folder moved away (out of the tree, or elsewhere in it,
                        // then IN_MOVED_TO watches it again): its watches follow
                        // it, so changes out there would start runs.
                        if (auto parent = folders_.find(event->wd); parent != folders_.end()) {
                            const std::string gone = (fs::path(parent->second) / name).string();
                            for (auto f = folders_.begin(); f != folders_.end();) {
                                if (f->second == gone || f->second.rfind(gone + "/", 0) == 0) {
                                    inotify_rm_watch(inotify_, f->first);
                                    f = folders_.erase(f);
                                } else {
                                    ++f;
                                }
                            }
                        }
                    } else if ((event->mask & IN_ISDIR) && (event->mask & (IN_CREATE | IN_MOVED_TO))) {
                        // A new folder: watch it (and what it already holds).
                        std::string error;
                        if (!watch_tree(options_.dir, error)) log_line(error);
                    } else if (event->mask == IN_CREATE) {
                        // A file being written: IN_CLOSE_WRITE follows. A symbolic
                        // link is whole at once: nothing follows it.
                        auto folder = folders_.find(event->wd);
                        std::error_code ec;
                        if (folder == folders_.end() || !fs::is_symlink(fs::path(folder->second) / name, ec)) continue;
                    }
                    pending = true;
                    due = Clock::now() + options_.quiet;
                }
            }
        }
        if (pending && Clock::now() >= due) {
            pending = false;
            run_index();
        }
    }
}

void LibraryWatcher::run_index() {
    try {
        IngestReport report;
        IndexSummary s = index_library(options_.corpus_dirs, options_.dir, options_.db, options_.threads, report);
        for (const IngestProblem& p : report.problems) {
            if (p.info) continue;  // notes on encodings: `himoya index` shows them
            log_line(p.to_string() + (p.truncated ? " [truncated]" : p.fatal ? " [skipped]" : p.kept ? " [kept]" : " [warning]"));
        }
        if (!s.error.empty()) {
            log_line("indexing failed: " + s.error + "; the index is unchanged, the next change tries again");
            return;
        }
        std::ostringstream line;
        line << "indexed " << s.documents << " document(s): " << s.rewritten << " added or replaced, " << s.deleted
             << " deleted, " << s.unchanged << " unchanged";
        if (s.kept > 0) line << ", " << s.kept << " kept at " << (s.kept == 1 ? "its" : "their") << " previous version";
        if (report.documents_skipped + report.entries_skipped > 0)
            line << "; " << report.documents_skipped + report.entries_skipped << " skipped (above)";
        line << (s.switched ? "; serving the new index" : "; not switched");
        log_line(line.str());
    } catch (const std::exception& e) {
        log_line(std::string("indexing failed: ") + e.what() + "; the next change tries again");
    }
}

}  // namespace himoya::cli
