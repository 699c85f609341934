#include "server/front_end.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netdb.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <iostream>

namespace himoya {
namespace {

using Clock = std::chrono::steady_clock;

constexpr uint64_t kListenerId = 0;
constexpr uint64_t kWakeId = 1;
constexpr size_t kReadChunk = 16 * 1024;
// What a lingering connection may still send before it is simply closed.
constexpr size_t kMaxDrain = 1024 * 1024;
// Writing an answer never takes longer than this, whatever its size.
constexpr std::chrono::seconds kMaxWrite{60};

enum class Phase {
    kHead,       // reading a request's headers (or idle between requests)
    kBody,       // reading its body
    kHandling,   // a worker has it; nothing is read meanwhile (pipelined bytes wait)
    kWriting,    // writing the answer
    kLingering,  // answer written, write side shut: dropping what still comes, then close
};

std::string peer_address(const sockaddr_storage& addr) {
    char buf[INET6_ADDRSTRLEN] = "";
    if (addr.ss_family == AF_INET) {
        inet_ntop(AF_INET, &reinterpret_cast<const sockaddr_in&>(addr).sin_addr, buf, sizeof buf);
    } else if (addr.ss_family == AF_INET6) {
        const auto& a6 = reinterpret_cast<const sockaddr_in6&>(addr);
        if (IN6_IS_ADDR_V4MAPPED(&a6.sin6_addr))
            inet_ntop(AF_INET, &a6.sin6_addr.s6_addr[12], buf, sizeof buf);
        else
            inet_ntop(AF_INET6, &a6.sin6_addr, buf, sizeof buf);
    }
    return buf;
}

}  // namespace

struct FrontEnd::Connection {
    int fd = -1;
    uint64_t id = 0;
    std::string client;
    Phase phase = Phase::kHead;
    std::string in;  // received, not yet taken by a request
    RequestHeadReader reader;
    RequestHead head;
    bool timing_request = false;  // the request deadline runs
    bool peer_closed = false;     // the client will send nothing more
    std::string out;
    size_t out_sent = 0;
    bool close_after = false;
    size_t drained = 0;
    uint32_t events = 0;
    bool closed = false;  // socket closed; the entry goes at the end of the loop round
    Clock::time_point idle_deadline, request_deadline, write_deadline, linger_deadline;

