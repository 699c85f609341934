// The search service: a SearchRequest over one IndexView (index_view.h)
// answered as a SearchResult — the query read into a tree and compiled
// (query_tree.h, query_builder.h), relaxed when every word together finds too
// few texts, one hit per text with its other language versions, exact facet
// counts, snippets and "did you mean".
//
// Uses the view alone while it runs: not thread-safe, as the view is not.
#pragma once

#include <optional>
#include <string>

#include "search/index_view.h"
#include "search/query_builder.h"
#include "search/search_types.h"

namespace himoya {

// Throws BadRequest for an invalid request (validate in search_types.h).
SearchResult run_search(IndexView& view, const SearchRequest& request);

// "Did you mean": `query` with each word the index does not know replaced by
// its closest known spelling (the commonest, of several); nullopt when no word
// changes. `built` is `query` compiled. Also used by compare (compare.h).
std::optional<std::string> spelling_suggestion(const Xapian::Database& db, const BuiltQuery& built, const std::string& query);

}  // namespace himoya
