#include "server/request_params.h"

#include <charconv>

#include "analysis/utf8.h"

namespace himoya {

std::string string_param(const QueryParams& params, const std::string& name) {
    auto it = params.find(name);
    if (it == params.end()) return "";
    if (find_invalid_utf8(it->second) != std::string::npos)
        throw BadRequest("parameter '" + name + "' is not valid UTF-8");
    return it->second;
}

int int_param(const QueryParams& params, const std::string& name, int fallback, int min, int max) {
    auto it = params.find(name);
    if (it == params.end() || it->second.empty()) return fallback;
    const std::string& s = it->second;
    int value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size())
        throw BadRequest("parameter '" + name + "' must be an integer");
    if (value < min || value > max)
        throw BadRequest("parameter '" + name + "' must be between " + std::to_string(min) + " and " + std::to_string(max));
    return value;
}

SearchRequest search_request_from_params(const QueryParams& params) {
    SearchRequest r;
    r.query = string_param(params, "q");
    for (const std::string& facet : facet_names()) {
        // Both jurisdiction=TJ&jurisdiction=GE and jurisdiction[]=TJ are accepted.
        for (const std::string& key : {facet, facet + "[]"}) {
            auto [from, to] = params.equal_range(key);
            for (auto it = from; it != to; ++it) {
                if (it->second.empty()) continue;
                if (find_invalid_utf8(it->second) != std::string::npos)
                    throw BadRequest("parameter '" + facet + "' is not valid UTF-8");
                r.filters[facet].push_back(it->second);
            }
        }
    }
    if (params.count("year_from")) r.year_from = int_param(params, "year_from", 0, 0, 9999);
    if (params.count("year_to")) r.year_to = int_param(params, "year_to", 9999, 0, 9999);
    std::string sort = string_param(params, "sort");
    if (!sort.empty()) r.sort = sort;
    r.scope = string_param(params, "scope");
    std::string lang = string_param(params, "qlang");
    if (!lang.empty()) r.lang = lang;
    r.page = int_param(params, "page", 1, 1, SearchLimits::kMaxResultWindow);
    r.per_page = int_param(params, "per_page", 10, 1, SearchLimits::kMaxPerPage);
    std::string facets = string_param(params, "facets");
    if (facets == "false" || facets == "0") r.facets = false;
    validate(r);
    return r;
}

}  // namespace himoya
