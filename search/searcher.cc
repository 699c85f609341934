#include "search/searcher.h"

#include <algorithm>
#include <chrono>
#include <stdexcept>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "analysis/term_scheme.h"
#include "search/analysis_report.h"
#include "search/facets.h"
#include "search/concept_expansion.h"
#include "search/query_builder.h"
#include "search/searcher_impl.h"
#include "search/snippets.h"
#include "search/version_ranking.h"
#include "search/work_crowding.h"

namespace himoya {

using nlohmann::json;

namespace detail {

std::string record_term(const char* kind) { return std::string(terms::kRecord) + kind; }

std::string json_string(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<json> document_data(const Xapian::Database& db, const std::string& document_id) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(std::string(terms::kUniqueId) + document_id),
                                    Xapian::Query(record_term("document"))));
    Xapian::MSet found = enquire.get_mset(0, 1);
    if (found.empty()) return std::nullopt;
    json doc = json::parse(found.begin().get_document().get_data(), nullptr, false);
    if (doc.is_discarded()) return std::nullopt;
    return doc;
}

json versions_of(const Xapian::Database& db, const json& document) {
    json versions = json::array();
    std::string id = json_string(document, "id");
    Xapian::Enquire work(db);
    work.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                 Xapian::Query(terms::boolean_term(terms::kWork, json_string(document, "work_id"))),
                                 Xapian::Query(record_term("document"))));
    Xapian::MSet others = work.get_mset(0, 100);
    for (auto it = others.begin(); it != others.end(); ++it) {
        json other = json::parse(it.get_document().get_data(), nullptr, false);
        if (other.is_discarded() || json_string(other, "id") == id) continue;
        versions.push_back({{"id", other["id"]}, {"lang", other["lang"]}, {"title", other["title"]},
                            {"text_status", other["text_status"]}});
    }
    return versions;
}

SearchHit hit_from_data(const json& data) {
    SearchHit hit;
    hit.id = json_string(data, "id");
    hit.document_id = json_string(data, "document_id");
    hit.kind = json_string(data, "kind");
    hit.unit_id = json_string(data, "unit_id");
    hit.title = json_string(data, "title");
    hit.num = json_string(data, "num");
    hit.heading = json_string(data, "heading");
    hit.label = json_string(data, "label");
    hit.jurisdiction = json_string(data, "jurisdiction");
    hit.lang = json_string(data, "lang");
    hit.type = json_string(data, "type");
    hit.date = json_string(data, "date");
    hit.body = json_string(data, "body");
    hit.year = data.value("year", 0);
    if (auto it = data.find("topics"); it != data.end() && it->is_array())
        for (const auto& t : *it)
            if (t.is_string()) hit.topics.push_back(t.get<std::string>());
    hit.url = "/document.html?id=" + hit.document_id + (hit.unit_id.empty() ? "" : "#" + hit.unit_id);
    return hit;
}

}  // namespace detail

namespace {

using detail::json_string;
using detail::record_term;

// How many of the best matches are re-ordered (work crowding, or translation-
// aware ranking of separate versions); below them the matcher's order stands.
constexpr Xapian::doccount kRerankWindow = 100;

// Display order of the best kRerankWindow items of `mset` (indices into it).
std::vector<size_t> rerank_window(const Xapian::MSet& mset, bool grouped) {
    std::vector<size_t> order;
    if (grouped) {
        std::vector<std::string> works;
        for (Xapian::doccount i = 0; i < mset.size() && i < kRerankWindow; ++i)
            works.push_back(work_of_group(mset[i].get_document().get_value(terms::kSlotVersionGroup)));
        order = crowd_works(works);
    } else {
        std::vector<RankedVersion> window;
        for (Xapian::doccount i = 0; i < mset.size() && i < kRerankWindow; ++i) {
            Xapian::MSetIterator it = mset[i];
            window.push_back({it.get_weight(), it.get_document().get_value(terms::kSlotVersionGroup)});
        }
        order = rank_version_groups(window);
    }
    for (size_t i = order.size(); i < mset.size(); ++i) order.push_back(i);
    return order;
}

// The query with every facet filter except `skip`, and the scope and year range.
Xapian::Query filtered(const Xapian::Query& text_query, const SearchRequest& r, const std::string& scope,
                       const std::string& skip) {
    std::vector<Xapian::Query> filters;
    for (const auto& [name, values] : r.filters) {
        if (name == skip || values.empty()) continue;
        filters.push_back(facet_filter(*find_facet(name), values));
    }
    if (scope != "all") filters.emplace_back(record_term(scope == "document" ? "document" : "provision"));
    if (r.year_from || r.year_to) {
        std::string lo = r.year_from ? std::to_string(*r.year_from) : "0000";
        std::string hi = r.year_to ? std::to_string(*r.year_to) : "9999";
        lo.insert(0, 4 - std::min<size_t>(4, lo.size()), '0');
        hi.insert(0, 4 - std::min<size_t>(4, hi.size()), '0');
        filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, terms::kSlotYear, lo, hi);
    }
    if (filters.empty()) return text_query;
    return Xapian::Query(Xapian::Query::OP_FILTER, text_query,
                         Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
}

}  // namespace

