#include "search/engine.h"

#include <filesystem>
#include <fstream>
#include <sstream>
#include <set>
#include <stdexcept>

#include <xapian.h>

#include "search/facet_columns.h"
#include "search/labels.h"
#include "search/search_types.h"
#include "search/work_names.h"

namespace himoya {
namespace {

using Clock = std::chrono::steady_clock;

std::string stub_contents(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    fs::path stub = fs::is_directory(path, ec) ? fs::path(path) / "XAPIANDB" : fs::path(path);
    std::ifstream in(stub);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// Everything in a MatrixRequest that changes the answer, one field per line.
std::string matrix_key(const MatrixRequest& r) {
    std::string key = r.scheme;
    key += '\n';
    for (const auto& j : r.jurisdictions) {
        key += j;
        key += ',';
    }
    key += '\n';
    for (const auto& l : r.languages) {
        key += l;
        key += ',';
    }
    key += '\n';
    key += name(r.ui_lang);
    key += r.include_repealed ? "\n1" : "\n0";
    return key;
}

}  // namespace

// A view checked out of the pool; given back when the lease ends.
class SearchEngine::Lease {
public:
    Lease(SearchEngine& engine, Pooled pooled) : engine_(&engine), pooled_(std::move(pooled)) {}
    Lease(Lease&& other) noexcept : engine_(other.engine_), pooled_(std::move(other.pooled_)) { other.engine_ = nullptr; }
    Lease& operator=(Lease&&) = delete;
    ~Lease() { end(); }

    IndexView& view() { return *pooled_.view; }
    const std::string& version() const { return pooled_.version; }
    // Replaces the view by a newly opened one (the old one is closed).
    void reopen() {
        Pooled fresh = engine_->open_current();
        {
            std::lock_guard<std::mutex> lock(engine_->mutex_);
            --engine_->open_;  // the one being replaced
        }
        pooled_ = std::move(fresh);
    }
    void end() {
        if (engine_ && pooled_.view) engine_->give_back(std::move(pooled_));
        engine_ = nullptr;
    }

private:
    SearchEngine* engine_;
    Pooled pooled_;
};

SearchEngine::SearchEngine(std::vector<std::string> db_paths) : db_paths_(std::move(db_paths)) {
    // One index twice is no second shard: its texts would be counted and listed twice.
    std::set<std::string> seen;
    for (const std::string& p : db_paths_) {
        std::error_code ec;
        std::string same = std::filesystem::weakly_canonical(p, ec).string();
        if (ec) same = p;
        if (!seen.insert(same).second) throw std::runtime_error("the index " + p + " is given twice");
    }
    // fail now, with a clear message, not on the first request; keep it as the first pooled view
    Pooled first = open_current();
    give_back(std::move(first));
    reaper_ = std::thread([this] { reaper_loop(); });
}

SearchEngine::~SearchEngine() {
    {
        std::lock_guard<std::mutex> lock(reaper_mutex_);
        stopping_ = true;
    }
    reaper_cv_.notify_all();
    if (reaper_.joinable()) reaper_.join();
}

std::string SearchEngine::index_version() const {
    std::string version;
    for (const auto& p : db_paths_) {
        version += stub_contents(p);
        version += '|';
    }
    return version;
}

void SearchEngine::note_version(unsigned long ticket, const std::string& version, std::vector<Pooled>& closing) {
    // callers hold mutex_
    if (ticket <= latest_ticket_) return;  // a read that began later was recorded already
    latest_ticket_ = ticket;
    checked_ = Clock::now();
    if (version == latest_version_) return;
    latest_version_ = version;
    for (auto& p : idle_)
        if (p.version != version) closing.push_back(std::move(p));
    std::erase_if(idle_, [](const Pooled& p) { return !p.view; });
    open_ -= closing.size();
}

std::string SearchEngine::current_version() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!latest_version_.empty() && Clock::now() - checked_ < kStubCheckEvery) return latest_version_;
    }
    check_generation();
    std::lock_guard<std::mutex> lock(mutex_);
    return latest_version_;
}

void SearchEngine::check_generation() {
    unsigned long ticket = next_ticket_++;
    std::string version = index_version();
    std::vector<Pooled> closing;  // closed outside the lock
    std::lock_guard<std::mutex> lock(mutex_);
    note_version(ticket, version, closing);
}

SearchEngine::Pooled SearchEngine::open_current() {
    // The stub is read before and after opening: when both agree, the view
    // holds exactly that generation (generations only move forward). Otherwise
    // a switch happened meanwhile: open again.
    for (int attempt = 0;; ++attempt) {
        unsigned long ticket = next_ticket_++;
        std::string before = index_version();
        auto view = std::make_unique<IndexView>(db_paths_);
        std::string after = index_version();
        if (before != after && attempt < 3) continue;
        std::vector<Pooled> closing;
        std::lock_guard<std::mutex> lock(mutex_);
        note_version(ticket, after, closing);
        // a later read saw a newer generation than ours: ours is of no use
        if (after != latest_version_ && attempt < 3) continue;
        ++open_;
        return Pooled{std::move(view), after, Clock::now()};
    }
}

SearchEngine::Lease SearchEngine::checkout() {
    std::string version = current_version();
    {
        std::lock_guard<std::mutex> lock(mutex_);
        for (auto it = idle_.rbegin(); it != idle_.rend(); ++it) {
            if (it->version != version) continue;
            Pooled p = std::move(*it);
            idle_.erase(std::next(it).base());
            return Lease(*this, std::move(p));
        }
    }
    return Lease(*this, open_current());
}

