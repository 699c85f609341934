#include "search/result_json.h"

namespace himoya {

using nlohmann::json;

nlohmann::json to_json(const std::optional<LegalStatusInfo>& status) {
    if (!status) return nullptr;
    json relations = json::array();
    for (const LegalRelationInfo& r : status->relations)
        relations.push_back({{"type", r.type}, {"work", r.work}, {"date", r.date}, {"url", r.url}, {"citation", r.citation}});
    return {{"state", status->state}, {"since", status->since}, {"relations", relations}};
}

nlohmann::json to_json(const SearchHit& h) {
    json versions = json::array();
    for (const HitVersion& v : h.versions)
        versions.push_back({{"id", v.id}, {"document_id", v.document_id}, {"lang", v.lang},
                            {"text_status", v.text_status}, {"matched", v.matched}, {"score", v.score}, {"url", v.url}});
    return {{"id", h.id}, {"document_id", h.document_id}, {"kind", h.kind}, {"unit_id", h.unit_id},
                        {"title", h.title}, {"num", h.num}, {"heading", h.heading}, {"label", h.label},
                        {"jurisdiction", h.jurisdiction}, {"lang", h.lang}, {"type", h.type},
                        {"year", h.year}, {"date", h.date}, {"body", h.body}, {"body_id", h.body_id}, {"topics", h.topics},
                        {"concepts", h.topics}, {"mentions", h.mentions}, {"work_id", h.work_id},
                        {"original", h.original}, {"legal_status", to_json(h.legal_status)},
                        {"matched_concepts", h.matched_concepts}, {"snippet", h.snippet}, {"score", h.score}, {"url", h.url},
                        {"version_group", h.version_group}, {"versions", versions}};
}

nlohmann::json to_json(const SearchResult& r) {
    json hits = json::array();
    for (const SearchHit& h : r.hits) hits.push_back(to_json(h));
    json facets = json::object();
    for (const auto& [name, counts] : r.facets) {
        json values = json::array();
        for (const FacetCount& c : counts) values.push_back({{"value", c.value}, {"count", c.count}, {"label", c.label}});
        facets[name] = values;
    }
    return {{"query", r.query}, {"total", r.total},
            {"total_versions", r.total_versions}, {"page", r.page}, {"per_page", r.per_page},
            {"took_ms", r.took_ms}, {"hits", hits}, {"facets", facets},
            {"suggestion", r.suggestion ? json(*r.suggestion) : json(nullptr)},
            {"expanded_concepts", r.expanded_concepts},
            {"interpretation",
             {{"jurisdictions", r.interpretation.jurisdictions},
              {"words", r.interpretation.words},
              {"concepts", r.interpretation.concepts},
              {"question_words", r.interpretation.question_words},
              {"ranking_words", r.interpretation.ranking_words},
              {"relaxed", r.interpretation.relaxed}}}};
}

}  // namespace himoya
