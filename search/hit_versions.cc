// The language versions of the texts on a page (versions=group): one lookup
// for all of them through their version-group terms, and one more to learn
// which of those versions match the query themselves, and how well.
#include <algorithm>
#include <set>

#include "analysis/term_scheme.h"
#include "search/hit_versions.h"
#include "search/stored_records.h"

namespace himoya::detail {

std::map<std::string, std::vector<TextVersion>> text_versions(const Xapian::Database& db,
                                                              const Xapian::Query& matching,
                                                              const std::vector<std::string>& groups,
                                                              TextCountSpy* noted) {
    std::map<std::string, std::vector<TextVersion>> out;
    std::vector<Xapian::Query> terms;
    for (const std::string& g : groups)
        if (!g.empty()) terms.emplace_back(terms::version_group_term(g));
    if (terms.empty()) return out;
    const Xapian::Query any_group(Xapian::Query::OP_OR, terms.begin(), terms.end());
    // A text has one version per language: a few per text (and the documents of
    // one work share its group). The cap only guards against a corrupt index.
    const Xapian::doccount cap = static_cast<Xapian::doccount>(terms.size()) * 16;

    std::map<Xapian::docid, double> matched;  // docid -> its weight for the query
    if (!noted || !noted->noting()) {
        Xapian::Enquire matches(db);
        matches.set_query(Xapian::Query(Xapian::Query::OP_FILTER, matching, any_group));
        Xapian::MSet m = matches.get_mset(0, cap);
        for (auto it = m.begin(); it != m.end(); ++it) matched[*it] = it.get_weight();
    }

    Xapian::Enquire all(db);
    all.set_query(any_group);
    all.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet found = all.get_mset(0, cap);
    for (auto it = found.begin(); it != found.end(); ++it) {
        TextVersion v;
        v.record = it.get_document();
        std::optional<StoredRecord> data = stored_record(db, v.record);
        if (!data) continue;
        v.data = std::move(*data);
        std::optional<double> weight;
        if (noted && noted->noting()) weight = noted->weight_of(*it);
        else if (auto w = matched.find(*it); w != matched.end()) weight = w->second;
        if (weight) {
            v.matched = true;
            v.weight = *weight;
        }
        out[v.record.get_value(terms::kSlotVersionGroup)].push_back(std::move(v));
    }
    return out;
}

const TextVersion* version_in(const std::vector<TextVersion>& versions, std::string_view shown_lang) {
    const TextVersion* best = nullptr;
    if (!shown_lang.empty())
        for (const TextVersion& v : versions)
            if (v.matched && v.data.lang == shown_lang &&
                (!best || v.weight > best->weight || (v.weight == best->weight && v.data.document_id > best->data.document_id)))
                best = &v;
    return best;
}

const TextVersion* any_version_in(const std::vector<TextVersion>& versions, std::string_view shown_lang) {
    if (shown_lang.empty()) return nullptr;
    const TextVersion* best = version_in(versions, shown_lang);
    if (best) return best;
    for (const TextVersion& v : versions)
        if (v.data.lang == shown_lang && (!best || v.data.document_id > best->data.document_id)) best = &v;
    return best;
}

const TextVersion* canonical_version(const std::vector<TextVersion>& versions, double weight,
                                     std::string_view shown_lang) {
    const TextVersion* best = version_in(versions, shown_lang);
    if (best) return best;
    for (const TextVersion& v : versions) {
        if (!v.matched || v.weight != weight) continue;
        if (!best || v.data.document_id > best->data.document_id) best = &v;
    }
    return best;
}

std::vector<HitVersion> other_versions(const std::vector<TextVersion>& versions, const std::string& hit_id) {
    std::vector<HitVersion> out;
    for (const TextVersion& t : versions) {
        SearchHit v = hit_from_data(t.data);
        if (v.id == hit_id) continue;
        out.push_back({v.id, v.document_id, v.unit_id, v.lang, t.data.text_status, t.matched, t.weight});
    }
    std::sort(out.begin(), out.end(),
              [](const HitVersion& a, const HitVersion& b) { return a.lang != b.lang ? a.lang < b.lang : a.id < b.id; });
    return out;
}

namespace {

// Notes each match's version group (kSlotVersionGroup), up to a limit.
class GroupSpy : public Xapian::MatchSpy {
public:
    explicit GroupSpy(size_t max_groups) : max_groups_(max_groups) {}
    void operator()(const Xapian::Document& doc, double) override {
        if (groups_.size() > max_groups_) return;
        std::string group = doc.get_value(terms::kSlotVersionGroup);
        if (!group.empty()) groups_.insert(std::move(group));
    }
    const std::set<std::string>& groups() const { return groups_; }

private:
    size_t max_groups_;
    std::set<std::string> groups_;
};

}  // namespace

std::optional<Xapian::Query> texts_matching(const Xapian::Database& db, const Xapian::Query& query, size_t max_texts) {
    Xapian::Enquire enquire(db);
    enquire.set_query(query);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    enquire.set_docid_order(Xapian::Enquire::ASCENDING);
    GroupSpy spy(max_texts);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    if (spy.groups().size() > max_texts) return std::nullopt;
    std::vector<Xapian::Query> texts;
    for (const std::string& g : spy.groups()) texts.emplace_back(terms::version_group_term(g));
    if (texts.empty()) return Xapian::Query();
    return Xapian::Query(Xapian::Query::OP_OR, texts.begin(), texts.end());
}

}  // namespace himoya::detail
