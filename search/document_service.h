// The documents service: one document with its language versions and a page
// of its provisions (/api/documents/{id}), and what the index holds
// (/api/health), over one IndexView (index_view.h). server/api_json.h encodes
// the page.
//
// Uses the view alone while it runs: not thread-safe, as the view is not.
#pragma once

#include <cstddef>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "analysis/record_codec.h"
#include "search/compare.h"  // DocumentVersion
#include "search/index_view.h"

namespace himoya {

struct IndexHealth {
    long documents = 0;
    long provisions = 0;
};

// A document with its other language versions and one page of its provisions.
struct DocumentPage {
    StoredRecord document;                  // its metadata as stored
    std::vector<DocumentVersion> versions;  // its other language versions
    std::vector<StoredRecord> provisions;   // the page, in document order
    size_t offset = 0, limit = 0;           // the page asked for (limit: the total when not given)
    size_t total = 0;                       // provisions in the document
};

// The document with `limit` of its provisions in document order from
// `offset`; nullopt if there is no document with that id.
std::optional<DocumentPage> find_document(IndexView& view, const std::string& document_id, size_t offset = 0,
                                          size_t limit = std::numeric_limits<size_t>::max());

// How many documents and provisions the index holds.
IndexHealth index_health(IndexView& view);

}  // namespace himoya