    explicit Connection(const RequestLimits& limits) : reader(limits) {}
};

FrontEnd::FrontEnd(FrontEndOptions options, Handler handle, Refuser refuse)
    : options_(std::move(options)), handle_(std::move(handle)), refuse_(std::move(refuse)) {
    busy_answer_ = serialize_response(refuse_(503, "the server is at its connection limit; try again shortly"), false, false);
    client_busy_answer_ =
        serialize_response(refuse_(503, "too many connections from your address; close some and try again"), false, false);
}

FrontEnd::~FrontEnd() {
    stop();
    for (auto& w : workers_)
        if (w.joinable()) w.join();
    for (auto& [id, c] : connections_)
        if (!c->closed) ::close(c->fd);
    for (int fd : {listen_fd_, epoll_fd_, wake_fd_, spare_fd_})
        if (fd >= 0) ::close(fd);
}

bool FrontEnd::bind(std::string& error) {
    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    hints.ai_flags = AI_PASSIVE | AI_NUMERICSERV;
    addrinfo* found = nullptr;
    std::string port = std::to_string(options_.port);
    int rc = getaddrinfo(options_.host.empty() ? nullptr : options_.host.c_str(), port.c_str(), &hints, &found);
    if (rc != 0) {
        error = "cannot resolve host '" + options_.host + "': " + gai_strerror(rc);
        return false;
    }
    error.clear();
    for (addrinfo* ai = found; ai && listen_fd_ < 0; ai = ai->ai_next) {
        int fd = ::socket(ai->ai_family, ai->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, ai->ai_protocol);
        if (fd < 0) continue;
        int one = 1;
        // SO_REUSEADDR lets a restarted server bind while old connections sit in
        // TIME_WAIT; it does not let two servers listen on one port (SO_REUSEPORT
        // would, and cpp-httplib set it: a second server took half the traffic).
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
        if (::bind(fd, ai->ai_addr, ai->ai_addrlen) != 0) {
            int e = errno;
            ::close(fd);
            if (e == EADDRINUSE) {
                error = "port " + port + " is already in use on " + options_.host +
                        " (another server is listening there; stop it or choose --port)";
            } else if (error.empty()) {
                error = "cannot bind " + options_.host + ":" + port + ": " + std::strerror(e);
            }
            continue;
        }
        if (::listen(fd, SOMAXCONN) != 0) {
            error = std::string("cannot listen: ") + std::strerror(errno);
            ::close(fd);
            continue;
        }
        listen_fd_ = fd;
    }
    freeaddrinfo(found);
    if (listen_fd_ < 0) {
        if (error.empty()) error = "cannot bind " + options_.host + ":" + port;
        return false;
    }
    sockaddr_storage addr{};
    socklen_t len = sizeof addr;
    getsockname(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len);
    port_ = ntohs(addr.ss_family == AF_INET6 ? reinterpret_cast<sockaddr_in6&>(addr).sin6_port
                                             : reinterpret_cast<sockaddr_in&>(addr).sin_port);
    return true;
}

void FrontEnd::stop() {
    stopping_ = true;
    {
        std::lock_guard<std::mutex> lock(jobs_mutex_);
    }
    jobs_cv_.notify_all();
    wake();
}

void FrontEnd::wake() {
    if (wake_fd_ < 0) return;
    uint64_t one = 1;
    ssize_t n = ::write(wake_fd_, &one, sizeof one);
    (void)n;  // the counter is already non-zero if this fails: the loop wakes anyway
}

int FrontEnd::run() {
    if (listen_fd_ < 0) {
        std::cerr << "himoya serve: not bound\n";
        return 1;
    }
    epoll_fd_ = epoll_create1(EPOLL_CLOEXEC);
    wake_fd_ = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
    spare_fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    if (epoll_fd_ < 0 || wake_fd_ < 0) {
        std::cerr << "himoya serve: " << std::strerror(errno) << "\n";
        return 1;
    }
    epoll_event ev{};
    ev.events = EPOLLIN;
    ev.data.u64 = kListenerId;
    epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, listen_fd_, &ev);
    ev.data.u64 = kWakeId;
    epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, wake_fd_, &ev);

    for (int i = 0; i < options_.workers; ++i) workers_.emplace_back([this] { worker_loop(); });

    std::vector<epoll_event> events(1024);
    auto last_sweep = Clock::now();
    while (!stopping_) {
        int n = epoll_wait(epoll_fd_, events.data(), static_cast<int>(events.size()), 100);
        if (n < 0) {
            if (errno == EINTR) continue;
            std::cerr << "himoya serve: epoll_wait: " << std::strerror(errno) << "\n";
            stop();
            break;
        }
        for (int i = 0; i < n; ++i) {
            uint64_t id = events[static_cast<size_t>(i)].data.u64;
            uint32_t what = events[static_cast<size_t>(i)].events;
            if (id == kListenerId) {
                accept_all();
                continue;
            }
            if (id == kWakeId) {
                uint64_t count;
                while (::read(wake_fd_, &count, sizeof count) > 0) {
                }
                take_completions();
                continue;
            }
            auto it = connections_.find(id);
            if (it == connections_.end() || it->second->closed) continue;
            Connection& c = *it->second;
            if (what & EPOLLERR) {
                close_connection(c);
                continue;
            }
            if (c.phase == Phase::kHandling || c.phase == Phase::kWriting) {
                if ((what & EPOLLOUT) && c.phase == Phase::kWriting) on_writable(c);
                // nothing is read meanwhile; a client that hung up entirely gets no answer
                if ((what & EPOLLHUP) && !c.closed && c.phase != Phase::kLingering) close_connection(c);
                continue;
            }
            if (what & (EPOLLIN | EPOLLHUP)) on_readable(c);
        }
        auto now = Clock::now();
        if (now - last_sweep >= std::chrono::milliseconds(100)) {
            last_sweep = now;
            sweep();
        }
        for (uint64_t id : closed_) connections_.erase(id);
        closed_.clear();
    }
    jobs_cv_.notify_all();
    for (auto& w : workers_)
        if (w.joinable()) w.join();
    workers_.clear();
    return 0;
}

