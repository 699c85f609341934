#include "search/version_ranking.h"

#include <algorithm>
#include <unordered_map>

namespace himoya {

std::vector<size_t> rank_version_groups(const std::vector<RankedVersion>& hits) {
    // Group number of each hit, in order of first appearance (hits arrive best
    // first, so a group's first member is its best unless weights tie).
    std::unordered_map<std::string, size_t> group_of_key;
    std::vector<size_t> group(hits.size());
    std::vector<double> best;
    for (size_t i = 0; i < hits.size(); ++i) {
        const std::string& key = hits[i].group;
        size_t g = best.size();
        if (!key.empty()) {
            auto [it, fresh] = group_of_key.emplace(key, g);
            g = it->second;
            if (!fresh) {
                best[g] = std::max(best[g], hits[i].weight);
                group[i] = g;
                continue;
            }
        }
        best.push_back(hits[i].weight);
        group[i] = g;
    }
    std::vector<size_t> order(hits.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        size_t ga = group[a], gb = group[b];
        if (ga != gb) {
            if (best[ga] != best[gb]) return best[ga] > best[gb];
            return ga < gb;
        }
        return hits[a].weight > hits[b].weight;
    });
    return order;
}

}  // namespace himoya
