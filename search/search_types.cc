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

namespace {

template <typename E>
struct Named {
    E value;
    std::string_view name;
};

constexpr Named<SortOrder> kSortNames[] = {{SortOrder::relevance, "relevance"}, {SortOrder::date, "date"},
                                           {SortOrder::indexed, "indexed"}};
constexpr Named<Scope> kScopeNames[] = {{Scope::all, "all"}, {Scope::provision, "provision"},
                                        {Scope::document, "document"}, {Scope::automatic, ""}};
constexpr Named<VersionMode> kVersionNames[] = {{VersionMode::group, "group"}, {VersionMode::separate, "separate"}};
constexpr Named<QueryLanguage> kQueryLanguageNames[] = {{QueryLanguage::tg, "tg"}, {QueryLanguage::ru, "ru"},
                                                        {QueryLanguage::en, "en"}, {QueryLanguage::automatic, "auto"}};
constexpr Named<UiLanguage> kUiLanguageNames[] = {{UiLanguage::en, "en"}, {UiLanguage::ru, "ru"}, {UiLanguage::tg, "tg"}};

template <typename E, size_t N>
std::string_view name_in(const Named<E> (&table)[N], E value) {
    for (const auto& n : table)
        if (n.value == value) return n.name;
    return {};
}

template <typename E, size_t N>
E parse_in(const Named<E> (&table)[N], std::string_view text, std::string_view parameter) {
    for (const auto& n : table)
        if (n.name == text) return n.value;
    std::vector<std::string_view> names;
    for (const auto& n : table)
        if (!n.name.empty()) names.push_back(n.name);  // "" is the default, asked for by leaving the parameter out
    std::string message(parameter);
    message += " must be ";
    for (size_t i = 0; i < names.size(); ++i) {
        if (i > 0) message += i + 1 == names.size() ? " or " : ", ";
        message += names[i];
    }
    throw BadRequest(message);
}

}  // namespace

std::string_view name(SortOrder v) { return name_in(kSortNames, v); }
std::string_view name(Scope v) { return name_in(kScopeNames, v); }
std::string_view name(VersionMode v) { return name_in(kVersionNames, v); }
std::string_view name(QueryLanguage v) { return name_in(kQueryLanguageNames, v); }
std::string_view name(UiLanguage v) { return name_in(kUiLanguageNames, v); }

template <>
SortOrder parse_enum<SortOrder>(std::string_view text, std::string_view parameter) {
    return parse_in(kSortNames, text, parameter);
}
template <>
Scope parse_enum<Scope>(std::string_view text, std::string_view parameter) {
    return parse_in(kScopeNames, text, parameter);
}
template <>
VersionMode parse_enum<VersionMode>(std::string_view text, std::string_view parameter) {
    return parse_in(kVersionNames, text, parameter);
}
template <>
QueryLanguage parse_enum<QueryLanguage>(std::string_view text, std::string_view parameter) {
    return parse_in(kQueryLanguageNames, text, parameter);
}
template <>
UiLanguage parse_enum<UiLanguage>(std::string_view text, std::string_view parameter) {
    return parse_in(kUiLanguageNames, text, parameter);
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

std::vector<std::string> Snippet::marked() const {
    std::vector<std::string> out;
    for (const auto& m : marks) out.push_back(text.substr(m.begin, m.end - m.begin));
    return out;
}

}  // namespace himoya
