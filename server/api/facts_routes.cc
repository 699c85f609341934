// /api/facts: a topic's fact table, as JSON or CSV.
#include "server/api/routes.h"

#include "search/engine.h"
#include "search/facts.h"
#include "server/api/responses.h"
#include "server/api_json.h"
#include "server/csv.h"
#include "server/request_params.h"

namespace himoya {

void register_facts_routes(Router& router, SearchEngine& engine) {
    SearchEngine* e = &engine;
    router.get("/api/facts", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            std::string topic = string_param(req.params, "topic");
            if (topic.empty()) throw BadRequest({"give topic=, e.g. topic=protection-orders", "укажите topic=, например topic=protection-orders",
                                                  "topic=-ро нишон диҳед, масалан topic=protection-orders"});
            std::string format = export_format(req, {"csv"});
            const std::string ui(name(ui_param(req.params)));
            const UiLanguage ui_lang = ui_param(req.params);
            FactsNotHeld not_held;
            auto facts = e->with_view([&](IndexView& v) {
                auto table = fact_table(v, topic, ui);
                if (table) not_held = facts_not_held(v, *table, ui_lang);
                return table;
            });
            if (!facts) return send_error(res, 404,
                                              {"no fact table for topic '" + topic + "'", "нет таблицы фактов по теме «" + topic + "»",
                                               "ҷадвали далелҳо оид ба мавзӯи «" + topic + "» нест"},
                                              error_language(req));
            if (format == "csv")
                return attach(res, facts_csv(to_json(*facts, not_held), ui, export_labels(*e)), "text/csv; charset=utf-8",
                              "himoya-facts-" + topic + ".csv");
            send_json(res, 200, to_json(*facts, not_held));
        });
    });
}

}  // namespace himoya
