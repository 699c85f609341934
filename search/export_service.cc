#include "search/export_service.h"

#include <algorithm>
#include <utility>

#include <xapian.h>

#include "analysis/term_scheme.h"
#include "search/stored_records.h"

namespace himoya {

ExportCounts export_knowledge_base(IndexView& view, const ExportVisitor& visitor) {
    ExportCounts counts;
    auto stop = [&counts] {
        counts.stopped = true;
        return counts;
    };
    Xapian::Database& db = view.db();
    // Document ids first (kSlotDocumentId: no data read), sorted, so that the
    // order does not depend on docids (which differ with the number of threads).
    std::vector<std::pair<std::string, Xapian::docid>> documents;
    const std::string document_term = detail::record_term("document");
    for (auto it = db.postlist_begin(document_term); it != db.postlist_end(document_term); ++it)
        documents.emplace_back(db.get_document(*it, Xapian::DOC_ASSUME_VALID).get_value(terms::kSlotDocumentId), *it);
    std::sort(documents.begin(), documents.end());
    const Xapian::doccount all = db.get_doccount();
    for (const auto& [id, docid] : documents) {
        std::optional<StoredRecord> data = detail::stored_record(db, db.get_document(docid));
        if (!data) continue;
        if (visitor.document) {
            ExportedDocument d{std::move(*data), {}};
            d.versions = detail::versions_of(db, d.document);
            ++counts.documents;
            if (!visitor.document(d)) return stop();
        }
        if (!visitor.provision) continue;
        Xapian::Enquire parts(db);
        parts.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                      Xapian::Query(terms::boolean_term(terms::kDocument, id)),
                                      Xapian::Query(detail::record_term("provision"))));
        parts.set_sort_by_value(terms::kSlotOrdinal, false);
        parts.set_docid_order(Xapian::Enquire::ASCENDING);
        Xapian::MSet mset = parts.get_mset(0, all);
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            std::optional<StoredRecord> p = detail::stored_record(db, it.get_document());
            if (!p) continue;
            ++counts.provisions;
            if (!visitor.provision(*p)) return stop();
        }
    }
    if (visitor.concept_entry && view.thesaurus())
        for (const Concept& c : view.thesaurus()->concepts()) {
            ++counts.concepts;
            if (!visitor.concept_entry(c)) return stop();
        }
    return counts;
}

}  // namespace himoya
