// shared_per_state (search/database_state.h): what is read from one database
// state is built once, however many threads ask for it together.
#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <filesystem>
#include <stdexcept>
#include <thread>
#include <vector>

#include <unistd.h>

#include <xapian.h>

#include "search/database_state.h"

namespace fs = std::filesystem;
using himoya::shared_per_state;

namespace {

// A small on-disk database with `records` records: each test its own, so the
// states (uuids) differ between tests.
Xapian::Database make_db(const std::string& name, int records) {
    const fs::path dir = fs::temp_directory_path() / ("himoya-database-state-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    {
        Xapian::WritableDatabase w(dir.string(), Xapian::DB_CREATE_OR_OVERWRITE | Xapian::DB_BACKEND_GLASS);
        for (int i = 0; i < records; ++i) {
            Xapian::Document d;
            d.add_term("Q" + std::to_string(i));
            w.add_document(d);
        }
        w.commit();
    }
    return Xapian::Database(dir.string());
}

}  // namespace

TEST_CASE("threads asking together for one state's value build it once and share it") {
    struct Tag {};
    Xapian::Database db = make_db("together", 3);
    std::atomic<int> built{0};
    auto make = [&] {
        ++built;
        // Long enough that the other threads ask while it is being built.
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
        return std::make_shared<const int>(42);
    };
    std::vector<std::shared_ptr<const int>> got(8);
    std::vector<std::thread> threads;
    for (size_t i = 0; i < got.size(); ++i)
        threads.emplace_back([&, i] { got[i] = shared_per_state<Tag, int>(db, make); });
    for (auto& t : threads) t.join();
    CHECK(built == 1);
    for (const auto& value : got) {
        REQUIRE(value);
        CHECK(value.get() == got[0].get());  // one object, shared
    }
}

TEST_CASE("a new state of the database is built again") {
    struct Tag {};
    Xapian::Database before = make_db("states-a", 1);
    Xapian::Database after = make_db("states-b", 2);
    int built = 0;
    auto make = [&] { return std::make_shared<const int>(++built); };
    CHECK(*shared_per_state<Tag, int>(before, make) == 1);
    CHECK(*shared_per_state<Tag, int>(before, make) == 1);
    CHECK(*shared_per_state<Tag, int>(after, make) == 2);
    CHECK(built == 2);
}

TEST_CASE("nothing is kept when make returns nullptr or throws") {
    struct Tag {};
    Xapian::Database db = make_db("nothing", 1);
    int calls = 0;
    auto none = [&] {
        ++calls;
        return std::shared_ptr<const int>();
    };
    CHECK_FALSE(shared_per_state<Tag, int>(db, none));
    auto failing = [&]() -> std::shared_ptr<const int> {
        ++calls;
        throw std::runtime_error("cannot read");
    };
    auto ask_failing = [&] { return shared_per_state<Tag, int>(db, failing); };
    CHECK_THROWS_AS(ask_failing(), std::runtime_error);
    // Neither result was kept: the next call builds.
    auto seven = [&] {
        ++calls;
        return std::make_shared<const int>(7);
    };
    CHECK(*shared_per_state<Tag, int>(db, seven) == 7);
    CHECK(calls == 3);
}