void FrontEnd::accept_all() {
    for (int i = 0; i < 256; ++i) {
        sockaddr_storage addr{};
        socklen_t len = sizeof addr;
        int fd = ::accept4(listen_fd_, reinterpret_cast<sockaddr*>(&addr), &len, SOCK_NONBLOCK | SOCK_CLOEXEC);
        if (fd < 0) {
            if (errno == EINTR || errno == ECONNABORTED) continue;
            if ((errno == EMFILE || errno == ENFILE) && spare_fd_ >= 0) {
                // Out of descriptors: free the spare one to take the connection
                // off the queue and close it, rather than spin on it.
                ::close(spare_fd_);
                int dropped = ::accept(listen_fd_, nullptr, nullptr);
                if (dropped >= 0) ::close(dropped);
                spare_fd_ = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
                continue;
            }
            return;  // EAGAIN: none left
        }
        std::string client = peer_address(addr);
        if (connections_.size() >= options_.max_connections) {
            refuse_at_once(fd, busy_answer_);
            continue;
        }
        size_t& from_client = per_client_[client];
        if (from_client >= options_.max_connections_per_client) {
            refuse_at_once(fd, client_busy_answer_);
            continue;
        }
        ++from_client;
        int one = 1;
        // Small answers go out at once (Nagle + delayed ACK held them ~40 ms).
        setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
        auto c = std::make_unique<Connection>(options_.limits);
        c->fd = fd;
        c->id = next_id_++;
        c->client = std::move(client);
        c->idle_deadline = Clock::now() + options_.idle_timeout;
        c->events = EPOLLIN;
        epoll_event ev{};
        ev.events = EPOLLIN;
        ev.data.u64 = c->id;
        epoll_ctl(epoll_fd_, EPOLL_CTL_ADD, fd, &ev);
        connections_.emplace(c->id, std::move(c));
    }
}

void FrontEnd::refuse_at_once(int fd, const std::string& bytes) {
    ssize_t n = ::send(fd, bytes.data(), bytes.size(), MSG_NOSIGNAL | MSG_DONTWAIT);
    (void)n;
    ::shutdown(fd, SHUT_WR);
    // drop what the client sent already, so that closing does not reset the
    // connection before the client has read the 503
    char buf[4096];
    for (int i = 0; i < 16 && ::recv(fd, buf, sizeof buf, MSG_DONTWAIT) > 0; ++i) {
    }
    ::close(fd);
}

void FrontEnd::set_events(Connection& c, uint32_t events) {
    if (c.events == events) return;
    c.events = events;
    epoll_event ev{};
    ev.events = events;
    ev.data.u64 = c.id;
    epoll_ctl(epoll_fd_, EPOLL_CTL_MOD, c.fd, &ev);
}

void FrontEnd::close_connection(Connection& c) {
    if (c.closed) return;
    c.closed = true;
    epoll_ctl(epoll_fd_, EPOLL_CTL_DEL, c.fd, nullptr);
    ::close(c.fd);
    c.fd = -1;
    auto pc = per_client_.find(c.client);
    if (pc != per_client_.end() && --pc->second == 0) per_client_.erase(pc);
    closed_.push_back(c.id);
}

