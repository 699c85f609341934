// What the analyser does to a text, stage by stage, as /api/analyze and
// `himoya analyze` show it (the equivalent of Elasticsearch's _analyze).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "analysis/analyzer.h"

namespace himoya {

// {"lang", "latin_tajik", "tokens":[{"token","term","stem","lang","stopword","start","end","position",
//   "normalized" (= term), "folded_term", "folded" (folded-layer key, "" if none),
//   "tajik" ({"term","stem","folded"}: only for Latin words of Latin-script Tajik)}]}
// `language` is tg, ru, en or auto (detected from the text).
nlohmann::json analysis_report(Analyzer& analyzer, const std::string& text, const std::string& language);

// The same with a fresh Analyzer, for one-off callers such as the CLI.
nlohmann::json analysis_report(const std::string& text, const std::string& language);

}  // namespace himoya
