#include "search/related.h"

#include <set>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "analysis/term_scheme.h"
#include "search/compare.h"
#include "search/concept_expansion.h"
#include "search/hit_versions.h"
#include "search/stored_records.h"
#include "search/snippets.h"

namespace himoya {


std::optional<RelatedPassages> related_passages(IndexView& view, const std::string& provision_id, int limit,
                                                UiLanguage ui_lang) {
    const Thesaurus* thesaurus = view.thesaurus();
    if (limit < 1 || limit > 50) throw BadRequest({"limit must be 1..50", "limit должен быть от 1 до 50", "limit бояд аз 1 то 50 бошад"});
    Xapian::Enquire find(view.db());
    find.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(terms::unique_id_term(provision_id)),
                                 Xapian::Query(detail::record_term("provision"))));
    Xapian::MSet found = find.get_mset(0, 1);
    if (found.empty()) return std::nullopt;
    SearchHit self = detail::hit_from_data(detail::stored_record(view.db(), found.begin().get_document()).value_or(StoredRecord{}));

    RelatedPassages out{provision_id, {}, {}, {}};
    if (!thesaurus || self.topics.empty()) return out;

    // Ranked by the shared concepts' labels; other versions of the same work are not "related".
    std::set<std::string> stems;
    std::vector<Xapian::Query> by_concept;
    std::set<std::string> shared(self.topics.begin(), self.topics.end());
    for (const auto& id : self.topics) {
        const Concept* c = thesaurus->find(id);
        if (!c) continue;
        out.concepts.push_back({id, c->label(std::string(name(ui_lang)))});
        by_concept.push_back(concept_query(id, *thesaurus, *view.tagger(), &stems));
    }
    if (by_concept.empty()) return out;
    Xapian::Query topics(Xapian::Query::OP_OR, by_concept.begin(), by_concept.end());
    Xapian::Document self_doc = found.begin().get_document();
    std::string work_term;
    for (auto t = self_doc.termlist_begin(); t != self_doc.termlist_end(); ++t)
        if ((*t).rfind(terms::kWork, 0) == 0) work_term = *t;

    std::vector<Xapian::Query> practice_types_q;
    for (const auto& t : practice_types()) practice_types_q.emplace_back(terms::boolean_term(terms::kType, t));
    Xapian::Query practice(Xapian::Query::OP_OR, practice_types_q.begin(), practice_types_q.end());
    Xapian::Query provisions = Xapian::Query(detail::record_term("provision"));
    Xapian::Query candidates(Xapian::Query::OP_FILTER, topics, provisions);
    if (!work_term.empty()) candidates = Xapian::Query(Xapian::Query::OP_AND_NOT, candidates, Xapian::Query(work_term));

    // One hit per text (its language versions share their concepts), shown in
    // the interface language where the text has a version in it.
    const std::string ui(name(ui_lang));
    auto ranked = [&](const Xapian::Query& q) {
        Xapian::Enquire enquire(view.db());
        enquire.set_query(q);
        enquire.set_collapse_key(terms::kSlotVersionKey);
        Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(limit));
        std::vector<std::string> groups;
        std::vector<double> weights;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            groups.push_back(it.get_document().get_value(terms::kSlotVersionGroup));
            weights.push_back(it.get_weight());
        }
        const auto versions = detail::text_versions(view.db(), q, groups, nullptr);
        std::vector<SearchHit> hits;
        for (size_t i = 0; i < groups.size(); ++i) {
            auto found_versions = versions.find(groups[i]);
            if (found_versions == versions.end() || found_versions->second.empty()) continue;
            const auto& all = found_versions->second;
            const detail::TextVersion* shown = nullptr;
            for (const auto& v : all)
                if (v.data.lang == ui && (!shown || v.weight > shown->weight)) shown = &v;
            if (!shown) shown = detail::canonical_version(all, weights[i]);
            if (!shown) shown = &all.front();
            SearchHit hit = detail::hit_from_data(shown->data);
            for (const auto& t : hit.topics)
                if (shared.count(t)) hit.matched_concepts.push_back(t);
            hit.snippet = make_snippet(view.analyzer(), shown->data.text, hit.lang, {}, stems);
            hit.score = weights[i];
            hit.version_group = groups[i];
            hit.versions = detail::other_versions(all, hit.id);
            hits.push_back(std::move(hit));
        }
        return hits;
    };
    out.practice = ranked(Xapian::Query(Xapian::Query::OP_FILTER, candidates, practice));
    out.law = ranked(Xapian::Query(Xapian::Query::OP_AND_NOT, candidates, practice));
    return out;
}

}  // namespace himoya
