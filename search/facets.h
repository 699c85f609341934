// Exact facet counts and facet filters.
//
// Counting: a MatchSpy that reads each match's facet value slots (no document
// data is loaded) while the match runs with check_at_least = all documents, so
// every count is exact. Multi-select: a facet that has a filter of its own is
// counted in a second pass that leaves that filter out, so ticking "TJ" still
// shows how many hits BA-BIH would add.
#pragma once

#include <map>
#include <string>
#include <vector>

#include <xapian.h>

#include "search/search_types.h"

namespace himoya {

struct FacetSpec {
    std::string name;        // as in SearchRequest::filters
    unsigned slot;           // value slot holding the display value(s)
    bool multi_valued;       // values joined by terms::kMultiValueSeparator
    std::string term_prefix; // boolean prefix for filtering
};

const std::vector<FacetSpec>& facet_specs();
const FacetSpec* find_facet(const std::string& name);

class FacetSpy : public Xapian::MatchSpy {
public:
    explicit FacetSpy(std::vector<const FacetSpec*> facets) : facets_(std::move(facets)) {}
    void operator()(const Xapian::Document& doc, double weight) override;
    // Counts of one facet, highest first (years: newest first).
    std::vector<FacetCount> counts(const std::string& facet) const;

private:
    std::vector<const FacetSpec*> facets_;
    std::map<std::string, std::map<std::string, long>> counts_;
};

// The filter for one facet's accepted values (OR), or an empty Query if none.
Xapian::Query facet_filter(const FacetSpec& facet, const std::vector<std::string>& values);

}  // namespace himoya
