// The /api routes, one file per resource. A route file (server/api/X_routes.cc)
// registers the endpoints of one resource on the site's Router: each handler
// reads its parameters (server/request_params.h), asks a service of the search
// library through SearchEngine, and answers with an encoder of
// server/api_json.h, inside guarded() so that no exception leaves it
// (server/api/responses.h). Handlers stay thin: no search logic here.
//
// To add an endpoint: add its route to the file of its resource, or a new
// X_routes.cc with a register_X_routes declared below and called from
// Site::Site (server/site.cc) — the order of the calls is the order of
// Router::patterns(). Then document it in docs/api.md and docs/openapi.yaml
// and add a request to tests/openapi/check_responses.py.
#pragma once

#include <cstddef>

#include "server/router.h"

namespace himoya {

class SearchEngine;

// Size of the page of provisions /api/documents/{id} returns when no `limit`
// is given, and the largest `limit` accepted (docs/api.md).
constexpr int kDefaultProvisionPage = 500;
constexpr int kMaxProvisionPage = 2000;
// Entries of an Atom feed when no per_page is given (docs/api.md).
constexpr int kDefaultFeedEntries = 20;
// The largest /api/export.jsonl built in memory (docs/api.md); `himoya export` has no cap.
constexpr size_t kMaxExportBytes = 256u * 1000 * 1000;

void register_health_routes(Router& router, SearchEngine& engine);     // /api/health
void register_search_routes(Router& router, SearchEngine& engine);     // /api/search
void register_documents_routes(Router& router, SearchEngine& engine);  // /api/documents/{id}[.akn.xml]
void register_analyze_routes(Router& router, SearchEngine& engine);    // /api/analyze
void register_topics_routes(Router& router, SearchEngine& engine);     // /api/topics, /api/topics/{id}
void register_compare_routes(Router& router, SearchEngine& engine);    // /api/compare, /api/matrix
void register_facts_routes(Router& router, SearchEngine& engine);      // /api/facts
void register_related_routes(Router& router, SearchEngine& engine);    // /api/related
void register_labels_routes(Router& router, SearchEngine& engine);     // /api/labels
void register_feed_routes(Router& router, SearchEngine& engine);       // /api/search.atom
void register_export_routes(Router& router, SearchEngine& engine);     // /api/export.jsonl

}  // namespace himoya
