// What every /api handler answers with: a JSON body, a JSON error, an export
// as an attachment, and guarded(), which turns any exception into one of those.
#pragma once

#include <initializer_list>
#include <iostream>
#include <string>

#include <nlohmann/json.hpp>

#include "server/csv.h"
#include "server/http_message.h"
#include "server/request_params.h"

namespace himoya {

class SearchEngine;

void send_json(HttpResponse& res, int status, const nlohmann::json& body);
// {"error": {"code": status, "message": message}}
void send_error(HttpResponse& res, int status, const std::string& message);
// The same in `ui`, with "message_en" (the English) beside a Russian or Tajik message.
void send_error(HttpResponse& res, int status, const Localized& message, UiLanguage ui);

// The request's UI language for its error messages: ui= when it is en, ru or
// tg, else English (never throws: it is read while answering an error).
UiLanguage error_language(const HttpRequest& req);

// Runs a handler body; library BadRequests become 400s in the request's UI
// language, anything else a 500 with a message (logged), so no exception ever
// leaves a handler.
template <typename Fn>
void guarded(const HttpRequest& req, HttpResponse& res, Fn&& fn) {
    try {
        fn();
    } catch (const BadRequest& e) {
        send_error(res, 400, e.text(), error_language(req));
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << "\n";
        std::string message = "internal error: ";
        message += e.what();
        send_error(res, 500, message);
    }
}

// The `format` parameter: "json" when absent, else one of `allowed`
// (BadRequest otherwise, naming them; `allowed` empty: an endpoint that
// answers JSON only, where format=csv was answered JSON without a word).
std::string export_format(const HttpRequest& req, std::initializer_list<const char*> allowed);

// `body` as a download named `name`.
void attach(HttpResponse& res, std::string body, const char* type, const std::string& name);

// Labels for the exports (CSV, Markdown): the API's own tables.
ExportLabels export_labels(SearchEngine& engine);

}  // namespace himoya
