// What identifies one state of an open database, for caches of what is read
// from it (search/facet_columns.h, search/stored_records.cc): its uuid, size,
// last docid and, on one database, its revision. A new generation or a commit
// changes it. Pure function.
#pragma once

#include <deque>
#include <future>
#include <memory>
#include <mutex>
#include <string>
#include <utility>

#include <xapian.h>

namespace himoya {

inline std::string database_state(const Xapian::Database& db) {
    std::string state = db.get_uuid() + "/" + std::to_string(db.get_doccount()) + "/" + std::to_string(db.get_lastdocid());
    try {
        state += "/" + std::to_string(db.get_revision());
    } catch (const Xapian::Error&) {
        // several shards: no single revision
    }
    return state;
}

// What `make()` builds from `db`, built once per database state and shared
// by every thread (the Tag type names the cache: one per kind of thing kept).
// A server holds one generation (two while switching); tests and tools a
// few: the last kKept states are kept. Built once: the first thread to ask
// builds it outside the lock, and the others asking for the same state wait
// for that result instead of building their own (at 1M records the facet
// columns take about a second and, while loading, a few hundred MB: four
// workers starting together built four copies; docs/scaling.md, "The
// allocator"). `make` may return nullptr (nothing to keep for this database:
// not kept, the next call builds again); if it throws, the waiting threads get
// the same exception and nothing is kept.
template <typename Tag, typename T, typename Make>
std::shared_ptr<const T> shared_per_state(const Xapian::Database& db, Make&& make) {
    using Result = std::shared_future<std::shared_ptr<const T>>;
    constexpr size_t kKept = 4;
    static std::mutex m;
    static std::deque<std::pair<std::string, Result>> kept;
    const std::string state = database_state(db);
    std::promise<std::shared_ptr<const T>> promise;
    {
        std::unique_lock lock(m);
        for (const auto& [s, result] : kept)
            if (s == state) {
                Result waiting = result;
                lock.unlock();  // wait for the thread that builds it, outside the lock
                return waiting.get();
            }
        kept.emplace_back(state, promise.get_future().share());
        if (kept.size() > kKept) kept.pop_front();
    }
    auto forget = [&] {
        std::lock_guard lock(m);
        for (auto it = kept.begin(); it != kept.end(); ++it)
            if (it->first == state) {
                kept.erase(it);
                break;
            }
    };
    std::shared_ptr<const T> value;
    try {
        value = make();
    } catch (...) {
        forget();
        promise.set_exception(std::current_exception());
        throw;
    }
    if (!value) forget();
    promise.set_value(value);
    return value;
}

}  // namespace himoya
