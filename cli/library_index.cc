#include "cli/library_index.h"

#include <cstdio>
#include <filesystem>

#include "cli/data_dir.h"

namespace himoya::cli {

namespace fs = std::filesystem;

namespace {
std::string canonical(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::weakly_canonical(path, ec);
    return ec ? path : p.string();
}
}  // namespace

std::vector<std::string> corpus_and_library(const std::vector<std::string>& corpus, const std::string& library) {
    std::vector<std::string> dirs = corpus;
    const std::string lib = canonical(library);
    for (const std::string& dir : corpus)
        if (canonical(dir) == lib) return dirs;
    dirs.push_back(library);
    return dirs;
}

IndexSummary index_library(const std::vector<std::string>& corpus, const std::string& library, const std::string& db,
                           int threads, IngestReport& report) {
    IndexOptions options;
    options.corpus_dirs = corpus_and_library(corpus, library);
    options.confined_dirs = {library};  // files dropped there may not link out of it
    options.db_path = db;
    options.incremental = true;
    options.threads = threads;
    options.wait_for_lock = true;
    options.on_lock_wait = [db](long pid) {
        std::fprintf(stderr, "himoya: %s is being written by another indexer (pid %ld); waiting for it\n", db.c_str(),
                     pid);
    };
    return build_index(options, report);
}

std::string default_corpus_dir() { return installed_data_or("corpus", "corpus"); }

std::vector<std::string> corpus_folders(const std::vector<std::string>& given, const std::string& library,
                                        const std::string& db, std::vector<std::string>& warnings) {
    std::vector<std::string> remembered;
    for (const std::string& dir : source_folders(db))
        if (canonical(dir) != canonical(library)) remembered.push_back(dir);
    if (given.empty()) return remembered.empty() ? std::vector<std::string>{default_corpus_dir()} : remembered;
    for (const std::string& dir : remembered) {
        bool kept = false;
        for (const std::string& g : given) kept = kept || canonical(g) == canonical(dir);
        if (!kept)
            warnings.push_back(db + " was built from " + dir + " too, which --corpus leaves out: its documents leave "
                               "the index (give --corpus " + dir + " as well to keep them)");
    }
    return given;
}

}  // namespace himoya::cli