Searcher::Searcher(const std::vector<std::string>& db_paths) : impl_(std::make_unique<Impl>()) {
    if (db_paths.empty()) throw std::runtime_error("no index given");
    for (const auto& path : db_paths) {
        try {
            impl_->db.add_database(Xapian::Database(path));
        } catch (const Xapian::Error& e) {
            throw std::runtime_error("cannot open index '" + path + "': " + e.get_msg() +
                                     " (build it with: himoya index --db " + path + ")");
        }
    }
    std::string xml = impl_->db.get_metadata("thesaurus");
    if (!xml.empty()) {
        std::string error;
        impl_->thesaurus = Thesaurus::parse(xml, error);
        if (impl_->thesaurus) impl_->tagger = std::make_unique<ConceptTagger>(*impl_->thesaurus, impl_->analyzer);
    }
}

Searcher::~Searcher() = default;

SearchResult Searcher::search(const SearchRequest& r) {
    validate(r);
    auto started = std::chrono::steady_clock::now();
    Impl& s = *impl_;
    QueryBuilder builder(s.analyzer);
    builder.set_vocabulary(&s.db);
    BuiltQuery built = r.cross_language && s.tagger
                           ? build_expanded_query(builder, s.analyzer, *s.thesaurus, *s.tagger, r.query, r.lang)
                           : builder.build(r.query, r.lang);
    // Default scope: documents when browsing; provisions when searching, falling
    // back to whole documents when the words only meet across provisions.
    std::string scope = r.scope.empty() ? (built.empty ? "document" : "provision") : r.scope;
    bool may_fall_back = r.scope.empty() && !built.empty;
    const Xapian::doccount all = s.db.get_doccount();

    SearchResult result;
    result.query = r.query;
    result.page = r.page;
    result.per_page = r.per_page;

    // Pass 1: the page of hits, counting the facets that have no filter of their own.
    std::vector<const FacetSpec*> plain, selected;
    for (const auto& f : facet_specs()) {
        auto it = r.filters.find(f.name);
        (it != r.filters.end() && !it->second.empty() ? selected : plain).push_back(&f);
    }
    Xapian::Enquire enquire(s.db);
    enquire.set_query(filtered(built.query, r, scope, ""));
    // Ties (equal weights; equal dates when browsing) fall to the document id, not
    // to the docid: which version stands for a text, and the order, must not
    // depend on the order the documents were indexed in (incremental, shards).
    // (The date slot ends with the document id; a KeyMaker would not reach remote shards.)
    if (r.sort == "date" || (built.empty && r.sort == "relevance"))
        enquire.set_sort_by_value_then_relevance(terms::kSlotDate, true);
    else
        enquire.set_sort_by_relevance_then_value(terms::kSlotDocumentId, false);
    FacetSpy spy(plain);
    if (r.facets) spy.attach(enquire);  // spies see every match, before collapsing: facets count versions
    // One hit per text: Xapian keeps the best-ranked version of each group.
    const bool grouped = r.versions == "group";
    if (grouped) enquire.set_collapse_key(terms::kSlotVersionGroup);
    // Relevance order is re-ranked over the best kRerankWindow matches: texts
    // crowded by work (grouped), or each version after its best-matching one
    // (separate, with thesaurus expansion). Those matches are fetched whatever
    // the page, so the order does not depend on it.
    const bool rerank = !built.empty && r.sort == "relevance" && (grouped || r.cross_language);
    const auto first = static_cast<Xapian::doccount>((r.page - 1) * r.per_page);
    const auto count = static_cast<Xapian::doccount>(r.per_page);
    Xapian::MSet mset = rerank ? enquire.get_mset(0, std::max(kRerankWindow, first + count), all)
                               : enquire.get_mset(first, count, all);
    // Exact: check_at_least covers every document, so every match reaches the
    // collapser, whose count of distinct groups is the lower bound.
    result.total = grouped ? mset.get_matches_lower_bound() : mset.get_matches_estimated();
    if (result.total == 0 && may_fall_back) {
        SearchRequest whole = r;
        whole.scope = "document";
        SearchResult fallback = search(whole);
        fallback.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        return fallback;
    }
    if (r.facets) {
        for (const FacetSpec* f : plain) result.facets[f->name] = spy.counts(f->name);
        result.total_versions = spy.records_seen();
        // Pass 2, one per selected facet: its counts ignore its own filter.
        for (const FacetSpec* f : selected) {
            Xapian::Enquire facet_enquire(s.db);
            facet_enquire.set_query(filtered(built.query, r, scope, f->name));
            facet_enquire.set_weighting_scheme(Xapian::BoolWeight());
            FacetSpy own({f});
            own.attach(facet_enquire);
            facet_enquire.get_mset(0, 0, all);
            result.facets[f->name] = own.counts(f->name);
        }
    }

    std::vector<Xapian::doccount> page_items;  // indices into mset, in display order
    if (rerank) {
        std::vector<size_t> order = rerank_window(mset, grouped);
        for (size_t i = first; i < order.size() && i < first + count; ++i)
            page_items.push_back(static_cast<Xapian::doccount>(order[i]));
    } else {
        for (Xapian::doccount i = 0; i < mset.size(); ++i) page_items.push_back(i);
    }
    for (Xapian::doccount item : page_items) {
        Xapian::MSetIterator it = mset[item];
        const Xapian::Document record = it.get_document();
        json data = json::parse(record.get_data(), nullptr, false);
        if (data.is_discarded()) continue;
        SearchHit hit = detail::hit_from_data(data);
        for (const auto& t : hit.topics)
            if (built.matched_concepts.count(t)) hit.matched_concepts.push_back(t);
        hit.snippet = make_snippet(s.analyzer, json_string(data, "text"), hit.lang, built.highlight_terms,
                                   built.highlight_stems);
        hit.score = it.get_weight();
        hit.version_group = record.get_value(terms::kSlotVersionGroup);
        result.hits.push_back(std::move(hit));
    }

    if (grouped) detail::attach_versions(s.db, enquire.get_query(), result.hits);

    // "Did you mean": replace each word the index does not know by its closest known spelling.
    if (r.suggest && !built.words.empty()) {
        std::string suggestion;
        size_t cursor = 0;
        bool changed = false;
        for (const QueryWord& w : built.words) {
            if (s.db.term_exists(w.term)) continue;
            if (std::any_of(w.reading_terms.begin(), w.reading_terms.end(),
                            [&](const std::string& t) { return s.db.term_exists(t); }))
                continue;  // "tojikiston" is known as тоҷикистон
            std::string better = s.db.get_spelling_suggestion(w.term, 2);
            if (better.empty() || better == w.term) continue;
            suggestion += r.query.substr(cursor, w.start - cursor) + better;
            cursor = w.end;
            changed = true;
        }
        if (changed) result.suggestion = suggestion + r.query.substr(cursor);
    }
    result.expanded_concepts.assign(built.matched_concepts.begin(), built.matched_concepts.end());
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return result;
}

