// The export service: the whole knowledge base as typed items, for the JSON
// Lines dump (`himoya export`, GET /api/export.jsonl; server/api_json.h
// encodes each item). Every document with its language versions, followed by
// its provisions in document order (documents by id), then the thesaurus's
// concepts in file order: a stable order, the same for the same index.
//
// Items are handed to the visitor one at a time, so a caller can write them
// out as they come (the CLI streams to stdout) or stop early (the server caps
// its answer): nothing but the current document's provisions is held.
//
// Uses the view alone while it runs: not thread-safe, as the view is not.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "analysis/record_codec.h"
#include "analysis/thesaurus.h"
#include "search/compare.h"  // DocumentVersion
#include "search/index_view.h"

namespace himoya {

// A document as exported: its stored metadata (legal status, source,
// indexed/updated) and its other language versions.
struct ExportedDocument {
    StoredRecord document;
    std::vector<DocumentVersion> versions;
};

// What the export calls per item; each returns false to stop the export.
// A callback left empty skips its kind of item.
struct ExportVisitor {
    std::function<bool(const ExportedDocument&)> document;
    std::function<bool(const StoredRecord&)> provision;
    std::function<bool(const Concept&)> concept_entry;
};

// How many items of each kind were visited.
struct ExportCounts {
    long documents = 0, provisions = 0, concepts = 0;
    bool stopped = false;  // a callback returned false
};

// Visits every item of the index in the order above.
ExportCounts export_knowledge_base(IndexView& view, const ExportVisitor& visitor);

}  // namespace himoya
