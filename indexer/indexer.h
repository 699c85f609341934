// Builds a whole index from corpus directories: lists files, reads each into a
// Document, analyses it and writes a new index generation, switched in only
// when complete (see index_location.h). Bad files are problems in the report,
// never a reason to stop (unless `strict`).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "indexer/ingest_report.h"

namespace himoya {

struct IndexOptions {
    std::vector<std::string> corpus_dirs{"corpus"};
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
    std::string generation;     // its directory
    int unchanged = 0;          // incremental: documents kept as they were
    int rewritten = 0;          // incremental: documents added or replaced
    int deleted = 0;            // incremental: documents whose source is gone
};

// Throws std::runtime_error only for failures of the run itself (cannot
// create the database, disk full); document problems go to `report`.
IndexSummary build_index(const IndexOptions& options, IngestReport& report);

}  // namespace himoya
