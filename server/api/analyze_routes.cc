// /api/analyze: what the analysis pipeline makes of a text.
#include "server/api/routes.h"

#include "search/analysis_report.h"
#include "search/engine.h"
#include "server/api/responses.h"
#include "server/api_json.h"
#include "server/request_params.h"

namespace himoya {

namespace {
constexpr size_t kMaxAnalyzeBytes = 20000;
}  // namespace

void register_analyze_routes(Router& router, SearchEngine& engine) {
    SearchEngine* e = &engine;
    router.get("/api/analyze", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            std::string text = string_param(req.params, "text");
            std::string lang = string_param(req.params, "lang");
            if (lang.empty()) lang = "auto";
            if (lang != "tg" && lang != "ru" && lang != "en" && lang != "auto")
                throw BadRequest({"lang must be tg, ru, en or auto", "lang должен быть tg, ru, en или auto", "lang бояд tg, ru, en ё auto бошад"});
            if (text.size() > kMaxAnalyzeBytes)
                throw BadRequest({"text too long (limit " + std::to_string(kMaxAnalyzeBytes) + " bytes)",
                                  "текст слишком длинный (предел " + std::to_string(kMaxAnalyzeBytes) + " байт)",
                                  "матн аз ҳад дароз аст (ҳад " + std::to_string(kMaxAnalyzeBytes) + " байт)"});
            send_json(res, 200, to_json(e->with_view([&](IndexView& v) { return analyze_text(v, text, lang); })));
        });
    });
}

}  // namespace himoya
