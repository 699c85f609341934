// Searcher's thesaurus views: the concept list with counts, and one concept
// with its provisions by jurisdiction.
#include <map>

#include "analysis/term_scheme.h"
#include "search/facets.h"
#include "search/result_json.h"
#include "search/searcher_impl.h"

namespace himoya {

using nlohmann::json;

namespace detail {

json concept_json(const Concept& c) {
    json labels = json::object();
    for (const auto& [lang, pref] : c.pref_label) labels[lang]["pref"] = pref;
    for (const auto& [lang, alts] : c.alt_labels) labels[lang]["alt"] = alts;
    for (auto& [lang, entry] : labels.items())
        if (!entry.contains("alt")) entry["alt"] = json::array();
    return {{"id", c.id}, {"labels", labels}, {"definition", c.definition}, {"broader", c.broader},
            {"narrower", c.narrower}, {"istanbul", c.istanbul}};
}

}  // namespace detail

std::optional<json> Searcher::topics() {
    Impl& s = *impl_;
    if (!s.thesaurus) return std::nullopt;
    // Provision counts per concept in one pass over all provisions.
    Xapian::Enquire enquire(s.db);
    enquire.set_query(Xapian::Query(detail::record_term("provision")));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    FacetSpy spy({find_facet("topic")}, /*per_text=*/!s.remote);  // texts, as the topic page lists them
    spy.attach(enquire);
    enquire.get_mset(0, 0, s.db.get_doccount());
    std::map<std::string, long> counts;
    for (const auto& c : spy.counts("topic")) counts[c.value] = c.count;

    json concepts = json::array();
    for (const Concept& c : s.thesaurus->concepts()) {
        json j = detail::concept_json(c);
        j["count"] = counts.count(c.id) ? counts[c.id] : 0;
        concepts.push_back(j);
    }
    json top = json::array();
    for (const Concept* c : s.thesaurus->top_concepts()) top.push_back(c->id);
    return json{{"concepts", concepts}, {"top", top}};
}

std::optional<json> Searcher::topic(const std::string& concept_id, int per_jurisdiction, const std::string& ui_lang) {
    Impl& s = *impl_;
    if (!s.thesaurus) return std::nullopt;
    const Concept* c = s.thesaurus->find(concept_id);
    if (!c) return std::nullopt;
    std::vector<Xapian::Query> topic_terms;
    for (const auto& id : s.thesaurus->with_descendants(concept_id))
        topic_terms.emplace_back(terms::boolean_term(terms::kTopic, id));
    Xapian::Enquire enquire(s.db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                    Xapian::Query(Xapian::Query::OP_OR, topic_terms.begin(), topic_terms.end()),
                                    Xapian::Query(detail::record_term("provision"))));
    // By jurisdiction, then document, then document order.
    Xapian::MultiValueKeyMaker order;
    order.add_value(terms::kSlotJurisdiction);
    order.add_value(terms::kSlotDocumentId);
    order.add_value(terms::kSlotOrdinal);
    enquire.set_sort_by_key(&order, false);
    Xapian::MSet mset = enquire.get_mset(0, s.db.get_doccount());
    // One entry per text (version group), in the first order its versions
    // appear; shown in the interface language when that version exists, else
    // in the original language.
    std::vector<std::string> order_of_texts;
    std::map<std::string, std::vector<json>> versions;  // group → data of each version
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        json data = json::parse(it.get_document().get_data(), nullptr, false);
        if (data.is_discarded()) continue;
        std::string group = it.get_document().get_value(terms::kSlotVersionGroup);
        if (!versions.count(group)) order_of_texts.push_back(group);
        versions[group].push_back(std::move(data));
    }
    std::map<std::string, json> groups;
    std::map<std::string, long> counts;
    for (const std::string& group : order_of_texts) {
        const auto& vs = versions[group];
        const json* shown = nullptr;
        for (const json& v : vs)
            if (detail::json_string(v, "lang") == ui_lang) shown = &v;
        for (const json& v : vs)
            if (!shown && v.value("original", false)) shown = &v;
        if (!shown) shown = &vs.front();
        SearchHit hit = detail::hit_from_data(*shown);
        long& n = counts[hit.jurisdiction];
        if (n++ >= per_jurisdiction) continue;
        json h = to_json(hit);
        h.erase("snippet");
        h.erase("score");
        h["text"] = detail::json_string(*shown, "text");
        h["in_ui_language"] = hit.lang == ui_lang;
        json other = json::array();
        for (const json& v : vs)
            if (&v != shown) other.push_back({{"id", detail::json_string(v, "id")}, {"lang", detail::json_string(v, "lang")}});
        h["versions"] = other;
        groups[hit.jurisdiction].push_back(h);
    }
    json by_jurisdiction = json::array();
    for (auto& [jurisdiction, provisions] : groups)
        by_jurisdiction.push_back({{"jurisdiction", jurisdiction},
                                   {"label", s.labels.label("jurisdiction", jurisdiction, ui_lang)},
                                   {"count", counts[jurisdiction]},
                                   {"provisions", provisions}});
    long texts = 0;
    for (const auto& [j, n] : counts) texts += n;
    return json{{"concept", detail::concept_json(*c)}, {"total", texts}, {"total_versions", mset.size()},
                {"by_jurisdiction", by_jurisdiction}};
}

}  // namespace himoya
