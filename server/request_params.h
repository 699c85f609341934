// Turns URL query parameters into library requests. Every malformed value is
// a BadRequest naming the parameter, which the server answers with a 400.
#pragma once

#include <map>
#include <optional>
#include <string>

#include "search/compare.h"
#include "search/search_types.h"
#include "server/http_message.h"

namespace himoya {

using QueryParams = std::multimap<std::string, std::string>;

// What every /api request must be before its route reads a parameter
// (docs/api.md, "Errors"): no malformed percent-escape in its path or
// parameters, a path in UTF-8, no control character (U+0000–U+001F but tab,
// U+007F–U+009F) in a parameter's value, and `ui`, if given, en, ru or tg
// (every route answers its errors in it). BadRequest naming what is wrong.
void check_request(const HttpRequest& request);

// /api/search parameters (docs/api.md). Unknown parameters are ignored, as
// most search APIs do, so that clients can add tracking or cache-busting keys.
SearchRequest search_request_from_params(const QueryParams& params);

// /api/compare and /api/matrix parameters.
CompareRequest compare_request_from_params(const QueryParams& params);
MatrixRequest matrix_request_from_params(const QueryParams& params);
GlossaryRequest glossary_request_from_params(const QueryParams& params);

// An integer parameter in [min, max], or `fallback` when absent.
int int_param(const QueryParams& params, const std::string& name, int fallback, int min, int max);

// The single value of a parameter ("" when absent); BadRequest if invalid UTF-8.
std::string string_param(const QueryParams& params, const std::string& name);
// "1"/"true" → true, "0"/"false" → false, absent or "" → `fallback`; anything
// else is a BadRequest (every switch of the API reads the same way).
bool bool_param(const QueryParams& params, const std::string& name, bool fallback = false);
// The interface language ?ui=: en, ru or tg; absent → en. Anything else is a BadRequest.
UiLanguage ui_param(const QueryParams& params);
// The same, absent → nullopt (an answer in every language).
std::optional<UiLanguage> optional_ui_param(const QueryParams& params);
// A parameter with a fixed set of values (search_types.h): absent or "" → `fallback`.
template <typename E>
E enum_param(const QueryParams& params, const std::string& name, E fallback) {
    std::string value = string_param(params, name);
    return value.empty() ? fallback : parse_enum<E>(value, name);
}

}  // namespace himoya
