#include "search/search_types.h"

#include <algorithm>

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

// Each enum's table, found by overload.
const auto& names_of(SortOrder) { return kSortNames; }
const auto& names_of(Scope) { return kScopeNames; }
const auto& names_of(VersionMode) { return kVersionNames; }
const auto& names_of(QueryLanguage) { return kQueryLanguageNames; }
const auto& names_of(UiLanguage) { return kUiLanguageNames; }

template <typename E>
std::string_view name_in(E value) {
    for (const auto& n : names_of(E{}))
        if (n.value == value) return n.name;
    return {};
}

}  // namespace

std::string_view name(SortOrder v) { return name_in(v); }
std::string_view name(Scope v) { return name_in(v); }
std::string_view name(VersionMode v) { return name_in(v); }
std::string_view name(QueryLanguage v) { return name_in(v); }
std::string_view name(UiLanguage v) { return name_in(v); }

template <typename E>
E parse_enum(std::string_view text, std::string_view parameter) {
    std::vector<std::string_view> names;
    for (const auto& n : names_of(E{})) {
        if (n.name == text) return n.value;
        if (!n.name.empty()) names.push_back(n.name);  // "" is the default, asked for by leaving the parameter out
    }
    // "sort must be relevance or date", in each language.
    auto listed = [&](const char* or_word) {
        std::string out;
        for (size_t i = 0; i < names.size(); ++i) {
            if (i > 0) out += i + 1 == names.size() ? or_word : ", ";
            out += names[i];
        }
        return out;
    };
    const std::string p(parameter);
    throw BadRequest({p + " must be " + listed(" or "), p + " должен быть " + listed(" или "),
                      p + " бояд " + listed(" ё ") + " бошад"});
}

template SortOrder parse_enum<SortOrder>(std::string_view, std::string_view);
template Scope parse_enum<Scope>(std::string_view, std::string_view);
template VersionMode parse_enum<VersionMode>(std::string_view, std::string_view);
template QueryLanguage parse_enum<QueryLanguage>(std::string_view, std::string_view);
template UiLanguage parse_enum<UiLanguage>(std::string_view, std::string_view);

void validate(const SearchRequest& r) {
    if (r.query.size() > SearchLimits::kMaxQueryBytes)
        throw BadRequest({"query too long: " + std::to_string(r.query.size()) + " bytes (limit " +
                              std::to_string(SearchLimits::kMaxQueryBytes) + ")",
                          "запрос слишком длинный: " + std::to_string(r.query.size()) + " байт (предел " +
                              std::to_string(SearchLimits::kMaxQueryBytes) + ")",
                          "дархост аз ҳад дароз аст: " + std::to_string(r.query.size()) + " байт (ҳад " +
                              std::to_string(SearchLimits::kMaxQueryBytes) + ")"});
    if (find_invalid_utf8(r.query) != std::string::npos) throw BadRequest({"query is not valid UTF-8", "запрос не в кодировке UTF-8",
                                                                                  "дархост бо рамзгузории UTF-8 нест"});
    if (r.page < 1) throw BadRequest({"page must be 1 or more", "номер страницы должен быть не меньше 1", "рақами саҳифа бояд аз 1 кам набошад"});
    if (r.per_page < 1 || r.per_page > SearchLimits::kMaxPerPage)
        throw BadRequest({"per_page must be between 1 and " + std::to_string(SearchLimits::kMaxPerPage),
                          "per_page должен быть от 1 до " + std::to_string(SearchLimits::kMaxPerPage),
                          "per_page бояд аз 1 то " + std::to_string(SearchLimits::kMaxPerPage) + " бошад"});
    if (static_cast<long>(r.page) * r.per_page > SearchLimits::kMaxResultWindow)
        throw BadRequest({"page * per_page may not exceed " + std::to_string(SearchLimits::kMaxResultWindow),
                          "page × per_page не может быть больше " + std::to_string(SearchLimits::kMaxResultWindow) +
                              ": уточните запрос или фильтры",
                          "page × per_page наметавонад аз " + std::to_string(SearchLimits::kMaxResultWindow) +
                              " зиёд бошад: дархост ё филтрҳоро дақиқ кунед"});
    if (!r.excluded_filters.empty()) {  // the same rules as the filters
        SearchRequest as_filters;
        as_filters.filters = r.excluded_filters;
        validate(as_filters);
    }
    for (const auto& [name, values] : r.filters) {
        bool known = false;
        for (const auto& f : facet_names()) known = known || f == name;
        if (!known) throw BadRequest({"unknown filter '" + name + "'", "неизвестный фильтр «" + name + "»",
                                                "филтри номаълум: «" + name + "»"});
        if (values.size() > SearchLimits::kMaxFilterValues) throw BadRequest({"too many values for filter '" + name + "'", "слишком много значений фильтра «" + name + "»",
                              "қиматҳои филтри «" + name + "» аз ҳад зиёданд"});
        for (const auto& v : values) {
            if (v.size() > SearchLimits::kMaxFilterValueBytes) throw BadRequest({"filter value too long for '" + name + "'", "слишком длинное значение фильтра «" + name + "»",
                                  "қимати филтри «" + name + "» аз ҳад дароз аст"});
            if (find_invalid_utf8(v) != std::string::npos) throw BadRequest({"filter '" + name + "' is not valid UTF-8", "фильтр «" + name + "» не в кодировке UTF-8",
                                  "филтри «" + name + "» бо рамзгузории UTF-8 нест"});
            // The two facets whose values have a fixed form (docs/openapi.yaml):
            // another value is a mistake to name, not an empty answer.
            if (name == "year" && (v.empty() || v.size() > 4 ||
                                   !std::all_of(v.begin(), v.end(), [](unsigned char c) { return c >= '0' && c <= '9'; })))
                throw BadRequest({"year must be a year of 1 to 4 digits, not '" + v + "'",
                                  "year: год из 1–4 цифр, а не «" + v + "»",
                                  "year: сол аз 1–4 рақам, на «" + v + "»"});
            if (name == "status" && !terms::is_legal_state(v))
                throw BadRequest({"status must be in-force, amended, repealed, expired or not-yet-in-force, not '" + v + "'",
                                  "status: in-force, amended, repealed, expired или not-yet-in-force, а не «" + v + "»",
                                  "status: in-force, amended, repealed, expired ё not-yet-in-force, на «" + v + "»"});
        }
    }
    for (const auto& y : {r.year_from, r.year_to})
        if (y && (*y < 0 || *y > 9999)) throw BadRequest({"years must be between 0 and 9999", "год должен быть от 0 до 9999", "сол бояд аз 0 то 9999 бошад"});
    if (r.year_from && r.year_to && *r.year_from > *r.year_to) throw BadRequest({"year_from is after year_to", "начальный год позже конечного", "соли аввал аз соли охир дертар аст"});
}

std::vector<std::string> Snippet::marked() const {
    std::vector<std::string> out;
    for (const auto& m : marks) out.push_back(text.substr(m.begin, m.end - m.begin));
    return out;
}

}  // namespace himoya
