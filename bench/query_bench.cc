// In-process query latency: Himoya's search service (search/search_service.h), and Omega's index searched the
// way `quest` does (Xapian::QueryParser + Enquire, here in-process so that
// both sides are timed without process start-up).
//
//   query_bench --db DIR [--db DIR...] --queries bench/queries.tsv [--rounds N]
//               [--facets 0|1] [--versions group|separate] [--label NAME] [--csv FILE]
//               [--parallel-shards] [--walk-counts 0|1|ab]
//   query_bench --omega DIR --queries bench/queries.tsv [--rounds N] [--label NAME] [--csv FILE]
//
// Each round runs every query of the mix once, in file order; the first round
// is a warm-up and is not timed. Prints, and appends to --csv:
//   label,class,query,rounds,hits,p50_ms,p95_ms,p99_ms,mean_ms
// with one row per query, one per class and one "ALL" row (over every timing).
//
// --parallel-shards (with several --db): each shard is searched by its own
// thread, with its own view, and a query's time is the wall time until the
// slowest shard has answered. Nothing is merged, so this is the best that
// searching shards in parallel could give (issue "performance at real size":
// does searching two shards on two threads halve latency?); hits are the sum
// of the shards' totals.
//
// --walk-counts 0: count totals and facets through Xapian's matcher
// (check_at_least = all), never by walking the postlists (search/match_walker.h,
// the default where it pays), to compare the two on the same index; --walk-counts ab: each search both ways,
// back to back (rows and classes "walk:" and "matcher:"), so that a busy
// machine disturbs both alike.
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <map>
#include <memory>
#include <mutex>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <xapian.h>

#include "search/index_view.h"
#include "search/search_service.h"
#include "server/request_params.h"

namespace {

struct BenchQuery {
    std::string cls, text, params;
};

std::vector<BenchQuery> load_queries(const std::string& path) {
    std::vector<BenchQuery> out;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::vector<std::string> f;
        std::stringstream ss(line);
        std::string field;
        while (std::getline(ss, field, '\t')) f.push_back(field);
        f.resize(3);
        out.push_back({f[0], f[1], f[2]});
    }
    return out;
}

himoya::QueryParams parse_params(const std::string& s) {
    himoya::QueryParams p;
    std::stringstream ss(s);
    std::string kv;
    while (std::getline(ss, kv, '&')) {
        auto eq = kv.find('=');
        if (eq != std::string::npos) p.emplace(kv.substr(0, eq), kv.substr(eq + 1));
    }
    return p;
}

double pct(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    size_t i = static_cast<size_t>(q * (v.size() - 1) + 0.5);
    return v[std::min(i, v.size() - 1)];
}

double mean(const std::vector<double>& v) {
    double s = 0;
    for (double x : v) s += x;
    return v.empty() ? 0 : s / v.size();
}

// This thread's CPU time so far, in ms.
double thread_cpu_ms() {
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return static_cast<double>(ts.tv_sec) * 1e3 + static_cast<double>(ts.tv_nsec) / 1e6;
}

