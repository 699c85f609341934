// A table of routes: "GET /api/documents/{id}" → a handler that reads a typed
// request and fills a response. The site (site.h) is built from one; tests
// call it in-process, without a socket or a process.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "server/http_message.h"

namespace himoya {

class Router {
public:
    using Handler = std::function<void(const HttpRequest&, HttpResponse&)>;

    // `pattern` is a path whose segments are literal or "{name}" (one
    // non-empty segment, given to the handler as request.path_params[name]),
    // or "{name}SUFFIX" (a segment ending in the literal SUFFIX after a
    // non-empty name: "{id}.akn.xml"). The first route that matches wins.
    // HEAD is answered by the GET route (the front end leaves out the body).
    void get(std::string pattern, Handler handler);

    // Runs the route matching request.path, filling request.path_params;
    // false (response untouched) when none matches.
    bool route(HttpRequest& request, HttpResponse& response) const;

    // The patterns, in the order they were added (for docs and tests).
    std::vector<std::string> patterns() const;

private:
    struct Segment {
        std::string literal;  // a literal segment, or the suffix of a parameter
        std::string name;     // a parameter's name; "" for a literal segment
    };
    struct Route {
        std::string pattern;
        std::vector<Segment> segments;
        Handler handler;
    };
    std::vector<Route> routes_;
};

}  // namespace himoya
