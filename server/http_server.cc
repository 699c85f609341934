#include "server/http_server.h"

#include <csignal>
#include <cstdio>
#include <filesystem>
#include <iostream>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "search/engine.h"
#include "search/result_json.h"
#include "server/csv.h"
#include "server/request_params.h"

namespace himoya {
namespace {

using nlohmann::json;

constexpr size_t kMaxAnalyzeBytes = 20000;

void send_json(httplib::Response& res, int status, const json& body) {
    res.status = status;
    // replace invalid UTF-8 rather than throw: an error message must always go out
    res.set_content(body.dump(-1, ' ', false, json::error_handler_t::replace), "application/json; charset=utf-8");
}

void send_error(httplib::Response& res, int status, const std::string& message) {
    send_json(res, status, {{"error", {{"code", status}, {"message", message}}}});
}

bool is_api(const httplib::Request& req) { return req.path.rfind("/api/", 0) == 0 || req.path == "/api"; }

// Runs a handler body; library BadRequests become 400s, anything else a 500
// with a message (logged), so no exception ever reaches httplib.
template <typename Fn>
void guarded(httplib::Response& res, Fn&& fn) {
    try {
        fn();
    } catch (const BadRequest& e) {
        send_error(res, 400, e.what());
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << "\n";
        send_error(res, 500, std::string("internal error: ") + e.what());
    }
}

}  // namespace

int run_server(const ServerOptions& options) {
    std::unique_ptr<SearchEngine> engine;
    try {
        engine = std::make_unique<SearchEngine>(options.db_paths);
    } catch (const std::exception& e) {
        std::cerr << "himoya serve: " << e.what() << "\n";
        return 1;
    }

    httplib::Server server;
    int threads = options.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<size_t>(threads)); };
    server.set_payload_max_length(64 * 1024);
    server.set_read_timeout(5, 0);
    server.set_write_timeout(10, 0);
    // A connection gives its worker back after this many requests, so that
    // connections queued beyond the pool get their turn within a second or so.
    server.set_keep_alive_max_count(100);
    // Headers and body go out in separate writes: without TCP_NODELAY, Nagle's algorithm and the
    // client's delayed ACK held every keep-alive response ~40 ms (bench/run, docs/scaling.md).
    server.set_tcp_nodelay(true);

    httplib::Headers headers{
        {"X-Content-Type-Options", "nosniff"},
        {"Referrer-Policy", "no-referrer"},
        {"Content-Security-Policy",
         "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
         "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'"},
        {"X-Frame-Options", "DENY"},
    };
    if (!options.cors_origin.empty()) headers.emplace("Access-Control-Allow-Origin", options.cors_origin);
    server.set_default_headers(headers);

    // A decoded path with a NUL or another control byte is refused before routing:
    // the static handler would open "index.html" for "/index.html%00.js" and
    // serve it as JavaScript.
    server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
        for (unsigned char c : req.path) {
            if (c < 0x20 || c == 0x7F) {
                send_error(res, 400, "control character in the request path");
                return httplib::Server::HandlerResponse::Handled;
            }
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });

    server.Get("/api/health", [&](const httplib::Request&, httplib::Response& res) {
        guarded(res, [&] {
            IndexHealth h = engine->health();
            send_json(res, 200, {{"status", "ok"}, {"documents", h.documents}, {"provisions", h.provisions}});
        });
    });

    server.Get("/api/search", [&](const httplib::Request& req, httplib::Response& res) {
        guarded(res, [&] {
            SearchRequest request = search_request_from_params(req.params);
            send_json(res, 200, to_json(engine->search(request)));
        });
    });

    server.Get(R"(/api/documents/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
        guarded(res, [&] {
            std::string id = req.matches[1];
            auto doc = engine->document(id);
            if (!doc) return send_error(res, 404, "no document with id '" + id + "'");
            send_json(res, 200, *doc);
        });
    });

    server.Get("/api/analyze", [&](const httplib::Request& req, httplib::Response& res) {
        guarded(res, [&] {
            std::string text = string_param(req.params, "text");
            std::string lang = string_param(req.params, "lang");
            if (lang.empty()) lang = "auto";
            if (lang != "tg" && lang != "ru" && lang != "en" && lang != "auto")
                throw BadRequest("lang must be tg, ru, en or auto");
            if (text.size() > kMaxAnalyzeBytes)
                throw BadRequest("text too long (limit " + std::to_string(kMaxAnalyzeBytes) + " bytes)");
            send_json(res, 200, engine->analyze(text, lang));
        });
    });

    server.Get("/api/topics", [&](const httplib::Request&, httplib::Response& res) {
        guarded(res, [&] {
            auto topics = engine->topics();
            if (!topics) return send_error(res, 404, "this index has no thesaurus");
            send_json(res, 200, *topics);
        });
    });

    server.Get(R"(/api/topics/([^/]+))", [&](const httplib::Request& req, httplib::Response& res) {
        guarded(res, [&] {
            std::string id = req.matches[1];
            int per = int_param(req.params, "per_jurisdiction", 50, 1, 500);
            std::string ui = string_param(req.params, "ui");
            if (!ui.empty() && ui != "en" && ui != "ru" && ui != "tg") throw BadRequest("ui must be en, ru or tg");
            auto topic = engine->topic(id, per, ui.empty() ? "en" : ui);
            if (!topic) return send_error(res, 404, "no topic with id '" + id + "'");
            send_json(res, 200, *topic);
        });
    });

    // Labels for the exports (CSV, Markdown): the API's own tables.
    auto export_labels = [&] {
        ExportLabels labels;
        for (const auto& [kind, table] : engine->labels()) labels[kind] = table;
        return labels;
    };
    auto export_format = [](const httplib::Request& req, std::initializer_list<const char*> allowed) {
        std::string format = string_param(req.params, "format");
        if (format.empty()) return std::string("json");
        for (const char* a : allowed)
            if (format == a) return format;
        std::string list = "json";
        for (const char* a : allowed) list += std::string(", ") + a;
        throw BadRequest("format must be one of " + list);
    };
    auto attach = [](httplib::Response& res, const std::string& body, const char* type, const std::string& name) {
        res.set_header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        res.set_content(body, type);
    };

    server.Get("/api/compare", [&](const httplib::Request& req, httplib::Response& res) {
        guarded(res, [&] {
            std::string format = export_format(req, {"csv", "md"});
            CompareRequest request = compare_request_from_params(req.params);
            json out = engine->compare(request);
            if (format == "csv")
                return attach(res, compare_csv(out, request.ui_lang, export_labels()), "text/csv; charset=utf-8",
                              "himoya-compare.csv");
            if (format == "md")
                return attach(res, compare_markdown(out, request.ui_lang, export_labels()),
                              "text/markdown; charset=utf-8", "himoya-compare.md");
            send_json(res, 200, out);
        });
    });

    server.Get("/api/matrix", [&](const httplib::Request& req, httplib::Response& res) {
        guarded(res, [&] {
            MatrixRequest request = matrix_request_from_params(req.params);
            json matrix = engine->matrix(request);
            if (string_param(req.params, "format") == "csv")
                return attach(res, matrix_csv(matrix, request.ui_lang, export_labels()), "text/csv; charset=utf-8",
                              "himoya-matrix.csv");
            send_json(res, 200, matrix);
        });
    });

    server.Get("/api/facts", [&](const httplib::Request& req, httplib::Response& res) {
        guarded(res, [&] {
            std::string topic = string_param(req.params, "topic");
            if (topic.empty()) throw BadRequest("give topic=, e.g. topic=protection-orders");
            std::string format = export_format(req, {"csv"});
            std::string ui = string_param(req.params, "ui");
            if (ui.empty()) ui = "en";
            if (ui != "en" && ui != "ru" && ui != "tg") throw BadRequest("ui must be en, ru or tg");
            auto facts = engine->facts(topic);
            if (!facts) return send_error(res, 404, "no fact table for topic '" + topic + "'");
            if (format == "csv")
                return attach(res, facts_csv(*facts, ui, export_labels()), "text/csv; charset=utf-8",
                              "himoya-facts-" + topic + ".csv");
            send_json(res, 200, *facts);
        });
    });

    server.Get("/api/related", [&](const httplib::Request& req, httplib::Response& res) {
        guarded(res, [&] {
            std::string id = string_param(req.params, "id");
            if (id.empty()) throw BadRequest("give id= of a provision");
            int limit = int_param(req.params, "limit", 5, 1, 50);
            std::string ui = string_param(req.params, "ui");
            auto related = engine->related(id, limit, ui.empty() ? "en" : ui);
            if (!related) return send_error(res, 404, "no provision with id '" + id + "'");
            send_json(res, 200, *related);
        });
    });

    // Every value label the API emits: all three languages, or one (?ui=).
    server.Get("/api/labels", [&](const httplib::Request& req, httplib::Response& res) {
        guarded(res, [&] {
            std::string ui = string_param(req.params, "ui");
            if (!ui.empty() && ui != "en" && ui != "ru" && ui != "tg") throw BadRequest("ui must be en, ru or tg");
            json labels = json::object();
            for (const auto& [kind, table] : engine->labels()) {
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

    // Any other /api path is a JSON 404, not the static handler's HTML.
    server.Get(R"(/api(/.*)?)", [&](const httplib::Request& req, httplib::Response& res) {
        send_error(res, 404, "no such endpoint: " + req.path);
    });
    // The API is read-only: any other method is a JSON 405 naming the one allowed.
    auto method_not_allowed = [](const httplib::Request& req, httplib::Response& res) {
        res.set_header("Allow", "GET");
        send_error(res, 405, "method " + req.method + " not allowed; the API answers GET only");
    };
    server.Post(R"(/api(/.*)?)", method_not_allowed);
    server.Put(R"(/api(/.*)?)", method_not_allowed);
    server.Patch(R"(/api(/.*)?)", method_not_allowed);
    server.Delete(R"(/api(/.*)?)", method_not_allowed);

    if (!std::filesystem::is_directory(options.web_root)) {
        std::cerr << "himoya serve: web root '" << options.web_root << "' not found; serving the API only\n";
    } else if (!server.set_mount_point("/", options.web_root,
                                       // Pages and modules are small and change only with a release:
                                       // five minutes spares the module round trips of every page view.
                                       {{"Cache-Control", "public, max-age=300"}})) {
        std::cerr << "himoya serve: cannot serve " << options.web_root << "\n";
        return 1;
    }
    server.set_file_extension_and_mimetype_mapping("mjs", "text/javascript");

    server.set_error_handler([](const httplib::Request& req, httplib::Response& res) {
        if (!res.body.empty()) return;
        if (is_api(req) || res.status != 404) {
            // errors httplib answers itself, before any handler: say which limit was hit
            const char* message = res.status == 404   ? "not found"
                                  : res.status == 414 ? "request URI too long (limit 8192 bytes)"
                                  : res.status == 413 ? "request body too large (limit 64 KiB)"
                                  : res.status == 400 ? "malformed request (or request headers over 8 KiB)"
                                                      : "request failed";
            send_error(res, res.status, message);
        } else {
            res.set_content("<!doctype html><title>Not found</title><p>Not found. <a href=\"/\">Search</a></p>",
                            "text/html; charset=utf-8");
        }
    });
    server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
        send_error(res, 500, "internal error");
    });

    int port = options.port;
    if (port == 0) {
        port = server.bind_to_any_port(options.host);
        if (port < 0) {
            std::cerr << "himoya serve: cannot bind " << options.host << "\n";
            return 1;
        }
    } else if (!server.bind_to_port(options.host, port)) {
        std::cerr << "himoya serve: cannot bind " << options.host << ":" << port << " (in use?)\n";
        return 1;
    }
    std::cout << "listening on http://" << options.host << ":" << port << std::endl;
    return server.listen_after_bind() ? 0 : 1;
}

}  // namespace himoya
