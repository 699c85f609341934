// The other language versions of the hits on a page (versions=group): one
// lookup for all of them through their version-group terms, and one more to
// learn which of those versions match the query themselves.
#include <algorithm>
#include <map>

#include "analysis/term_scheme.h"
#include "search/searcher_impl.h"

namespace himoya::detail {

using nlohmann::json;

void attach_versions(const Xapian::Database& db, const Xapian::Query& matching, std::vector<SearchHit>& hits) {
    std::vector<Xapian::Query> groups;
    for (const SearchHit& h : hits)
        if (!h.version_group.empty()) groups.emplace_back(terms::version_group_term(h.version_group));
    if (groups.empty()) return;
    const Xapian::Query any_group(Xapian::Query::OP_OR, groups.begin(), groups.end());
    // A text has one version per language: a few per hit (and the documents of
    // one work share its group). The cap only guards against a corrupt index.
    const Xapian::doccount cap = static_cast<Xapian::doccount>(groups.size()) * 16;

    std::map<std::string, double> matched;  // version id -> its weight for the query
    Xapian::Enquire matches(db);
    matches.set_query(Xapian::Query(Xapian::Query::OP_FILTER, matching, any_group));
    Xapian::MSet m = matches.get_mset(0, cap);
    for (auto it = m.begin(); it != m.end(); ++it) {
        json data = json::parse(it.get_document().get_data(), nullptr, false);
        if (!data.is_discarded()) matched[json_string(data, "id")] = it.get_weight();
    }

    std::map<std::string, std::vector<HitVersion>> by_group;
    Xapian::Enquire all(db);
    all.set_query(any_group);
    all.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::MSet found = all.get_mset(0, cap);
    for (auto it = found.begin(); it != found.end(); ++it) {
        const Xapian::Document record = it.get_document();
        json data = json::parse(record.get_data(), nullptr, false);
        if (data.is_discarded()) continue;
        SearchHit v = hit_from_data(data);
        HitVersion version{v.id, v.document_id, v.lang, json_string(data, "text_status"), false, 0, v.url};
        if (auto w = matched.find(v.id); w != matched.end()) {
            version.matched = true;
            version.score = w->second;
        }
        by_group[record.get_value(terms::kSlotVersionGroup)].push_back(std::move(version));
    }
    for (SearchHit& h : hits) {
        auto it = by_group.find(h.version_group);
        if (h.version_group.empty() || it == by_group.end()) continue;
        for (const HitVersion& v : it->second)
            if (v.id != h.id) h.versions.push_back(v);
        std::sort(h.versions.begin(), h.versions.end(),
                  [](const HitVersion& a, const HitVersion& b) { return a.lang != b.lang ? a.lang < b.lang : a.id < b.id; });
    }
}

}  // namespace himoya::detail
