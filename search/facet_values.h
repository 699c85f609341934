// Which values a facet filter may take (docs/api.md, GET /api/search, "Filter
// semantics"): a value some text of the index has (the facet's boolean
// terms, compared as the filter compares them: "tj" is TJ); for `topic` any
// concept of the thesaurus as well (a concept no text is about is a finding:
// none), and for `status` any legal state (search_types.cc checks those).
// Another value is a typo to name, not an empty answer: `type=laws` or
// `jurisdiction=XX` answered 0 hits while /api/compare refused the same
// value. Shared by search and compare, so both accept and list the same values.
// Reads the view's database only; as thread-safe as the view.
#pragma once

#include <map>
#include <string>
#include <vector>

namespace himoya {

class IndexView;

// The values of the facet `name` (facet_names()) that texts of the index
// have, sorted, as a filter writes them (jurisdiction codes upper case).
std::vector<std::string> indexed_facet_values(IndexView& view, const std::string& name);

// Throws BadRequest for the first value of `filters` (facet → values) that is
// not a value the facet can take, listing those the index has. Facet names
// are not checked here (validate(SearchRequest) does).
void check_facet_values(IndexView& view, const std::map<std::string, std::vector<std::string>>& filters);

// Replaces each value of `filters` that is not one the facet can take but is
// the label, in any interface language, of exactly one value the facet can
// take, by that value: a filter written in the query as the facet list shows
// it ("type:қонун", "topic:паноҳгоҳ", "status:утратил") means its value
// (law, shelters). Labels compare without case and Tajik letters folded;
// a label several values share is left for check_facet_values to refuse.
void resolve_facet_labels(IndexView& view, std::map<std::string, std::vector<std::string>>& filters);

}  // namespace himoya
