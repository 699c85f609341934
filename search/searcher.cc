#include "search/searcher.h"

#include <algorithm>
#include <chrono>
#include <set>
#include <stdexcept>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "analysis/normalizer.h"
#include "analysis/term_scheme.h"
#include "search/analysis_report.h"
#include "search/facets.h"
#include "search/places.h"
#include "search/concept_expansion.h"
#include "search/query_builder.h"
#include "search/query_tree.h"
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
    for (auto [key, into] : {std::pair{"topics", &hit.topics}, std::pair{"mentions", &hit.mentions}})
        if (auto it = data.find(key); it != data.end() && it->is_array())
            for (const auto& t : *it)
                if (t.is_string()) into->push_back(t.get<std::string>());
    hit.body_id = json_string(data, "body_id");
    hit.work_id = json_string(data, "work_id");
    hit.original = data.value("original", false);
    if (auto it = data.find("legal_status"); it != data.end() && it->is_object()) {
        LegalStatusInfo status{json_string(*it, "state"), json_string(*it, "since"), {}};
        if (auto r = it->find("relations"); r != it->end() && r->is_array())
            for (const auto& rel : *r)
                status.relations.push_back({json_string(rel, "type"), json_string(rel, "work"), json_string(rel, "date"),
                                            json_string(rel, "url"), json_string(rel, "citation")});
        hit.legal_status = std::move(status);
    }
    hit.url = "/document.html?id=" + hit.document_id + (hit.unit_id.empty() ? "" : "#" + hit.unit_id);
    return hit;
}

}  // namespace detail