void SearchEngine::give_back(Pooled pooled) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (pooled.version != latest_version_) {
        --open_;
        return;  // of a replaced generation: `pooled` closes it on return, after the lock
    }
    pooled.returned = Clock::now();
    idle_.push_back(std::move(pooled));
}

void SearchEngine::release_idle(std::chrono::milliseconds idle_for) {
    std::vector<Pooled> closing;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        auto now = Clock::now();
        // idle_.back() is the most recently used: keep it warm if it is current
        size_t keep = !idle_.empty() && idle_.back().version == latest_version_ ? idle_.size() - 1 : idle_.size();
        for (size_t i = 0; i < idle_.size(); ++i)
            if (i != keep && now - idle_[i].returned >= idle_for) closing.push_back(std::move(idle_[i]));
        std::erase_if(idle_, [](const Pooled& p) { return !p.view; });
        open_ -= closing.size();
    }
}

SearchEngine::PoolStats SearchEngine::pool_stats() const {
    PoolStats s;
    {
        std::lock_guard<std::mutex> lock(mutex_);
        s.open = open_;
        s.idle = idle_.size();
    }
    std::lock_guard<std::mutex> lock(matrix_mutex_);
    s.matrix_cached = matrix_lru_.size();
    s.matrix_computed = matrix_computed_;
    return s;
}

void SearchEngine::warm_up() {
    const std::string version = current_version();
    if (version == warmed_version_) return;
    // A view of its own, outside the pool: the pool's figures stay those of
    // the requests. What is built is keyed by the database's state, so the
    // pool's views of the same generation find it.
    IndexView view(db_paths_);
    if (index_version() != version) return;  // switched meanwhile: the next round warms the new one
    if (!view.remote()) {  // nothing of a remote shard is kept here
        const Xapian::Database& db = view.db();
        if (db.size() == 1) FacetColumns::of(db);  // as run_search asks for them
        WorkNameRecognizer::of(db);
    }
    warmed_version_ = version;
}

void SearchEngine::reaper_loop() {
    std::unique_lock<std::mutex> lock(reaper_mutex_);
    bool first = true;
    while (!stopping_) {
        if (!first) reaper_cv_.wait_for(lock, std::chrono::seconds(1));
        first = false;
        if (stopping_) break;
        lock.unlock();
        try {
            check_generation();
            warm_up();
            release_idle(kIdleRelease);
        } catch (...) {
            // a stub being replaced cannot be read: the next round will
        }
        lock.lock();
    }
}

template <typename Fn>
auto SearchEngine::run_on(Lease& lease, Fn&& fn) -> decltype(fn(std::declval<IndexView&>())) {
    try {
        return fn(lease.view());
    } catch (const BadRequest&) {
        throw;
    } catch (const std::exception&) {
        // A database modified or removed under us: reopen once and retry.
        lease.reopen();
        return fn(lease.view());
    } catch (const Xapian::Error&) {
        // Xapian's errors (DatabaseModifiedError, DatabaseOpeningError when a
        // generation went away) are not std::exceptions: same recovery.
        lease.reopen();
        try {
            return fn(lease.view());
        } catch (const Xapian::Error& e) {
            // Twice in a row is not a race: report it as an error callers catch
            // (the server answers 500 with the message, the CLI exits 1).
            throw std::runtime_error("index error: " + e.get_description());
        }
    }
}

void SearchEngine::run_leased(const std::function<void(IndexView&)>& fn) {
    Lease lease = checkout();
    run_on(lease, fn);
}

std::map<std::string, terms::LabelTable> SearchEngine::labels() {
    return with_view([](IndexView& view) { return view.labels().all(); });
}

Matrix SearchEngine::matrix(const MatrixRequest& request) {
    validate(request);  // a BadRequest is never cached
    Lease lease = checkout();
    std::string generation = lease.version();
    generation += '\n';
    std::string key = generation;
    key += matrix_key(request);

    using Answer = std::shared_ptr<const Matrix>;
    std::promise<Answer> promise;
    std::shared_future<Answer> running;
    {
        std::lock_guard<std::mutex> lock(matrix_mutex_);
        for (auto it = matrix_lru_.begin(); it != matrix_lru_.end(); ++it) {
            if (it->first != key) continue;
            matrix_lru_.splice(matrix_lru_.end(), matrix_lru_, it);  // most recently used last
            return *it->second;
        }
        auto found = matrix_running_.find(key);
        if (found != matrix_running_.end()) {
            running = found->second;
        } else {
            matrix_running_[key] = promise.get_future().share();
            ++matrix_computed_;
        }
    }
    if (running.valid()) {
        lease.end();  // another call is computing this very answer: wait for it
        return *running.get();
    }
    try {
        auto answer = std::make_shared<const Matrix>(run_on(lease, [&](IndexView& view) { return coverage_matrix(view, request); }));
        std::lock_guard<std::mutex> lock(matrix_mutex_);
        // one generation at a time: answers of a replaced one are dropped
        std::erase_if(matrix_lru_, [&](const auto& entry) { return entry.first.rfind(generation, 0) != 0; });
        matrix_lru_.emplace_back(key, answer);
        while (matrix_lru_.size() > kMatrixCacheEntries) matrix_lru_.pop_front();
        matrix_running_.erase(key);
        promise.set_value(answer);
        return *answer;
    } catch (...) {
        {
            std::lock_guard<std::mutex> lock(matrix_mutex_);
            matrix_running_.erase(key);
        }
        promise.set_exception(std::current_exception());
        throw;
    }
}

}  // namespace himoya
