// Scores a stemmer against a gold file of word forms grouped by lemma
// (tests/data/stemmer/tajik_gold.txt): conflation recall (share of same-lemma
// pairs given one stem) and wrong-merge rate (share of forms whose stem is
// also the stem of another lemma's form). Header-only: used by
// tests/tajik_stemmer_test.cc and bench/analysis_eval.cc. Thread-safe (pure).
#pragma once

#include <fstream>
#include <functional>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

namespace himoya::eval {

struct LemmaGroup {
    std::string lemma;
    std::vector<std::string> forms;
};

inline std::vector<LemmaGroup> read_gold(const std::string& path) {
    std::vector<LemmaGroup> groups;
    std::ifstream in(path);
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        size_t colon = line.find(':');
        if (colon == std::string::npos) continue;
        LemmaGroup g{line.substr(0, colon), {}};
        std::istringstream words(line.substr(colon + 1));
        for (std::string w; words >> w;) g.forms.push_back(w);
        groups.push_back(std::move(g));
    }
    return groups;
}

struct StemScore {
    size_t forms = 0;
    double recall = 0;      // same-lemma pairs conflated / same-lemma pairs
    double wrong_merge = 0; // forms sharing a stem with another lemma / forms
};

inline StemScore score(const std::vector<LemmaGroup>& gold, const std::function<std::string(const std::string&)>& stem) {
    StemScore s;
    std::map<std::string, std::set<size_t>> lemmas_of_stem;
    std::vector<std::vector<std::string>> stems(gold.size());
    size_t pairs = 0, conflated = 0;
    for (size_t g = 0; g < gold.size(); ++g) {
        for (const auto& f : gold[g].forms) {
            stems[g].push_back(stem(f));
            lemmas_of_stem[stems[g].back()].insert(g);
        }
        for (size_t i = 0; i < stems[g].size(); ++i)
            for (size_t j = i + 1; j < stems[g].size(); ++j) {
                ++pairs;
                if (stems[g][i] == stems[g][j]) ++conflated;
            }
    }
    size_t merged = 0;
    for (const auto& group : stems)
        for (const auto& st : group) {
            ++s.forms;
            if (lemmas_of_stem[st].size() > 1) ++merged;
        }
    s.recall = pairs ? static_cast<double>(conflated) / static_cast<double>(pairs) : 0;
    s.wrong_merge = s.forms ? static_cast<double>(merged) / static_cast<double>(s.forms) : 0;
    return s;
}

}  // namespace himoya::eval
