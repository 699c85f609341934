// The search service: a SearchRequest over one IndexView (index_view.h)
// answered as a SearchResult — the query read into a tree and compiled
// (query_tree.h, query_builder.h), relaxed when every word together finds too
// few texts, one hit per text with its other language versions, exact facet
// counts, snippets and "did you mean".
//
// Uses the view alone while it runs: not thread-safe, as the view is not.
#pragma once

#include "search/index_view.h"
#include "search/search_types.h"

namespace himoya {

// Throws BadRequest for an invalid request (validate in search_types.h).
SearchResult run_search(IndexView& view, const SearchRequest& request);

}  // namespace himoya
