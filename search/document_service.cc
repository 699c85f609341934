#include "search/document_service.h"

#include <algorithm>

#include <xapian.h>

#include "analysis/term_scheme.h"
#include "search/references.h"
#include "search/stored_records.h"

namespace himoya {

using detail::record_term;

namespace {

LinkedProvision linked(const ReferenceGraph& graph, const std::string& provision_id) {
    LinkedProvision out;
    out.id = provision_id;
    if (const ReferenceGraph::UnitInfo* u = graph.unit(provision_id)) {
        out.document_id = u->document_id;
        out.unit_id = u->unit_id;
        out.label = u->label;
        out.heading = u->heading;
    }
    return out;
}

// The references of each provision of a page (search/references.h); none
// where the graph cannot be built (a remote shard keeps no stored text here).
std::vector<ProvisionLinks> links_of(const Xapian::Database& db, const std::vector<StoredRecord>& provisions) {
    std::vector<ProvisionLinks> out(provisions.size());
    std::shared_ptr<const ReferenceGraph> graph;
    try {
        graph = ReferenceGraph::of(db);
    } catch (const Xapian::Error&) {
        return out;
    }
    for (size_t i = 0; i < provisions.size(); ++i) {
        const StoredRecord& p = provisions[i];
        for (const ResolvedReference& r : graph->refers_to(p.id)) {
            ProvisionReferenceLink link;
            link.text = r.surface;
            link.articles = r.articles;
            link.act = act_name(r.act);
            link.works = r.works;
            if (!r.works.empty()) link.document = graph->document_of(r.works.front(), p.lang);
            if (!link.document.empty()) link.document_title = graph->title_of(link.document);
            for (const std::string& t : r.targets) link.provisions.push_back(linked(*graph, t));
            link.resolved = r.resolved();
            out[i].refers_to.push_back(std::move(link));
        }
        for (const std::string& c : graph->referred_by(p.id)) out[i].referred_by.push_back(linked(*graph, c));
    }
    return out;
}

}  // namespace

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
    if (!page.provisions.empty()) page.links = links_of(db, page.provisions);
    page.offset = offset;
    page.limit = limit == std::numeric_limits<size_t>::max() ? page.total : limit;
    return page;
}

IndexHealth index_health(IndexView& view) {
    return {static_cast<long>(view.db().get_termfreq(record_term("document"))),
            static_cast<long>(view.db().get_termfreq(record_term("provision")))};
}

}  // namespace himoya
