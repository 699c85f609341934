// /api/health: is the index open, and how big is it.
#include "server/api/routes.h"

#include "search/document_service.h"
#include "search/engine.h"
#include "server/api/responses.h"
#include "server/api_json.h"
#include "server/request_params.h"

namespace himoya {

void register_health_routes(Router& router, SearchEngine& engine) {
    SearchEngine* e = &engine;
    router.get("/api/health", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            IndexHealth h = e->with_view(index_health);
            send_json(res, 200, {{"status", "ok"}, {"documents", h.documents}, {"provisions", h.provisions}});
        });
    });
}

}  // namespace himoya
