// Limits on what one document may put into the index, applied to every
// document as it is read (read_document_file), so that one document cannot
// slow every search: searching re-reads and re-analyses the stored text of
// each hit (snippets), so a 10 MB provision costs seconds in every search it
// matches, and a document of 100,000 provisions is a 20 MB answer.
//
// A cap cuts, it does not skip: the document is indexed up to the limit, and
// what was cut is a problem in the report (`file: what`, marked truncated),
// which makes the run's exit status 2 and fails --strict. The limits are
// documented in docs/corpus-format.md ("Limits") and docs/reliability.md.
#pragma once

#include <cstddef>
#include <string>

#include "indexer/document.h"
#include "indexer/ingest_report.h"

namespace himoya {

// A provision's text is cut to at most this many bytes, at a word boundary
// (or, in a word longer than kWordSearchBytes, at a UTF-8 character boundary).
inline constexpr size_t kMaxProvisionTextBytes = 1024 * 1024;
// A provision's heading (shown whole with every hit) is cut the same way.
inline constexpr size_t kMaxHeadingBytes = 4096;
// Provisions after this many in a document are dropped.
inline constexpr size_t kMaxProvisionsPerDocument = 20000;
// How far back from the limit a cut looks for a space.
inline constexpr size_t kWordSearchBytes = 256;

// The longest prefix of `text` of at most `max_bytes` that ends at a word
// boundary (trailing spaces dropped), or at a UTF-8 character boundary when
// no space lies within kWordSearchBytes of the limit. `text` is valid UTF-8.
std::string cut_text(const std::string& text, size_t max_bytes);

// Applies the caps to `document` (read from `file`). Each cut is reported;
// returns whether anything was cut (the caller counts the document once).
bool apply_document_caps(Document& document, const std::string& file, IngestReport& report);

}  // namespace himoya
