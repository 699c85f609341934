// The queries of the search evaluation (tests/data/search_eval/queries-*.tsv,
// the last column of each row), for tests that run every one of them.
#pragma once

#include <fstream>
#include <string>
#include <vector>

namespace himoya::testing {

inline std::vector<std::string> eval_queries() {
    std::vector<std::string> out;
    for (const char* lang : {"en", "ru", "tg"}) {
        std::ifstream in(std::string(HIMOYA_SOURCE_DIR "/tests/data/search_eval/queries-") + lang + ".tsv");
        std::string line;
        std::getline(in, line);  // header
        while (std::getline(in, line)) {
            const size_t tab = line.rfind('\t');
            if (tab != std::string::npos && tab + 1 < line.size()) out.push_back(line.substr(tab + 1));
        }
    }
    return out;
}

}  // namespace himoya::testing
