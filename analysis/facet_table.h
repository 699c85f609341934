// The facets: every facet Himoya counts and filters by, declared once.
//
// One entry per facet, in the order facets are reported (facet_names(), the
// API's "facets" object). The indexer (indexer/record_builder.cc) writes each
// facet's boolean terms, value slot and kSlotFacetKey field from this table;
// the search side (search/facets.cc) counts and filters from it; request
// parsing accepts exactly its names. The index format follows the table:
// facet_table_digest() is part of the index hash salt (indexer/indexer.cc),
// so changing an entry reindexes every source without a hand-bumped version.
//
// Adding a facet: one entry below, one FacetSource value, and one case in the
// switch of indexer/record_builder.cc (facet_values) that reads the value from
// the Document. The switch has no default, so with -Wall -Werror a missing
// case does not compile. A single-valued facet also needs its field in
// terms::FacetKeyField (analysis/term_scheme.h), a multi-valued one a slot of
// its own; a new prefix goes into term_scheme.h; labels of its values, if
// any, into search/labels.cc under `label_kind`.
#pragma once

#include <array>
#include <span>
#include <string>
#include <string_view>

#include "analysis/term_scheme.h"

namespace himoya::terms {

// The legal states a law, code, treaty or programme can be in: the values of
// <legal-status state> (docs/corpus-format.md) and so of the status facet.
inline constexpr std::array<std::string_view, 5> kLegalStates = {"in-force", "amended", "repealed", "expired",
                                                                 "not-yet-in-force"};
inline bool is_legal_state(std::string_view s) {
    for (std::string_view known : kLegalStates)
        if (s == known) return true;
    return false;
}
// A legal state of law that is not in force: repealed, expired, not yet in force.
inline bool is_out_of_force(std::string_view s) { return is_legal_state(s) && s != "in-force" && s != "amended"; }

// Which field of the document (or record) yields a facet's values.
enum class FacetSource : int {
    kJurisdiction,  // Document::jurisdiction
    kLanguage,      // Document::language
    kType,          // Document::type
    kYear,          // Document::year(), none if unknown
    kTopics,        // the record's concepts (provision: ConceptPlan; document: metadata topics)
    kBody,          // Document::body_key()
    kAudience,      // Document::audience
    kStatus,        // Document::legal_status.state, none if empty
};

struct FacetEntry {
    std::string_view name;        // API name: request filters, the "facets" object, facet_names()
    std::string_view prefix;      // boolean-term prefix of its values (term_scheme.h)
    int key_field;                // FacetKeyField of kSlotFacetKey holding it, or -1: counted from `slot`
    unsigned slot;                // value slot of its own display value(s), or kSlotFacetKey if it has none
    bool multi_valued;            // values joined by kMultiValueSeparator
    std::string_view label_kind;  // kind of its value labels in GET /api/labels ("" if none)
    FacetSource source;
};

inline constexpr std::array<FacetEntry, 8> kFacetTable{{
    {"jurisdiction", kJurisdiction, kKeyJurisdiction, kSlotFacetKey, false, "jurisdiction", FacetSource::kJurisdiction},
    {"lang", kLanguage, kKeyLanguage, kSlotFacetKey, false, "lang", FacetSource::kLanguage},
    {"type", kType, kKeyType, kSlotFacetKey, false, "type", FacetSource::kType},
    {"year", kYear, kKeyYear, kSlotYear, false, "", FacetSource::kYear},
    {"topic", kTopic, -1, kSlotTopics, true, "topic", FacetSource::kTopics},
    {"body", kBody, kKeyBody, kSlotFacetKey, false, "body", FacetSource::kBody},
    {"audience", kAudience, kKeyAudience, kSlotFacetKey, true, "audience", FacetSource::kAudience},
    {"status", kStatus, kKeyStatus, kSlotFacetKey, false, "status", FacetSource::kStatus},
}};

// A string derived from every field of every entry of `table`: equal tables,
// equal digests; any change to an entry changes it. Part of the index hash salt.
std::string facet_table_digest(std::span<const FacetEntry> table);
inline std::string facet_table_digest() { return facet_table_digest(kFacetTable); }

}  // namespace himoya::terms
