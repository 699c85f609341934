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

}  // namespace

void Router::get(std::string pattern, Handler handler) {
    std::vector<Segment> segments;
    for (std::string& s : split_path(pattern)) {
        // "{id}" → parameter "id"; "{id}.akn.xml" → parameter "id", suffix ".akn.xml"; else a literal.
        size_t close = s.find('}');
        if (s.size() > 2 && s.front() == '{' && close != std::string::npos && close > 1)
            segments.push_back({s.substr(close + 1), s.substr(1, close - 1)});
        else
            segments.push_back({std::move(s), ""});
    }
    routes_.push_back({std::move(pattern), std::move(segments), std::move(handler)});
}

bool Router::route(HttpRequest& request, HttpResponse& response) const {
    std::vector<std::string> segments = split_path(request.path);
    for (const Route& route : routes_) {
        if (route.segments.size() != segments.size()) continue;
        std::map<std::string, std::string> params;
        bool match = true;
        for (size_t i = 0; i < segments.size() && match; ++i) {
            const Segment& want = route.segments[i];
            const std::string& got = segments[i];
            if (want.name.empty()) {
                match = want.literal == got;
            } else {
                // A non-empty value before the suffix.
                match = got.size() > want.literal.size() &&
                        got.compare(got.size() - want.literal.size(), want.literal.size(), want.literal) == 0;
                if (match) params[want.name] = got.substr(0, got.size() - want.literal.size());
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
