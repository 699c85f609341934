// "Did you mean": a query with each word the index does not know replaced by
// its closest known spelling — Xapian's spelling table, then, of the corpus
// words that differ from it only in Tajik letters and their keyboard
// substitutes, the commonest (never a rare variant that is itself a slip).
// A word is respelled only when it is unknown or misspelt: one whose closest
// known spelling is another form of its own stem (участковый and the corpus's
// участковые) is a correctly spelled word the index finds through its stem,
// and stays as typed — but for the Tajik letters it was typed without
// (никохи → никоҳи), which are given back. Used by search (a suggestion, or
// the spelling searched when nothing matches) and by compare by words. Reads
// the database and stems with the view's analyser: thread-safe as far as
// those are (one view, one thread).
#pragma once

#include <optional>
#include <string>

#include <xapian.h>

#include "search/query_builder.h"

namespace himoya {

class Analyzer;

// `query` with its unknown words respelled; nullopt when no word changes.
// `built` is `query` compiled (its words and their byte offsets in `query`).
std::optional<std::string> spelling_suggestion(const Xapian::Database& db, Analyzer& analyzer, const BuiltQuery& built,
                                               const std::string& query);

// Whether `candidate` is another form of the word `typed` rather than another
// word: they share a stem in English, Russian or Tajik (участковый,
// участковые: участков), or one is the other's stem as a word (вызове stems
// to вызов, whose own stem is выз), or, where either has a Tajik letter,
// their folded stems agree (никохи, никоҳ). Canonical words.
bool same_stem(Analyzer& analyzer, const std::string& typed, const std::string& candidate);

// `typed` with the Tajik letters `model` has where `typed` has their keyboard
// substitutes, along the start the two share letter for letter once folded
// (никохи after никоҳ: никоҳи); a final ӣ only where both words end with it
// (ӣ is a word's last letter: зуроварии keeps its и). Canonical words.
std::string restore_tajik_letters(const std::string& typed, const std::string& model);

// Whether the did-you-mean spelling (`suggested`, compiled) names a thesaurus
// concept the words as typed (`typed`) do not. A slip that still matches
// something through its stem hides the concept the reader meant: "охраный"
// (one letter short, in no text as written) stems like "охране", so
// "охраный ордер" matched a few texts and no concept, and compare showed
// three countries with protection-order laws as gaps. Search and compare take
// such a spelling instead of the words typed, and say so (`corrected`).
bool names_more_concepts(const BuiltQuery& typed, const BuiltQuery& suggested);

}  // namespace himoya
