#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "server/http_server.h"

namespace himoya::cli {
namespace {

const char* kHelp =
    "usage: himoya serve [--db DIR ...] [--host 127.0.0.1] [--port 8080] [--web DIR]\n"
    "                    [--threads N] [--max-connections N] [--max-per-client N]\n"
    "                    [--cors-origin ORIGIN]\n"
    "\n"
    "Serves the JSON API under /api and the web page at /. The index is reopened\n"
    "automatically when 'himoya index' switches in a new one.\n"
    "\n"
    "  --db DIR            index directory; repeat to search several as one (default: build/index)\n"
    "  --host ADDR         address to bind (default: 127.0.0.1, loopback only)\n"
    "  --port N            port (default: 8080; 0 picks a free one and prints it)\n"
    "  --web DIR           static files (default: web)\n"
    "  --threads N         worker threads: requests computed at once (default: 16). Connections\n"
    "                      do not hold them; each running request holds one index view (docs/scaling.md)\n"
    "  --max-connections N connections open at once; beyond, 503 and close (default: 4096,\n"
    "                      lowered to fit the open file limit)\n"
    "  --max-per-client N  connections open at once from one address (default: 512)\n"
    "  --cors-origin O     send Access-Control-Allow-Origin: O (default: no CORS)\n";

}  // namespace

int serve_command(int argc, char** argv) {
    Args args = parse_args(argc, argv, 2,
                           {"db", "host", "port", "web", "threads", "max-connections", "max-per-client", "cors-origin"}, {});
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
    int max_connections = args.get_int("max-connections", static_cast<int>(options.max_connections));
    if (max_connections < 1 || max_connections > 1000000) throw UsageError("--max-connections must be 1..1000000");
    options.max_connections = static_cast<size_t>(max_connections);
    int per_client = args.get_int("max-per-client", static_cast<int>(options.max_connections_per_client));
    if (per_client < 1 || per_client > 1000000) throw UsageError("--max-per-client must be 1..1000000");
    options.max_connections_per_client = static_cast<size_t>(per_client);
    options.cors_origin = args.get("cors-origin");
    return run_server(options);
}

}  // namespace himoya::cli
