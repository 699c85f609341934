// /api/topics and /api/topics/{id}: the thesaurus's topics and one topic's page.
#include "server/api/routes.h"

#include "search/engine.h"
#include "search/topic_service.h"
#include "server/api/responses.h"
#include "server/api_json.h"
#include "server/request_params.h"

namespace himoya {

void register_topics_routes(Router& router, SearchEngine& engine) {
    SearchEngine* e = &engine;
    router.get("/api/topics", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            auto topics = e->with_view(list_topics);
            if (!topics) return send_error(res, 404, {"this index has no thesaurus", "в этом индексе нет тезауруса", "дар ин индекс тезаурус нест"},
                                                 error_language(req));
            send_json(res, 200, to_json(*topics));
        });
    });

    router.get("/api/topics/{id}", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            const std::string& id = req.path_params.at("id");
            int per = int_param(req.params, "per_jurisdiction", 50, 1, 500);
            const UiLanguage ui = ui_param(req.params);
            auto topic = e->with_view([&](IndexView& v) { return topic_page(v, id, per, ui); });
            if (!topic) return send_error(res, 404,
                                              {"no topic with id '" + id + "'", "нет темы с идентификатором «" + id + "»",
                                               "мавзӯъ бо рамзи «" + id + "» нест"},
                                              error_language(req));
            send_json(res, 200, to_json(*topic));
        });
    });
}

}  // namespace himoya
