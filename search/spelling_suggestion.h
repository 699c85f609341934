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

// Whether the did-you-mean spelling (`suggested`, compiled) names a thesaurus
// concept the words as typed (`typed`) do not. A slip that still matches
// something through its stem hides the concept the reader meant: "охраный"
// (one letter short, in no text as written) stems like "охране", so
// "охраный ордер" matched a few texts and no concept, and compare showed
// three countries with protection-order laws as gaps. Search and compare take
// such a spelling instead of the words typed, and say so (`corrected`).
bool names_more_concepts(const BuiltQuery& typed, const BuiltQuery& suggested);

}  // namespace himoya
