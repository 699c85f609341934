// "Did you mean": a query with each word the index does not know replaced by
// its closest known spelling — Xapian's spelling table, then, of the corpus
// words that differ from it only in Tajik letters and their keyboard
// substitutes, the commonest (never a rare variant that is itself a slip).
// Used by search (a suggestion, or the spelling searched when nothing
// matches) and by compare by words. Reads the database only: thread-safe as
// far as the database handle is.
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

#include "search/query_builder.h"

namespace himoya {

// `query` with its unknown words respelled; nullopt when no word changes.
// `built` is `query` compiled (its words and their byte offsets in `query`).
std::optional<std::string> spelling_suggestion(const Xapian::Database& db, const BuiltQuery& built, const std::string& query);

}  // namespace himoya
