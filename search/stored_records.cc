#include "search/stored_records.h"

#include <map>

#include "analysis/term_scheme.h"
#include "search/database_state.h"

namespace himoya::detail {

std::string record_term(const char* kind) { return std::string(terms::kRecord) + kind; }

namespace {

std::optional<StoredRecord> document_record_data(const Xapian::Database& db, const std::string& document_id) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(terms::unique_id_term(document_id)),
                                    Xapian::Query(record_term("document"))));
    Xapian::MSet found = enquire.get_mset(0, 1);
    if (found.empty()) return std::nullopt;
    return decode_record(found.begin().get_document().get_data());
}

// The document metadata of recently read provisions' documents, per thread
// (an IndexView is one thread's), for one state of one database: a page of
// hits reads a few documents many times. Entries hold no text.
class DocumentFieldsCache {
public:
    static constexpr size_t kMaxEntries = 256;

    const StoredRecord* find(const Xapian::Database& db, const std::string& document_id) {
        std::string state = database_state(db);
        if (state != state_) {
            entries_.clear();
            state_ = std::move(state);
        }
        if (auto it = entries_.find(document_id); it != entries_.end()) return &it->second;
        std::optional<StoredRecord> document = document_record_data(db, document_id);
        if (!document) return nullptr;
        document->text.clear();
        if (entries_.size() >= kMaxEntries) entries_.clear();
        return &entries_.emplace(document_id, std::move(*document)).first->second;
    }

private:
    std::string state_;
    std::map<std::string, StoredRecord> entries_;
};

}  // namespace

std::optional<StoredRecord> stored_record(const Xapian::Database& db, const Xapian::Document& record) {
    std::optional<StoredRecord> data = decode_record(record.get_data());
    if (data && data->kind == "provision" && !data->document_id.empty()) {
        thread_local DocumentFieldsCache cache;
        if (const StoredRecord* document = cache.find(db, data->document_id)) fill_document_fields(*data, *document);
    }
    return data;
}

std::optional<StoredRecord> document_data(const Xapian::Database& db, const std::string& document_id) {
    return document_record_data(db, document_id);
}

std::vector<DocumentVersion> versions_of(const Xapian::Database& db, const StoredRecord& document) {
    std::vector<DocumentVersion> versions;
    Xapian::Enquire work(db);
    work.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                 Xapian::Query(terms::boolean_term(terms::kWork, document.work_id)),
                                 Xapian::Query(record_term("document"))));
    Xapian::MSet others = work.get_mset(0, 100);
    for (auto it = others.begin(); it != others.end(); ++it) {
        std::optional<StoredRecord> other = stored_record(db, it.get_document());
        if (!other || other->id == document.id) continue;
        versions.push_back({other->id, other->lang, other->title, other->text_status});
    }
    return versions;
}

SearchHit hit_from_data(const StoredRecord& data) {
    SearchHit hit;
    hit.id = data.id;
    hit.document_id = data.document_id;
    hit.kind = data.kind;
    hit.unit_id = data.unit_id;
    hit.title = data.title;
    hit.num = data.num;
    hit.heading = data.heading;
    hit.label = data.label;
    hit.jurisdiction = data.jurisdiction;
    hit.lang = data.lang;
    hit.type = data.type;
    hit.date = data.date;
    hit.body = data.body;
    hit.year = data.year;
    hit.topics = data.topics;
    hit.mentions = data.mentions;
    hit.body_id = data.body_id;
    hit.work_id = data.work_id;
    hit.original = data.original;
    hit.concepts_automatic = data.concepts_automatic;
    hit.indexed = data.indexed;
    hit.updated = data.updated;
    if (data.legal_status) {
        LegalStatusInfo status{data.legal_status->state, data.legal_status->since, {}};
        for (const StoredRelation& r : data.legal_status->relations)
            status.relations.push_back({r.type, r.work, r.date, r.url, r.citation});
        hit.legal_status = std::move(status);
    }
    return hit;
}

}  // namespace himoya::detail
