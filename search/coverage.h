// What counts as coverage of a concept: the records about it that do not say
// the law has no provision on it (corpus markup `absent`, XN terms,
// docs/term-scheme.md). Shared by compare and the matrix (compare.cc) and the
// topic page (topic_service.cc), so that they count alike. Internal to
// search/: it speaks Xapian queries.
#pragma once

#include <string>
#include <vector>

#include <xapian.h>

namespace himoya {

// The records that cover one of `concepts` (about it, and not saying the law
// has no provision on it); `stated`, when given, is set to the records that
// say that of one of them and cover none (empty when no record does). Boolean
// terms only. Reads `db`'s vocabulary; thread-safety is the database's.
Xapian::Query coverage_query(const Xapian::Database& db, const std::vector<std::string>& concepts,
                             Xapian::Query* stated = nullptr);

}  // namespace himoya
