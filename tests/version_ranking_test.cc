// Translation-aware ranking: a language version ranks with its best version.
#include <doctest/doctest.h>

#include "search/version_ranking.h"

using himoya::rank_version_groups;
using himoya::RankedVersion;

TEST_CASE("a version rises to just after its best-matching version") {
    // tg article 2 matched literally; its Russian text only through the thesaurus, far below.
    std::vector<RankedVersion> hits{{9.0, "tj-law/art_2"}, {7.5, "ge-law/art_10"}, {6.0, "md-law/art_15"},
                                    {2.0, "tj-law/art_2"}, {1.0, "ge-law/art_10"}};
    CHECK(rank_version_groups(hits) == std::vector<size_t>{0, 3, 1, 4, 2});
}

TEST_CASE("inside a group versions keep their own order; groups rank by their best member") {
    std::vector<RankedVersion> hits{{5.0, "a/1"}, {4.0, "b/1"}, {3.0, "b/1"}, {2.0, "a/1"}, {1.0, "a/1"}};
    CHECK(rank_version_groups(hits) == std::vector<size_t>{0, 3, 4, 1, 2});
}

TEST_CASE("hits without a group stay alone, and ties keep the matcher's order") {
    std::vector<RankedVersion> hits{{3.0, ""}, {3.0, "x/1"}, {3.0, ""}, {1.0, "x/1"}, {0.5, ""}};
    CHECK(rank_version_groups(hits) == std::vector<size_t>{0, 1, 3, 2, 4});
}

TEST_CASE("a group is not keyed by unit id alone: the same article number of two works stays apart") {
    std::vector<RankedVersion> hits{{4.0, "work-a/art_5"}, {3.0, "work-b/art_5"}, {2.0, "work-a/art_5"}};
    CHECK(rank_version_groups(hits) == std::vector<size_t>{0, 2, 1});
}

TEST_CASE("empty and single inputs") {
    CHECK(rank_version_groups({}).empty());
    CHECK(rank_version_groups({{1.0, "a"}}) == std::vector<size_t>{0});
}
