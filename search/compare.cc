// Searcher's comparison views: jurisdictions side by side on one topic, and
// the coverage matrix (Istanbul Convention articles or top concepts × jurisdictions).
#include "search/compare.h"

#include <algorithm>

#include "analysis/term_scheme.h"
#include "search/concept_expansion.h"
#include "search/facets.h"
#include "search/result_json.h"
#include "search/searcher_impl.h"
#include "search/snippets.h"

namespace himoya {

using nlohmann::json;

namespace {

void check_jurisdictions(const std::vector<std::string>& js, size_t min, size_t max) {
    if (js.size() < min || js.size() > max)
        throw BadRequest("give between " + std::to_string(min) + " and " + std::to_string(max) + " jurisdictions");
    for (const auto& j : js)
        if (j.empty() || j.size() > 16) throw BadRequest("invalid jurisdiction '" + j + "'");
}

Xapian::Query any_of(const std::string& prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> q;
    for (const auto& v : values) q.emplace_back(terms::boolean_term(prefix, v));
    return Xapian::Query(Xapian::Query::OP_OR, q.begin(), q.end());
}

Xapian::Query filter(const Xapian::Query& q, const Xapian::Query& f) {
    return Xapian::Query(Xapian::Query::OP_FILTER, q, f);
}

// The query of a set of concepts: their labels (for ranking) or their topic terms.
Xapian::Query concepts_query(const std::vector<std::string>& ids, const Thesaurus& thesaurus,
                             const ConceptTagger& tagger, std::set<std::string>& stems) {
    std::vector<Xapian::Query> q;
    for (const auto& id : ids) q.push_back(concept_query(id, thesaurus, tagger, &stems));
    return Xapian::Query(Xapian::Query::OP_OR, q.begin(), q.end());
}

}  // namespace

void validate(const CompareRequest& r) {
    check_jurisdictions(r.jurisdictions, 2, 4);
    int given = !r.topic.empty() + !r.istanbul_article.empty() + !r.query.empty();
    if (given != 1) throw BadRequest("give exactly one of topic, ic (Istanbul Convention article) or q");
    if (r.query.size() > SearchLimits::kMaxQueryBytes) throw BadRequest("query too long");
    if (r.per_jurisdiction < 1 || r.per_jurisdiction > 20) throw BadRequest("per_jurisdiction must be 1..20");
}

void validate(const MatrixRequest& r) {
    check_jurisdictions(r.jurisdictions, 1, 8);
    if (r.scheme != "istanbul" && r.scheme != "thesaurus") throw BadRequest("scheme must be 'istanbul' or 'thesaurus'");
}

json Searcher::compare(const CompareRequest& r) {
    validate(r);
    Impl& s = *impl_;
    if (!s.thesaurus && r.query.empty()) throw BadRequest("this index has no thesaurus: compare with q= instead");

    std::vector<std::string> concepts;
    json topic = nullptr;
    if (!r.topic.empty()) {
        const Concept* c = s.thesaurus->find(r.topic);
        if (!c) throw BadRequest("unknown topic '" + r.topic + "'");
        concepts = s.thesaurus->with_descendants(r.topic);
        topic = detail::concept_json(*c);
    } else if (!r.istanbul_article.empty()) {
        for (const auto& id : s.thesaurus->for_istanbul_article(r.istanbul_article))
            for (const auto& d : s.thesaurus->with_descendants(id)) concepts.push_back(d);
        if (concepts.empty()) throw BadRequest("no concept relates to Istanbul Convention article " + r.istanbul_article);
    }

    std::set<std::string> highlight_terms, highlight_stems;
    Xapian::Query base;
    std::set<std::string> concept_set(concepts.begin(), concepts.end());
    if (!concepts.empty()) {
        base = concepts_query(concepts, *s.thesaurus, *s.tagger, highlight_stems);
    } else {
        QueryBuilder builder(s.analyzer);
        BuiltQuery built = s.tagger ? build_expanded_query(builder, s.analyzer, *s.thesaurus, *s.tagger, r.query, "auto")
                                    : builder.build(r.query, "auto");
        if (built.empty) throw BadRequest("q has no searchable words");
        base = built.query;
        highlight_terms = built.highlight_terms;
        highlight_stems = built.highlight_stems;
        concept_set = built.matched_concepts;
    }

    std::vector<Xapian::Query> common{Xapian::Query(detail::record_term("provision"))};
    if (!r.languages.empty()) common.push_back(any_of(std::string(terms::kLanguage), r.languages));
    if (!r.types.empty()) common.push_back(any_of(std::string(terms::kType), r.types));
    Xapian::Query practice = any_of(std::string(terms::kType), practice_types());

    auto ranked = [&](const Xapian::Query& q, int count, long& total) {
        Xapian::Enquire enquire(s.db);
        enquire.set_query(q);
        Xapian::MSet mset = enquire.get_mset(0, static_cast<Xapian::doccount>(count), s.db.get_doccount());
        total = static_cast<long>(mset.get_matches_estimated());
        json hits = json::array();
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            json data = json::parse(it.get_document().get_data(), nullptr, false);
            if (data.is_discarded()) continue;
            SearchHit hit = detail::hit_from_data(data);
            for (const auto& t : hit.topics)
                if (concept_set.count(t)) hit.matched_concepts.push_back(t);
            hit.snippet = make_snippet(s.analyzer, detail::json_string(data, "text"), hit.lang, highlight_terms,
                                       highlight_stems);
            hit.score = it.get_weight();
            hits.push_back(to_json(hit));
        }
        return hits;
    };

