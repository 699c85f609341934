// Work crowding: on a page of ten, one long document should not push every
// other jurisdiction off it. A drafter asking about shelters wants Art. 23 of
// the Istanbul Convention, a CoE standard and two Bosnian laws, not six
// paragraphs of one report. Like a web engine's host crowding, each work keeps
// its best kPerWorkRound texts in place; its further texts wait until every
// other work in the window has had the same turn. Nothing is dropped.
// Pure: no Xapian, so tests call it directly.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace himoya {

// Texts of one work per round. Chosen before measuring, as three: a page of
// ten then shows at least four works when that many match, while an article
// keeps its two closest neighbours; docs/thesaurus.md gives 2, 4 and 5 too.
inline constexpr size_t kPerWorkRound = 3;

// A new order of `works` (the work id of each hit, best hit first): hits are
// taken in rounds of `per_round` per work, each round in the original order.
// An empty work id is a work of its own.
std::vector<size_t> crowd_works(const std::vector<std::string>& works, size_t per_round = kPerWorkRound);

}  // namespace himoya
