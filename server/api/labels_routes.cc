// /api/labels: every value label the API emits.
#include "server/api/routes.h"

#include "search/engine.h"
#include "server/api/responses.h"
#include "server/api_json.h"
#include "server/request_params.h"

namespace himoya {

using nlohmann::json;

void register_labels_routes(Router& router, SearchEngine& engine) {
    SearchEngine* e = &engine;
    // Every value label the API emits: all three languages, or one (?ui=).
    router.get("/api/labels", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            const std::optional<UiLanguage> asked = optional_ui_param(req.params);
            const std::string ui = asked ? std::string(name(*asked)) : std::string();
            json labels = json::object();
            for (const auto& [kind, table] : e->labels()) {
                json values = json::object();
                for (const auto& [value, by_lang] : table) {
                    if (ui.empty()) {
                        values[value] = by_lang;
                    } else {
                        auto it = by_lang.find(ui);
                        if (it == by_lang.end()) it = by_lang.find("en");
                        values[value] = it == by_lang.end() ? value : it->second;
                    }
                }
                labels[kind] = values;
            }
            json out{{"labels", labels}};
            if (!ui.empty()) out["ui"] = ui;
            send_json(res, 200, out);
        });
    });
}

}  // namespace himoya
