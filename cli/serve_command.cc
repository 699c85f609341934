#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "server/http_server.h"

namespace himoya::cli {
namespace {

const char* kHelp =
    "usage: himoya serve [--db DIR ...] [--host 127.0.0.1] [--port 8080] [--web DIR]\n"
    "                    [--threads N] [--cors-origin ORIGIN]\n"
    "\n"
    "Serves the JSON API under /api and the web page at /. The index is reopened\n"
    "automatically when 'himoya index' switches in a new one.\n"
    "\n"
    "  --db DIR            index directory; repeat to search several as one (default: build/index)\n"
    "  --host ADDR         address to bind (default: 127.0.0.1, loopback only)\n"
    "  --port N            port (default: 8080; 0 picks a free one and prints it)\n"
    "  --web DIR           static files (default: web)\n"
    "  --threads N         worker threads = keep-alive connections served at once (default: 64;\n"
    "                      a large index needs fewer: each holds its own caches, docs/scaling.md)\n"
    "  --cors-origin O     send Access-Control-Allow-Origin: O (default: no CORS)\n";

}  // namespace

int serve_command(int argc, char** argv) {
    Args args = parse_args(argc, argv, 2, {"db", "host", "port", "web", "threads", "cors-origin"}, {});
    if (args.help) { std::cout << kHelp; return 0; }
    if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional[0] + "'");
    ServerOptions options;
    if (args.flag("db")) options.db_paths = args.all("db");
    options.host = args.get("host", options.host);
    options.port = args.get_int("port", options.port);
    if (options.port < 0 || options.port > 65535) throw UsageError("--port must be 0..65535");
    options.web_root = args.get("web", options.web_root);
    options.threads = args.get_int("threads", options.threads);
    if (options.threads < 1 || options.threads > 256) throw UsageError("--threads must be 1..256");
    options.cors_origin = args.get("cors-origin");
    return run_server(options);
}

}  // namespace himoya::cli
