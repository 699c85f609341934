// The bundled corpus (corpus/) indexed into a temporary directory by the real
// indexer, for tests that check what the product answers on it.
#pragma once

#include <string>

#include "indexer/indexer.h"
#include "temp_dir.h"

namespace himoya::testing {

struct CorpusIndex {
    TempDir dir;
    std::string db;
    explicit CorpusIndex(const std::string& name) : dir(name) {
        IndexOptions options;
        options.corpus_dirs = {HIMOYA_SOURCE_DIR "/corpus"};
        options.db_path = (dir.path / "index").string();
        options.threads = 2;
        IngestReport report;
        build_index(options, report);
        db = options.db_path;
    }
};

}  // namespace himoya::testing