void FrontEnd::on_readable(Connection& c) {
    char buf[kReadChunk];
    if (c.phase == Phase::kLingering) {
        for (;;) {
            ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
            if (n > 0) {
                c.drained += static_cast<size_t>(n);
                if (c.drained > kMaxDrain) return close_connection(c);
                continue;
            }
            if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return;
            return close_connection(c);  // the client closed too: done
        }
    }
    // kHead or kBody: read a chunk at a time, looking at each before the next,
    // so a request over a limit is refused after at most one chunk more.
    for (int round = 0; round < 8 && !c.closed && (c.phase == Phase::kHead || c.phase == Phase::kBody); ++round) {
        ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
        if (n > 0) {
            c.in.append(buf, static_cast<size_t>(n));
            process_input(c);
            continue;
        }
        if (n == 0) {
            c.peer_closed = true;
            break;
        }
        if (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR) break;
        return close_connection(c);
    }
    if (c.peer_closed && (c.phase == Phase::kHead || c.phase == Phase::kBody)) close_connection(c);
}

void FrontEnd::process_input(Connection& c) {
    if (c.closed) return;
    if (c.phase == Phase::kHead) {
        if (c.in.empty()) return;
        auto state = c.reader.scan(c.in);
        if (c.reader.started() && !c.timing_request) {
            c.timing_request = true;
            c.request_deadline = Clock::now() + options_.request_timeout;
        }
        if (state == RequestHeadReader::State::kIncomplete) return;
        if (state == RequestHeadReader::State::kComplete) state = c.reader.parse(c.in, c.head);
        if (state == RequestHeadReader::State::kError) return refuse(c, c.reader.error().status, c.reader.error().message);
        c.in.erase(0, c.head.head_bytes);
        const std::string& method = c.head.request.method;
        // Refused before any body is read: the API is read-only.
        if (method != "GET" && method != "HEAD") {
            std::string message = "method ";
            message += method;
            message += " not allowed; the server answers GET and HEAD only";
            return refuse(c, 405, message);
        }
        if (c.head.chunked)
            return refuse(c, 411, "a request body needs Content-Length (Transfer-Encoding is not accepted)");
        if (c.head.content_length > options_.limits.max_body)
            return refuse(c, 413,
                          "request body too large (limit " + std::to_string(options_.limits.max_body / 1024) + " KiB)");
        // "Expect: 100-continue": the client waits for a go-ahead before its
        // body (which it would otherwise send after its own timeout, or which
        // the request timeout would end first). No answer is being written in
        // this phase, so it goes straight out; a short write only costs the wait.
        if (c.head.content_length > c.in.size())
            if (auto expect = c.head.request.header("Expect"); expect && iequals(*expect, "100-continue")) {
                static constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
                (void)::send(c.fd, kContinue.data(), kContinue.size(), MSG_NOSIGNAL);
            }
        c.phase = Phase::kBody;
    }
    if (c.phase == Phase::kBody) {
        if (c.in.size() < c.head.content_length) return;
        c.head.request.body = c.in.substr(0, c.head.content_length);
        c.in.erase(0, c.head.content_length);
        dispatch(c);
    }
}

void FrontEnd::dispatch(Connection& c) {
    c.phase = Phase::kHandling;
    set_events(c, 0);  // pipelined requests wait in the buffer; answers go out in order
    Job job;
    job.connection = c.id;
    job.head_only = c.head.request.method == "HEAD";
    job.keep_alive = c.head.keep_alive && !c.peer_closed;
    job.request = std::move(c.head.request);
    job.request.client = c.client;
    job.queued = Clock::now();
    {
        std::lock_guard<std::mutex> lock(jobs_mutex_);
        jobs_.push_back(std::move(job));
    }
    jobs_cv_.notify_one();
}

