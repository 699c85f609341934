#include "search/engine.h"


#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <sstream>
#include <stdexcept>

#include <xapian.h>

#include "search/labels.h"

namespace himoya {
namespace {

std::atomic<unsigned long> next_engine_id{1};

struct ThreadSearcher {
    std::unique_ptr<Searcher> searcher;
    std::string version;
    unsigned long epoch = 0;  // SearchEngine::epoch_ when last checked
    std::chrono::steady_clock::time_point checked;
};

// One Searcher per (thread, engine).
thread_local std::map<unsigned long, ThreadSearcher> thread_searchers;

std::string stub_contents(const std::string& path) {
    namespace fs = std::filesystem;
    fs::path stub = fs::is_directory(path) ? fs::path(path) / "XAPIANDB" : fs::path(path);
    std::ifstream in(stub);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

}  // namespace

SearchEngine::SearchEngine(std::vector<std::string> db_paths) : db_paths_(std::move(db_paths)), id_(next_engine_id++) {
    Searcher check(db_paths_);  // fail now, with a clear message, not on the first request
}

std::string SearchEngine::index_version() const {
    std::string version;
    for (const auto& p : db_paths_) version += stub_contents(p) + "|";
    return version;
}

template <typename Fn>
auto SearchEngine::with_searcher(Fn&& fn) -> decltype(fn(std::declval<Searcher&>())) {
    ThreadSearcher& ts = thread_searchers[id_];
    auto now = std::chrono::steady_clock::now();
    unsigned long epoch = epoch_.load(std::memory_order_acquire);
    // Look at the stub at most every 200 ms per thread (a file read, not a
    // reopen), or at once when another thread has seen a new generation.
    if (!ts.searcher || ts.epoch != epoch || now - ts.checked > std::chrono::milliseconds(200)) {
        std::string version = index_version();
        if (!ts.searcher || version != ts.version) {
            ts.searcher = std::make_unique<Searcher>(db_paths_);
            ts.version = version;
            std::lock_guard<std::mutex> lock(latest_mutex_);
            if (version != latest_version_) {
                latest_version_ = version;
                epoch = epoch_.fetch_add(1, std::memory_order_acq_rel) + 1;
            }
        }
        ts.epoch = epoch;
        ts.checked = now;
    }
    try {
        return fn(*ts.searcher);
    } catch (const BadRequest&) {
        throw;
    } catch (const std::exception&) {
        // A database modified or removed under us: reopen once and retry.
        ts.searcher = std::make_unique<Searcher>(db_paths_);
        ts.version = index_version();
        return fn(*ts.searcher);
    } catch (const Xapian::Error&) {
        // Xapian's errors (DatabaseModifiedError, DatabaseOpeningError when a
        // generation went away) are not std::exceptions: same recovery.
        ts.searcher = std::make_unique<Searcher>(db_paths_);
        ts.version = index_version();
        try {
            return fn(*ts.searcher);
        } catch (const Xapian::Error& e) {
            // Twice in a row is not a race: report it as an error callers catch
            // (the server answers 500 with the message, the CLI exits 1).
            throw std::runtime_error("index error: " + e.get_description());
        }
    }
}

SearchResult SearchEngine::search(const SearchRequest& request) {
    return with_searcher([&](Searcher& s) { return s.search(request); });
}

std::optional<nlohmann::json> SearchEngine::document(const std::string& document_id) {
    return with_searcher([&](Searcher& s) { return s.document(document_id); });
}

IndexHealth SearchEngine::health() {
    return with_searcher([&](Searcher& s) { return s.health(); });
}

nlohmann::json SearchEngine::analyze(const std::string& text, const std::string& language) {
    return with_searcher([&](Searcher& s) { return s.analyze(text, language); });
}

std::optional<nlohmann::json> SearchEngine::topics() {
    return with_searcher([&](Searcher& s) { return s.topics(); });
}

std::optional<nlohmann::json> SearchEngine::topic(const std::string& concept_id, int per_jurisdiction,
                                                  const std::string& ui_lang) {
    return with_searcher([&](Searcher& s) { return s.topic(concept_id, per_jurisdiction, ui_lang); });
}

nlohmann::json SearchEngine::compare(const CompareRequest& request) {
    return with_searcher([&](Searcher& s) { return s.compare(request); });
}

std::map<std::string, terms::LabelTable> SearchEngine::labels() {
    return with_searcher([&](Searcher& s) { return s.labels().all(); });
}

nlohmann::json SearchEngine::matrix(const MatrixRequest& request) {
    return with_searcher([&](Searcher& s) { return s.matrix(request); });
}

std::optional<nlohmann::json> SearchEngine::facts(const std::string& topic) {
    return with_searcher([&](Searcher& s) { return s.facts(topic); });
}

std::optional<nlohmann::json> SearchEngine::related(const std::string& provision_id, int limit, const std::string& ui_lang) {
    return with_searcher([&](Searcher& s) { return s.related(provision_id, limit, ui_lang); });
}

}  // namespace himoya