namespace {

using detail::json_string;
using detail::record_term;

// Fewer texts than this (a page) for every word together: the search relaxes.
constexpr long kRelaxBelow = 10;

// How many of the best matches are re-ordered (work crowding, or translation-
// aware ranking of separate versions); below them the matcher's order stands.
constexpr Xapian::doccount kRerankWindow = 100;

// `items` (indices into `mset`, best first) with the first kRerankWindow re-ordered:
// grouped (`keys` given: each item's version key), texts crowded by work when
// `crowd`; else each version after its best match.
std::vector<Xapian::doccount> rerank_window(const Xapian::MSet& mset, const std::vector<Xapian::doccount>& items,
                                            const std::vector<std::string>& keys, bool crowd) {
    const size_t window = std::min<size_t>(items.size(), kRerankWindow);
    std::vector<size_t> order;
    if (!keys.empty()) {
        std::vector<std::string> works;
        for (size_t i = 0; i < window; ++i)
            works.push_back(keys[i].size() == terms::kVersionKeyBytes
                                ? keys[i].substr(8)  // the work's 4 bytes
                                : std::string(terms::work_of_group(
                                      mset[items[i]].get_document().get_value(terms::kSlotVersionGroup))));
        order = crowd ? crowd_works(works) : crowd_works(works, works.size() + 1);
    } else {
        std::vector<RankedVersion> versions;
        for (size_t i = 0; i < window; ++i) {
            Xapian::MSetIterator it = mset[items[i]];
            versions.push_back({it.get_weight(), it.get_document().get_value(terms::kSlotVersionGroup)});
        }
        order = rank_version_groups(versions);
    }
    std::vector<Xapian::doccount> out;
    for (size_t i : order) out.push_back(items[i]);
    out.insert(out.end(), items.begin() + static_cast<std::ptrdiff_t>(window), items.end());
    return out;
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

// One selected facet's counts under every filter but its own (multi-select).
std::vector<FacetCount> facet_counts_without_own_filter(const Xapian::Database& db, const Xapian::Query& text_query,
                                                        const SearchRequest& r, const std::string& scope,
                                                        const FacetSpec& facet, bool per_text) {
    Xapian::Enquire enquire(db);
    enquire.set_query(filtered(text_query, r, scope, facet.name));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    FacetSpy own({&facet}, per_text);
    own.attach(enquire);
    enquire.get_mset(0, 0, db.get_doccount());
    return own.counts(facet.name);
}

// The hits of `items` (indices into `mset`, in display order). Grouped: each
// text's other versions listed (whether each matches from `noted`, the spy that
// saw the match, when it can tell), and with `by_weight` (relevance order) equal
// weights settled by document id (canonical_version); date order settles them itself.
std::vector<SearchHit> page_hits(const Xapian::Database& db, Analyzer& analyzer, const Xapian::MSet& mset, const std::vector<Xapian::doccount>& items,
                                 const BuiltQuery& built, const Xapian::Query& page_query, bool grouped, bool by_weight,
                                 detail::TextCountSpy* noted) {
    std::vector<std::string> groups;
    for (Xapian::doccount item : items) groups.push_back(mset[item].get_document().get_value(terms::kSlotVersionGroup));
    std::map<std::string, std::vector<detail::TextVersion>> versions;  // every version of the page's texts
    if (grouped) versions = detail::text_versions(db, page_query, groups, noted);
    std::vector<SearchHit> hits;
    for (size_t i = 0; i < items.size(); ++i) {
        Xapian::MSetIterator it = mset[items[i]];
        Xapian::Document record = it.get_document();
        const std::string& group = groups[i];
        const auto text = versions.find(group);
        if (by_weight && text != versions.end())
            if (const detail::TextVersion* v = detail::canonical_version(text->second, it.get_weight())) record = v->record;
        json data = json::parse(record.get_data(), nullptr, false);
        if (data.is_discarded()) continue;
        SearchHit hit = detail::hit_from_data(data);
        for (const auto& t : hit.topics)
            if (built.matched_concepts.count(t)) hit.matched_concepts.push_back(t);
        // Highlight what matched in this record, nothing else: the query's
        // words and stems that this record holds.
        std::set<std::string> terms, stems;
        Xapian::TermIterator held = record.termlist_begin();
        auto holds = [&](const std::string& term) {
            held.skip_to(term);
            return held != record.termlist_end() && *held == term;
        };
        for (const std::string& t : built.highlight_terms)  // sorted: skip_to moves forward only
            if (holds(t)) terms.insert(t);
        held = record.termlist_begin();
        for (const std::string& stem : built.highlight_stems)
            if (holds(std::string(terms::kStem) + stem)) stems.insert(stem);
        hit.snippet = make_snippet(analyzer, json_string(data, "text"), hit.lang, terms, stems);
        hit.score = it.get_weight();
        hit.version_group = group;
        if (text != versions.end()) hit.versions = detail::other_versions(text->second, hit.id);
        hits.push_back(std::move(hit));
    }
    return hits;
}

// Work crowding (work_crowding.h) serves a topic query — every word part of a
// thesaurus label, no place named: the reader surveys coverage, and one long
// document should not fill the page. A question naming a place or carrying
// its own words is about particular provisions, often of one document:
// crowding pushed them off the page (bench/search_eval.py, docs/architecture.md).
bool crowds(const QueryTree& tree) {
    if (!tree.jurisdictions.empty()) return false;
    auto units = tree.units();
    if (units.empty()) return false;
    for (const QueryNode* u : units)
        if (u->kind != QueryNode::Kind::kSpan) return false;
    return true;
}

// The words that had to match: the query without the places and question
// words set aside (the query itself when nothing was).
std::string words_of(const QueryTree& tree, const std::string& query) {
    if (tree.jurisdictions.empty() && tree.question_words.empty()) return query;
    std::string out;
    for (const QueryNode& c : tree.root.children) {
        if (c.end <= c.start || c.end > query.size()) continue;
        if (!out.empty()) out += ' ';
        out += query.substr(c.start, c.end - c.start);
    }
    return out;
}

// Of the corpus words that differ from `word` only in Tajik letters and their
// keyboard substitutes (зӯровари, зӯроварӣ), the commonest: a suggestion in
// the spelling the texts use most, never a rare variant that is itself a slip.
std::string commonest_spelling(const Xapian::Database& db, const std::string& word) {
    if (word.empty()) return word;
    std::string key = std::string(terms::kFoldedSpelling) + fold_tajik_letters_utf8(word);
    std::string best = word;
    Xapian::doccount best_frequency = db.get_termfreq(word);
    for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) {
        Xapian::doccount frequency = db.get_termfreq(*it);
        if (frequency > best_frequency) {
            best_frequency = frequency;
            best = *it;
        }
    }
    return best;
}

// "Did you mean": each word the index does not know replaced by its closest known spelling.
std::optional<std::string> did_you_mean(const Xapian::Database& db, const BuiltQuery& built, const std::string& query) {
    std::string suggestion;
    size_t cursor = 0;
    bool changed = false;
    for (const QueryWord& w : built.words) {
        if (db.term_exists(w.term)) continue;
        if (std::any_of(w.reading_terms.begin(), w.reading_terms.end(),
                        [&](const std::string& t) { return db.term_exists(t); }))
            continue;  // "tojikiston" is known as тоҷикистон
        std::string better = commonest_spelling(db, db.get_spelling_suggestion(w.term, 2));
        if (better.empty() || better == w.term) continue;
        suggestion += query.substr(cursor, w.start - cursor) + better;
        cursor = w.end;
        changed = true;
    }
    if (!changed) return std::nullopt;
    return suggestion + query.substr(cursor);
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
    if (impl_->thesaurus) impl_->labels.add_thesaurus(*impl_->thesaurus);
    impl_->places = std::make_unique<PlaceRecognizer>(impl_->db.get_metadata(std::string(terms::kPlaceNamesKey)),
                                                      impl_->analyzer);
    impl_->labels.add_table("body", terms::decode_label_table(impl_->db.get_metadata(std::string(terms::kBodyLabelsKey))));
    impl_->labels.add_table("istanbul",
                            terms::decode_label_table(impl_->db.get_metadata(std::string(terms::kIstanbulLabelsKey))));
}

Searcher::~Searcher() = default;

const Labels& Searcher::labels() const { return impl_->labels; }

SearchResult Searcher::search(const SearchRequest& r) {
    validate(r);
    QueryTree tree = read_query(r);
    long in_place = kRelaxBelow;
    SearchResult strict = run_search(r, tree, false, &in_place);
    // Never an empty page for a reasonable question: when every word together
    // finds few texts (or few in the places the query names), most of the
    // words will do, ranked by how many and how rare, the strict matches
    // first (interpretation.relaxed).
    bool few = strict.total < kRelaxBelow || in_place < kRelaxBelow;
    if (r.relax && few && tree.plain && tree.units().size() >= 2) {
        SearchResult relaxed = run_search(r, tree, true);
        if (relaxed.total > strict.total) {
            relaxed.suggestion = strict.suggestion;  // a correction of the words as typed
            return relaxed;
        }
    }
    return strict;
}

QueryTree Searcher::read_query(const SearchRequest& r) {
    Impl& s = *impl_;
    QueryTree tree = parse_query(r.query, r.lang, s.analyzer);
    if (tree.too_long_words > 0)
        throw BadRequest("a query word is longer than " + std::to_string(Analyzer::kMaxTermBytes) +
                         " bytes: no indexed word can match it");
    // Places named in a plain query are not words a provision must contain:
    // they boost that jurisdiction's provisions (places.h).
    if (r.places && s.places) set_aside_places(tree, *s.places, s.analyzer);
    drop_question_words(tree);
    if (r.cross_language && s.tagger) group_concept_spans(tree, *s.tagger, s.analyzer);
    return tree;
}

SearchResult Searcher::run_search(const SearchRequest& r, const QueryTree& tree, bool relaxed, long* in_place) {
    auto started = std::chrono::steady_clock::now();
    Impl& s = *impl_;
    QueryBuilder builder(s.analyzer);
    builder.set_vocabulary(&s.db);
    if (s.tagger) builder.set_concepts(&*s.thesaurus, s.tagger.get());
    BuiltQuery built = builder.compile(tree, relaxed ? Matching::kRelaxed : Matching::kStrict);
    relaxed = built.relaxed;
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
    const Xapian::Query page_query = filtered(built.query, r, scope, "");
    if (in_place && !tree.jurisdictions.empty()) {
        // How many matches lie in or about the places named (enough for a page, or fewer).
        Xapian::Enquire counter(s.db);
        counter.set_query(Xapian::Query(Xapian::Query::OP_FILTER, page_query, place_filter(tree)));
        counter.set_weighting_scheme(Xapian::BoolWeight());
        *in_place = static_cast<long>(counter.get_mset(0, 0, kRelaxBelow).get_matches_lower_bound());
    }
    auto make_enquire = [&] {
        Xapian::Enquire e(s.db);
        e.set_query(page_query);
        // Equal dates fall to the document id (the date slot ends with it), not to
        // the docid. Equal weights are settled after the match (canonical_version):
        // a value tie-break in relevance order made remote shards' spies over-count.
        if (r.sort == "date" || (built.empty && r.sort == "relevance"))
            e.set_sort_by_value_then_relevance(terms::kSlotDate, true);
        return e;
    };
    Xapian::Enquire enquire = make_enquire();
    const bool grouped = r.versions == "group";
    // Facets count what the result counts: texts when grouped (a value's count
    // is the number of results ticking it gives), records when separate. A
    // remote shard cannot run our counter: it counts records.
    const bool per_text = grouped && !s.remote;
    FacetSpy spy(plain, per_text);
    if (r.facets) spy.attach(enquire);
    // One hit per text: a spy counts texts by their version key.
    const bool one_shard = s.db.size() == 1;
    detail::TextCountSpy text_spy(one_shard);
    Xapian::ValueCountMatchSpy remote_text_spy(terms::kSlotVersionKey);
    if (grouped) enquire.add_matchspy(s.remote ? static_cast<Xapian::MatchSpy*>(&remote_text_spy) : &text_spy);
    // Relevance order is re-ranked over the best kRerankWindow hits: texts
    // crowded by work (grouped), or each version after its best-matching one
    // (separate, with thesaurus expansion). Those are fetched whatever the page,
    // so the order does not depend on it.
    const bool rerank = !built.empty && r.sort == "relevance" && (grouped || r.cross_language);
    const auto first = static_cast<Xapian::doccount>((r.page - 1) * r.per_page);
    const auto count = static_cast<Xapian::doccount>(r.per_page);
    const Xapian::doccount wanted = rerank ? std::max(kRerankWindow, first + count) : first + count;
    Xapian::MSet mset;
    std::vector<Xapian::doccount> items;  // indices into mset: the hits from the first, best first
    std::vector<std::string> keys;        // grouped: the version key of each item
    if (grouped) {
        detail::TextMatches texts;
        try {
            // The key of a match: noted by the spy as the match ran (one shard), or read from the document.
            auto key_of = [&](const Xapian::MSetIterator& it) {
                std::string key = one_shard && !s.remote ? text_spy.key_of(*it) : std::string();
                return key.empty() ? it.get_document().get_value(terms::kSlotVersionKey) : key;
            };
            texts = detail::first_texts(enquire, make_enquire, key_of, wanted, all);
        } catch (const Xapian::UnimplementedError&) {
            // Our spy cannot be sent to a remote shard: from now on use the built-in one.
            if (s.remote) throw;
            s.remote = true;
            return run_search(r, tree, relaxed);
        }
        mset = std::move(texts.mset);
        items = std::move(texts.texts);
        keys = std::move(texts.keys);
        // Exact: check_at_least covers every document.
        result.total = s.remote ? detail::count_texts(remote_text_spy) : text_spy.texts();
        result.total_versions = s.remote ? static_cast<long>(remote_text_spy.get_total()) : text_spy.records();
    } else {
        mset = enquire.get_mset(rerank ? 0 : first, rerank ? wanted : count, all);
        for (Xapian::doccount i = 0; i < mset.size(); ++i) items.push_back(i);
        result.total = mset.get_matches_estimated();  // exact: check_at_least covers every document
        result.total_versions = result.total;
    }
    if (result.total == 0 && may_fall_back) {
        SearchRequest whole = r;
        whole.scope = "document";
        SearchResult fallback = run_search(whole, tree, relaxed);
        fallback.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        return fallback;
    }
    if (r.facets) {
        for (const FacetSpec* f : plain) result.facets[f->name] = spy.counts(f->name);
        // Pass 2, one per selected facet: its counts ignore its own filter.
        for (const FacetSpec* f : selected)
            result.facets[f->name] = facet_counts_without_own_filter(s.db, built.query, r, scope, *f, per_text);
        for (auto& [name, counts] : result.facets)
            for (FacetCount& c : counts) c.label = name == "year" ? c.value : s.labels.label(name == "lang" ? "lang" : name, c.value, r.ui_lang);
    }

    std::vector<Xapian::doccount> page_items;  // indices into mset, in display order
    if (rerank) items = rerank_window(mset, items, keys, crowds(tree));
    // Grouped and re-ranked fetches start at the first hit; a plain one at the page.
    const size_t skip = (grouped || rerank) ? first : 0;
    for (size_t i = skip; i < items.size() && i < skip + count; ++i) page_items.push_back(items[i]);
    result.hits = page_hits(s.db, s.analyzer, mset, page_items, built, page_query, grouped,
                            r.sort == "relevance" && !built.empty, grouped && !s.remote ? &text_spy : nullptr);

    // Did you mean: only when the words found few texts (a page of results needs no correction).
    if (r.suggest && !relaxed && result.total < kRelaxBelow) result.suggestion = did_you_mean(s.db, built, r.query);
    result.expanded_concepts.assign(built.matched_concepts.begin(), built.matched_concepts.end());
    result.interpretation.jurisdictions = tree.jurisdictions;
    result.interpretation.words = words_of(tree, r.query);
    result.interpretation.question_words = tree.question_words;
    result.interpretation.ranking_words = built.ranking_words;
    result.interpretation.concepts = result.expanded_concepts;
    result.interpretation.relaxed = relaxed;
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return result;
}

std::optional<json> Searcher::document(const std::string& document_id, size_t offset, size_t limit) {
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
    // One page of provisions: only the page's data is read. Checking every
    // match makes the total exact.
    const Xapian::doccount all = s.db.get_doccount();
    const auto first = static_cast<Xapian::doccount>(std::min<size_t>(offset, all));
    const auto count = static_cast<Xapian::doccount>(std::min<size_t>(limit, all));
    Xapian::MSet mset = parts.get_mset(first, count, all);
    for (auto it = mset.begin(); it != mset.end(); ++it) {
        json p = json::parse(it.get_document().get_data(), nullptr, false);
        if (p.is_discarded()) continue;
        provisions.push_back({{"id", p["id"]}, {"unit_id", p["unit_id"]}, {"kind", p["unit_kind"]},
                              {"num", p["num"]}, {"heading", p["heading"]}, {"label", p["label"]},
                              {"text", p["text"]}, {"topics", p["topics"]}});
    }
    doc["provisions"] = provisions;
    const auto total = static_cast<size_t>(mset.get_matches_estimated());
    doc["provisions_page"] = {{"offset", offset}, {"limit", limit == static_cast<size_t>(-1) ? total : limit}, {"total", total}};
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
