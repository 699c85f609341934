// Translation-aware ranking: the language versions of one provision are one
// text, so a version ranks as high as its best-matching version does.
//
// A Tajik drafter who types "ордери ҳимоявӣ" gets the Tajik article first and
// its Russian and English versions right after it, instead of the Russian text
// of the same article on page three because it shares no word with the query.
// Pure: no Xapian, so tests call it directly.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace himoya {

struct RankedVersion {
    double weight = 0;  // the matcher's relevance weight
    std::string group;  // work id + unit id: equal for the language versions of one provision; "" = alone
};

// A new order (indices into `hits`, which arrive best first): groups ranked by
// their best member's weight, earliest first on ties; inside a group, members
// by their own weight. A hit with an empty group is a group of its own.
std::vector<size_t> rank_version_groups(const std::vector<RankedVersion>& hits);

}  // namespace himoya
