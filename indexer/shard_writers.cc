#include "indexer/shard_writers.h"

#include <xapian.h>

#include "indexer/index_writer.h"

namespace himoya {
namespace {

// Documents queued per part before write() waits: bounds the memory of built
// but unwritten records.
constexpr size_t kQueueDepth = 8;

}  // namespace

ShardWriters::ShardWriters(const std::vector<std::string>& dirs) {
    for (const auto& dir : dirs) {
        lanes_.push_back(std::make_unique<Lane>());
        lanes_.back()->dir = dir;
    }
    for (auto& lane : lanes_) lane->thread = std::thread([this, l = lane.get()] { run(*l); });
}

ShardWriters::~ShardWriters() {
    {
        std::lock_guard lock(m_);
        if (!finished_) abandoned_ = true;
    }
    stop();
}

void ShardWriters::run(Lane& lane) {
    try {
        Xapian::WritableDatabase db(lane.dir, Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        IndexWriter writer(db);
        for (;;) {
            std::unique_ptr<Task> task;
            {
                std::unique_lock lock(m_);
                changed_.wait(lock, [&] { return !lane.queue.empty() || lane.closing || abandoned_; });
                if (abandoned_) return;           // the build is being thrown away: no commit
                if (lane.queue.empty()) break;  // closing, and everything written
                task = std::move(lane.queue.front());
                lane.queue.pop_front();
            }
            changed_.notify_all();
            writer.write(std::move(task->prepared));
            if (!task->key.empty()) db.set_metadata(task->key, task->value);
        }
        writer.flush_spelling();
        db.commit();
        db.close();
    } catch (...) {
        std::lock_guard lock(m_);
        lane.error = std::current_exception();
        lane.queue.clear();
    }
    changed_.notify_all();
}

void ShardWriters::write(size_t part, PreparedDocument&& prepared, std::string metadata_key,
                         std::string metadata_value) {
    Lane& lane = *lanes_.at(part);
    auto task = std::make_unique<Task>(Task{std::move(prepared), std::move(metadata_key), std::move(metadata_value)});
    {
        std::unique_lock lock(m_);
        changed_.wait(lock, [&] { return lane.queue.size() < kQueueDepth || lane.error; });
        if (lane.error) std::rethrow_exception(lane.error);
        lane.queue.push_back(std::move(task));
    }
    changed_.notify_all();
}

void ShardWriters::stop() {
    {
        std::lock_guard lock(m_);
        for (auto& lane : lanes_) lane->closing = true;
    }
    changed_.notify_all();
    for (auto& lane : lanes_)
        if (lane->thread.joinable()) lane->thread.join();
}

void ShardWriters::finish() {
    {
        std::lock_guard lock(m_);
        finished_ = true;
    }
    stop();
    for (auto& lane : lanes_)
        if (lane->error) std::rethrow_exception(lane->error);
}

}  // namespace himoya
