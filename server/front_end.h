// The network front end of `himoya serve`: one thread accepts connections
// and reads every request (headers and any body, within limits and deadlines)
// with epoll, holding nothing but a small buffer per connection; only a
// complete request goes to a worker thread, which runs the site's handler and
// hands the answer back; the front end writes it out, again without a worker.
//
// Why: Debian's cpp-httplib 0.11.4 gives each connection a worker from
// accept to close, so 64 clients sending their headers a line a second (or
// idling on keep-alive) held all 64 workers and nobody else was answered
// (issue 17). Here a slow or idle client costs a file descriptor and at most
// its request's buffer, for at most the request deadline; workers only ever
// run handlers. Limits and their values: docs/reliability.md, "The server".
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <unordered_map>
#include <vector>

#include "server/http_message.h"
#include "server/http_parser.h"

namespace himoya {

struct FrontEndOptions {
    std::string host = "127.0.0.1";
    int port = 8080;  // 0: any free port (port() tells which)
    int workers = 16;  // threads running handlers
    RequestLimits limits;
    // No byte of a next request for this long: the connection is closed (keep-alive idle).
    std::chrono::milliseconds idle_timeout{5000};
    // From a request's first byte until all of its headers and body: else 408 and close.
    std::chrono::milliseconds request_timeout{10000};
    // Writing an answer: this long plus 1 s per 64 KiB of it; else the connection is closed.
    std::chrono::milliseconds write_timeout{10000};
    // A complete request waiting this long for a worker is answered 503 instead of run.
    std::chrono::milliseconds queue_timeout{10000};
    // After an answer that closes the connection, what the client still sends is
    // read and dropped for this long, so that its unread bytes do not reset the
    // connection before it has read the answer.
    std::chrono::milliseconds linger{2000};
    // Connections open at once, in all and from one client address; beyond
    // them a new connection is answered 503 at once and closed.
    size_t max_connections = 4096;
    size_t max_connections_per_client = 512;
};

class FrontEnd {
public:
    // `handle` answers a complete GET or HEAD request (on a worker thread; it
    // must not throw); `refuse` makes the answer of an error the front end
    // gives itself (on the front end's thread, or a worker's for a 503).
    // Both are called from several threads at once.
    using Handler = std::function<HttpResponse(HttpRequest)>;
    using Refuser = std::function<HttpResponse(int status, const std::string& message)>;

    FrontEnd(FrontEndOptions options, Handler handle, Refuser refuse);
    ~FrontEnd();
    FrontEnd(const FrontEnd&) = delete;
    FrontEnd& operator=(const FrontEnd&) = delete;

    // Binds and listens (SO_REUSEADDR, never SO_REUSEPORT: a second server on
    // the port fails here instead of sharing it). False with a message such
    // as "port 8080 is already in use on 127.0.0.1" if it cannot.
    bool bind(std::string& error);
    int port() const { return port_; }

    // Serves until stop() is called; 0, or 1 after a fatal error (message on stderr).
    int run();
    // Thread-safe: run() returns soon after.
    void stop();

private:
    struct Connection;
    // A complete request waiting for a worker.
    struct Job {
        uint64_t connection = 0;
        HttpRequest request;
        bool head_only = false;
        bool keep_alive = true;
        std::chrono::steady_clock::time_point queued;
    };
    // A worker's answer, as bytes to write, waiting for the front end.
    struct Completion {
        uint64_t connection = 0;
        std::string bytes;
        bool close_after = false;
    };

    void accept_all();
    void refuse_at_once(int fd, const std::string& bytes);
    void on_readable(Connection& c);
    void on_writable(Connection& c);
    void process_input(Connection& c);
    void dispatch(Connection& c);
    void refuse(Connection& c, int status, const std::string& message);
    void start_write(Connection& c, std::string bytes, bool close_after);
    void start_linger(Connection& c);
    void finish_request(Connection& c);
    void set_events(Connection& c, uint32_t events);
    // Closes the socket at once; the entry is erased at the end of the loop
    // round, so callers holding a Connection& stay valid.
    void close_connection(Connection& c);
    void take_completions();
    void sweep();
    void worker_loop();
    void wake();

    FrontEndOptions options_;
    Handler handle_;
    Refuser refuse_;
    int listen_fd_ = -1;
    int epoll_fd_ = -1;
    int wake_fd_ = -1;
    int spare_fd_ = -1;  // given up to accept (and drop) a connection when out of descriptors
    int port_ = 0;
    std::atomic<bool> stopping_{false};

    std::unordered_map<uint64_t, std::unique_ptr<Connection>> connections_;
    std::vector<uint64_t> closed_;
    std::unordered_map<std::string, size_t> per_client_;
    uint64_t next_id_ = 2;  // 0: the listening socket, 1: the wake-up eventfd
    std::string busy_answer_, client_busy_answer_;  // the bytes of the two at-once 503s

    std::vector<std::thread> workers_;
    std::mutex jobs_mutex_;
    std::condition_variable jobs_cv_;
    std::deque<Job> jobs_;
    std::mutex done_mutex_;
    std::vector<Completion> done_;
};

}  // namespace himoya
