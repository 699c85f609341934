#include "server/api_json.h"

namespace himoya {

using nlohmann::json;

namespace {

json not_held_json(const std::vector<NotHeldWork>& works) {
    json out = json::array();
    for (const NotHeldWork& w : works)
        out.push_back({{"work_id", w.work_id}, {"document_id", w.document_id}, {"title", w.title}, {"lang", w.lang}});
    return out;
}

json not_held_by_jurisdiction(const std::map<std::string, std::vector<NotHeldWork>>& by_code) {
    json out = json::object();
    for (const auto& [code, works] : by_code) out[code] = not_held_json(works);
    return out;
}

}  // namespace

std::string page_url(const std::string& document_id, const std::string& unit_id) {
    std::string url = "/document.html?id=";
    url += document_id;
    if (!unit_id.empty()) {
        url += '#';
        url += unit_id;
    }
    return url;
}

std::string html_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string snippet_html(const Snippet& snippet) {
    std::string_view text = snippet.text;
    std::string out;
    size_t cursor = 0;
    for (const Snippet::Span& m : snippet.marks) {
        if (m.begin < cursor || m.end <= m.begin || m.end > text.size()) continue;  // not a valid span: leave unmarked
        out += html_escape(text.substr(cursor, m.begin - cursor));
        out += "<mark>";
        out += html_escape(text.substr(m.begin, m.end - m.begin));
        out += "</mark>";
        cursor = m.end;
    }
    out += html_escape(text.substr(cursor));
    return out;
}

std::string page_url(const SearchHit& hit) { return page_url(hit.document_id, hit.unit_id); }
std::string page_url(const HitVersion& version) { return page_url(version.document_id, version.unit_id); }

nlohmann::json to_json(const std::optional<LegalStatusInfo>& status) {
    if (!status) return nullptr;
    json relations = json::array();
    for (const LegalRelationInfo& r : status->relations)
        relations.push_back({{"type", r.type}, {"work", r.work}, {"date", r.date}, {"url", r.url}, {"citation", r.citation}});
    return {{"state", status->state}, {"since", status->since}, {"relations", relations}};
}

// Who decided a text's concepts: "editors" (its document's subject
// indexing) or "automatic" (the tagger: docs/thesaurus.md, "About and mentions").
static const char* concepts_by(bool automatic) { return automatic ? "automatic" : "editors"; }

nlohmann::json to_json(const SearchHit& h) {
    json versions = json::array();
    for (const HitVersion& v : h.versions)
        versions.push_back({{"id", v.id}, {"document_id", v.document_id}, {"lang", v.lang},
                            {"text_status", v.text_status}, {"matched", v.matched}, {"score", v.score}, {"url", page_url(v)}});
    return {{"id", h.id}, {"document_id", h.document_id}, {"kind", h.kind}, {"unit_id", h.unit_id},
                        {"title", h.title}, {"num", h.num}, {"heading", h.heading}, {"label", h.label},
                        {"jurisdiction", h.jurisdiction}, {"lang", h.lang}, {"type", h.type},
                        {"year", h.year}, {"date", h.date}, {"body", h.body}, {"body_id", h.body_id}, {"topics", h.topics},
                        {"concepts", h.topics}, {"mentions", h.mentions}, {"work_id", h.work_id},
                        {"original", h.original}, {"concepts_by", concepts_by(h.concepts_automatic)},
                        {"legal_status", to_json(h.legal_status)},
                        {"matched_concepts", h.matched_concepts}, {"snippet", snippet_html(h.snippet)}, {"score", h.score}, {"url", page_url(h)},
                        {"version_group", h.version_group}, {"versions", versions}};
}

nlohmann::json to_json(const SearchResult& r) {
    auto works_json = [](const std::vector<InterpretedWork>& works) {
        json out = json::array();
        for (const InterpretedWork& w : works) out.push_back({{"id", w.id}, {"name", w.name}, {"title", w.title}});
        return out;
    };
    json hits = json::array();
    for (const SearchHit& h : r.hits) hits.push_back(to_json(h));
    json facets = json::object();
    for (const auto& [name, counts] : r.facets) {
        json values = json::array();
        for (const FacetCount& c : counts) values.push_back({{"value", c.value}, {"count", c.count}, {"label", c.label}});
        facets[name] = values;
    }
    // A JSON object has no order: the order in which to show the facets is a list of its own.
    json facet_order = json::array();
    for (const std::string& name : facet_names())
        if (r.facets.count(name)) facet_order.push_back(name);
    return {{"query", r.query}, {"total", r.total},
            {"total_versions", r.total_versions}, {"page", r.page}, {"per_page", r.per_page},
            {"took_ms", r.took_ms}, {"hits", hits}, {"facets", facets}, {"facet_order", facet_order},
            {"suggestion", r.suggestion ? json(*r.suggestion) : json(nullptr)},
            {"expanded_concepts", r.expanded_concepts},
            {"interpretation",
             {{"jurisdictions", r.interpretation.jurisdictions},
              {"places_without_match", r.interpretation.places_without_match},
              {"excluded_jurisdictions", r.interpretation.excluded_jurisdictions},
              {"works", works_json(r.interpretation.works)},
              {"words", r.interpretation.words},
              {"concepts", r.interpretation.concepts},
              {"question_words", r.interpretation.question_words},
              {"filters", r.interpretation.filters.empty() ? json::object() : json(r.interpretation.filters)},
              {"excluded_filters",
               r.interpretation.excluded_filters.empty() ? json::object() : json(r.interpretation.excluded_filters)},
              {"ranking_words", r.interpretation.ranking_words},
              {"relaxed", r.interpretation.relaxed},
              {"not_held", not_held_by_jurisdiction(r.interpretation.not_held)},
              {"other_languages", r.interpretation.other_languages},
              {"corrected", r.interpretation.corrected.empty() ? json(nullptr) : json(r.interpretation.corrected)},
              {"corrected_because", r.interpretation.corrected_because.empty()
                                        ? json(nullptr)
                                        : json(r.interpretation.corrected_because)}}}};
}

json concept_json(const Concept& c) {
    json labels = json::object();
    for (const auto& [lang, pref] : c.pref_label) labels[lang]["pref"] = pref;
    for (const auto& [lang, alts] : c.alt_labels) labels[lang]["alt"] = alts;
    for (auto& [lang, entry] : labels.items())
        if (!entry.contains("alt")) entry["alt"] = json::array();
    return {{"id", c.id}, {"labels", labels}, {"definition", c.definition}, {"broader", c.broader},
            {"narrower", c.narrower}, {"istanbul", c.istanbul}};
}


json to_json(const AnalysisReport& report) {
    json tokens = json::array();
    for (const TokenReport& r : report.tokens) {
        const TokenReport& t = r;
        json token = {{"token", t.raw}, {"term", t.term}, {"stem", t.stem}, {"lang", t.lang},
                      {"stopword", t.stopword}, {"start", t.start}, {"end", t.end}, {"position", t.position},
                      // Every stage: the canonical form (= term), its Tajik letters folded, and the folded-layer key.
                      {"normalized", t.term}, {"folded_term", r.folded_term}, {"folded", t.folded}};
        if (r.tajik) token["tajik"] = {{"term", r.tajik->term}, {"stem", r.tajik->stem}, {"folded", r.tajik->folded}};
        if (r.tajik_plural)
            token["tajik_plural"] = {
                {"term", r.tajik_plural->term}, {"stem", r.tajik_plural->stem}, {"folded", r.tajik_plural->folded}};
        tokens.push_back(std::move(token));
    }
    return {{"lang", report.lang}, {"latin_tajik", report.latin_tajik}, {"tokens", tokens}};
}

json to_json(const TopicList& topics) {
    json concepts = json::array();
    for (const TopicCount& c : topics.concepts) {
        json j = concept_json(c.topic);
        j["count"] = c.count;
        concepts.push_back(std::move(j));
    }
    return {{"concepts", concepts}, {"top", topics.top}};
}

json to_json(const TopicPage& page) {
    json by_jurisdiction = json::array();
    for (const TopicJurisdiction& place : page.by_jurisdiction) {
        json provisions = json::array();
        for (const TopicText& text : place.texts) {
            json h = to_json(text.hit);
            h.erase("snippet");
            h.erase("score");
            h["text"] = text.text;
            h["in_ui_language"] = text.in_ui_language;
            h["states_absence"] = text.states_absence;
            h["reports_practice"] = text.reports_practice;
            json other = json::array();
            for (const TopicText::Version& v : text.other_versions) other.push_back({{"id", v.id}, {"lang", v.lang}});
            h["versions"] = other;
            provisions.push_back(std::move(h));
        }
        by_jurisdiction.push_back({{"jurisdiction", place.jurisdiction},
                                   {"label", place.label},
                                   {"count", place.count},
                                   {"stated_absent", place.stated_absent},
                                   {"practice", place.practice},
                                   {"provisions", provisions}});
    }
    return {{"concept", concept_json(page.topic)}, {"total", page.total}, {"total_versions", page.total_versions},
            {"by_jurisdiction", by_jurisdiction}};
}

json to_json(const RelatedPassages& related) {
    json concepts = json::array();
    for (const ConceptLabel& c : related.concepts) concepts.push_back({{"id", c.id}, {"label", c.label}});
    json practice = json::array(), law = json::array();
    for (const SearchHit& h : related.practice) practice.push_back(to_json(h));
    for (const SearchHit& h : related.law) law.push_back(to_json(h));
    return {{"id", related.id}, {"concepts", concepts}, {"practice", practice}, {"law", law}};
}

json to_json(const DocumentVersion& v) {
    return {{"id", v.id}, {"lang", v.lang}, {"title", v.title}, {"text_status", v.text_status}};
}

namespace {

json card_json(const CompareCard& card) {
    json j = to_json(card.hit);
    j["text"] = card.text;
    j["shown_lang"] = card.hit.lang;
    j["original_lang"] = card.original_lang;
    j["in_ui_language"] = card.in_ui_language;
    j["relevance"] = card.relevance;
    j["text_status"] = card.text_status;
    j["source"] = card.source ? json{{"official_title", card.source->official_title},
                                     {"number", card.source->number},
                                     {"url", card.source->url},
                                     {"publisher", card.source->publisher}}
                              : json(nullptr);
    return j;
}

json holdings_json(const Holdings& h) { return {{"works", h.works}, {"in_part", h.in_part}}; }

json gap_kind_json(GapKind kind) { return kind == GapKind::none ? json(nullptr) : json(std::string(name(kind))); }

json cards_json(const std::vector<CompareCard>& cards) {
    json out = json::array();
    for (const CompareCard& card : cards) out.push_back(card_json(card));
    return out;
}

}  // namespace

json to_json(const CompareResult& r) {
    json columns = json::array();
    for (const CompareColumn& c : r.columns)
        columns.push_back({{"jurisdiction", c.jurisdiction},
                           {"label", c.label},
                           {"total", c.total},
                           {"mentions_total", c.mentions_total},
                           {"mentioned", cards_json(c.mentioned)},
                           {"repealed_excluded", c.repealed_excluded},
                           {"provisions", cards_json(c.provisions)},
                           {"practice_total", c.practice_total},
                           {"practice", cards_json(c.practice)},
                           {"gap", c.total == 0},
                           {"gap_kind", gap_kind_json(c.gap())},
                           {"holdings", holdings_json(c.holdings)},
                           {"not_held", not_held_json(c.not_held)},
                           {"not_held_concepts", c.not_held_concepts},
                           {"stated_absent", c.stated_absent}});
    json versions = json::object();
    for (const auto& [document_id, others] : r.versions) {
        json list = json::array();
        for (const DocumentVersion& v : others) list.push_back(to_json(v));
        versions[document_id] = list;
    }
    json concepts = json::array();
    for (const ConceptLabel& c : r.concepts) concepts.push_back({{"id", c.id}, {"label", c.label}});
    const bool by_article = !r.istanbul_article.empty();
    return {{"topic", r.topic ? concept_json(*r.topic) : json(nullptr)},
            {"ic", by_article ? json(r.istanbul_article) : json(nullptr)},
            {"ic_title", by_article ? json(r.istanbul_title) : json(nullptr)},
            {"query", r.query.empty() ? json(nullptr) : json(r.query)},
            {"corrected", r.corrected.empty() ? json(nullptr) : json(r.corrected)},
            {"matched_anywhere", r.matched_anywhere},
            {"concepts", concepts},
            {"include_repealed", r.include_repealed},
            {"columns", columns},
            {"versions", versions}};
}

json to_json(const Matrix& m) {
    json rows = json::array();
    for (const MatrixRow& row : m.rows) {
        json cells = json::array();
        for (const MatrixCell& cell : row.cells) {
            json best = nullptr;
            if (cell.best) {
                const SearchHit& hit = cell.best->hit;
                best = {{"id", hit.id}, {"document_id", hit.document_id}, {"unit_id", hit.unit_id},
                        {"title", hit.title}, {"label", hit.label}, {"heading", hit.heading},
                        {"lang", hit.lang}, {"original_lang", cell.best->original_lang},
                        {"in_ui_language", cell.best->in_ui_language}, {"url", page_url(hit)},
                        {"legal_status", to_json(hit.legal_status)}};
            }
            cells.push_back({{"jurisdiction", cell.jurisdiction},
                             {"about", cell.about},
                             {"count", cell.about},
                             {"mentions", cell.mentions},
                             {"texts", cell.texts},
                             {"gap", cell.about == 0},
                             {"gap_kind", gap_kind_json(cell.gap)},
                             {"not_held", not_held_json(cell.not_held)},
                             {"best", best}});
        }
        rows.push_back({{"key", row.key}, {"title", row.title}, {"label", row.label}, {"concepts", row.concepts},
                        {"cells", cells}});
    }
    json labels = json::object();
    for (const auto& [j, label] : m.jurisdiction_labels) labels[j] = label;
    json texts = json::object();
    for (const auto& [j, n] : m.texts) texts[j] = n;
    json holdings = json::object();
    for (const auto& [j, h] : m.holdings) holdings[j] = holdings_json(h);
    return {{"scheme", m.scheme},        {"jurisdictions", m.jurisdictions}, {"jurisdiction_labels", labels},
            {"include_repealed", m.include_repealed}, {"texts", texts},         {"holdings", holdings},
            {"rows", rows}};
}

namespace {

json stored_status_json(const std::optional<StoredLegalStatus>& status) {
    if (!status) return nullptr;
    json relations = json::array();
    for (const StoredRelation& r : status->relations)
        relations.push_back({{"type", r.type}, {"work", r.work}, {"date", r.date}, {"url", r.url}, {"citation", r.citation}});
    return {{"state", status->state}, {"since", status->since}, {"relations", relations}};
}

}  // namespace

json export_json(const ExportedDocument& e) {
    const StoredRecord& d = e.document;
    json versions = json::array();
    for (const DocumentVersion& v : e.versions) versions.push_back(to_json(v));
    return {{"kind", "document"}, {"id", d.id}, {"work_id", d.work_id}, {"title", d.title},
            {"jurisdiction", d.jurisdiction}, {"lang", d.lang}, {"type", d.type}, {"year", d.year},
            {"date", d.date}, {"body", d.body}, {"body_id", d.body_id}, {"text_status", d.text_status},
            {"original", d.original}, {"translation_of", d.translation_of}, {"format", d.format},
            {"extent", d.extent}, {"not_held", d.not_held},
            {"audience", d.audience}, {"topics", d.topics}, {"concepts_by", concepts_by(d.concepts_automatic)},
            {"legal_status", stored_status_json(d.legal_status)},
            {"source", {{"official_title", d.source.official_title}, {"number", d.source.number},
                        {"url", d.source.url}, {"publisher", d.source.publisher}}},
            {"versions", versions}, {"provision_count", d.provision_count}, {"indexed", d.indexed},
            {"updated", d.updated}, {"url", page_url(d.document_id, "")}};
}

json export_json(const StoredRecord& p) {
    return {{"kind", "provision"}, {"id", p.id}, {"document", p.document_id}, {"unit_id", p.unit_id},
            {"unit_kind", p.unit_kind}, {"num", p.num}, {"heading", p.heading}, {"label", p.label},
            {"lang", p.lang}, {"text_lang", p.text_lang.empty() ? p.lang : p.text_lang}, {"text", p.text},
            {"topics", p.topics}, {"mentions", p.mentions}, {"url", page_url(p.document_id, p.unit_id)}};
}

json export_json(const Concept& c) {
    json j = concept_json(c);
    j["kind"] = "concept";
    return j;
}

static json aliases_json(const std::vector<std::pair<std::string, std::string>>& aliases) {
    json out = json::array();
    for (const auto& [lang, name] : aliases) out.push_back({{"lang", lang}, {"name", name}});
    return out;
}

json to_json(const DocumentPage& page) {
    const StoredRecord& d = page.document;
    json legal_status = stored_status_json(d.legal_status);
    json versions = json::array();
    for (const DocumentVersion& v : page.versions) versions.push_back(to_json(v));
    json provisions = json::array();
    auto linked = [](const LinkedProvision& l) {
        return json{{"id", l.id}, {"document", l.document_id}, {"unit_id", l.unit_id}, {"label", l.label},
                    {"heading", l.heading}};
    };
    for (size_t i = 0; i < page.provisions.size(); ++i) {
        const StoredRecord& p = page.provisions[i];
        json refers = json::array(), referred = json::array();
        if (i < page.links.size()) {
            for (const ProvisionReferenceLink& r : page.links[i].refers_to) {
                json targets = json::array();
                for (const LinkedProvision& l : r.provisions) targets.push_back(linked(l));
                refers.push_back({{"text", r.text}, {"articles", r.articles}, {"act", r.act},
                                  {"works", r.works},
                                  {"document", r.document.empty() ? json(nullptr) : json(r.document)},
                                  {"document_title", r.document_title},
                                  {"provisions", targets}, {"resolved", r.resolved}});
            }
            for (const LinkedProvision& l : page.links[i].referred_by) referred.push_back(linked(l));
        }
        provisions.push_back({{"id", p.id}, {"unit_id", p.unit_id}, {"kind", p.unit_kind}, {"num", p.num},
                              {"heading", p.heading}, {"label", p.label}, {"text", p.text}, {"topics", p.topics},
                              {"refers_to", refers}, {"referred_by", referred}});
    }
    return {{"document_id", d.document_id}, {"title", d.title}, {"jurisdiction", d.jurisdiction},
            {"lang", d.lang}, {"type", d.type}, {"year", d.year}, {"date", d.date}, {"body", d.body},
            {"body_id", d.body_id}, {"text_status", d.text_status}, {"work_id", d.work_id},
            {"extent", d.extent}, {"not_held", d.not_held},
            {"original", d.original}, {"legal_status", legal_status}, {"id", d.id}, {"topics", d.topics},
            {"concepts_by", concepts_by(d.concepts_automatic)},
            {"audience", d.audience}, {"translation_of", d.translation_of}, {"format", d.format},
            {"aliases", aliases_json(d.aliases)},
            {"provision_count", d.provision_count},
            {"source", {{"official_title", d.source.official_title}, {"number", d.source.number},
                        {"url", d.source.url}, {"publisher", d.source.publisher}}},
            {"versions", versions}, {"provisions", provisions},
            {"provisions_page", {{"offset", page.offset}, {"limit", page.limit}, {"total", page.total}}}};
}

json to_json(const StoredFactTable& table, const FactsNotHeld& not_held) {
    json fields = json::array();
    for (const StoredFactField& f : table.fields)
        fields.push_back({{"key", f.key}, {"labels", f.labels}, {"concepts", f.concepts}});
    json jurisdictions = json::array();
    for (const StoredFactJurisdiction& place : table.jurisdictions) {
        json facts = json::object();
        for (const auto& [key, fact] : place.facts) {
            json citations = json::array();
            for (const StoredFactCitation& c : fact.citations)
                citations.push_back({{"id", c.id}, {"label", c.label}, {"heading", c.heading}, {"title", c.title},
                                     {"lang", c.lang}, {"url", page_url(c.document_id, c.unit_id)}});
            facts[key] = {{"value", fact.value}, {"citations", citations}};
        }
        json unheld = json::object();
        if (auto it = not_held.find(place.code); it != not_held.end())
            for (const auto& [key, works] : it->second) unheld[key] = not_held_json(works);
        jurisdictions.push_back({{"code", place.code}, {"facts", facts}, {"not_held", unheld}});
    }
    return {{"topic", table.topic}, {"fields", fields}, {"jurisdictions", jurisdictions}};
}

}  // namespace himoya
