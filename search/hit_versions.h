// Internal to the search library: the language versions of the texts on a
// page, which of them match the query, and which one stands for a text.
// Functions of one open database; thread-safety is the database's.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/record_codec.h"
#include "search/search_types.h"
#include "search/text_matches.h"

namespace himoya::detail {

// A record of a text's version group, and whether it matches the page's query.
struct TextVersion {
    Xapian::Document record;
    StoredRecord data;
    bool matched = false;
    double weight = 0;  // its weight for the query when matched
};
// Every record of each version group in `groups` (kSlotVersionGroup values), by
// group. Which of them match `matching`, and how well, comes from `noted` when
// it noted the page's match, else from one more search.
std::map<std::string, std::vector<TextVersion>> text_versions(const Xapian::Database& db,
                                                              const Xapian::Query& matching,
                                                              const std::vector<std::string>& groups,
                                                              TextCountSpy* noted);
// The version that stands for a text on a page: its version in `shown_lang`
// (the UI language) when that one matches the query — a trainer reading the
// Russian page gets the Russian text wherever it matched, not whichever
// version scored a little higher through a translation or a tie; else, among
// the matching versions of weight `weight`, the one with the greatest document
// id: equal weights are settled by id, not by docid, so which version stands
// for a text does not depend on indexing order (incremental, shards).
const TextVersion* canonical_version(const std::vector<TextVersion>& versions, double weight,
                                     std::string_view shown_lang = {});
// The matching version in `shown_lang`, the best-weighted if several; null
// when none matches. Orders other than relevance (date, indexed, browsing)
// show a text through it: their own order settles nothing about languages.
const TextVersion* version_in(const std::vector<TextVersion>& versions, std::string_view shown_lang);
// The version in `shown_lang` whether or not it matches: a text found through
// its English version ("убежище" → "shelter") is the same text in Russian
// (versions are parallel, their concepts agreed), and a reader of the Russian
// page reads it in Russian. Null when the text has no version in it.
const TextVersion* any_version_in(const std::vector<TextVersion>& versions, std::string_view shown_lang);
// The texts (version groups) with a record matching `query`: the OR of their
// kVersionGroup terms, so that AND_NOT with it leaves out every language
// version of such a text; an empty query when none matches. One unweighted
// pass over the matches. nullopt when more than `max_texts` match: the
// caller leaves out the matching records only (a word most texts hold,
// negated, would make a query of that many terms).
std::optional<Xapian::Query> texts_matching(const Xapian::Database& db, const Xapian::Query& query, size_t max_texts);
// The versions other than `hit_id`, as a hit lists them, by language.
std::vector<HitVersion> other_versions(const std::vector<TextVersion>& versions, const std::string& hit_id);

}  // namespace himoya::detail
