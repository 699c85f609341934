#include "server/router.h"

#include <string_view>

namespace himoya {
namespace {

// "/api/documents/x" → {"api", "documents", "x"}; a trailing slash is an empty last segment.
std::vector<std::string> split_path(std::string_view path) {
    std::vector<std::string> segments;
    if (!path.empty() && path.front() == '/') path.remove_prefix(1);
    size_t start = 0;
    for (;;) {
        size_t slash = path.find('/', start);
        segments.emplace_back(path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start));
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return segments;
}

bool is_parameter(const std::string& segment) {
    return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

}  // namespace

void Router::get(std::string pattern, Handler handler) {
    std::vector<std::string> segments = split_path(pattern);
    routes_.push_back({std::move(pattern), std::move(segments), std::move(handler)});
}

bool Router::route(HttpRequest& request, HttpResponse& response) const {
    std::vector<std::string> segments = split_path(request.path);
    for (const Route& route : routes_) {
        if (route.segments.size() != segments.size()) continue;
        std::map<std::string, std::string> params;
        bool match = true;
        for (size_t i = 0; i < segments.size() && match; ++i) {
            if (is_parameter(route.segments[i])) {
                match = !segments[i].empty();
                params[route.segments[i].substr(1, route.segments[i].size() - 2)] = segments[i];
            } else {
                match = route.segments[i] == segments[i];
            }
        }
        if (!match) continue;
        request.path_params = std::move(params);
        route.handler(request, response);
        return true;
    }
    return false;
}

std::vector<std::string> Router::patterns() const {
    std::vector<std::string> out;
    for (const Route& r : routes_) out.push_back(r.pattern);
    return out;
}

}  // namespace himoya
