// /api/export.jsonl: the whole knowledge base as JSON Lines (search/export_service.h,
// encoded by export_json in server/api_json.h) — documents, provisions, concepts.
#include "server/api/routes.h"

#include "search/engine.h"
#include "search/export_service.h"
#include "server/api/responses.h"
#include "server/api_json.h"

namespace himoya {

void register_export_routes(Router& router, SearchEngine& engine) {
    SearchEngine* e = &engine;
    // The front end sends a response whole (HttpResponse holds its body), so
    // the dump is built in memory, up to kMaxExportBytes; beyond that the
    // answer is a 503 that points to `himoya export`, which streams.
    router.get("/api/export.jsonl", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            std::string body;
            auto line = [&body](const nlohmann::json& j) {
                body += j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
                body += '\n';
                return body.size() <= kMaxExportBytes;
            };
            ExportVisitor visitor;
            visitor.document = [&](const ExportedDocument& d) { return line(export_json(d)); };
            visitor.provision = [&](const StoredRecord& p) { return line(export_json(p)); };
            visitor.concept_entry = [&](const Concept& c) { return line(export_json(c)); };
            ExportCounts counts = e->with_view([&](IndexView& v) { return export_knowledge_base(v, visitor); });
            if (counts.stopped)
                return send_error(res, 503,
                                  "the knowledge base is larger than the API's export cap (" +
                                      std::to_string(kMaxExportBytes / 1000000) +
                                      " MB): use `himoya export --format jsonl`, which streams");
            res.status = 200;
            res.set_content(std::move(body), "application/x-ndjson; charset=utf-8");
        });
    });
}

}  // namespace himoya
