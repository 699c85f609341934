#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <iostream>


#include "cli/args.h"
#include "cli/commands.h"
#include "cli/library_index.h"
#include "indexer/indexer.h"

namespace himoya::cli {
namespace {

const char* kHelp =
    "usage: himoya index [--corpus DIR ...] [--db DIR] [--incremental] [--compact] [--threads N]\n"
    "                   [--strict] [--no-wait] [--quiet]\n"
    "\n"
    "Reads every document under each corpus directory (our corpus XML, Akoma Ntoso,\n"
    ".txt/.html with a .meta.xml sidecar), analyses it and writes a new index\n"
    "generation into DIR, switched in atomically only when complete.\n"
    "\n"
    "  --corpus DIR   corpus directory; repeat for several (default: the folders the\n"
    "                 index was built from, library included; for a new index: corpus).\n"
    "                 A folder the index was built from and --corpus leaves out is\n"
    "                 named in a warning: its documents leave the index\n"
    "  --db DIR       index directory (default: build/index)\n"
    "  --incremental  start from the current index; rewrite only documents whose source\n"
    "                 changed, delete those whose source is gone (same result as a full run)\n"
    "  --compact      compact the new index before switching to it (half the size;\n"
    "                 a full build with several threads is always compacted)\n"
    "  --threads N    threads reading and analysing (default: one per core); a full\n"
    "                 build also writes N part databases at once and merges them\n"
    "                 (Xapian's compactor); the index holds the same for any N\n"
    "  --strict       fail the whole run if anything was skipped or cut; the old index stays\n"
    "  --no-wait      if another indexer is writing DIR, exit (status 75) instead of\n"
    "                 waiting for it to finish\n"
    "  --quiet        no progress line\n"
    "\n"
    "Bad documents are reported as 'file:line: problem' on stderr and skipped, and so\n"
    "are folders, links and files that cannot be read; a provision over 1 MiB of text\n"
    "or a document over 20,000 provisions is cut (docs/corpus-format.md, Limits).\n"
    "A file already indexed that is still there but cannot be read now (broken, a bad\n"
    "sidecar, no permission) keeps its version indexed before, with its citations\n"
    "('[kept]'); only a file that is gone deletes its document.\n"
    "One indexer per DIR at a time (a lock file in DIR); debris of earlier crashed\n"
    "runs is removed first; free space is checked before building and committing.\n"
    "Exit status: 0 all indexed, 2 indexed but something was skipped or cut, 1 the run\n"
    "failed (or --strict refused it; the old index stays), 75 DIR busy with --no-wait.\n";

// The last resort: Xapian 1.4 can throw through a noexcept function inside
// commit() when the disk fills, which ends in std::terminate. Name what failed,
// remove the unfinished generation, and exit 1 like any failed run (not 134).
[[noreturn]] void on_terminate() {
    std::string what = himoya::describe_exception(std::current_exception());
    himoya::discard_unfinished_build();
    std::fprintf(stderr,
                 "himoya index: the run failed inside Xapian: %s; the unfinished generation was removed and the "
                 "current index is unchanged\n",
                 what.c_str());
    std::fflush(stderr);
    _exit(1);
}

}  // namespace

int index_command(int argc, char** argv) {
    std::set_terminate(on_terminate);
    Args args = parse_args(argc, argv, 2, {"corpus", "db", "threads"},
                           {"strict", "quiet", "incremental", "compact", "no-wait"});
    if (args.help) { std::cout << kHelp; return 0; }
    if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional[0] + "'");

    IndexOptions options;
    options.db_path = args.get("db", options.db_path);
    // The folders the index was built from, unless --corpus names others: a
    // run over `corpus` alone would delete every document `himoya add` put in
    // the library, without a word (library_index.h).
    std::vector<std::string> folder_warnings;
    options.corpus_dirs = cli::corpus_folders(args.flag("corpus") ? args.all("corpus") : std::vector<std::string>{}, "",
                                              options.db_path, folder_warnings);
    for (const std::string& w : folder_warnings) std::fprintf(stderr, "himoya index: warning: %s\n", w.c_str());
    options.strict = args.flag("strict");
    options.incremental = args.flag("incremental");
    options.compact = args.flag("compact");
    options.threads = args.get_int("threads", 0);
    if (options.threads < 0 || options.threads > 64) throw UsageError("--threads must be 0..64 (0: one per core)");
    options.wait_for_lock = !args.flag("no-wait");
    options.on_lock_wait = [db = options.db_path](long pid) {
        std::fprintf(stderr, "himoya index: %s is being written by another indexer", db.c_str());
        if (pid > 0) std::fprintf(stderr, " (pid %ld)", pid);
        std::fprintf(stderr, "; waiting for it to finish (--no-wait: exit instead)\n");
        std::fflush(stderr);
    };
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
    for (const std::string& debris : s.removed_debris)
        std::fprintf(stderr, "removed debris of an earlier run: %s\n", debris.c_str());
    for (const IngestProblem& p : report.problems)
        std::cerr << p.to_string()
                  << (p.truncated ? " [truncated]" : p.fatal ? " [skipped]" : p.kept ? " [kept]" : p.info ? " [note]" : " [warning]")
                  << "\n";
    if (!s.error.empty()) {
        std::fprintf(stderr, "himoya index: %s\n", s.error.c_str());
        return s.busy ? 75 : 1;
    }

    std::fprintf(stderr, "%d files, %d documents, %ld provisions, %.2f MB in %.2f s (%.2f MB/s); index %.2f MB\n",
                 s.files, s.documents, s.provisions, s.bytes / 1e6, s.seconds,
                 s.seconds > 0 ? s.bytes / 1e6 / s.seconds : 0.0, s.index_bytes / 1e6);
    if (options.incremental)
        std::fprintf(stderr, "incremental: %d document(s) rewritten, %d unchanged, %d deleted, %d kept at their previous version\n",
                     s.rewritten, s.unchanged, s.deleted, s.kept);
    else if (s.kept > 0)
        std::fprintf(stderr, "%d document(s) kept at their previous version\n", s.kept);
    const char* refused = options.strict ? "; --strict: index NOT replaced" : "";
    const long notes = std::count_if(report.problems.begin(), report.problems.end(),
                                     [](const IngestProblem& p) { return p.info; });
    if (notes > 0)
        std::fprintf(stderr, "%ld note(s) on how files were read (legacy encodings and fonts, pages read by OCR): [note] above\n", notes);
    if (report.documents_skipped > 0)
        std::fprintf(stderr, "%d document(s) skipped%s\n", report.documents_skipped, refused);
    if (s.kept > 0)
        std::fprintf(stderr, "%d document(s) not read this time kept at the version indexed before: [kept] above "
                     "(fix the file to update it, remove it to delete it)%s\n", s.kept, refused);
    if (report.entries_skipped > 0)
        std::fprintf(stderr, "%d folder(s), link(s) or file(s) could not be read%s\n", report.entries_skipped, refused);
    if (report.documents_truncated > 0)
        std::fprintf(stderr, "%d document(s) cut to the limits or with pages not read: [truncated] above%s\n", report.documents_truncated, refused);
    if (!s.switched) return 1;
    std::fprintf(stderr, "index ready: %s\n", options.db_path.c_str());
    return report.lost_anything() ? 2 : 0;
}

}  // namespace himoya::cli
