// A `himoya` child process a test can steer while it runs: extra environment
// (HIMOYA_TEST_PAUSE_AT), a file-size limit (a full disk without root), another
// user (unreadable folders are readable by root), its stderr read with a
// deadline, signals (SIGKILL as a power loss, SIGCONT after a test pause).
// Every wait is bounded: a child that hangs is killed and the wait fails.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace himoya::testing {

struct ChildOptions {
    std::vector<std::pair<std::string, std::string>> env;  // added to the environment
    long file_size_limit = -1;  // RLIMIT_FSIZE in bytes (SIGXFSZ ignored: writes fail with EFBIG); -1: none
    int uid = -1;               // run as this user and group (needs root); -1: as we are
    // With a file-size limit: SIGXFSZ left at its default (it kills the process
    // unless the process ignores it), as a shell's `ulimit -f` leaves it.
    bool default_xfsz = false;
};

class Child {
public:
    Child(std::vector<std::string> args, const ChildOptions& options = {}) {
        int err[2];
        if (pipe(err)) throw std::runtime_error("pipe failed");
        pid_ = fork();
        if (pid_ < 0) throw std::runtime_error("fork failed");
        if (pid_ == 0) {
            dup2(err[1], 2);
            int null = open("/dev/null", O_RDWR);
            dup2(null, 0);
            dup2(null, 1);
            close(err[0]);
            close(err[1]);
            for (const auto& [name, value] : options.env) setenv(name.c_str(), value.c_str(), 1);
            if (options.file_size_limit >= 0) {
                // An ignored signal stays ignored across exec.
                ::signal(SIGXFSZ, options.default_xfsz ? SIG_DFL : SIG_IGN);
                rlimit limit{static_cast<rlim_t>(options.file_size_limit), static_cast<rlim_t>(options.file_size_limit)};
                setrlimit(RLIMIT_FSIZE, &limit);
            }
            if (options.uid >= 0 && (setgid(static_cast<gid_t>(options.uid)) || setuid(static_cast<uid_t>(options.uid))))
                _exit(126);
            std::vector<char*> argv;
            for (auto& a : args) argv.push_back(a.data());
            argv.push_back(nullptr);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(err[1]);
        fd_ = err[0];
    }
    ~Child() {
        if (pid_ > 0 && status_ < 0) {
            ::kill(pid_, SIGKILL);
            waitpid(pid_, nullptr, 0);
        }
        if (fd_ >= 0) close(fd_);
    }
    Child(const Child&) = delete;
    Child& operator=(const Child&) = delete;

    pid_t pid() const { return pid_; }
    const std::string& err() const { return err_; }
    void signal(int sig) { ::kill(pid_, sig); }

    // Reads stderr until it holds `needle` (true) or `seconds` pass or it closes (false).
    bool wait_for(const std::string& needle, double seconds) {
        auto deadline = after(seconds);
        while (err_.find(needle) == std::string::npos) {
            if (!read_some(deadline)) return err_.find(needle) != std::string::npos;
        }
        return true;
    }

    // Whether the process is stopped (after a test pause) within `seconds`.
    bool wait_stopped(double seconds) {
        auto deadline = after(seconds);
        while (std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            pid_t r = waitpid(pid_, &status, WUNTRACED | WNOHANG);
            if (r == pid_ && WIFSTOPPED(status)) return true;
            if (r == pid_) {
                status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                return false;
            }
            usleep(10000);
        }
        return false;
    }

    // Exit status (128 + signal when killed); -1 if it did not end within
    // `seconds` (then it is killed).
    int wait(double seconds) {
        if (status_ >= 0) return status_;
        auto deadline = after(seconds);
        while (read_some(deadline)) {}
        while (std::chrono::steady_clock::now() < deadline) {
            int status = 0;
            pid_t r = waitpid(pid_, &status, WNOHANG);
            if (r == pid_) {
                status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
                return status_;
            }
            usleep(10000);
        }
        ::kill(pid_, SIGKILL);
        waitpid(pid_, nullptr, 0);
        status_ = -1;
        return -1;
    }

    // Whether it is still running (not ended; stopped counts as running).
    bool running() {
        if (status_ >= 0) return false;
        int status = 0;
        pid_t r = waitpid(pid_, &status, WNOHANG);
        if (r == pid_) {
            status_ = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
            return false;
        }
        return true;
    }

private:
    static std::chrono::steady_clock::time_point after(double seconds) {
        return std::chrono::steady_clock::now() +
               std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
    }

    // Reads what stderr has before `deadline`; false at EOF or the deadline.
    bool read_some(std::chrono::steady_clock::time_point deadline) {
        if (fd_ < 0) return false;
        auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
        if (left.count() <= 0) return false;
        pollfd p{fd_, POLLIN, 0};
        int n = poll(&p, 1, static_cast<int>(std::min<long>(left.count(), 100)));
        if (n <= 0) return std::chrono::steady_clock::now() < deadline;
        char buf[4096];
        ssize_t got = read(fd_, buf, sizeof buf);
        if (got <= 0) {
            close(fd_);
            fd_ = -1;
            return false;
        }
        err_.append(buf, static_cast<size_t>(got));
        return true;
    }

    pid_t pid_ = -1;
    int fd_ = -1;
    int status_ = -1;
    std::string err_;
};

}  // namespace himoya::testing
