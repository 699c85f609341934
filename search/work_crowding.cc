#include "search/work_crowding.h"

#include <algorithm>
#include <unordered_map>

namespace himoya {

std::vector<size_t> crowd_works(const std::vector<std::string>& works, size_t per_round) {
    if (per_round == 0) per_round = 1;
    std::unordered_map<std::string, size_t> seen;  // work -> hits of it so far
    std::vector<size_t> round(works.size());
    for (size_t i = 0; i < works.size(); ++i) round[i] = works[i].empty() ? 0 : seen[works[i]]++ / per_round;
    std::vector<size_t> order(works.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](size_t a, size_t b) { return round[a] < round[b]; });
    return order;
}

}  // namespace himoya
