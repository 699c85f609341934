// The facts service: the fact table of a topic (/api/facts) — the comparison
// tables the indexer stored in the index's metadata (indexer/facts_reader.h),
// read from one IndexView (index_view.h) and decoded by
// analysis/record_codec.h. server/api_json.h encodes the table.
//
// Uses the view alone while it runs: not thread-safe, as the view is not.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "analysis/record_codec.h"
#include "search/compare.h"
#include "search/index_view.h"

namespace himoya {

// The fact table of `topic`; nullopt if the index has none (or cannot read it).
// Each provision cited is cited in `ui_lang` where its text has a version in
// it (a Tajik page cites the Tajik article, not the English one the table's
// author pointed to), else as stored; "" keeps every citation as stored.
std::optional<StoredFactTable> fact_table(IndexView& view, const std::string& topic, const std::string& ui_lang = "");

// What the blanks of a fact table rest on: per jurisdiction code, per field
// the table has no fact for, the law works in force known to cover the
// field's concepts in parts not held (search/compare.h, law_not_held); a
// blank left out is simply unknown. Works named in `ui`.
using FactsNotHeld = std::map<std::string, std::map<std::string, std::vector<NotHeldWork>>>;
FactsNotHeld facts_not_held(IndexView& view, const StoredFactTable& table, UiLanguage ui);

}  // namespace himoya
