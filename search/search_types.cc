#include "search/search_types.h"

#include "analysis/facet_table.h"
#include "analysis/utf8.h"

namespace himoya {

const std::vector<std::string>& facet_names() {
    static const std::vector<std::string> names = [] {
        std::vector<std::string> out;
        for (const terms::FacetEntry& f : terms::kFacetTable) out.emplace_back(f.name);
        return out;
    }();
    return names;
}

void validate(const SearchRequest& r) {
    if (r.query.size() > SearchLimits::kMaxQueryBytes)
        throw BadRequest("query too long: " + std::to_string(r.query.size()) + " bytes (limit " +
                         std::to_string(SearchLimits::kMaxQueryBytes) + ")");
    if (find_invalid_utf8(r.query) != std::string::npos) throw BadRequest("query is not valid UTF-8");
    if (r.page < 1) throw BadRequest("page must be 1 or more");
    if (r.per_page < 1 || r.per_page > SearchLimits::kMaxPerPage)
        throw BadRequest("per_page must be between 1 and " + std::to_string(SearchLimits::kMaxPerPage));
    if (static_cast<long>(r.page) * r.per_page > SearchLimits::kMaxResultWindow)
        throw BadRequest("page * per_page may not exceed " + std::to_string(SearchLimits::kMaxResultWindow));
    if (r.sort != "relevance" && r.sort != "date") throw BadRequest("sort must be 'relevance' or 'date'");
    if (!r.scope.empty() && r.scope != "all" && r.scope != "provision" && r.scope != "document")
        throw BadRequest("scope must be 'all', 'provision' or 'document'");
    if (r.lang != "auto" && r.lang != "tg" && r.lang != "ru" && r.lang != "en")
        throw BadRequest("lang hint must be tg, ru, en or auto");
    if (r.ui_lang != "en" && r.ui_lang != "ru" && r.ui_lang != "tg") throw BadRequest("ui must be en, ru or tg");
    if (r.versions != "group" && r.versions != "separate") throw BadRequest("versions must be 'group' or 'separate'");
    for (const auto& [name, values] : r.filters) {
        bool known = false;
        for (const auto& f : facet_names()) known = known || f == name;
        if (!known) throw BadRequest("unknown filter '" + name + "'");
        if (values.size() > SearchLimits::kMaxFilterValues) throw BadRequest("too many values for filter '" + name + "'");
        for (const auto& v : values) {
            if (v.size() > SearchLimits::kMaxFilterValueBytes) throw BadRequest("filter value too long for '" + name + "'");
            if (find_invalid_utf8(v) != std::string::npos) throw BadRequest("filter '" + name + "' is not valid UTF-8");
        }
    }
    for (const auto& y : {r.year_from, r.year_to})
        if (y && (*y < 0 || *y > 9999)) throw BadRequest("years must be between 0 and 9999");
    if (r.year_from && r.year_to && *r.year_from > *r.year_to) throw BadRequest("year_from is after year_to");
}

}  // namespace himoya
