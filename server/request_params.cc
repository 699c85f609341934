#include "server/request_params.h"

#include <charconv>
#include <cstdio>

#include "analysis/utf8.h"

namespace himoya {

namespace {

Localized not_utf8(const std::string& name) {
    return {"parameter '" + name + "' is not valid UTF-8", "параметр «" + name + "» не в кодировке UTF-8",
            "параметри «" + name + "» бо рамзгузории UTF-8 нест"};
}

// A repeatable parameter's values, as /api/search takes them: name=A&name=B
// or name[]=A&name[]=B.
std::vector<std::string> all_values(const QueryParams& params, const std::string& name) {
    std::vector<std::string> out;
    for (const std::string& key : {name, name + "[]"}) {
        auto [from, to] = params.equal_range(key);
        for (auto it = from; it != to; ++it) {
            if (it->second.empty()) continue;
            if (find_invalid_utf8(it->second) != std::string::npos)
                throw BadRequest(not_utf8(name));
            out.push_back(it->second);
        }
    }
    return out;
}

// The first control character of a UTF-8 text as "U+000A", or "" when there
// is none: C0 (but tab, which reads as a space), DEL and C1. A line break in
// `q` would be echoed into the answer's `query`, a feed's title and the
// exports; a NUL cut the words at different places in different layers.
std::string control_character(std::string_view text) {
    for (size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        unsigned code = 0x110000;
        if ((c < 0x20 && c != '\t') || c == 0x7F) code = c;
        else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0x80 &&
                 static_cast<unsigned char>(text[i + 1]) <= 0x9F)
            code = static_cast<unsigned char>(text[i + 1]);
        if (code == 0x110000) continue;
        char out[8];
        std::snprintf(out, sizeof out, "U+%04X", code);
        return out;
    }
    return "";
}

}  // namespace

void check_request(const HttpRequest& req) {
    // "%zz", "%4", "%" were taken as written: q=% browsed everything.
    const std::string written_as = " ('%' followed by two hexadecimal digits; '%' itself is %25)";
    if (req.path_malformed)
        throw BadRequest({"the path has a malformed percent-escape" + written_as,
                          "в пути запроса неверная %-последовательность (за «%» следуют две шестнадцатеричные цифры; сам «%» пишется %25)",
                          "дар роҳи дархост %-пайдарпаии нодуруст ҳаст (пас аз «%» ду рақами шонздаҳӣ меояд; худи «%» %25 навишта мешавад)"});
    if (!req.malformed_params.empty()) {
        const std::string& name = req.malformed_params.front();
        throw BadRequest({"parameter '" + name + "' has a malformed percent-escape" + written_as,
                          "в параметре «" + name + "» неверная %-последовательность (за «%» следуют две шестнадцатеричные цифры; сам «%» пишется %25)",
                          "дар параметри «" + name + "» %-пайдарпаии нодуруст ҳаст (пас аз «%» ду рақами шонздаҳӣ меояд; худи «%» %25 навишта мешавад)"});
    }
    // An id in the path that is not UTF-8 can name nothing: a 404 quoted it with U+FFFD.
    if (find_invalid_utf8(req.path) != std::string::npos)
        throw BadRequest({"the path is not valid UTF-8", "путь запроса не в кодировке UTF-8", "роҳи дархост бо рамзгузории UTF-8 нест"});
    for (const auto& [name, value] : req.params)
        if (const std::string code = control_character(value); !code.empty())
            throw BadRequest({"parameter '" + name + "' holds a control character (" + code + "): line breaks and other control characters are not accepted",
                              "параметр «" + name + "» содержит управляющий символ (" + code + "): переводы строк и другие управляющие символы не принимаются",
                              "параметри «" + name + "» аломати идоракунанда (" + code + ") дорад: гузариш ба сатри нав ва дигар аломатҳои идоракунанда қабул намешаванд"});
    optional_ui_param(req.params);
}

std::string string_param(const QueryParams& params, const std::string& name) {
    auto [it, end] = params.equal_range(name);
    if (it == end) return "";
    if (find_invalid_utf8(it->second) != std::string::npos)
        throw BadRequest(not_utf8(name));
    // A parameter that takes one value, given two: which one was meant cannot be told.
    for (auto other = std::next(it); other != end; ++other)
        if (other->second != it->second) throw BadRequest({"parameter '" + name + "' is given twice, with different values",
                                                             "параметр «" + name + "» указан дважды, с разными значениями",
                                                             "параметри «" + name + "» ду бор, бо қиматҳои гуногун омадааст"});
    return it->second;
}

