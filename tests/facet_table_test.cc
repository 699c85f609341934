// The facet table (analysis/facet_table.h): one declaration of every facet.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/facet_table.h"
#include "analysis/term_scheme.h"
#include "search/facets.h"
#include "search/labels.h"
#include "search/search_types.h"

using namespace himoya;

TEST_CASE("facet names are unique and in the reported order") {
    const std::vector<std::string_view> reported{"jurisdiction", "lang", "type", "year",
                                                 "topic", "body", "audience", "status"};
    REQUIRE(terms::kFacetTable.size() == reported.size());
    std::set<std::string_view> names;
    for (size_t i = 0; i < terms::kFacetTable.size(); ++i) {
        CHECK(terms::kFacetTable[i].name == reported[i]);
        CHECK(names.insert(terms::kFacetTable[i].name).second);
    }
}

TEST_CASE("facet_names() and facet_specs() follow the table") {
    REQUIRE(facet_names().size() == terms::kFacetTable.size());
    REQUIRE(facet_specs().size() == terms::kFacetTable.size());
    for (size_t i = 0; i < terms::kFacetTable.size(); ++i) {
        const terms::FacetEntry& f = terms::kFacetTable[i];
        CHECK(facet_names()[i] == f.name);
        const FacetSpec& spec = facet_specs()[i];
        CHECK(spec.name == f.name);
        CHECK(spec.term_prefix == f.prefix);
        CHECK(spec.slot == f.slot);
        CHECK(spec.key_field == f.key_field);
        CHECK(spec.multi_valued == f.multi_valued);
        CHECK(find_facet(std::string(f.name)) == &spec);
    }
}

TEST_CASE("every facet prefix is a boolean prefix of the term scheme, and they are distinct") {
    using namespace terms;
    const std::set<std::string_view> scheme{kUniqueId, kJurisdiction, kLanguage, kYear, kType, kTopic, kMention,
                                            kStatus, kBody, kAudience, kWork, kDocument, kRecord, kVersionGroup};
    std::set<std::string_view> prefixes;
    for (const FacetEntry& f : kFacetTable) {
        INFO(f.name);
        CHECK(scheme.count(f.prefix) == 1);
        CHECK(prefixes.insert(f.prefix).second);
    }
}

TEST_CASE("facet key fields and slots are consistent") {
    using namespace terms;
    std::set<int> key_fields;
    std::set<unsigned> slots;
    std::set<int> sources;
    for (const FacetEntry& f : kFacetTable) {
        INFO(f.name);
        CHECK(sources.insert(static_cast<int>(f.source)).second);
        if (f.key_field >= 0) {
            CHECK(f.key_field < kFacetKeyFields);
            CHECK(key_fields.insert(f.key_field).second);
        } else {
            // Counted from a slot of its own: it must have one.
            CHECK(f.slot != kSlotFacetKey);
            CHECK(f.multi_valued);
        }
        if (f.slot != kSlotFacetKey) CHECK(slots.insert(f.slot).second);
        if (!f.label_kind.empty()) {
            const auto& kinds = Labels::kinds();
            CHECK(std::find(kinds.begin(), kinds.end(), std::string(f.label_kind)) != kinds.end());
        }
    }
    // Every field of kSlotFacetKey belongs to a facet.
    CHECK(static_cast<int>(key_fields.size()) == kFacetKeyFields);
}

TEST_CASE("the digest follows every entry") {
    using namespace terms;
    const std::string digest = facet_table_digest();
    CHECK(!digest.empty());
    CHECK(digest == facet_table_digest(kFacetTable));
    auto table = kFacetTable;
    CHECK(facet_table_digest(table) == digest);

    auto changed = table;
    changed[3].name = "years";
    CHECK(facet_table_digest(changed) != digest);
    changed = table;
    changed[0].prefix = kBody;
    CHECK(facet_table_digest(changed) != digest);
    changed = table;
    changed[6].multi_valued = false;
    CHECK(facet_table_digest(changed) != digest);
    changed = table;
    changed[1].key_field = kKeyType;
    CHECK(facet_table_digest(changed) != digest);
    changed = table;
    changed[4].slot = kSlotYear;
    CHECK(facet_table_digest(changed) != digest);
    changed = table;
    changed[5].label_kind = "";
    CHECK(facet_table_digest(changed) != digest);
    changed = table;
    changed[7].source = FacetSource::kType;
    CHECK(facet_table_digest(changed) != digest);
    // Order matters too: it is the reported order.
    changed = table;
    std::swap(changed[0], changed[1]);
    CHECK(facet_table_digest(changed) != digest);
    // A table with one facet fewer.
    CHECK(facet_table_digest(std::span<const FacetEntry>(table).first(table.size() - 1)) != digest);
}
