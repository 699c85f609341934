// Extra writers for a full build: Xapian allows one writer per database, and
// writing is the larger half of indexing, so a full build on several cores
// writes several part databases at once, each on its own thread, and merges
// them into the new generation with Xapian's compactor (build_index). The
// caller writes part 0 itself; this class owns parts 1..N-1.
#pragma once

#include <condition_variable>
#include <deque>
#include <exception>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "indexer/record_builder.h"

namespace himoya {

class ShardWriters {
public:
    // Creates a glass database at each of `dirs`, each written by its own thread.
    explicit ShardWriters(const std::vector<std::string>& dirs);
    // Stops the threads; without finish(), what was queued may be lost (an abandoned build).
    ~ShardWriters();
    ShardWriters(const ShardWriters&) = delete;
    ShardWriters& operator=(const ShardWriters&) = delete;

    size_t size() const { return lanes_.size(); }

    // Queues a document and one metadata entry (its source hash) for part
    // `part` (0-based among this class's parts). Blocks while that part's queue
    // is full. Rethrows the error of a writer that failed.
    void write(size_t part, PreparedDocument&& prepared, std::string metadata_key, std::string metadata_value);

    // Writes everything queued, the spelling data, commits and closes every
    // part. Rethrows the first error.
    void finish();

private:
    struct Task {
        PreparedDocument prepared;
        std::string key, value;
    };
    struct Lane {
        std::string dir;
        std::deque<std::unique_ptr<Task>> queue;
        bool closing = false;
        std::exception_ptr error;
        std::thread thread;
    };
    void run(Lane& lane);
    void stop();

    std::mutex m_;
    std::condition_variable changed_;
    std::vector<std::unique_ptr<Lane>> lanes_;
    bool finished_ = false;   // finish() was called: write everything, then commit
    bool abandoned_ = false;  // destroyed without finish(): stop at once, commit nothing
};

}  // namespace himoya
