// The JSON form of search results: the /api/search contract (docs/api.md),
// shared by the HTTP server and `himoya search --json`.
#pragma once

#include <nlohmann/json.hpp>

#include "search/search_types.h"

namespace himoya {

nlohmann::json to_json(const SearchResult& result);
nlohmann::json to_json(const SearchHit& hit);
nlohmann::json to_json(const std::optional<LegalStatusInfo>& status);

}  // namespace himoya