std::optional<json> Searcher::document(const std::string& document_id) {
    Impl& s = *impl_;
    std::optional<json> found = detail::document_data(s.db, document_id);
    if (!found) return std::nullopt;
    json doc = std::move(*found);
    doc.erase("text");
    doc.erase("kind");
    doc["versions"] = detail::versions_of(s.db, doc);

    json provisions = json::array();
    Xapian::Enquire parts(s.db);
    parts.set_query(Xapian::Query(Xapian::Query::OP_FILTER,
                                  Xapian::Query(terms::boolean_term(terms::kDocument, document_id)),
                                  Xapian::Query(record_term("provision"))));
    parts.set_sort_by_value(terms::kSlotOrdinal, false);
    Xapian::MSet mset = parts.get_mset(0, s.db.get_doccount());
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        json p = json::parse(it.get_document().get_data(), nullptr, false);
        if (p.is_discarded()) continue;
        provisions.push_back({{"id", p["id"]}, {"unit_id", p["unit_id"]}, {"kind", p["unit_kind"]},
                              {"num", p["num"]}, {"heading", p["heading"]}, {"label", p["label"]},
                              {"text", p["text"]}, {"topics", p["topics"]}});
    }
    doc["provisions"] = provisions;
    return doc;
}

IndexHealth Searcher::health() {
    return {static_cast<long>(impl_->db.get_termfreq(record_term("document"))),
            static_cast<long>(impl_->db.get_termfreq(record_term("provision")))};
}

json Searcher::analyze(const std::string& text, const std::string& language) {
    return analysis_report(impl_->analyzer, text, language);
}

}  // namespace himoya
