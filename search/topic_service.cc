#include "search/topic_service.h"

#include <map>
#include <set>

#include <xapian.h>

#include "analysis/term_scheme.h"
#include "search/coverage.h"
#include "search/facets.h"
#include "search/match_walker.h"
#include "search/stored_records.h"

namespace himoya {

std::optional<TopicList> list_topics(IndexView& view) {
    const Thesaurus* thesaurus = view.thesaurus();
    if (!thesaurus) return std::nullopt;
    // Provision counts per concept in one pass over all provisions.
    const Xapian::Query provisions(detail::record_term("provision"));
    // texts, as the topic page lists them (records on remote shards)
    const bool per_text = !view.remote();
    FacetSpy spy({find_facet("topic")}, per_text,
                 per_text && view.db().size() == 1 ? FacetColumns::of(view.db()) : nullptr);
    std::optional<MatchWalker> walker;
    if (spy.counts_by_docid()) walker = MatchWalker::compile(view.db(), provisions);
    if (walker) {  // straight over the postlist (match_walker.h)
        walker->for_each([&](Xapian::docid did) { spy.count(did); });
    } else {
        Xapian::Enquire enquire(view.db());
        enquire.set_query(provisions);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        spy.attach(enquire);
        enquire.get_mset(0, 0, view.db().get_doccount());
    }
    std::map<std::string, long> counts;
    for (const auto& c : spy.counts("topic")) counts[c.value] = c.count;

    TopicList list;
    for (const Concept& c : thesaurus->concepts()) list.concepts.push_back({c, counts.count(c.id) ? counts[c.id] : 0});
    for (const Concept* c : thesaurus->top_concepts()) list.top.push_back(c->id);
    return list;
}

std::optional<TopicPage> topic_page(IndexView& view, const std::string& concept_id, int per_jurisdiction,
                                    UiLanguage ui_lang) {
    const std::string ui(name(ui_lang));
    const Thesaurus* thesaurus = view.thesaurus();
    if (!thesaurus) return std::nullopt;
    const Concept* c = thesaurus->find(concept_id);
    if (!c) return std::nullopt;
    std::vector<Xapian::Query> topic_terms;
    for (const auto& id : thesaurus->with_descendants(concept_id))
        topic_terms.emplace_back(terms::boolean_term(terms::kTopic, id));
    Xapian::Enquire enquire(view.db());
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                    Xapian::Query(Xapian::Query::OP_OR, topic_terms.begin(), topic_terms.end()),
                                    Xapian::Query(detail::record_term("provision"))));
    // By document, then document order (texts are grouped by jurisdiction below).
    Xapian::MultiValueKeyMaker order;
    order.add_value(terms::kSlotDocumentId);
    order.add_value(terms::kSlotOrdinal);
    enquire.set_sort_by_key(&order, false);
    Xapian::MSet mset = enquire.get_mset(0, view.db().get_doccount());
    // The texts saying the law has no provision on the concept (or a narrower
    // one) and covering none of them: listed, marked, counted apart.
    std::set<std::string> stating_absence;
    {
        Xapian::Query stated;
        coverage_query(view.db(), thesaurus->with_descendants(concept_id), &stated);
        if (!stated.empty()) {
            Xapian::Enquire e(view.db());
            e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, stated, Xapian::Query(detail::record_term("provision"))));
            e.set_weighting_scheme(Xapian::BoolWeight());
            Xapian::MSet m = e.get_mset(0, view.db().get_doccount());
            for (auto it = m.begin(); it != m.end(); ++it)
                stating_absence.insert(it.get_document().get_value(terms::kSlotVersionGroup));
        }
    }
    // The passages of a law's text reporting its practice (unit role
    // "practice"): about the subject, yet no coverage by the law — compare
    // and the matrix count them with practice. Listed, marked, counted apart.
    std::set<std::string> reporting_practice;
    {
        Xapian::Enquire e(view.db());
        e.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                  Xapian::Query(Xapian::Query::OP_OR, topic_terms.begin(), topic_terms.end()),
                                  Xapian::Query(terms::boolean_term(terms::kUnitRole, "practice"))));
        e.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::MSet m = e.get_mset(0, view.db().get_doccount());
        for (auto it = m.begin(); it != m.end(); ++it)
            reporting_practice.insert(it.get_document().get_value(terms::kSlotVersionGroup));
    }
    // One entry per text (version group), in the first order its versions
    // appear; shown in the interface language when that version exists, else
    // in the original language.
    std::vector<std::string> order_of_texts;
    std::map<std::string, std::vector<StoredRecord>> versions;  // group → data of each version
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        std::optional<StoredRecord> data = detail::stored_record(view.db(), it.get_document());
        if (!data) continue;
        std::string group = it.get_document().get_value(terms::kSlotVersionGroup);
        if (!versions.count(group)) order_of_texts.push_back(group);
        versions[group].push_back(std::move(*data));
    }
    std::map<std::string, TopicJurisdiction> groups;
    for (const std::string& group : order_of_texts) {
        const auto& vs = versions[group];
        const StoredRecord* shown = nullptr;
        for (const StoredRecord& v : vs)
            if (v.lang == ui) shown = &v;
        for (const StoredRecord& v : vs)
            if (!shown && v.original) shown = &v;
        if (!shown) shown = &vs.front();
        SearchHit hit = detail::hit_from_data(*shown);
        TopicJurisdiction& place = groups[hit.jurisdiction];
        const bool states_absence = stating_absence.count(group) > 0;
        place.stated_absent += states_absence ? 1 : 0;
        const bool reports_practice = reporting_practice.count(group) > 0;
        place.practice += reports_practice ? 1 : 0;
        if (place.count++ >= per_jurisdiction) continue;
        TopicText text{hit, shown->text, hit.lang == ui, states_absence, reports_practice, {}};
        for (const StoredRecord& v : vs)
            if (&v != shown) text.other_versions.push_back({v.id, v.lang});
        place.texts.push_back(std::move(text));
    }
    TopicPage page{*c, 0, mset.size(), {}};
    for (auto& [jurisdiction, place] : groups) {
        place.jurisdiction = jurisdiction;
        place.label = view.labels().label("jurisdiction", jurisdiction, ui);
        page.total += place.count;
        if (!place.texts.empty()) page.by_jurisdiction.push_back(std::move(place));
    }
    return page;
}

}  // namespace himoya
