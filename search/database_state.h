// What identifies one state of an open database, for caches of what is read
// from it (search/facet_columns.h, search/stored_records.cc): its uuid, size,
// last docid and, on one database, its revision. A new generation or a commit
// changes it. Pure function.
#pragma once

#include <deque>
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
// few: the last kKept states are kept. Built outside the lock: two threads
// may both build it the first time, and both results are right. `make` may
// return nullptr (nothing to keep for this database: not kept).
template <typename Tag, typename T, typename Make>
std::shared_ptr<const T> shared_per_state(const Xapian::Database& db, Make&& make) {
    constexpr size_t kKept = 4;
    static std::mutex m;
    static std::deque<std::pair<std::string, std::shared_ptr<const T>>> kept;
    const std::string state = database_state(db);
    {
        std::lock_guard lock(m);
        for (const auto& [s, value] : kept)
            if (s == state) return value;
    }
    std::shared_ptr<const T> value = make();
    if (!value) return value;
    std::lock_guard lock(m);
    kept.emplace_back(state, value);
    if (kept.size() > kKept) kept.pop_front();
    return value;
}

}  // namespace himoya
