#include <unistd.h>

#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "indexer/indexer.h"

namespace himoya::cli {
namespace {

const char* kHelp =
    "usage: himoya index [--corpus DIR ...] [--db DIR] [--incremental] [--compact] [--threads N]\n"
    "                   [--strict] [--quiet]\n"
    "\n"
    "Reads every document under each corpus directory (our corpus XML, Akoma Ntoso,\n"
    ".txt/.html with a .meta.xml sidecar), analyses it and writes a new index\n"
    "generation into DIR, switched in atomically only when complete.\n"
    "\n"
    "  --corpus DIR   corpus directory; repeat for several (default: corpus)\n"
    "  --db DIR       index directory (default: build/index)\n"
    "  --incremental  start from the current index; rewrite only documents whose source\n"
    "                 changed, delete those whose source is gone (same result as a full run)\n"
    "  --compact      compact the new index before switching to it (half the size;\n"
    "                 a full build with several threads is always compacted)\n"
    "  --threads N    threads reading and analysing (default: one per core); a full\n"
    "                 build also writes N part databases at once and merges them\n"
    "                 (Xapian's compactor); the index holds the same for any N\n"
    "  --strict       fail the whole run if any document is bad; the old index stays\n"
    "  --quiet        no progress line\n"
    "\n"
    "Bad documents are reported as 'file:line: problem' on stderr and skipped.\n"
    "Exit status: 0 all indexed, 2 some documents skipped, 1 the run failed.\n";

}  // namespace

int index_command(int argc, char** argv) {
    Args args = parse_args(argc, argv, 2, {"corpus", "db", "threads"}, {"strict", "quiet", "incremental", "compact"});
    if (args.help) { std::cout << kHelp; return 0; }
    if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional[0] + "'");

    IndexOptions options;
    if (args.flag("corpus")) options.corpus_dirs = args.all("corpus");
    options.db_path = args.get("db", options.db_path);
    options.strict = args.flag("strict");
    options.incremental = args.flag("incremental");
    options.compact = args.flag("compact");
    options.threads = args.get_int("threads", 0);
    if (options.threads < 0 || options.threads > 64) throw UsageError("--threads must be 0..64 (0: one per core)");
    bool tty = isatty(STDERR_FILENO) && !args.flag("quiet");
    if (tty) {
        options.on_progress = [](int done, int total, long provisions, long bytes) {
            std::fprintf(stderr, "\r%d/%d files, %ld provisions, %.1f MB", done, total, provisions, bytes / 1e6);
            std::fflush(stderr);
        };
    }

    IngestReport report;
    IndexSummary s = build_index(options, report);
    if (tty) std::fprintf(stderr, "\n");
    for (const IngestProblem& p : report.problems)
        std::cerr << p.to_string() << (p.fatal ? " [skipped]" : " [warning]") << "\n";

    std::fprintf(stderr, "%d files, %d documents, %ld provisions, %.2f MB in %.2f s (%.2f MB/s); index %.2f MB\n",
                 s.files, s.documents, s.provisions, s.bytes / 1e6, s.seconds,
                 s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0.0, s.index_bytes / 1e6);
    if (options.incremental)
        std::fprintf(stderr, "incremental: %d document(s) rewritten, %d unchanged, %d deleted\n", s.rewritten,
                     s.unchanged, s.deleted);
    if (report.documents_skipped > 0)
        std::fprintf(stderr, "%d document(s) skipped%s\n", report.documents_skipped,
                     options.strict ? "; --strict: index NOT replaced" : "");
    if (!s.switched) return 1;
    std::fprintf(stderr, "index ready: %s\n", options.db_path.c_str());
    return report.documents_skipped > 0 ? 2 : 0;
}

}  // namespace himoya::cli
