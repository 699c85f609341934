// Loads the labelled language-identification set (tests/data/langid/:
// sentences.tsv written by hand, sources.tsv naming texts read at run time)
// and scores a classifier per language. Header-only: used by
// tests/language_test.cc and bench/analysis_eval.cc. Not thread-safe (owns a
// transliterator).
#pragma once

#include <fstream>
#include <functional>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "analysis/normalizer.h"
#include "analysis/transliterator.h"

namespace himoya::eval {

struct LabelledText {
    std::string label;   // tg, ru, en
    std::string kind;    // where it came from: "sentences.tsv", or transform + file name
    std::string text;
    int words = 0;
};

inline int count_words(const std::string& s) {
    int words = 0;
    bool in_word = false;
    for (unsigned char c : s) {
        bool letter = c >= 0x80 || ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
        if (letter && !in_word) ++words;
        in_word = letter;
    }
    return words;
}

// The <p> texts of a corpus XML file, or the lines of a plain text file.
inline std::vector<std::string> paragraphs(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    std::string all = buffer.str();
    std::vector<std::string> out;
    if (path.size() > 4 && path.substr(path.size() - 4) == ".xml") {
        for (size_t at = all.find("<p>"); at != std::string::npos; at = all.find("<p>", at + 3)) {
            size_t end = all.find("</p>", at);
            if (end == std::string::npos) break;
            std::string p = all.substr(at + 3, end - at - 3);
            std::string clean;  // drop inline tags
            bool tag = false;
            for (char c : p) {
                if (c == '<') tag = true;
                else if (c == '>') { tag = false; clean += ' '; }
                else if (!tag) clean += c;
            }
            out.push_back(clean);
        }
    } else {
        std::istringstream lines(all);
        for (std::string line; std::getline(lines, line);) out.push_back(line);
    }
    return out;
}

inline std::vector<std::string> sentences(const std::string& paragraph) {
    std::vector<std::string> out;
    std::string current;
    for (char c : paragraph) {
        current += c;
        if (c == '.' || c == '!' || c == '?' || c == ';') { out.push_back(current); current.clear(); }
    }
    out.push_back(current);
    return out;
}

inline std::vector<LabelledText> load_langid_set(const std::string& source_dir, const std::string& shared_dir) {
    std::vector<LabelledText> set;
    std::string data = source_dir + "/tests/data/langid/";
    std::ifstream own(data + "sentences.tsv");
    for (std::string line; std::getline(own, line);) {
        if (line.empty() || line[0] == '#') continue;
        size_t tab = line.find('\t');
        if (tab == std::string::npos) continue;
        std::string text = line.substr(tab + 1);
        set.push_back({line.substr(0, tab), "sentences.tsv", text, count_words(text)});
    }
    TajikTransliterator translit;
    std::ifstream sources(data + "sources.tsv");
    for (std::string line; std::getline(sources, line);) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream f(line);
        std::string label, transform, max, path;
        std::getline(f, label, '\t');
        std::getline(f, transform, '\t');
        std::getline(f, max, '\t');
        std::getline(f, path);
        std::string full = path.rfind("shared/", 0) == 0 ? shared_dir + "/realdata/" + path.substr(7)
                                                         : source_dir + "/" + path;
        if (!std::ifstream(full)) {
            set.push_back({label, "missing " + path, "", 0});  // reported by the callers
            continue;
        }
        int taken = 0, limit = std::stoi(max);
        for (const auto& p : paragraphs(full))
            for (auto s : sentences(p)) {
                int words = count_words(s);
                if (words < 5 || taken >= limit) continue;
                if (transform == "fold") s = fold_tajik_letters_utf8(s);
                if (transform == "latin") s = translit.to_latin(s);
                set.push_back({label, transform + " " + path, s, words});
                ++taken;
            }
    }
    return set;
}

struct LangAccuracy {
    int total = 0, correct = 0;
    double accuracy() const { return total ? static_cast<double>(correct) / total : 0; }
};

// Accuracy per label (and "all"), over texts with at least `min_words` words
// and fewer than `max_words` (0: no upper bound).
inline std::map<std::string, LangAccuracy> score_langid(const std::vector<LabelledText>& set,
                                                        const std::function<std::string(const std::string&)>& classify,
                                                        int min_words, int max_words = 0,
                                                        std::vector<const LabelledText*>* errors = nullptr) {
    std::map<std::string, LangAccuracy> out;
    for (const auto& t : set) {
        if (t.words < min_words || (max_words > 0 && t.words >= max_words)) continue;
        bool ok = classify(t.text) == t.label;
        for (const std::string& key : {t.label, std::string("all")}) {
            ++out[key].total;
            if (ok) ++out[key].correct;
        }
        if (!ok && errors) errors->push_back(&t);
    }
    return out;
}

}  // namespace himoya::eval
