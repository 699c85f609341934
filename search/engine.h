// SearchEngine: the thread-safe front of the search library, shared by the
// HTTP server's worker threads and the CLI.
//
// Xapian databases are not thread-safe, so a call checks a Searcher out of a
// shared pool, uses it alone, and gives it back. Each pooled Searcher is tagged
// with the index generation it opened (the contents of the XAPIANDB stubs).
// When a rebuild switches the index, the first call that sees the new stub
// (they look at most every 200 ms, and a background thread every second)
// closes every idle Searcher of the old generation, and Searchers checked out
// on it are closed when they come back: no handle to a replaced generation
// outlives the requests using it, so the indexer can delete it. Idle Searchers
// beyond one are closed after a few seconds, so memory follows the number of
// requests actually running at once, not the number of threads. A call only
// ever gets a Searcher of the newest generation seen by any call, so a client
// whose requests land on different threads never goes back to an older index.
//
// The coverage matrix, the costliest answer (a count per row × jurisdiction),
// is cached per generation: identical requests share one computation.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <future>
#include <limits>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/term_scheme.h"
#include "search/compare.h"
#include "search/search_types.h"
#include "search/searcher.h"

namespace himoya {

class SearchEngine {
public:
    // Opens the index once to check it; throws std::runtime_error if it cannot.
    explicit SearchEngine(std::vector<std::string> db_paths);
    ~SearchEngine();
    SearchEngine(const SearchEngine&) = delete;
    SearchEngine& operator=(const SearchEngine&) = delete;

    SearchResult search(const SearchRequest& request);
    // The document with `limit` of its provisions from `offset` (Searcher::document).
    std::optional<nlohmann::json> document(const std::string& document_id, size_t offset = 0,
                                           size_t limit = std::numeric_limits<size_t>::max());
    IndexHealth health();
    nlohmann::json analyze(const std::string& text, const std::string& language);
    std::optional<nlohmann::json> topics();
    std::optional<nlohmann::json> topic(const std::string& concept_id, int per_jurisdiction,
                                        const std::string& ui_lang = "en");
    nlohmann::json compare(const CompareRequest& request);
    // Cached per index generation (kMatrixCacheEntries answers).
    nlohmann::json matrix(const MatrixRequest& request);
    std::optional<nlohmann::json> facts(const std::string& topic);
    std::optional<nlohmann::json> related(const std::string& provision_id, int limit, const std::string& ui_lang);
    // Every value label, by kind (labels.h); a copy, safe to keep.
    std::map<std::string, terms::LabelTable> labels();

    // A token that changes whenever any index's stub names a new generation
    // (read from disk now).
    std::string index_version() const;

    // What the pool holds now, for tests and the attack script's figures.
    struct PoolStats {
        size_t open = 0;  // Searchers open: idle + checked out
        size_t idle = 0;
        size_t matrix_cached = 0;
        long matrix_computed = 0;  // matrices computed since start (cache misses)
    };
    PoolStats pool_stats() const;

    // Closes idle Searchers given back more than `idle_for` ago, keeping the most
    // recently used one of the current generation (the background thread calls
    // it every second with kIdleRelease; tests call it directly).
    void release_idle(std::chrono::milliseconds idle_for);
    // Reads the stubs now; if they name a new generation, closes the idle
    // Searchers of the old one at once.
    void check_generation();

    static constexpr std::chrono::milliseconds kStubCheckEvery{200};
    static constexpr std::chrono::milliseconds kIdleRelease{3000};
    static constexpr size_t kMatrixCacheEntries = 32;

private:
    struct Pooled {
        std::unique_ptr<Searcher> searcher;
        std::string version;
        std::chrono::steady_clock::time_point returned;
    };
    class Lease;

    Lease checkout();
    void give_back(Pooled pooled);
    Pooled open_current();
    // The newest generation seen; reads the stubs if not read for kStubCheckEvery.
    std::string current_version();
    // Records `version`, read by the stub read that took `ticket`, unless a later
    // read was recorded already; closes idle Searchers of other generations.
    void note_version(unsigned long ticket, const std::string& version, std::vector<Pooled>& closing);

    template <typename Fn>
    auto with_searcher(Fn&& fn) -> decltype(fn(std::declval<Searcher&>()));
    template <typename Fn>
    auto run_on(Lease& lease, Fn&& fn) -> decltype(fn(std::declval<Searcher&>()));

    void reaper_loop();

    std::vector<std::string> db_paths_;

    mutable std::mutex mutex_;  // guards everything below
    std::vector<Pooled> idle_;  // most recently given back last
    size_t open_ = 0;
    std::string latest_version_;
    unsigned long latest_ticket_ = 0;
    std::chrono::steady_clock::time_point checked_;
    std::atomic<unsigned long> next_ticket_{1};

    // The matrix cache: key (generation + request) → answer, least recently used first.
    mutable std::mutex matrix_mutex_;
    std::list<std::pair<std::string, std::shared_ptr<const nlohmann::json>>> matrix_lru_;
    std::map<std::string, std::shared_future<std::shared_ptr<const nlohmann::json>>> matrix_running_;
    long matrix_computed_ = 0;

    std::mutex reaper_mutex_;
    std::condition_variable reaper_cv_;
    bool stopping_ = false;
    std::thread reaper_;
};

}  // namespace himoya
