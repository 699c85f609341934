// Running the real `himoya` binary from tests: a command to completion, or a
// server in the background on a free loopback port.
#pragma once

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <stdexcept>
#include <string>
#include <vector>

namespace himoya::testing {

struct ProcessResult {
    int status = -1;  // exit status
    std::string out, err;
};

inline std::vector<char*> argv_of(std::vector<std::string>& args) {
    std::vector<char*> argv;
    for (auto& a : args) argv.push_back(a.data());
    argv.push_back(nullptr);
    return argv;
}

// Runs a command to completion, capturing stdout and stderr.
inline ProcessResult run(std::vector<std::string> args) {
    int out[2], err[2];
    if (pipe(out) || pipe(err)) throw std::runtime_error("pipe failed");
    pid_t pid = fork();
    if (pid == 0) {
        dup2(out[1], 1);
        dup2(err[1], 2);
        close(out[0]); close(err[0]); close(out[1]); close(err[1]);
        auto argv = argv_of(args);
        execv(argv[0], argv.data());
        _exit(127);
    }
    close(out[1]);
    close(err[1]);
    ProcessResult r;
    pollfd fds[2] = {{out[0], POLLIN, 0}, {err[0], POLLIN, 0}};
    int open_fds = 2;
    char buf[65536];
    while (open_fds > 0) {
        poll(fds, 2, -1);
        for (int i = 0; i < 2; ++i) {
            if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP))) continue;
            ssize_t n = read(fds[i].fd, buf, sizeof buf);
            if (n <= 0) { close(fds[i].fd); fds[i].fd = -1; --open_fds; continue; }
            (i == 0 ? r.out : r.err).append(buf, static_cast<size_t>(n));
        }
    }
    int status = 0;
    waitpid(pid, &status, 0);
    r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    return r;
}

// `himoya serve --port 0 ...` in the background; stops it on destruction.
class ServerProcess {
public:
    explicit ServerProcess(std::vector<std::string> args) {
        int out[2];
        if (pipe(out)) throw std::runtime_error("pipe failed");
        pid_ = fork();
        if (pid_ == 0) {
            dup2(out[1], 1);
            close(out[0]);
            close(out[1]);
            auto argv = argv_of(args);
            execv(argv[0], argv.data());
            _exit(127);
        }
        close(out[1]);
        // Wait (at most 20 s) for "listening on http://HOST:PORT".
        std::string line;
        auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
        while (line.find('\n') == std::string::npos && std::chrono::steady_clock::now() < deadline) {
            pollfd fd{out[0], POLLIN, 0};
            if (poll(&fd, 1, 200) <= 0) continue;
            char c;
            if (read(out[0], &c, 1) != 1) break;
            line += c;
        }
        close(out[0]);
        auto colon = line.rfind(':');
        if (line.rfind("listening on http://", 0) != 0 || colon == std::string::npos)
            throw std::runtime_error("server did not start: '" + line + "'");
        port_ = std::stoi(line.substr(colon + 1));
    }
    ~ServerProcess() {
        if (pid_ > 0) {
            kill(pid_, SIGTERM);
            int status;
            waitpid(pid_, &status, 0);
        }
    }
    int port() const { return port_; }
    bool alive() const { return pid_ > 0 && waitpid(pid_, nullptr, WNOHANG) == 0; }

private:
    pid_t pid_ = -1;
    int port_ = 0;
};

}  // namespace himoya::testing
