// Builds a whole index from corpus directories: lists files, reads each into a
// Document, analyses it and writes a new index generation, switched in only
// when complete (see index_location.h). Bad files are problems in the report,
// never a reason to stop (unless `strict`).
//
// A run never aborts and never leaves debris: it holds the index folder's
// lock (IndexLock) from start to end, removes what earlier crashed runs left,
// checks free space before building and before committing, and turns every
// failure (a Xapian error, a full disk, any std::exception) into
// IndexSummary::error, removing its unfinished generation; the previous index
// stays. docs/reliability.md, "Indexer", has the whole story.
#pragma once

#include <functional>
#include <exception>
#include <memory>
#include <string>
#include <vector>

#include "indexer/ingest_report.h"

namespace himoya {

struct IndexOptions {
    std::vector<std::string> corpus_dirs{"corpus"};
    // Of corpus_dirs, the folders whose symbolic links may not lead outside
    // them (the library of himoya add and serve --watch: list_corpus_files).
    std::vector<std::string> confined_dirs;
    std::string db_path = "build/index";
    bool strict = false;  // any skipped document fails the run; the old index stays
    // Thesaurus for concept tagging; "" = the first corpus dir's thesaurus.xml, if any.
    std::string thesaurus_path;
    // Called after each file with (files done, files total, provisions, bytes read).
    std::function<void(int, int, long, long)> on_progress;
    // Start the new generation from a copy of the current one and rewrite only the
    // documents whose source changed (content hash in metadata "source-hash:ID"),
    // deleting those whose source is gone. The result equals a full rebuild
    // (bench/tests/incremental_test.py); with no current generation, a full build.
    //
    // Either way, a document whose source file is still there but cannot be
    // read now (broken XML, NUL bytes, a malformed sidecar, no permission, a
    // duplicate id) keeps the version indexed before: its records, source hash
    // and fact-table citations stay (a full build copies them over from the
    // current generation), reported as IngestReport::keep and counted in
    // IndexSummary::kept. Which file produced which document is metadata
    // "source-file:ID" (the file's absolute path); a document indexed before
    // that was recorded is deleted as before. Only a source that is gone (no
    // such file, or no longer under a corpus folder) deletes its document.
    bool incremental = false;
    // Compact the new generation before switching to it (as xapian-compact -m):
    // about half the size on disk and fuller blocks for searching, for ~35 % more time.
    bool compact = false;
    // Threads reading and analysing documents; 0 = one per core. A full build
    // also writes that many part databases at once (Xapian allows one writer
    // per database) and merges them with Xapian's compactor, so its result is
    // compacted. The index holds the same records, statistics, spelling and
    // metadata whatever the number; only document numbers differ.
    int threads = 0;
    // When another indexer holds the index folder's lock: wait for it (true),
    // or fail at once with IndexSummary::busy (false: `himoya index --no-wait`).
    bool wait_for_lock = true;
    // Called once when the run has to wait for the lock, with the holder's pid (0: unknown).
    std::function<void(long)> on_lock_wait;
};

struct IndexSummary {
    int files = 0;
    int documents = 0;
    long provisions = 0;
    long bytes = 0;
    double seconds = 0;
    long index_bytes = 0;       // size of the new generation on disk
    bool switched = false;      // the new generation is now the current index
    int concepts = 0;           // thesaurus concepts used for tagging
    int lexicon_rows = 0;       // rows of the word lexicon (analysis/lexicon.h) stored
    std::string generation;     // its directory
    int unchanged = 0;          // incremental: documents kept as they were
    int rewritten = 0;          // incremental: documents added or replaced
    int deleted = 0;            // incremental: documents whose source is gone
    // Documents whose source is still there but could not be read this time:
    // the version indexed before stays (IndexOptions::incremental).
    int kept = 0;
    // What earlier runs that crashed or were killed left in the index folder,
    // removed at the start of this one: "PATH (what it was)".
    std::vector<std::string> removed_debris;
    // Why the run itself failed (cannot lock, not enough free space, a Xapian
    // error such as a full disk): "" when it did not. The previous index stays.
    std::string error;
    bool busy = false;  // the failure is another indexer holding the lock (wait_for_lock false)
};

// Never throws: failures of the run itself are IndexSummary::error; document
// problems go to `report`. Not switched, with no error: --strict refused the
// new generation because `report` lost something.
IndexSummary build_index(const IndexOptions& options, IngestReport& report);

// The folders the index at `db_path` was built from (IndexOptions::corpus_dirs
// as absolute paths, metadata terms::kSourceFoldersKey); empty when there is
// no index there, or one from before they were recorded. Never throws.
std::vector<std::string> source_folders(const std::string& db_path);

// Removes the generation (and its part databases) that a build_index in this
// process has in progress. For a last-resort handler (std::terminate: Xapian
// 1.4 can abort inside commit() when the disk fills); never throws, never blocks.
void discard_unfinished_build() noexcept;

// What an exception says (a Xapian::Error's description, a std::exception's
// what(), else "unknown error"; "unknown error" for none), for the last-resort
// handler of `himoya index`, which must not depend on Xapian itself.
std::string describe_exception(std::exception_ptr e) noexcept;

class ScopedOcrCache;
// While it lives, pages read by OCR (a scan read by `himoya add` to infer its
// metadata) use the OCR cache of the index folder `db_path`, when that is an
// index folder, and fill it unless `read_only` (a dry run): the index run that
// follows then reads each page once (readers/ocr_cache.h). Not thread-safe:
// one per process at a time, made before reading starts.
class IndexOcrCacheScope {
public:
    IndexOcrCacheScope(const std::string& db_path, bool read_only);
    ~IndexOcrCacheScope();
    IndexOcrCacheScope(const IndexOcrCacheScope&) = delete;
    IndexOcrCacheScope& operator=(const IndexOcrCacheScope&) = delete;

private:
    std::unique_ptr<ScopedOcrCache> scope_;
};

}  // namespace himoya
