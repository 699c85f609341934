// himoya: one binary, one subcommand per job.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"

namespace {

const char* kUsage =
    "usage: himoya COMMAND [OPTIONS]\n"
    "\n"
    "Search legislation and practice on domestic violence in Tajik, Russian and English.\n"
    "\n"
    "commands:\n"
    "  index     build the search index from corpus directories\n"
    "  serve     serve the JSON API and the web page\n"
    "  search    search the index from the command line\n"
    "  analyze   show how the analyser reads a text\n"
    "  compare   compare jurisdictions side by side on a topic\n"
    "  add       add documents to the library: infer their metadata, confirm, index\n"
    "  export    dump the knowledge base as JSON Lines\n"
    "\n"
    "Run 'himoya COMMAND --help' for the options of a command.\n";

// A command's exit status, made 1 when its output could not be written (a
// full disk, a closed pipe): a cut-off CSV must not look like a finished one.
int checked_output(const std::string& command, int status) {
    std::cout.flush();
    const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout) || std::cout.fail();
    if (!failed) return status;
    std::cerr << "himoya " << command << ": cannot write the output: " << std::strerror(errno) << "\n";
    return status == 0 || status == 2 ? 1 : status;
}

int run(const std::string& command, int argc, char** argv) {
    try {
        if (command == "index") return himoya::cli::index_command(argc, argv);
        if (command == "serve") return himoya::cli::serve_command(argc, argv);
        if (command == "search") return himoya::cli::search_command(argc, argv);
        if (command == "analyze") return himoya::cli::analyze_command(argc, argv);
        if (command == "compare") return himoya::cli::compare_command(argc, argv);
        if (command == "add") return himoya::cli::add_command(argc, argv);
        if (command == "export") return himoya::cli::export_command(argc, argv);
    } catch (const himoya::cli::UsageError& e) {
        std::cerr << "himoya " << command << ": " << e.what() << "\n(see himoya " << command << " --help)\n";
        return 64;
    } catch (const std::exception& e) {
        std::cerr << "himoya " << command << ": " << e.what() << "\n";
        return 1;
    }
    std::cerr << "himoya: unknown command '" << command << "'\n\n" << kUsage;
    return 64;
}

}  // namespace

int main(int argc, char** argv) {
    // A file-size limit (ulimit -f) makes a write fail with EFBIG, which every
    // writer reports ("File too large": a message, exit 1, the old index kept,
    // docs/reliability.md); by default the kernel would kill the process with
    // SIGXFSZ instead, with no message and an unfinished generation left.
    std::signal(SIGXFSZ, SIG_IGN);
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        std::cout << kUsage;
        return checked_output("help", argc < 2 ? 64 : 0);
    }
    const std::string command = argv[1];
    return checked_output(command, run(command, argc, argv));
}

