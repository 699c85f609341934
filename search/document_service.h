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

// A provision a link points at (search/references.h).
struct LinkedProvision {
    std::string id, document_id, unit_id, label, heading;
};

// One reference a provision makes, resolved where its target is in the index.
struct ProvisionReferenceLink {
    std::string text;                    // the words that make it, in the provision's language
    std::vector<std::string> articles;   // normalised ("93-2"); empty: an act as a whole
    std::string act;                     // act_name(): "admin-code", "self", "implied" …
    std::vector<std::string> works;      // the act pointed at (one act may be kept as several works); empty if not here
    std::string document;                // the first work's version in this language ("" if not here)
    std::string document_title;          // its title
    std::vector<LinkedProvision> provisions;  // the provisions pointed at
    bool resolved = false;               // false: listed, not guessed (its act or article is not in the index)
};

// What a provision refers to and what refers to it.
struct ProvisionLinks {
    std::vector<ProvisionReferenceLink> refers_to;
    std::vector<LinkedProvision> referred_by;
};

// A document with its other language versions and one page of its provisions.
struct DocumentPage {
    StoredRecord document;                  // its metadata as stored
    std::vector<DocumentVersion> versions;  // its other language versions
    std::vector<StoredRecord> provisions;   // the page, in document order
    std::vector<ProvisionLinks> links;      // for each provision of the page, its references
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
