#include <filesystem>
#include <iostream>
#include <memory>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/data_dir.h"
#include "cli/library_index.h"
#include "cli/library_watcher.h"
#include "server/config_file.h"
#include "server/http_server.h"

namespace himoya::cli {
namespace {

// Read when it exists and no --config is given: where the package installs it.
const char* kDefaultConfig = "/etc/himoya/himoya.conf";

const char* kHelp =
    "usage: himoya serve [--config FILE] [--db DIR ...] [--host 127.0.0.1] [--port 8080]\n"
    "                    [--web DIR] [--threads N] [--max-connections N] [--max-per-client N]\n"
    "                    [--cors-origin ORIGIN] [--watch DIR [--corpus DIR ...]]\n"
    "\n"
    "Serves the JSON API under /api and the web page at /. The index is reopened\n"
    "automatically when 'himoya index' switches in a new one.\n"
    "\n"
    "  --config FILE       read options from FILE: 'key = value' lines, the keys being the\n"
    "                      options below without '--' (db may repeat), # starts a comment;\n"
    "                      options given here override it (default: /etc/himoya/himoya.conf\n"
    "                      if it exists; --config /dev/null reads none)\n"
    "  --db DIR            index directory; repeat to search several as one (default: build/index)\n"
    "  --host ADDR         address to bind (default: 127.0.0.1, loopback only)\n"
    "  --port N            port (default: 8080; 0 picks a free one and prints it)\n"
    "  --web DIR           static files (default: PREFIX/share/himoya/web when installed as\n"
    "                      PREFIX/bin/himoya, else web)\n"
    "  --threads N         worker threads: requests computed at once (default: two per core,\n"
    "                      2 to 16). Connections do not hold them; each running request holds one\n"
    "                      index view and its counts (docs/scaling.md)\n"
    "  --max-connections N connections open at once; beyond, 503 and close (default: 4096,\n"
    "                      lowered to fit the open file limit)\n"
    "  --max-per-client N  connections open at once from one address (default: 512)\n"
    "  --cors-origin O     send Access-Control-Allow-Origin: O (default: no CORS)\n"
    "  --watch DIR         a library folder: files added, changed or removed in it (or a\n"
    "                      folder under it) are indexed incrementally into the (first) --db\n"
    "                      2 s after the last change, by this process, and served without a\n"
    "                      restart; once at start too. A broken file is logged and skipped\n"
    "  --corpus DIR        with --watch: the corpus folders indexed with the library,\n"
    "                      repeat for several (default: the folders the index remembers\n"
    "                      it was built from; else corpus, or PREFIX/share/himoya/corpus\n"
    "                      when installed); a remembered folder left out is warned about:\n"
    "                      its documents leave the index\n"
    "                      (--watch and --corpus are command-line options only)\n";

}  // namespace

int serve_command(int argc, char** argv) {
    Args args = parse_args(argc, argv, 2,
                           {"config", "db", "host", "port", "web", "threads", "max-connections", "max-per-client",
                            "cors-origin", "watch", "corpus"},
                           {});
    if (args.help) { std::cout << kHelp; return 0; }
    if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional[0] + "'");
    ServerOptions options;
    options.web_root = installed_data_or("web", options.web_root);

    // The file first, then the command line over it.
    std::string config = args.get("config");
    std::error_code ec;
    if (!args.flag("config") && std::filesystem::exists(kDefaultConfig, ec)) config = kDefaultConfig;
    if (args.flag("config") || !config.empty()) {
        try {
            load_server_config(config, options);
        } catch (const ConfigError& e) {
            throw UsageError(e.what());
        }
        if (config != "/dev/null") std::cerr << "himoya serve: options from " << config << "\n";
    }
    if (args.flag("db")) options.db_paths.clear();
    for (const auto& [name, value] : args.options) {
        if (name == "config" || name == "watch" || name == "corpus") continue;
        try {
            set_server_option(options, name, value);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--") + e.what());
        }
    }
    if (args.flag("corpus") && !args.flag("watch")) throw UsageError("--corpus is for --watch");
    std::unique_ptr<LibraryWatcher> watcher;
    if (args.flag("watch")) {
        if (args.all("watch").size() > 1) throw UsageError("--watch given twice");
        WatchOptions watch;
        watch.dir = args.get("watch");
        watch.db = options.db_paths.front();
        std::vector<std::string> warnings;
        watch.corpus_dirs = corpus_folders(args.flag("corpus") ? args.all("corpus") : std::vector<std::string>{},
                                           watch.dir, watch.db, warnings);
        for (const std::string& w : warnings) std::cerr << "himoya serve: warning: " << w << "\n";
        if (options.db_paths.size() > 1)
            std::cerr << "himoya serve: --watch indexes into the first --db, " << watch.db << "\n";
        std::string error;
        watcher = LibraryWatcher::start(watch, error);
        if (!watcher) throw UsageError(error);
    }
    return run_server(options);
}

}  // namespace himoya::cli