std::string csv_quote(const std::string& s) {
    std::string o = "\"";
    for (char c : s) o += c == '"' ? std::string("\"\"") : std::string(1, c);
    return o + "\"";
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> dbs;
    std::string omega, queries_path = "bench/queries.tsv", label = "himoya", csv;
    int rounds = 20;
    bool facets = true;
    bool parallel_shards = false;
    bool walk_counts = true;
    bool walk_both = false;
    std::string versions;  // "" = the API default
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        auto next = [&]() -> std::string {
            if (i + 1 >= argc) { std::fprintf(stderr, "%s needs a value\n", a.c_str()); std::exit(2); }
            return argv[++i];
        };
        if (a == "--db") dbs.push_back(next());
        else if (a == "--omega") omega = next();
        else if (a == "--queries") queries_path = next();
        else if (a == "--rounds") rounds = std::atoi(next().c_str());
        else if (a == "--facets") facets = next() != "0";
        else if (a == "--versions") versions = next();
        else if (a == "--label") label = next();
        else if (a == "--csv") csv = next();
        else if (a == "--parallel-shards") parallel_shards = true;
        else if (a == "--walk-counts") {
            const std::string v = next();
            walk_counts = v != "0";
            walk_both = v == "ab";
        }
        else { std::fprintf(stderr, "unknown argument %s\n", a.c_str()); return 2; }
    }
    auto queries = load_queries(queries_path);
    if (queries.empty() || (dbs.empty() && omega.empty())) {
        std::fprintf(stderr, "usage: query_bench (--db DIR | --omega DIR) --queries FILE [--rounds N]\n");
        return 2;
    }

    using clock = std::chrono::steady_clock;
    volatile size_t sink = 0;

    // The mix as Himoya's search requests (the API's parameters, as the server reads them).
    std::vector<himoya::SearchRequest> requests;
    for (const auto& q : queries) {
        auto params = parse_params(q.params);
        params.emplace("q", q.text);
        himoya::SearchRequest r = himoya::search_request_from_params(params);
        r.facets = facets;
        if (!versions.empty()) r.versions = himoya::parse_enum<himoya::VersionMode>(versions, "--versions");
        r.counting = walk_counts ? himoya::CountMethod::automatic : himoya::CountMethod::matcher;
        requests.push_back(r);
        if (walk_both) {  // the same search counted through Xapian's matcher, right after
            r.counting = himoya::CountMethod::matcher;
            requests.push_back(r);
        }
    }
    if (walk_both) {  // rows and classes "walk:..." and "matcher:..."
        std::vector<BenchQuery> both;
        for (const auto& q : queries) {
            both.push_back({"walk:" + q.cls, q.text, q.params});
            both.push_back({"matcher:" + q.cls, q.text, q.params});
        }
        queries = both;
    }
    std::vector<std::vector<double>> times(queries.size());
    std::vector<double> cpu;  // thread CPU time of every timed search (one view)
    std::vector<long> hits(queries.size(), 0);

    if (!dbs.empty() && parallel_shards) {
        // One worker per shard, each with its own view, woken for every query.
        struct Worker {
            std::unique_ptr<himoya::IndexView> view;
            std::thread thread;
        };
        std::mutex m;
        std::condition_variable cv;
        long generation = 0, done = 0;
        size_t current = 0;
        bool stop = false;
        std::vector<long> totals(dbs.size(), 0);
        std::vector<Worker> workers(dbs.size());
        for (size_t w = 0; w < dbs.size(); ++w) {
            workers[w].view = std::make_unique<himoya::IndexView>(std::vector<std::string>{dbs[w]});
            workers[w].thread = std::thread([&, w] {
                long seen = 0;
                for (;;) {
                    size_t k;
                    {
                        std::unique_lock<std::mutex> lock(m);
                        cv.wait(lock, [&] { return stop || generation != seen; });
                        if (stop) return;
                        seen = generation;
                        k = current;
                    }
                    himoya::SearchResult res = run_search(*workers[w].view, requests[k]);
                    std::lock_guard<std::mutex> lock(m);
                    totals[w] = res.total;
                    ++done;
                    cv.notify_all();
                }
            });
        }
        for (int round = 0; round <= rounds; ++round)
            for (size_t k = 0; k < requests.size(); ++k) {
                auto t0 = clock::now();
                std::unique_lock<std::mutex> lock(m);
                current = k;
                done = 0;
                ++generation;
                cv.notify_all();
                cv.wait(lock, [&] { return done == static_cast<long>(workers.size()); });
                double ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
                if (round > 0) times[k].push_back(ms);
                hits[k] = 0;
                for (long t : totals) hits[k] += t;
            }
        {
            std::lock_guard<std::mutex> lock(m);
            stop = true;
        }
        cv.notify_all();
        for (auto& w : workers) w.thread.join();
    } else if (!dbs.empty()) {
        himoya::IndexView view(dbs);
        for (int round = 0; round <= rounds; ++round)
            for (size_t k = 0; k < requests.size(); ++k) {
                auto t0 = clock::now();
                const double c0 = thread_cpu_ms();
                himoya::SearchResult res = run_search(view, requests[k]);
                double ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
                if (round > 0) {
                    times[k].push_back(ms);
                    cpu.push_back(thread_cpu_ms() - c0);
                }
                hits[k] = res.total;
            }
    } else {
        // As Omega/quest: QueryParser with Omega's default prefixes, English stemming
        // (omindex's default), AND as the default operator (as Himoya), 10 hits with data.
        Xapian::Database db(omega);
        Xapian::QueryParser qp;
        qp.set_database(db);
        qp.set_stemmer(Xapian::Stem("english"));
        qp.set_stemming_strategy(Xapian::QueryParser::STEM_SOME);
        qp.set_default_op(Xapian::Query::OP_AND);
        qp.add_prefix("title", "S");
        for (int round = 0; round <= rounds; ++round)
            for (size_t k = 0; k < queries.size(); ++k) {
                auto t0 = clock::now();
                Xapian::Enquire enquire(db);
                Xapian::Query query = queries[k].text.empty()
                                          ? Xapian::Query::MatchAll
                                          : qp.parse_query(queries[k].text, Xapian::QueryParser::FLAG_DEFAULT |
                                                                                Xapian::QueryParser::FLAG_PHRASE);
                enquire.set_query(query);
                Xapian::MSet mset = enquire.get_mset(0, 10);
                size_t bytes = 0;
                for (auto it = mset.begin(); it != mset.end(); ++it) bytes += it.get_document().get_data().size();
                double ms = std::chrono::duration<double, std::milli>(clock::now() - t0).count();
                if (round > 0) times[k].push_back(ms);
                hits[k] = mset.get_matches_estimated();
                sink = sink + bytes;
            }
    }

    FILE* out = csv.empty() ? nullptr : std::fopen(csv.c_str(), "a");
    auto row = [&](const std::string& cls, const std::string& q, const std::vector<double>& t, long h) {
        std::printf("%-8s %-32s hits=%-8ld p50=%8.3f p95=%8.3f p99=%8.3f mean=%8.3f ms\n", cls.c_str(),
                    q.substr(0, 32).c_str(), h, pct(t, .5), pct(t, .95), pct(t, .99), mean(t));
        if (out)
            std::fprintf(out, "%s,%s,%s,%zu,%ld,%.4f,%.4f,%.4f,%.4f\n", label.c_str(), cls.c_str(), csv_quote(q).c_str(),
                         t.size(), h, pct(t, .5), pct(t, .95), pct(t, .99), mean(t));
    };
    std::map<std::string, std::vector<double>> by_class, by_mode;
    std::vector<double> all;
    for (size_t k = 0; k < queries.size(); ++k) {
        if (auto colon = queries[k].cls.find(':'); colon != std::string::npos) {
            auto& m = by_mode[queries[k].cls.substr(0, colon)];
            m.insert(m.end(), times[k].begin(), times[k].end());
        }
        row(queries[k].cls, queries[k].text + (queries[k].params.empty() ? "" : " [" + queries[k].params + "]"),
            times[k], hits[k]);
        auto& c = by_class[queries[k].cls];
        c.insert(c.end(), times[k].begin(), times[k].end());
        all.insert(all.end(), times[k].begin(), times[k].end());
    }
    for (const auto& [cls, t] : by_class) row("class", cls, t, -1);
    for (const auto& [mode, t] : by_mode) row("ALL", mode, t, -1);
    row("ALL", "ALL", all, -1);
    // The same searches in this thread's CPU time: on a shared machine, less
    // disturbed by other work than wall time (one view only).
    if (!cpu.empty()) row("CPU", "ALL (thread CPU ms)", cpu, -1);
    if (out) std::fclose(out);
    return sink == 1 ? 1 : 0;
}
