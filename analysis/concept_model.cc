#include "analysis/concept_model.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <unordered_set>

namespace himoya {

namespace {

constexpr uint32_t kAlwaysKept = 10;  // a stem in this many examples or fewer is never ignored

uint32_t hash_stem(std::string_view lang, std::string_view stem) {
    uint32_t h = 2166136261u;
    auto mix = [&h](std::string_view s) {
        for (unsigned char c : s) h = (h ^ c) * 16777619u;
    };
    mix(lang);
    h = (h ^ 0xffu) * 16777619u;
    mix(stem);
    return h;
}

void count(std::map<uint32_t, float>& into, const std::vector<Token>& tokens, float each) {
    for (const Token& t : tokens) {
        if (t.stopword || t.stem.empty()) continue;
        // A word of one letter or a number says nothing of a subject.
        if (t.stem.size() < 3 || std::all_of(t.stem.begin(), t.stem.end(), [](unsigned char c) { return c >= '0' && c <= '9'; }))
            continue;
        into[hash_stem(t.lang, t.stem)] += each;
    }
}

}  // namespace

TermCounts term_counts(const std::vector<Token>& heading, const std::vector<Token>& text) {
    std::map<uint32_t, float> counts;
    count(counts, heading, 2.0f);
    count(counts, text, 1.0f);
    return TermCounts(counts.begin(), counts.end());
}

void ConceptModel::add(const TermCounts& words, const std::vector<std::string>& about, std::string source) {
    if (words.empty() || about.empty()) return;
    std::vector<uint16_t> ids;
    for (const std::string& id : about) {
        auto [it, inserted] = concept_index_.try_emplace(id, static_cast<uint16_t>(concepts_.size()));
        if (inserted) concepts_.push_back(id);
        ids.push_back(it->second);
    }
    pending_.push_back(words);
    about_.push_back(std::move(ids));
    sources_.push_back(std::move(source));
}

void ConceptModel::finish() {
    const double n = static_cast<double>(pending_.size());
    std::unordered_map<uint32_t, uint32_t> df;
    for (const TermCounts& words : pending_)
        for (const auto& [term, tf] : words) ++df[term];
    for (const auto& [term, d] : df)
        // A stem of one example makes no two examples alike (and measured worse
        // kept); one in most examples says nothing of which (a small collection keeps it).
        if (d >= 2 && (d <= options_.max_df_share * n || d <= kAlwaysKept))
            idf_[term] = static_cast<float>(std::log(n / d)) + 0.01f;
    for (uint32_t e = 0; e < pending_.size(); ++e) {
        std::vector<std::pair<uint32_t, float>> weights;
        double norm = 0;
        for (const auto& [term, tf] : pending_[e]) {
            auto it = idf_.find(term);
            if (it == idf_.end()) continue;
            float w = static_cast<float>((1 + std::log(tf)) * it->second);
            weights.emplace_back(term, w);
            norm += double(w) * w;
        }
        if (norm <= 0) continue;
        const float inv = static_cast<float>(1 / std::sqrt(norm));
        for (const auto& [term, w] : weights) postings_[term].emplace_back(e, w * inv);
    }
    pending_.clear();
    pending_.shrink_to_fit();
}

std::vector<ConceptModel::Suggestion> ConceptModel::suggest(const TermCounts& words, std::string_view exclude_source) const {
    std::vector<Suggestion> out;
    if (sources_.empty()) return out;
    // The query's tf-idf vector, normalised.
    std::vector<std::pair<uint32_t, float>> query;
    double norm = 0;
    for (const auto& [term, tf] : words) {
        auto it = idf_.find(term);
        if (it == idf_.end()) continue;
        float w = static_cast<float>((1 + std::log(tf)) * it->second);
        query.emplace_back(term, w);
        norm += double(w) * w;
    }
    if (norm <= 0) return out;
    const float inv = static_cast<float>(1 / std::sqrt(norm));

    std::unordered_map<uint32_t, float> similarity;
    for (const auto& [term, w] : query) {
        auto p = postings_.find(term);
        if (p == postings_.end()) continue;
        for (const auto& [example, ew] : p->second) similarity[example] += w * inv * ew;
    }
    std::vector<std::pair<float, uint32_t>> near;
    near.reserve(similarity.size());
    for (const auto& [example, s] : similarity)
        if (s >= options_.min_similarity && (exclude_source.empty() || sources_[example] != exclude_source))
            near.emplace_back(s, example);
    const size_t k = std::min(options_.neighbours, near.size());
    // Ties broken by example number, so the result does not depend on hash order.
    auto better = [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; };
    std::partial_sort(near.begin(), near.begin() + static_cast<long>(k), near.end(), better);
    double total = 0;
    std::map<uint16_t, double> votes;
    for (size_t i = 0; i < k; ++i) {
        total += near[i].first;
        for (uint16_t c : about_[near[i].second]) votes[c] += near[i].first;
    }
    if (total <= 0) return out;
    for (const auto& [c, v] : votes)
        if (v / total >= options_.threshold) out.push_back({concepts_[c], v / total});
    std::sort(out.begin(), out.end(), [](const Suggestion& a, const Suggestion& b) {
        return a.score != b.score ? a.score > b.score : a.concept_id < b.concept_id;
    });
    return out;
}

}  // namespace himoya
