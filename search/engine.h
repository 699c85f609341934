// SearchEngine: the thread-safe front of the search library, shared by the
// HTTP server's worker threads and the CLI. It does not answer requests
// itself: it lends an IndexView (index_view.h) of the newest index generation
// to a call, which runs a service over it (search_service.h,
// document_service.h, topic_service.h, compare.h, facts.h, related.h,
// analysis_report.h):
//
//     SearchResult r = engine.with_view([&](IndexView& v) { return run_search(v, request); });
//
// Xapian databases are not thread-safe, so a call checks a view out of a
// shared pool, uses it alone, and gives it back. Each pooled view is tagged
// with the index generation it opened (the contents of the XAPIANDB stubs).
// When a rebuild switches the index, the first call that sees the new stub
// (they look at most every 200 ms, and a background thread every second)
// closes every idle view of the old generation, and views checked out on it
// are closed when they come back: no handle to a replaced generation outlives
// the requests using it, so the indexer can delete it. Idle views beyond one
// are closed after a few seconds, so memory follows the number of requests
// actually running at once, not the number of threads. A call only ever gets
// a view of the newest generation seen by any call, so a client whose
// requests land on different threads never goes back to an older index.
//
// What the first search of a generation needs built (its facet columns, the
// names of works) is built by the background thread as soon as the
// generation is seen, so that no request waits for it.
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
#include <type_traits>
#include <vector>


#include "analysis/term_scheme.h"
#include "search/compare.h"
#include "search/index_view.h"

namespace himoya {

class SearchEngine {
public:
    // Opens the index once to check it; throws std::runtime_error if it cannot.
    explicit SearchEngine(std::vector<std::string> db_paths);
    ~SearchEngine();
    SearchEngine(const SearchEngine&) = delete;
    SearchEngine& operator=(const SearchEngine&) = delete;

    // Runs fn(IndexView&) on a view of the newest generation checked out of
    // the pool for the call, and returns what it returns. BadRequest passes
    // through. If the index fails under the view (a generation replaced or
    // removed meanwhile), the view is reopened and fn called once more, so fn
    // must only read through the view; a second failure of Xapian's is thrown
    // as std::runtime_error("index error: ...").
    template <typename Fn>
    auto with_view(Fn&& fn) -> std::invoke_result_t<Fn&, IndexView&>;

    // The coverage matrix (compare.h, coverage_matrix), cached per index
    // generation (kMatrixCacheEntries answers). Throws BadRequest.
    Matrix matrix(const MatrixRequest& request);
    // Every value label, by kind (labels.h); a copy, safe to keep.
    std::map<std::string, terms::LabelTable> labels();

    // A token that changes whenever any index's stub names a new generation
    // (read from disk now).
    std::string index_version() const;

    // What the pool holds now, for tests and the attack script's figures.
    struct PoolStats {
        size_t open = 0;  // views open: idle + checked out
        size_t idle = 0;
        size_t matrix_cached = 0;
        long matrix_computed = 0;  // matrices computed since start (cache misses)
    };
    PoolStats pool_stats() const;

    // Closes idle views given back more than `idle_for` ago, keeping the most
    // recently used one of the current generation (the background thread calls
    // it every second with kIdleRelease; tests call it directly).
    void release_idle(std::chrono::milliseconds idle_for);
    // Reads the stubs now; if they name a new generation, closes the idle
    // views of the old one at once.
    void check_generation();

    static constexpr std::chrono::milliseconds kStubCheckEvery{200};
    static constexpr std::chrono::milliseconds kIdleRelease{3000};
    static constexpr size_t kMatrixCacheEntries = 32;

private:
    struct Pooled {
        std::unique_ptr<IndexView> view;
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
    // read was recorded already; closes idle views of other generations.
    void note_version(unsigned long ticket, const std::string& version, std::vector<Pooled>& closing);

    // with_view without its result type: checks a view out and runs fn on it.
    void run_leased(const std::function<void(IndexView&)>& fn);
    template <typename Fn>
    auto run_on(Lease& lease, Fn&& fn) -> decltype(fn(std::declval<IndexView&>()));

    void reaper_loop();
    // Builds, on the background thread, what the first search of a new
    // generation would otherwise build while a user waits: the facet columns
    // (about a second at 1M records) and the names of works. Searches that
    // come meanwhile wait for that one build (shared_per_state).
    void warm_up();

    std::vector<std::string> db_paths_;
    std::string warmed_version_;  // the generation warm_up() last built for; the background thread's alone

    mutable std::mutex mutex_;  // guards everything below
    std::vector<Pooled> idle_;  // most recently given back last
    size_t open_ = 0;
    std::string latest_version_;
    unsigned long latest_ticket_ = 0;
    std::chrono::steady_clock::time_point checked_;
    std::atomic<unsigned long> next_ticket_{1};

    // The matrix cache: key (generation + request) → answer, least recently used first.
    mutable std::mutex matrix_mutex_;
    std::list<std::pair<std::string, std::shared_ptr<const Matrix>>> matrix_lru_;
    std::map<std::string, std::shared_future<std::shared_ptr<const Matrix>>> matrix_running_;
    long matrix_computed_ = 0;

    std::mutex reaper_mutex_;
    std::condition_variable reaper_cv_;
    bool stopping_ = false;
    std::thread reaper_;
};

template <typename Fn>
auto SearchEngine::with_view(Fn&& fn) -> std::invoke_result_t<Fn&, IndexView&> {
    using Result = std::invoke_result_t<Fn&, IndexView&>;
    if constexpr (std::is_void_v<Result>) {
        run_leased([&](IndexView& view) { fn(view); });
    } else {
        std::optional<Result> result;
        run_leased([&](IndexView& view) { result.emplace(fn(view)); });
        return std::move(*result);
    }
}

}  // namespace himoya
