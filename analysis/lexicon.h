// The word lexicon: ordinary words of the corpus (not thesaurus concepts) with
// their counterparts in the other two languages, so that a question in one
// language finds a provision that exists only in another ("делегация" finds
// "delegation", "ҳайат"). Thesaurus labels translate concepts; the lexicon
// translates the remaining words of a question, word by word, at a lower
// weight than the word itself (search/query_builder.cc).
//
// Source: corpus/lexicon.tsv (format in corpus/lexicon.README.md): lines
// "en<TAB>ru<TAB>tg", each cell one or more forms separated by " | ".
// The indexer analyses every form with the shared Analyzer and stores, in the
// index's synonym table, key terms::kTranslation + stem → the stems of each
// counterpart form (space-separated for a form of several words): the search
// side looks a query word's stem up there and needs no copy of the file, and
// index and query agree because one Analyzer made both.
//
// Plain functions; the Analyzer passed is the caller's (not thread-safe).
#pragma once

#include <array>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "analysis/analyzer.h"

namespace himoya {

struct LexiconRow {
    static constexpr std::array<const char*, 3> kLanguages{"en", "ru", "tg"};  // the columns, in order
    std::array<std::vector<std::string>, 3> forms;  // per column: forms as written, dictionary form first
    int line = 0;                                   // 1-based line in the file
};

struct LexiconProblem {
    int line = 0;  // 1-based
    std::string what;
};

// Parses the file's text. Comment (#) and blank lines are ignored; a line that
// is not three non-empty cells, or has an empty form, is left out and named
// in `problems`. Never throws.
std::vector<LexiconRow> parse_lexicon(std::string_view text, std::vector<LexiconProblem>& problems);

// The synonym-table entries of the rows: for every form of one word in a
// column, (terms::kTranslation + its stem, the stems of each form of the other
// two columns joined by ' '). A form of several words is a translation but
// never a key (a query word is one word). Stopwords are left out of both.
// Entries are unique and sorted.
std::vector<std::pair<std::string, std::string>> translation_entries(const std::vector<LexiconRow>& rows,
                                                                     Analyzer& analyzer);

}  // namespace himoya
