// Turns URL query parameters into library requests. Every malformed value is
// a BadRequest naming the parameter, which the server answers with a 400.
#pragma once

#include <map>
#include <string>

#include "search/compare.h"
#include "search/search_types.h"

namespace himoya {

using QueryParams = std::multimap<std::string, std::string>;

// /api/search parameters (docs/api.md). Unknown parameters are ignored, as
// most search APIs do, so that clients can add tracking or cache-busting keys.
SearchRequest search_request_from_params(const QueryParams& params);

// /api/compare and /api/matrix parameters.
CompareRequest compare_request_from_params(const QueryParams& params);
MatrixRequest matrix_request_from_params(const QueryParams& params);

// An integer parameter in [min, max], or `fallback` when absent.
int int_param(const QueryParams& params, const std::string& name, int fallback, int min, int max);

// The single value of a parameter ("" when absent); BadRequest if invalid UTF-8.
std::string string_param(const QueryParams& params, const std::string& name);
// "1"/"true" → true, "0"/"false" → false, absent or "" → `fallback`; anything
// else is a BadRequest (every switch of the API reads the same way).
bool bool_param(const QueryParams& params, const std::string& name, bool fallback = false);
// The interface language: en, ru or tg; absent → "en" (or "" when `empty_allowed`);
// anything else is a BadRequest.
std::string ui_param(const QueryParams& params, bool empty_allowed = false);

}  // namespace himoya