int int_param(const QueryParams& params, const std::string& name, int fallback, int min, int max) {
    const std::string s = string_param(params, name);  // one value (or the same twice)
    if (s.empty()) return fallback;
    int value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size())
        throw BadRequest({"parameter '" + name + "' must be an integer", "параметр «" + name + "» должен быть целым числом",
                          "параметри «" + name + "» бояд адади бутун бошад"});
    if (value < min || value > max)
        throw BadRequest({"parameter '" + name + "' must be between " + std::to_string(min) + " and " + std::to_string(max),
                          "параметр «" + name + "» должен быть от " + std::to_string(min) + " до " + std::to_string(max),
                          "параметри «" + name + "» бояд аз " + std::to_string(min) + " то " + std::to_string(max) + " бошад"});
    return value;
}

bool bool_param(const QueryParams& params, const std::string& name, bool fallback) {
    std::string v = string_param(params, name);
    if (v.empty()) return fallback;
    if (v == "0" || v == "false") return false;
    if (v == "1" || v == "true") return true;
    throw BadRequest({"parameter '" + name + "' must be 1, 0, true or false",
                      "параметр «" + name + "» должен быть 1, 0, true или false",
                      "параметри «" + name + "» бояд 1, 0, true ё false бошад"});
}

UiLanguage ui_param(const QueryParams& params) { return enum_param(params, "ui", UiLanguage::en); }

std::optional<UiLanguage> optional_ui_param(const QueryParams& params) {
    std::string ui = string_param(params, "ui");
    if (ui.empty()) return std::nullopt;
    return parse_enum<UiLanguage>(ui, "ui");
}

SearchRequest search_request_from_params(const QueryParams& params) {
    SearchRequest r;
    r.query = string_param(params, "q");
    for (const std::string& facet : facet_names())
        if (std::vector<std::string> values = all_values(params, facet); !values.empty()) r.filters[facet] = std::move(values);
    if (params.count("year_from")) r.year_from = int_param(params, "year_from", 0, 0, 9999);
    if (params.count("year_to")) r.year_to = int_param(params, "year_to", 9999, 0, 9999);
    r.sort = enum_param(params, "sort", SortOrder::relevance);
    r.scope = enum_param(params, "scope", Scope::automatic);
    r.lang = enum_param(params, "qlang", QueryLanguage::automatic);
    r.page = int_param(params, "page", 1, 1, SearchLimits::kMaxResultWindow);
    r.per_page = int_param(params, "per_page", 10, 1, SearchLimits::kMaxPerPage);
    r.cross_language = bool_param(params, "cross_language", true);
    r.versions = enum_param(params, "versions", VersionMode::group);
    r.ui_lang = ui_param(params);
    r.places = bool_param(params, "places", true);
    r.relax = bool_param(params, "relax", true);
    r.correct = bool_param(params, "correct", true);
    r.facets = bool_param(params, "facets", true);
    validate(r);
    return r;
}

CompareRequest compare_request_from_params(const QueryParams& params) {
    CompareRequest r;
    r.jurisdictions = all_values(params, "jurisdiction");
    r.topic = string_param(params, "topic");
    r.istanbul_article = string_param(params, "ic");
    r.query = string_param(params, "q");
    r.languages = all_values(params, "lang");
    r.types = all_values(params, "type");
    r.per_jurisdiction = int_param(params, "per_jurisdiction", 5, 1, 20);
    r.ui_lang = ui_param(params);
    r.include_repealed = bool_param(params, "include_repealed");
    validate(r);
    return r;
}

GlossaryRequest glossary_request_from_params(const QueryParams& params) {
    GlossaryRequest r;
    r.concept_id = string_param(params, "concept");
    r.languages = all_values(params, "lang");
    r.per_jurisdiction = int_param(params, "per_jurisdiction", 3, 1, 20);
    r.ui_lang = ui_param(params);
    r.include_repealed = bool_param(params, "include_repealed");
    validate(r);
    return r;
}

MatrixRequest matrix_request_from_params(const QueryParams& params) {
    MatrixRequest r;
    r.jurisdictions = all_values(params, "jurisdiction");
    std::string scheme = string_param(params, "scheme");
    if (!scheme.empty()) r.scheme = scheme;
    r.languages = all_values(params, "lang");
    r.ui_lang = ui_param(params);
    r.include_repealed = bool_param(params, "include_repealed");
    std::string format = string_param(params, "format");
    if (!format.empty() && format != "json" && format != "csv") throw BadRequest({"format must be json or csv", "format должен быть json или csv", "format бояд json ё csv бошад"});
    validate(r);
    return r;
}

}  // namespace himoya
