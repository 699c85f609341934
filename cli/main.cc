// himoya: one binary, one subcommand per job.
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

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || !std::strcmp(argv[1], "help")) {
        std::cout << kUsage;
        return argc < 2 ? 64 : 0;
    }
    std::string command = argv[1];
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
