// Work crowding: a work keeps kPerWorkRound hits in place, the rest wait their turn.
#include <doctest/doctest.h>

#include "analysis/term_scheme.h"
#include "search/work_crowding.h"

using himoya::crowd_works;
using himoya::terms::work_of_group;

TEST_CASE("a work's fourth hit waits until every other work has had three") {
    // A report fills the first five places; a law and a convention follow.
    std::vector<std::string> works{"report", "report", "report", "report", "report", "law", "convention"};
    CHECK(crowd_works(works, 3) == std::vector<size_t>{0, 1, 2, 5, 6, 3, 4});
}

TEST_CASE("rounds keep the matcher's order inside them") {
    std::vector<std::string> works{"a", "b", "a", "a", "b", "c", "a", "b", "b"};
    // round 0 (two per work): a a b b c; round 1: a b b... in original order
    CHECK(crowd_works(works, 2) == std::vector<size_t>{0, 1, 2, 4, 5, 3, 6, 7, 8});
}

TEST_CASE("hits without a work id are never held back; nothing is dropped") {
    std::vector<std::string> works{"a", "a", "", "a", ""};
    auto order = crowd_works(works, 1);
    CHECK(order == std::vector<size_t>{0, 2, 4, 1, 3});
    CHECK(crowd_works({}).empty());
    CHECK(crowd_works({"x"}, 0) == std::vector<size_t>{0});  // a zero round counts as one
}

TEST_CASE("the work of a version group") {
    CHECK(work_of_group("tj-dv-law-2013/art_8") == "tj-dv-law-2013");
    CHECK(work_of_group("tj-dv-law-2013") == "tj-dv-law-2013");
    CHECK(work_of_group("") == "");
}
