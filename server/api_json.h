// The JSON of the API's answers (docs/api.md, docs/openapi.yaml): the search
// library's typed results encoded at the edge, shared by the HTTP handlers
// (site.cc) and the CLI's --json and text outputs. Pure functions of their
// arguments: safe from any thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "analysis/thesaurus.h"
#include "search/analysis_report.h"
#include "search/compare.h"
#include "search/document_service.h"
#include "search/export_service.h"
#include "search/facts.h"
#include "search/related.h"
#include "search/search_types.h"
#include "search/topic_service.h"

namespace himoya {

// The web page of a document, at one of its provisions when `unit_id` is
// given: the URLs in every answer are built here, never stored in the index.
std::string page_url(const std::string& document_id, const std::string& unit_id);
std::string page_url(const SearchHit& hit);
std::string page_url(const HitVersion& version);

// Escapes & < > " ' for HTML text and attribute values.
std::string html_escape(std::string_view text);
// A snippet as the API gives it: HTML-escaped text, <mark>…</mark> around its marks.
std::string snippet_html(const Snippet& snippet);

// GET /api/search (and `himoya search --json`).
nlohmann::json to_json(const SearchResult& result);
nlohmann::json to_json(const SearchHit& hit);
// A hit's legal status: {"state","since","relations":[{"type","work","date","url","citation"}]}, or null.
nlohmann::json to_json(const std::optional<LegalStatusInfo>& status);
// The concept's labels, definitions, hierarchy and Istanbul articles.
nlohmann::json concept_json(const Concept& c);
// {"id","lang","title","text_status"}
nlohmann::json to_json(const DocumentVersion& version);
// GET /api/compare (and `himoya compare --json`; the CSV and Markdown exports read it).
nlohmann::json to_json(const CompareResult& result);
// GET /api/matrix.
nlohmann::json to_json(const Matrix& matrix);
// GET /api/documents/{id}: the document's stored metadata (no text, no kind), "versions",
// "provisions" [{"id","unit_id","kind","num","heading","label","text","topics"}] and
// "provisions_page" {"offset","limit","total"}.
nlohmann::json to_json(const DocumentPage& page);
// GET /api/facts: {"topic", "fields":[{"key","labels"}], "jurisdictions":[{"code","facts":{key:{"value","citations"}}}]}
// With what its blanks rest on (search/facts.h), when known.
nlohmann::json to_json(const StoredFactTable& table, const FactsNotHeld& not_held = {});
// GET /api/analyze: {"lang", "latin_tajik", "tokens":[{"token","term","stem","lang","stopword","start","end",
// "position", "normalized" (= term), "folded_term", "folded" (folded-layer key, "" if none),
// "tajik" ({"term","stem","folded"}: only for Latin words of Latin-script Tajik)}]}
nlohmann::json to_json(const AnalysisReport& report);
// GET /api/topics: {"concepts":[concept + "count"], "top":[ids]}
nlohmann::json to_json(const TopicList& topics);
// GET /api/topics/{id}: {"concept", "total", "total_versions", "by_jurisdiction":[{"jurisdiction","label","count","provisions"}]}
nlohmann::json to_json(const TopicPage& page);
// GET /api/related: {"id", "concepts":[{"id","label"}], "practice":[hit], "law":[hit]}
nlohmann::json to_json(const RelatedPassages& related);

// One line of GET /api/export.jsonl (and `himoya export`), keys in byte order
// like every answer, each with a "kind": a document {"kind":"document", id, work_id, title, jurisdiction, lang,
// type, year, date, body, body_id, text_status, original, translation_of,
// format, audience, topics, legal_status, source, versions, provision_count,
// indexed, updated, url}; a provision {"kind":"provision", id, document,
// unit_id, unit_kind, num, heading, label, lang, text_lang, text, topics,
// mentions, url}; a concept {"kind":"concept"} + concept_json.
nlohmann::json export_json(const ExportedDocument& document);
nlohmann::json export_json(const StoredRecord& provision);
nlohmann::json export_json(const Concept& c);

// A result that may be absent, encoded when present.
template <typename Result>
std::optional<nlohmann::json> encoded(const std::optional<Result>& result) {
    if (!result) return std::nullopt;
    return to_json(*result);
}

}  // namespace himoya
