#include "server/http_server.h"

#include <sys/resource.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <memory>
#include <thread>

#include "search/engine.h"
#include "server/front_end.h"
#include "server/site.h"

namespace himoya {
namespace {

// Raises the soft limit on open files to the hard one, so that thousands of
// connections fit (the soft limit is often 1024); returns the limit in force.
size_t raise_file_limit() {
    rlimit limit{};
    if (getrlimit(RLIMIT_NOFILE, &limit) != 0) return 1024;
    if (limit.rlim_cur < limit.rlim_max) {
        rlimit raised = limit;
        raised.rlim_cur = limit.rlim_max;
        if (setrlimit(RLIMIT_NOFILE, &raised) == 0) limit = raised;
    }
    return limit.rlim_cur == RLIM_INFINITY ? static_cast<size_t>(1) << 20 : static_cast<size_t>(limit.rlim_cur);
}

}  // namespace

int default_worker_threads(int threads) {
    if (threads > 0) return threads;
    const unsigned cores = std::thread::hardware_concurrency();
    return std::clamp(2 * static_cast<int>(cores == 0 ? 1 : cores), 2, 16);
}

int run_server(const ServerOptions& options) {
    std::signal(SIGPIPE, SIG_IGN);  // a client gone mid-answer is an error value, not a signal
    size_t files = raise_file_limit();

    std::unique_ptr<SearchEngine> engine;
    try {
        engine = std::make_unique<SearchEngine>(options.db_paths);
    } catch (const std::exception& e) {
        std::cerr << "himoya serve: " << e.what() << "\n";
        return 1;
    }

    SiteOptions site_options;
    site_options.cors_origin = options.cors_origin;
    std::error_code ec;
    if (std::filesystem::is_directory(options.web_root, ec)) {
        site_options.web_root = options.web_root;
    } else {
        std::cerr << "himoya serve: web root '" << options.web_root << "' not found; serving the API only\n";
        site_options.web_root.clear();
    }
    Site site(*engine, site_options);

    FrontEndOptions front;
    front.host = options.host;
    front.port = options.port;
    front.workers = default_worker_threads(options.threads);
    // Descriptors beside the connections: each open index view holds about ten
    // per database, and one is open per request running at once.
    size_t reserve = 256 + static_cast<size_t>(front.workers) * 16 * options.db_paths.size();
    size_t fit = files > reserve + 64 ? files - reserve : 64;
    front.max_connections = std::min(options.max_connections, fit);
    if (front.max_connections < options.max_connections)
        std::cerr << "himoya serve: at most " << front.max_connections << " connections (open file limit " << files
                  << ")\n";
    front.max_connections_per_client = options.max_connections_per_client;

    FrontEnd server(
        front, [&site](HttpRequest request) { return site.handle(std::move(request)); },
        [&site](int status, const std::string& message) { return site.refuse(status, message); });
    std::string error;
    if (!server.bind(error)) {
        std::cerr << "himoya serve: " << error << "\n";
        return 1;
    }
    std::cout << "listening on http://" << options.host << ":" << server.port() << std::endl;
    return server.run();
}

}  // namespace himoya
