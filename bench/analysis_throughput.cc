// Analysis throughput: MB/s of Analyzer::analyze per language, on real text
// (files given on the command line, repeated until at least --mb megabytes).
//
//   analysis_throughput [--mb N] LANG FILE [FILE...] [-- LANG FILE...]
//
// MB/s are per CPU second. Uses only Analyzer::analyze, so the same tool measures any version of the
// chain (the figures in docs/analysis.md compare before/after the Tajik work).
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analyzer.h"

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// CPU time of this process: steadier than wall time on a shared machine.
double cpu_seconds() {
    timespec t{};
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
    return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) / 1e9;
}

// Analyses `text` split in paragraphs (as the indexer sees provisions); best of
// 3 runs, each with a fresh Analyzer (so no run profits from an earlier one).
double megabytes_per_second(const std::vector<std::string>& paragraphs, const std::string& lang, size_t bytes) {
    double best = 0;
    for (int run = 0; run < 3; ++run) {
        himoya::Analyzer analyzer;
        size_t tokens = 0;
        double start = cpu_seconds();
        for (const auto& p : paragraphs) tokens += analyzer.analyze(p, lang).size();
        double seconds = cpu_seconds() - start;
        double rate = static_cast<double>(bytes) / 1e6 / seconds;
        if (rate > best) best = rate;
        if (tokens == 0) std::fprintf(stderr, "no tokens for %s\n", lang.c_str());
    }
    return best;
}

}  // namespace

int main(int argc, char** argv) {
    double target_mb = 4;
    std::vector<std::pair<std::string, std::vector<std::string>>> groups;
    for (int i = 1; i < argc; ++i) {
        std::string a = argv[i];
        if (a == "--mb" && i + 1 < argc) { target_mb = std::atof(argv[++i]); continue; }
        if (a == "--") { groups.emplace_back(); continue; }
        if (groups.empty() || groups.back().first.empty()) {
            if (groups.empty()) groups.emplace_back();
            groups.back().first = a;
        } else {
            groups.back().second.push_back(a);
        }
    }
    std::printf("%-4s %10s %10s\n", "lang", "MB", "MB/s");
    for (const auto& [lang, files] : groups) {
        std::vector<std::string> paragraphs;
        size_t bytes = 0;
        std::string all;
        for (const auto& f : files) all += slurp(f) + "\n";
        if (all.size() < 2) continue;
        do {
            std::istringstream lines(all);
            for (std::string line; std::getline(lines, line);) {
                if (line.empty()) continue;
                bytes += line.size();
                paragraphs.push_back(std::move(line));
            }
        } while (bytes < target_mb * 1e6);
        std::printf("%-4s %10.1f %10.2f\n", lang.c_str(), static_cast<double>(bytes) / 1e6,
                    megabytes_per_second(paragraphs, lang, bytes));
    }
    return 0;
}
