// /api/compare, /api/glossary and /api/matrix: jurisdictions side by side, as JSON or an export.
#include "server/api/routes.h"

#include "search/compare.h"
#include "search/engine.h"
#include "server/api/responses.h"
#include "server/api_json.h"
#include "server/csv.h"
#include "server/request_params.h"

namespace himoya {

using nlohmann::json;

void register_compare_routes(Router& router, SearchEngine& engine) {
    SearchEngine* e = &engine;
    router.get("/api/compare", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            std::string format = export_format(req, {"csv", "md"});
            CompareRequest request = compare_request_from_params(req.params);
            json out = to_json(e->with_view([&](IndexView& v) { return compare_jurisdictions(v, request); }));
            if (format == "csv")
                return attach(res, compare_csv(out, std::string(name(request.ui_lang)), export_labels(*e)), "text/csv; charset=utf-8",
                              "himoya-compare.csv");
            if (format == "md")
                return attach(res, compare_markdown(out, std::string(name(request.ui_lang)), export_labels(*e)),
                              "text/markdown; charset=utf-8", "himoya-compare.md");
            send_json(res, 200, out);
        });
    });

    // Defined terms side by side: how each jurisdiction's law defines one concept.
    router.get("/api/glossary", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            export_format(req, {});  // JSON only: format=csv is refused, not answered in JSON
            GlossaryRequest request = glossary_request_from_params(req.params);
            send_json(res, 200, to_json(e->with_view([&](IndexView& v) { return glossary(v, request); })));
        });
    });

    router.get("/api/matrix", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            MatrixRequest request = matrix_request_from_params(req.params);
            json matrix = to_json(e->matrix(request));  // cached per index generation (engine.h)
            if (string_param(req.params, "format") == "csv")
                return attach(res, matrix_csv(matrix, std::string(name(request.ui_lang)), export_labels(*e)), "text/csv; charset=utf-8",
                              "himoya-matrix.csv");
            send_json(res, 200, matrix);
        });
    });
}

}  // namespace himoya
