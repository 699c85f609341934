// /api/related: the passages closest to one provision.
#include "server/api/routes.h"

#include "search/engine.h"
#include "search/related.h"
#include "server/api/responses.h"
#include "server/api_json.h"
#include "server/request_params.h"

namespace himoya {

void register_related_routes(Router& router, SearchEngine& engine) {
    SearchEngine* e = &engine;
    router.get("/api/related", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            std::string id = string_param(req.params, "id");
            if (id.empty()) throw BadRequest({"give id= of a provision", "укажите id= положения", "id=-и муқарраротро нишон диҳед"});
            int limit = int_param(req.params, "limit", 5, 1, 50);
            const UiLanguage ui = ui_param(req.params);
            auto related = e->with_view([&](IndexView& v) { return related_passages(v, id, limit, ui); });
            if (!related) return send_error(res, 404,
                                                {"no provision with id '" + id + "'", "нет положения с идентификатором «" + id + "»",
                                                 "муқаррарот бо рамзи «" + id + "» нест"},
                                                error_language(req));
            send_json(res, 200, to_json(*related));
        });
    });
}

}  // namespace himoya
