#include "server/api/responses.h"

#include "search/engine.h"

namespace himoya {

using nlohmann::json;

void send_json(HttpResponse& res, int status, const json& body) {
    res.status = status;
    // replace invalid UTF-8 rather than throw: an error message must always go out
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(HttpResponse& res, int status, const std::string& message) {
    send_json(res, status, {{"error", {{"code", status}, {"message", message}}}});
}

void send_error(HttpResponse& res, int status, const Localized& message, UiLanguage ui) {
    json error = {{"code", status}, {"message", message.in(ui)}};
    if (ui != UiLanguage::en) error["message_en"] = message.en;
    send_json(res, status, {{"error", error}});
}

UiLanguage error_language(const HttpRequest& req) {
    auto it = req.params.find("ui");
    if (it == req.params.end()) return UiLanguage::en;
    if (it->second == "ru") return UiLanguage::ru;
    if (it->second == "tg") return UiLanguage::tg;
    return UiLanguage::en;
}

std::string export_format(const HttpRequest& req, std::initializer_list<const char*> allowed) {
    std::string format = string_param(req.params, "format");
    if (format.empty() || format == "json") return "json";
    for (const char* a : allowed)
        if (format == a) return format;
    if (allowed.size() == 0)
        throw BadRequest({"format must be json: this endpoint has no export", "format должен быть json: у этого ресурса нет выгрузки",
                          "format бояд json бошад: ин манбаъ содирот надорад"});
    std::string list = "json";
    for (const char* a : allowed) {
        list += ", ";
        list += a;
    }
    throw BadRequest({"format must be one of " + list, "format должен быть одним из: " + list, "format бояд яке аз инҳо бошад: " + list});
}

void attach(HttpResponse& res, std::string body, const char* type, const std::string& name) {
    std::string disposition = "attachment; filename=\"";
    disposition += name;
    disposition += '"';
    res.set_header("Content-Disposition", std::move(disposition));
    res.set_content(std::move(body), type);
}

ExportLabels export_labels(SearchEngine& engine) {
    ExportLabels labels;
    for (const auto& [kind, table] : engine.labels()) labels[kind] = table;
    return labels;
}

}  // namespace himoya
