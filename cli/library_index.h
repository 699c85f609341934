// Incremental indexing of the configured corpus plus a library folder, shared
// by `himoya add` (cli/add_command.cc) and `himoya serve --watch`
// (cli/library_watcher.h). An incremental run deletes the documents whose
// source is not among its corpus folders, so both must index the same list
// the index was built from, with the library added: this is that list.
//
// Thread-safety: plain functions; build_index holds the index folder's lock,
// so two runs (an add and a watcher, two adds) follow one another.
#pragma once

#include <string>
#include <vector>

#include "indexer/indexer.h"

namespace himoya::cli {

// `corpus` followed by `library`, unless `library` is one of them already
// (compared as canonical paths).
std::vector<std::string> corpus_and_library(const std::vector<std::string>& corpus, const std::string& library);

// build_index, incremental, over corpus_and_library into `db`; the new
// generation is switched in atomically and a running server opens it by
// itself. `threads`: as IndexOptions::threads.
IndexSummary index_library(const std::vector<std::string>& corpus, const std::string& library, const std::string& db,
                           int threads, IngestReport& report);

// The default corpus: PREFIX/share/himoya/corpus when installed, else "corpus".
std::string default_corpus_dir();

// The corpus folders to index with `library` into `db`: `given` (--corpus)
// when not empty, else the folders the index remembers it was built from
// (terms::kSourceFoldersKey, the library left out), else default_corpus_dir().
// A remembered folder missing from `given` is named in `warnings`: its
// documents would leave the index.
std::vector<std::string> corpus_folders(const std::vector<std::string>& given, const std::string& library,
                                        const std::string& db, std::vector<std::string>& warnings);

}  // namespace himoya::cli
