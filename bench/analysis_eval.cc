// Prints the analysis evaluation tables (docs/analysis.md quotes them):
//   1. Tajik stemmer vs no stemming vs Snowball russian on the gold file;
//   2. language identification accuracy per language (≥5 words, and shorter);
//   3. what folding costs on the Payom texts: distinct words merged by the
//      folded layer, and how many of those merges are и/ӣ alone.
//
//   analysis_eval [SOURCE_DIR [SHARED_DIR]]   (defaults: the build's paths)
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/language.h"
#include "analysis/normalizer.h"
#include "analysis/utf32.h"
#include "bench/langid_eval.h"
#include "bench/stem_eval.h"

namespace {

using himoya::Analyzer;

void stemmer_table(Analyzer& a, const std::string& source_dir) {
    auto gold = himoya::eval::read_gold(source_dir + "/tests/data/stemmer/tajik_gold.txt");
    size_t forms = 0;
    for (const auto& g : gold) forms += g.forms.size();
    std::printf("\n## Stemmer: %zu Tajik word forms in %zu lemma groups (tests/data/stemmer/tajik_gold.txt)\n\n",
                forms, gold.size());
    std::printf("| stemmer | conflation recall | wrong merges | distinct stems |\n|---|---|---|---|\n");
    auto row = [&](const char* name, const std::function<std::string(const std::string&)>& stem) {
        auto s = himoya::eval::score(gold, stem);
        std::set<std::string> stems;
        for (const auto& g : gold) for (const auto& f : g.forms) stems.insert(stem(f));
        std::printf("| %s | %.3f | %.2f%% | %zu |\n", name, s.recall, 100 * s.wrong_merge, stems.size());
    };
    row("none (canonical word)", [&](const std::string& w) { return a.canonical(w); });
    row("Snowball russian", [&](const std::string& w) { return a.stem(a.canonical(w), "ru"); });
    row("Tajik (himoya)", [&](const std::string& w) { return a.stem(a.canonical(w), "tg"); });
    row("folded layer key, correct spelling", [&](const std::string& w) { return a.folded_stem(a.canonical(w)); });
    row("folded layer key, substitute spelling",
        [&](const std::string& w) { return a.folded_stem(himoya::fold_tajik_letters_utf8(a.canonical(w))); });
}

void langid_table(const std::string& source_dir, const std::string& shared_dir) {
    auto set = himoya::eval::load_langid_set(source_dir, shared_dir);
    auto classify = [](const std::string& s) { return himoya::detect_language(s); };
    std::printf("\n## Language identification (tests/data/langid/)\n\n");
    std::printf("| texts | language | correct | total | accuracy |\n|---|---|---|---|---|\n");
    for (auto [label, min, max] : {std::tuple{"≥5 words", 5, 0}, std::tuple{"1–4 words", 1, 5}}) {
        std::vector<const himoya::eval::LabelledText*> errors;
        for (const auto& [lang, acc] : himoya::eval::score_langid(set, classify, min, max, &errors))
            std::printf("| %s | %s | %d | %d | %.2f%% |\n", label, lang.c_str(), acc.correct, acc.total, 100 * acc.accuracy());
        for (const auto* e : errors) std::printf("|  | wrong (%s→%s) | %s |  |  |\n", e->label.c_str(),
                                                  classify(e->text).c_str(), e->text.substr(0, 120).c_str());
    }
    // Accuracy by source kind (Tajik folded, Latin ...).
    std::map<std::string, std::pair<int, int>> by_kind;
    for (const auto& t : set) {
        if (t.words < 5) continue;
        std::string kind = t.kind.substr(0, t.kind.find(' '));
        auto& [ok, total] = by_kind[t.label + " " + kind];
        ++total;
        ok += classify(t.text) == t.label;
    }
    std::printf("\n| label + transform | correct / total |\n|---|---|\n");
    for (const auto& [k, v] : by_kind) std::printf("| %s | %d / %d |\n", k.c_str(), v.first, v.second);
}

std::string fold_except_i(const std::string& word) {
    std::u32string u = himoya::utf8_to_u32(word);
    std::u32string out;
    for (char32_t c : u) {
        if (c == U'ӣ') { out.push_back(c); continue; }
        out += himoya::utf8_to_u32(himoya::fold_tajik_letters_utf8(himoya::u32_to_utf8(std::u32string(1, c))));
    }
    return himoya::u32_to_utf8(out);
}

void folding_cost(Analyzer& a, const std::string& shared_dir) {
    std::map<std::string, long> words;  // canonical word → tokens
    long tokens = 0;
    for (const char* f : {"Payom_MajlisiOli_20_01_2016.txt", "Payom_MajlisiOli_22_12_2016.txt",
                          "Payom_MajlisiOli_22_12_2017.txt", "Payom_MajlisiOli_23_01_2015.txt",
                          "Payom_MajlisiOli_26_12_2018.txt", "Payom_MajlisiOli_26_12_2019.txt"}) {
        std::ifstream in(shared_dir + "/realdata/tajik-keyword-extractor/" + f);
        std::stringstream s;
        s << in.rdbuf();
        for (const auto& t : a.analyze(s.str(), "tg"))
            if (t.lang == "tg") { ++words[t.term]; ++tokens; }
    }
    // Classes of words that become one under a folding.
    auto merged = [&](const std::function<std::string(const std::string&)>& key, long* merged_tokens) {
        std::map<std::string, std::vector<std::string>> classes;
        for (const auto& [w, n] : words) classes[key(w)].push_back(w);
        size_t count = 0;
        *merged_tokens = 0;
        for (const auto& [k, ws] : classes)
            if (ws.size() > 1) { count += ws.size(); for (const auto& w : ws) *merged_tokens += words[w]; }
        return count;
    };
    long t_all = 0, t_no_i = 0, t_stem_all = 0, t_stem_no_i = 0;
    size_t all = merged([](const std::string& w) { return himoya::fold_tajik_letters_utf8(w); }, &t_all);
    size_t no_i = merged(fold_except_i, &t_no_i);
    // At the level of the folded layer: distinct exact stems that share a folded key.
    std::map<std::string, long> stems;
    for (const auto& [w, n] : words) stems[a.stem(w, "tg")] += n;
    auto stem_merged = [&](const std::function<std::string(const std::string&)>& key, long* merged_tokens) {
        std::map<std::string, std::vector<std::string>> classes;
        for (const auto& [s, n] : stems) classes[key(s)].push_back(s);
        size_t count = 0;
        *merged_tokens = 0;
        for (const auto& [k, ss] : classes)
            if (ss.size() > 1) { count += ss.size(); for (const auto& s : ss) *merged_tokens += stems[s]; }
        return count;
    };
    size_t s_all = stem_merged([&](const std::string& s) { return a.folded_stem(s); }, &t_stem_all);
    size_t s_no_i = stem_merged([&](const std::string& s) {
        std::string k = fold_except_i(s);  // keep ӣ apart, fold the rest
        return k;
    }, &t_stem_no_i);
    std::printf("\n## Folding cost on the Payom texts (%zu distinct Tajik words, %ld tokens)\n\n", words.size(), tokens);
    std::printf("| folding | words merged with another | their tokens |\n|---|---|---|\n");
    std::printf("| all six letters (ҷҳқғӯӣ) | %zu (%.2f%%) | %.2f%% |\n", all, 100.0 * all / words.size(), 100.0 * t_all / tokens);
    std::printf("| five, ӣ kept apart | %zu (%.2f%%) | %.2f%% |\n", no_i, 100.0 * no_i / words.size(), 100.0 * t_no_i / tokens);
    std::printf("| и/ӣ alone (difference) | %zu | %.2f%% |\n", all - no_i, 100.0 * (t_all - t_no_i) / tokens);
    std::printf("\n| folded layer (stems, %zu distinct exact stems) | stems merged | their tokens |\n|---|---|---|\n", stems.size());
    std::printf("| folded key (all six letters, -и/-ӣ dropped) | %zu (%.2f%%) | %.2f%% |\n", s_all, 100.0 * s_all / stems.size(), 100.0 * t_stem_all / tokens);
    std::printf("| five letters folded, ӣ kept | %zu (%.2f%%) | %.2f%% |\n", s_no_i, 100.0 * s_no_i / stems.size(), 100.0 * t_stem_no_i / tokens);
    // Examples of и/ӣ merges.
    std::map<std::string, std::set<std::string>> classes;
    for (const auto& [w, n] : words) classes[himoya::fold_tajik_letters_utf8(w)].insert(w);
    std::printf("\nи/ӣ examples:");
    int shown = 0;
    for (const auto& [k, ws] : classes) {
        std::set<std::string> keys;
        for (const auto& w : ws) keys.insert(fold_except_i(w));
        if (keys.size() > 1 && shown < 12) {
            std::printf(" {");
            for (const auto& w : ws) std::printf(" %s", w.c_str());
            std::printf(" }");
            ++shown;
        }
    }
    std::printf("\n");
}

}  // namespace

int main(int argc, char** argv) {
    std::string source_dir = argc > 1 ? argv[1] : HIMOYA_SOURCE_DIR;
    std::string shared_dir = argc > 2 ? argv[2] : HIMOYA_SHARED_DIR;
    Analyzer a;
    stemmer_table(a, source_dir);
    langid_table(source_dir, shared_dir);
    folding_cost(a, shared_dir);
    return 0;
}
