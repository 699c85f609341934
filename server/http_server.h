// `himoya serve`: the site (site.h: routes, static files, headers) behind the
// network front end (front_end.h: connections, limits, deadlines, workers).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace himoya {

struct ServerOptions {
    std::vector<std::string> db_paths{"build/index"};
    std::string host = "127.0.0.1";  // loopback unless told otherwise
    int port = 8080;                 // 0: any free port (printed on stdout)
    std::string web_root = "web";
    // Threads running handlers. Connections do not hold them (the front end
    // reads and writes), so this bounds only the requests computed at once,
    // and with them the index views open and the memory each request's
    // counting holds. 0: two per core, at least 2 and at most 16
    // (default_worker_threads): more than the cores only share them more
    // finely, and at 1M provisions cost ~100 MB each (docs/scaling.md).
    int threads = 0;
    // Connections open at once in all and from one client address; beyond
    // them a connection is answered 503 and closed. The total is lowered to
    // fit the file descriptor limit.
    size_t max_connections = 4096;
    size_t max_connections_per_client = 512;
    std::string cors_origin;  // empty: no CORS headers (the default)
};

// The worker threads `threads` asks for: itself when positive, else two per
// core of this machine, at least 2 and at most 16.
int default_worker_threads(int threads);

// Serves until the process is stopped. Returns a process exit status; prints
// "listening on http://HOST:PORT" on stdout once the socket is bound, and
// "himoya serve: port N is already in use …" on stderr (exit 1) if it is taken.
int run_server(const ServerOptions& options);

}  // namespace himoya
