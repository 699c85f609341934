// /api/search: a query, its results, facets and snippets.
#include "server/api/routes.h"

#include "search/engine.h"
#include "search/search_service.h"
#include "server/api/responses.h"
#include "server/api_json.h"
#include "server/request_params.h"

namespace himoya {

void register_search_routes(Router& router, SearchEngine& engine) {
    SearchEngine* e = &engine;
    router.get("/api/search", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            SearchRequest request = search_request_from_params(req.params);
            send_json(res, 200, to_json(e->with_view([&](IndexView& v) { return run_search(v, request); })));
        });
    });
}

}  // namespace himoya
