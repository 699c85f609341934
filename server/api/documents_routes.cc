// /api/documents/{id}: one document with a page of its provisions;
// /api/documents/{id}.akn.xml: the whole document as Akoma Ntoso 3.0 (server/akn_export.h).
#include "server/api/routes.h"

#include "search/document_service.h"
#include "search/engine.h"
#include "server/akn_export.h"
#include "server/api/responses.h"
#include "server/api_json.h"
#include "server/request_params.h"

namespace himoya {

void register_documents_routes(Router& router, SearchEngine& engine) {
    SearchEngine* e = &engine;
    // Before /api/documents/{id}, which would take "ID.akn.xml" for an id.
    router.get("/api/documents/{id}.akn.xml", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            const std::string& id = req.path_params.at("id");
            auto doc = e->with_view([&](IndexView& v) { return find_document(v, id); });
            if (!doc) return send_error(res, 404,
                                            {"no document with id '" + id + "'", "нет документа с идентификатором «" + id + "»",
                                             "ҳуҷҷат бо рамзи «" + id + "» нест"},
                                            error_language(req));
            res.status = 200;
            res.set_content(akn_document(*doc), "application/akn+xml; charset=utf-8");
        });
    });
    // Provisions come a page at a time (offset, limit): a document of 100,000
    // provisions was one 23 MB answer.
    router.get("/api/documents/{id}", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            const std::string& id = req.path_params.at("id");
            int offset = int_param(req.params, "offset", 0, 0, 100000000);
            int limit = int_param(req.params, "limit", kDefaultProvisionPage, 1, kMaxProvisionPage);
            auto doc = e->with_view([&](IndexView& v) {
                return find_document(v, id, static_cast<size_t>(offset), static_cast<size_t>(limit));
            });
            if (!doc) return send_error(res, 404,
                                            {"no document with id '" + id + "'", "нет документа с идентификатором «" + id + "»",
                                             "ҳуҷҷат бо рамзи «" + id + "» нест"},
                                            error_language(req));
            send_json(res, 200, to_json(*doc));
        });
    });
}

}  // namespace himoya