    json columns = json::array();
    for (const std::string& jurisdiction : r.jurisdictions) {
        std::vector<Xapian::Query> f = common;
        f.emplace_back(terms::boolean_term(terms::kJurisdiction, jurisdiction));
        Xapian::Query in_jurisdiction(Xapian::Query::OP_AND, f.begin(), f.end());
        long law_total = 0, practice_total = 0;
        json provisions = ranked(Xapian::Query(Xapian::Query::OP_AND_NOT, filter(base, in_jurisdiction), practice),
                                 r.per_jurisdiction, law_total);
        json passages = ranked(filter(base, Xapian::Query(Xapian::Query::OP_AND, in_jurisdiction, practice)), 3,
                               practice_total);
        columns.push_back({{"jurisdiction", jurisdiction}, {"total", law_total}, {"provisions", provisions},
                           {"practice_total", practice_total}, {"practice", passages}, {"gap", law_total == 0}});
    }
    // Other language versions of every document shown, so that a client can
    // fold translations of one provision and link them without N more requests.
    json versions = json::object();
    for (const json& column : columns)
        for (const char* part : {"provisions", "practice"})
            for (const json& hit : column[part]) {
                std::string id = detail::json_string(hit, "document_id");
                if (id.empty() || versions.contains(id)) continue;
                std::optional<json> doc = detail::document_data(s.db, id);
                versions[id] = doc ? detail::versions_of(s.db, *doc) : json::array();
            }
    json concept_list = json::array();
    for (const auto& id : concept_set)
        if (const Concept* c = s.thesaurus ? s.thesaurus->find(id) : nullptr)
            concept_list.push_back({{"id", id}, {"label", c->label(r.ui_lang)}});
    return {{"topic", topic},
            {"ic", r.istanbul_article.empty() ? json(nullptr) : json(r.istanbul_article)},
            {"query", r.query.empty() ? json(nullptr) : json(r.query)},
            {"concepts", concept_list},
            {"columns", columns},
            {"versions", versions}};
}

json Searcher::matrix(const MatrixRequest& r) {
    validate(r);
    Impl& s = *impl_;
    if (!s.thesaurus) throw BadRequest("this index has no thesaurus");

    // Rows: (key, label, concepts).
    struct Row {
        std::string key, label;
        std::vector<std::string> concepts;
    };
    std::vector<Row> rows;
    if (r.scheme == "istanbul") {
        for (const auto& article : s.thesaurus->istanbul_articles()) {
            Row row{article, "", {}};
            for (const auto& id : s.thesaurus->for_istanbul_article(article)) {
                if (const Concept* c = s.thesaurus->find(id)) {
                    row.label += (row.label.empty() ? "" : "; ") + c->label(r.ui_lang);
                }
                for (const auto& d : s.thesaurus->with_descendants(id)) row.concepts.push_back(d);
            }
            rows.push_back(std::move(row));
        }
    } else {
        for (const Concept* c : s.thesaurus->top_concepts())
            rows.push_back({c->id, c->label(r.ui_lang), s.thesaurus->with_descendants(c->id)});
    }

    std::vector<Xapian::Query> common{Xapian::Query(detail::record_term("provision"))};
    if (!r.languages.empty()) common.push_back(any_of(std::string(terms::kLanguage), r.languages));
    json out_rows = json::array();
    for (const Row& row : rows) {
        std::set<std::string> stems;
        Xapian::Query topic_query = concepts_query(row.concepts, *s.thesaurus, *s.tagger, stems);
        // Cells count provisions tagged with the row's concepts; the label match only ranks the best one.
        Xapian::Query tagged = any_of(std::string(terms::kTopic), row.concepts);
        json cells = json::array();
        for (const std::string& jurisdiction : r.jurisdictions) {
            std::vector<Xapian::Query> f = common;
            f.emplace_back(terms::boolean_term(terms::kJurisdiction, jurisdiction));
            f.push_back(tagged);
            Xapian::Enquire enquire(s.db);
            enquire.set_query(filter(topic_query, Xapian::Query(Xapian::Query::OP_AND, f.begin(), f.end())));
            Xapian::MSet mset = enquire.get_mset(0, 1, s.db.get_doccount());
            json best = nullptr;
            if (!mset.empty()) {
                json data = json::parse(mset.begin().get_document().get_data(), nullptr, false);
                if (!data.is_discarded()) {
                    SearchHit hit = detail::hit_from_data(data);
                    best = {{"id", hit.id}, {"document_id", hit.document_id}, {"unit_id", hit.unit_id},
                            {"title", hit.title}, {"label", hit.label}, {"heading", hit.heading},
                            {"lang", hit.lang}, {"url", hit.url}};
                }
            }
            cells.push_back({{"jurisdiction", jurisdiction}, {"count", mset.get_matches_estimated()}, {"best", best}});
        }
        out_rows.push_back({{"key", row.key}, {"label", row.label}, {"concepts", row.concepts}, {"cells", cells}});
    }
    return {{"scheme", r.scheme}, {"jurisdictions", r.jurisdictions}, {"rows", out_rows}};
}

}  // namespace himoya
