#include "search/document_service.h"

#include <algorithm>

#include <xapian.h>

#include "analysis/term_scheme.h"
#include "search/stored_records.h"

namespace himoya {

using detail::record_term;

std::optional<DocumentPage> find_document(IndexView& view, const std::string& document_id, size_t offset,
                                          size_t limit) {
    Xapian::Database& db = view.db();
    std::optional<StoredRecord> found = detail::document_data(db, document_id);
    if (!found) return std::nullopt;
    DocumentPage page;
    page.document = std::move(*found);
    page.versions = detail::versions_of(db, page.document);

    Xapian::Enquire parts(db);
    parts.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                  Xapian::Query(terms::boolean_term(terms::kDocument, document_id)),
                                  Xapian::Query(record_term("provision"))));
    parts.set_sort_by_value(terms::kSlotOrdinal, false);
    // One page of provisions: only the page's data is read. Checking every
    // match makes the total exact.
    const Xapian::doccount all = db.get_doccount();
    const auto first = static_cast<Xapian::doccount>(std::min<size_t>(offset, all));
    const auto count = static_cast<Xapian::doccount>(std::min<size_t>(limit, all));
    Xapian::MSet mset = parts.get_mset(first, count, all);
    for (auto it = mset.begin(); it != mset.end(); ++it)
        if (std::optional<StoredRecord> p = detail::stored_record(db, it.get_document()))
            page.provisions.push_back(std::move(*p));
    page.total = static_cast<size_t>(mset.get_matches_estimated());
    page.offset = offset;
    page.limit = limit == std::numeric_limits<size_t>::max() ? page.total : limit;
    return page;
}

IndexHealth index_health(IndexView& view) {
    return {static_cast<long>(view.db().get_termfreq(record_term("document"))),
            static_cast<long>(view.db().get_termfreq(record_term("provision")))};
}

}  // namespace himoya