void FrontEnd::worker_loop() {
    for (;;) {
        Job job;
        {
            std::unique_lock<std::mutex> lock(jobs_mutex_);
            jobs_cv_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
            if (stopping_) return;
            job = std::move(jobs_.front());
            jobs_.pop_front();
        }
        HttpResponse res;
        if (Clock::now() - job.queued > options_.queue_timeout) {
            res = refuse_(503, "the server is busy; try again shortly");
        } else {
            try {
                res = handle_(std::move(job.request));
            } catch (...) {
                res = refuse_(500, "internal error");
            }
        }
        Completion done;
        done.connection = job.connection;
        done.close_after = !job.keep_alive;
        done.bytes = serialize_response(res, job.head_only, job.keep_alive);
        {
            std::lock_guard<std::mutex> lock(done_mutex_);
            done_.push_back(std::move(done));
        }
        wake();
    }
}

void FrontEnd::take_completions() {
    std::vector<Completion> done;
    {
        std::lock_guard<std::mutex> lock(done_mutex_);
        done.swap(done_);
    }
    for (Completion& d : done) {
        auto it = connections_.find(d.connection);
        if (it == connections_.end() || it->second->closed) continue;  // the client went away meanwhile
        start_write(*it->second, std::move(d.bytes), d.close_after || it->second->peer_closed);
    }
}

void FrontEnd::refuse(Connection& c, int status, const std::string& message) {
    start_write(c, serialize_response(refuse_(status, message), false, false), true);
}

void FrontEnd::start_write(Connection& c, std::string bytes, bool close_after) {
    if (c.closed) return;
    c.phase = Phase::kWriting;
    c.close_after = close_after;
    c.out = std::move(bytes);
    c.out_sent = 0;
    c.write_deadline = Clock::now() + options_.write_timeout + std::chrono::seconds(c.out.size() / (64 * 1024));
    if (c.write_deadline > Clock::now() + kMaxWrite) c.write_deadline = Clock::now() + kMaxWrite;
    set_events(c, 0);
    on_writable(c);
}

void FrontEnd::on_writable(Connection& c) {
    if (c.closed) return;
    while (c.out_sent < c.out.size()) {
        ssize_t n = ::send(c.fd, c.out.data() + c.out_sent, c.out.size() - c.out_sent, MSG_NOSIGNAL);
        if (n > 0) {
            c.out_sent += static_cast<size_t>(n);
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
            set_events(c, EPOLLOUT);
            return;
        }
        return close_connection(c);
    }
    std::string().swap(c.out);
    if (c.close_after) return start_linger(c);
    finish_request(c);
}

void FrontEnd::finish_request(Connection& c) {
    // keep-alive: ready for the next request, which may be in the buffer already (pipelining)
    c.phase = Phase::kHead;
    c.reader.reset();
    c.head = RequestHead{};
    c.timing_request = false;
    c.idle_deadline = Clock::now() + options_.idle_timeout;
    set_events(c, EPOLLIN);
    process_input(c);
}

void FrontEnd::start_linger(Connection& c) {
    if (c.peer_closed) return close_connection(c);
    ::shutdown(c.fd, SHUT_WR);
    c.phase = Phase::kLingering;
    std::string().swap(c.in);
    c.linger_deadline = Clock::now() + options_.linger;
    set_events(c, EPOLLIN);
}

void FrontEnd::sweep() {
    auto now = Clock::now();
    std::vector<Connection*> expired, late;
    for (auto& [id, connection] : connections_) {
        Connection* c = connection.get();
        if (c->closed) continue;
        switch (c->phase) {
        case Phase::kHead:
            if (c->timing_request ? now > c->request_deadline : now > c->idle_deadline)
                (c->timing_request ? late : expired).push_back(c);
            break;
        case Phase::kBody:
            if (now > c->request_deadline) late.push_back(c);
            break;
        case Phase::kWriting:
            if (now > c->write_deadline) expired.push_back(c);
            break;
        case Phase::kLingering:
            if (now > c->linger_deadline) expired.push_back(c);
            break;
        case Phase::kHandling:
            break;
        }
    }
    for (Connection* c : expired) close_connection(*c);
    for (Connection* c : late) {
        std::string message = "request not received in time (limit ";
        message += std::to_string(options_.request_timeout.count() / 1000);
        message += " s for headers and body)";
        refuse(*c, 408, message);
    }
}

}  // namespace himoya
