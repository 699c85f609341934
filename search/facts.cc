#include "search/facts.h"

#include <algorithm>
#include <set>

#include <xapian.h>

#include "analysis/term_scheme.h"
#include "search/stored_records.h"

namespace himoya {

namespace {

// The version of the cited provision's text in `lang` (the same version
// group: work id + unit id), or nullopt when the text has none in it.
std::optional<StoredRecord> version_in(const Xapian::Database& db, const StoredFactCitation& c, const std::string& lang) {
    const std::string id_term = terms::unique_id_term(c.id);
    Xapian::PostingIterator cited = db.postlist_begin(id_term);
    if (cited == db.postlist_end(id_term)) return std::nullopt;
    const std::string group = db.get_document(*cited).get_value(terms::kSlotVersionGroup);
    if (group.empty()) return std::nullopt;
    const std::string group_term = terms::version_group_term(group);
    for (auto it = db.postlist_begin(group_term); it != db.postlist_end(group_term); ++it) {
        Xapian::Document record = db.get_document(*it);
        if (record.get_value(terms::kSlotVersionGroup) != group) continue;
        std::optional<StoredRecord> data = detail::stored_record(db, record);
        if (data && data->kind == "provision" && data->lang == lang) return data;
    }
    return std::nullopt;
}

}  // namespace

std::optional<StoredFactTable> fact_table(IndexView& view, const std::string& topic, const std::string& ui_lang) {
    std::string stored = view.db().get_metadata("facts:" + topic);
    if (stored.empty()) return std::nullopt;
    std::optional<StoredFactTable> table = decode_fact_table(stored);
    if (!table || ui_lang.empty()) return table;
    for (StoredFactJurisdiction& place : table->jurisdictions)
        for (auto& [key, fact] : place.facts) {
            std::vector<StoredFactCitation> shown;
            for (StoredFactCitation& c : fact.citations) {
                if (c.lang != ui_lang)
                    if (std::optional<StoredRecord> v = version_in(view.db(), c, ui_lang))
                        c = {v->id, v->label.empty() ? v->heading : v->label, v->heading, v->title, v->lang, v->document_id, v->unit_id};
                // Two versions of one text cited become the same citation: cited once.
                if (std::none_of(shown.begin(), shown.end(), [&](const StoredFactCitation& s) { return s.id == c.id; }))
                    shown.push_back(std::move(c));
            }
            fact.citations = std::move(shown);
        }
    return table;
}

FactsNotHeld facts_not_held(IndexView& view, const StoredFactTable& table, UiLanguage ui) {
    FactsNotHeld out;
    for (const StoredFactJurisdiction& place : table.jurisdictions)
        for (const StoredFactField& field : table.fields) {
            if (field.concepts.empty() || place.facts.count(field.key)) continue;
            std::vector<NotHeldWork> works =
                law_not_held(view, place.code, std::set<std::string>(field.concepts.begin(), field.concepts.end()), ui);
            if (!works.empty()) out[place.code][field.key] = std::move(works);
        }
    return out;
}

}  // namespace himoya
