// The HTTP server: thin handlers that turn requests into library calls and
// results into JSON (docs/api.md), plus the static web page from web/.
#pragma once

#include <string>
#include <vector>

namespace himoya {

struct ServerOptions {
    std::vector<std::string> db_paths{"build/index"};
    std::string host = "127.0.0.1";  // loopback unless told otherwise
    int port = 8080;                 // 0: any free port (printed on stdout)
    std::string web_root = "web";
    // cpp-httplib gives each keep-alive connection a worker for its whole
    // life: with fewer workers than open connections the rest queue for
    // seconds (the soak at 32 connections and 8 workers had 337 requests
    // over 10 s). Workers are cheap; each opens its Searcher on first use.
    int threads = 64;
    std::string cors_origin;         // empty: no CORS headers (the default)
};

// Serves until the process is stopped. Returns a process exit status; prints
// "listening on http://HOST:PORT" on stdout once the socket is bound.
int run_server(const ServerOptions& options);

}  // namespace himoya
