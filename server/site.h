// The site: everything Himoya answers over HTTP, without the network. The
// JSON API under /api (a Router of thin handlers over SearchEngine, one route
// file per resource in server/api/, docs/api.md), the static web page from
// web/, and the rules every response follows: JSON
// errors under /api, security headers (and the CORS header if configured) on
// every answer, Range refused where it could multiply the cost of a request,
// gzip when the client accepts it. The front end (front_end.h) hands it
// complete requests on a worker thread; tests call it directly.
#pragma once

#include <string>

#include "server/api/routes.h"  // the /api routes, and the provision page sizes
#include "server/http_message.h"
#include "server/router.h"

namespace himoya {

class SearchEngine;

struct SiteOptions {
    std::string web_root = "web";  // "" or a missing directory: the API only
    std::string cors_origin;       // empty: no CORS header
};

class Site {
public:
    Site(SearchEngine& engine, SiteOptions options);

    // The answer to a request that reached a worker (GET or HEAD; HEAD is
    // answered as GET and the front end leaves the body out). Never throws.
    HttpResponse handle(HttpRequest request) const;

    // An error the front end answers itself, before or instead of handle()
    // (400, 405, 408, 411, 413, 414, 431, 503 …): the JSON error body with the
    // same headers as every other answer; a 405 names the allowed methods.
    HttpResponse refuse(int status, const std::string& message) const;

    const Router& router() const { return router_; }

private:
    void finish(const HttpRequest& request, HttpResponse& response) const;
    bool serve_static(const HttpRequest& request, HttpResponse& response) const;

    SearchEngine& engine_;
    SiteOptions options_;
    bool has_web_root_ = false;
    Router router_;
};

}  // namespace himoya
