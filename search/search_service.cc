#include "search/search_service.h"

#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <set>
#include <stdexcept>
#include <thread>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "analysis/language.h"
#include "analysis/normalizer.h"
#include "analysis/term_scheme.h"
#include "search/compare.h"
#include "search/concept_expansion.h"
#include "search/database_state.h"
#include "search/facet_values.h"
#include "search/facets.h"
#include "search/hit_versions.h"
#include "search/match_walker.h"
#include "search/places.h"
#include "search/work_names.h"
#include "search/query_builder.h"
#include "search/query_tree.h"
#include "search/snippets.h"
#include "search/stored_records.h"
#include "search/text_matches.h"
#include "search/version_ranking.h"
#include "search/work_crowding.h"
#include "search/spelling_suggestion.h"

namespace himoya {

namespace {

using detail::record_term;

// Fewer texts than this (a page) for every word together: the search relaxes.
constexpr long kRelaxBelow = 10;
// The languages a text can have a version in (tg, ru, en): one version each.
constexpr long kVersionLanguages = 3;

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

// The padded bounds of the request's year range ("0000".."9999" when open).
std::pair<std::string, std::string> year_bounds(const SearchRequest& r) {
    std::string lo = r.year_from ? std::to_string(*r.year_from) : "0000";
    std::string hi = r.year_to ? std::to_string(*r.year_to) : "9999";
    lo.insert(0, 4 - std::min<size_t>(4, lo.size()), '0');
    hi.insert(0, 4 - std::min<size_t>(4, hi.size()), '0');
    return {lo, hi};
}

// `text_query` under the request's filters (but `skip`'s), its scope and, with
// `year_range`, its year range. `scope` is never automatic here (search_once
// decides it first).
Xapian::Query filtered(const Xapian::Query& text_query, const SearchRequest& r, Scope scope, const std::string& skip,
                       bool year_range = true) {
    std::vector<Xapian::Query> filters;
    for (const auto& [name, values] : r.filters) {
        if (name == skip || values.empty()) continue;
        filters.push_back(facet_filter(*find_facet(name), values));
    }
    if (scope == Scope::document) filters.emplace_back(record_term("document"));
    if (year_range && (r.year_from || r.year_to)) {
        auto [lo, hi] = year_bounds(r);
        filters.emplace_back(Xapian::Query::OP_VALUE_RANGE, terms::kSlotYear, lo, hi);
    }
    Xapian::Query out = filters.empty() ? text_query
                                        : Xapian::Query(Xapian::Query::OP_FILTER, text_query,
                                                        Xapian::Query(Xapian::Query::OP_AND, filters.begin(), filters.end()));
    // Values negated in the query apply to every count, facets included.
    std::vector<Xapian::Query> excluded;
    for (const auto& [name, values] : r.excluded_filters)
        if (!values.empty()) excluded.push_back(facet_filter(*find_facet(name), values));
    if (!excluded.empty())
        out = Xapian::Query(Xapian::Query::OP_AND_NOT, out, Xapian::Query(Xapian::Query::OP_OR, excluded.begin(), excluded.end()));
    // Every record is a provision or a document (docs/term-scheme.md): "not a
    // document" skips through the few document records, where "a provision"
    // would read a posting for nearly every record of the index.
    if (scope == Scope::provision) out = Xapian::Query(Xapian::Query::OP_AND_NOT, out, Xapian::Query(record_term("document")));
    return out;
}

// A walker over every match of `text_query` under the request's filters (but
// `skip`'s), or nullopt when the query needs Xapian's matcher to be counted
// (match_walker.h) or the database has no columns.
std::optional<MatchWalker> count_walker(const Xapian::Database& db, const Xapian::Query& text_query,
                                        const SearchRequest& r, Scope scope, const std::string& skip,
                                        const std::shared_ptr<const FacetColumns>& columns) {
    if (r.counting == CountMethod::matcher || !columns) return std::nullopt;
    std::optional<MatchWalker> walker = MatchWalker::compile(db, filtered(text_query, r, scope, skip, false));
    if (walker && r.counting == CountMethod::automatic && !walker->worth_walking()) return std::nullopt;
    // (walk_beside: a selected facet's second count runs on the search's own thread.)
    if (walker && (r.year_from || r.year_to)) {
        auto [lo, hi] = year_bounds(r);
        walker->require_year(columns, lo, hi);
    }
    return walker;
}

// Whether every document record holds kSlotDocumentDate and kSlotDocumentIndexed.
bool document_slots(const Xapian::Database& db) {
    const Xapian::doccount documents = db.get_termfreq(record_term("document"));
    return db.get_value_freq(terms::kSlotDocumentDate) == documents &&
           db.get_value_freq(terms::kSlotDocumentIndexed) == documents;
}

// One selected facet's counts under every filter but its own (multi-select).
std::vector<FacetCount> facet_counts_without_own_filter(const Xapian::Database& db, const Xapian::Query& text_query,
                                                        const SearchRequest& r, Scope scope,
                                                        const FacetSpec& facet, bool per_text) {
    const std::shared_ptr<const FacetColumns> columns = db.size() == 1 ? FacetColumns::of(db) : nullptr;
    FacetSpy own({&facet}, per_text, columns);
    if (std::optional<MatchWalker> walker = count_walker(db, text_query, r, scope, facet.name, columns);
        walker && own.counts_by_docid()) {
        walker->for_each([&](Xapian::docid did) { own.count(did); });
        return own.counts(facet.name);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(filtered(text_query, r, scope, facet.name));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    own.attach(enquire);
    enquire.get_mset(0, 0, db.get_doccount());
    return own.counts(facet.name);
}

// The hits of `items` (indices into `mset`, in display order). Grouped: each
// text's other versions listed (whether each matches from `noted`, the spy that
// saw the match, when it can tell), and each text shown in `shown_lang` where
// that version matches, or, with `any_shown_version` (no language filter
// chooses the versions), where the text has that version at all; else, with
// `by_weight` (relevance order), equal weights settled by document id
// (canonical_version); other orders settle them themselves.
std::vector<SearchHit> page_hits(const Xapian::Database& db, Analyzer& analyzer, const Xapian::MSet& mset, const std::vector<Xapian::doccount>& items,
                                 const BuiltQuery& built, const Xapian::Query& page_query, bool grouped, bool by_weight,
                                 detail::TextCountSpy* noted, std::string_view shown_lang, bool any_shown_version,
                                 const ConceptTagger* tagger) {
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
        if (text != versions.end()) {
            const detail::TextVersion* v = any_shown_version ? detail::any_version_in(text->second, shown_lang) : nullptr;
            if (!v)
                v = by_weight ? detail::canonical_version(text->second, it.get_weight(), shown_lang)
                              : detail::version_in(text->second, shown_lang);
            if (v) record = v->record;
        }
        std::optional<StoredRecord> data = detail::stored_record(db, record);
        if (!data) continue;
        SearchHit hit = detail::hit_from_data(*data);
        for (const auto& t : hit.topics)
            if (built.matched_concepts.count(t)) hit.matched_concepts.push_back(t);
        // Highlight what matched in this record, nothing else: the query's
        // words and stems that this record holds. One walk of its term list
        // (each walk reads and inflates it again), in term order: the words,
        // the stems under their prefix, and a stem that is a word of its own,
        // stored as the word (search/stem_terms.h).
        enum : unsigned { kWord = 1, kPrefixedStem = 2, kBareStem = 4 };
        std::map<std::string, unsigned> wanted;
        for (const std::string& t : built.highlight_terms) wanted[t] |= kWord;
        for (const std::string& stem : built.highlight_stems) {
            wanted[std::string(terms::kStem) + stem] |= kPrefixedStem;
            wanted[stem] |= kBareStem;
        }
        std::set<std::string> terms, stems;
        Xapian::TermIterator held = record.termlist_begin();
        for (const auto& [term, kinds] : wanted) {
            held.skip_to(term);
            if (held == record.termlist_end()) break;
            if (*held != term) continue;
            if (kinds & kWord) terms.insert(term);
            if (kinds & kPrefixedStem) stems.insert(term.substr(std::string_view(terms::kStem).size()));
            if (kinds & kBareStem) stems.insert(term);
        }
        for (const std::string& prefix : built.highlight_prefixes) {  // "viol*": its words in this record
            Xapian::TermIterator t = record.termlist_begin();
            t.skip_to(prefix);
            for (; t != record.termlist_end() && (*t).compare(0, prefix.size(), prefix) == 0; ++t) terms.insert(*t);
        }
        hit.snippet = make_snippet(analyzer, data->text, hit.lang, terms, stems, {}, {tagger, built.highlight_concepts});
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
    if (tree.jurisdictions.empty() && tree.question_words.empty()) {
        if (tree.filters.empty()) return query;
        // The typed words without the filters written among them.
        std::string out;
        for (size_t i = 0; i < tree.text.size(); ++i)
            if (tree.text[i] != ' ' || (!out.empty() && out.back() != ' ')) out += tree.text[i];
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    }
    // Function words that need not match are not shown as what was searched
    // ("an emergency order last in" for "how long does an emergency order
    // last in Moldova"), unless they are all there is.
    const bool content = std::any_of(tree.root.children.begin(), tree.root.children.end(), [](const QueryNode& c) {
        return !(c.kind == QueryNode::Kind::kWord && c.only_stopwords());
    });
    std::string out;
    for (const QueryNode& c : tree.root.children) {
        if (c.end <= c.start || c.end > query.size()) continue;
        if (content && c.kind == QueryNode::Kind::kWord && c.only_stopwords() && c.sign <= 0) continue;
        if (!out.empty()) out += ' ';
        out += query.substr(c.start, c.end - c.start);
    }
    return out;
}

// The query read once (query_tree.h): places set aside, question words
// dropped, concept spans grouped, as the request allows.
QueryTree read_query(IndexView& view, const SearchRequest& r) {
    QueryTree tree = parse_query(r.query, name(r.lang), view.analyzer());
    if (tree.too_long_words > 0)
        throw BadRequest({"a query word is longer than " + std::to_string(Analyzer::kMaxTermBytes) +
                              " bytes: no indexed word can match it",
                          "слово запроса длиннее " + std::to_string(Analyzer::kMaxTermBytes) +
                              " байт: ни одно слово индекса не может с ним совпасть",
                          "калимаи дархост аз " + std::to_string(Analyzer::kMaxTermBytes) +
                              " байт дарозтар аст: ягон калимаи индекс ба он мувофиқ омада наметавонад"});
    // Places named in a plain query are not words a provision must contain:
    // they boost that jurisdiction's provisions (places.h).
    if (r.places) set_aside_places(tree, view.places(), view.analyzer());
    // A place negated ("-Tajikistan") leaves its texts out, not only its name.
    if (r.places) exclude_negated_places(tree, view.places(), view.analyzer());
    // Works named by a popular name ("VAWA 2022"): their texts are boosted, the words stay.
    if (tree.plain && !view.remote())
        if (auto names = WorkNameRecognizer::of(view.db()); names && !names->empty())
            for (const NamedWork& w : names->find(view.analyzer(), r.query, tree.language, tree.latin_tajik))
                if (std::none_of(tree.works.begin(), tree.works.end(),
                                 [&](const NamedWork& x) { return x.work_id == w.work_id; }))
                    tree.works.push_back(w);
    drop_question_words(tree);
    if (r.cross_language && view.tagger()) {
        group_concept_spans(tree, *view.tagger(), view.analyzer());
        find_scattered_concepts(tree, *view.tagger(), *view.thesaurus());
    }
    mark_work_spans(tree);
    mark_text_kind_words(tree);
    return tree;
}

// The counts of a browse (no words: a scope, filters, one hit per text or
// not) are the same for every page, sort order and label language. They are
// kept per database state (database_state.h), so that paging or re-sorting a
// browse of a large index walks its matches once, not on every request; a
// kept browse fetches only the page. Shared by all threads; a few hundred
// filter combinations at most.
struct BrowseCounts {
    long total = 0, total_versions = 0;
    std::map<std::string, std::vector<FacetCount>> facets;  // unlabelled
};

class BrowseCountCache {
public:
    static constexpr size_t kMaxEntries = 512;

    std::optional<BrowseCounts> find(const Xapian::Database& db, const std::string& key) {
        const std::string state = database_state(db);
        std::lock_guard lock(m_);
        if (state != state_) return std::nullopt;
        auto it = entries_.find(key);
        if (it == entries_.end()) return std::nullopt;
        return it->second;
    }
    void keep(const Xapian::Database& db, const std::string& key, BrowseCounts counts) {
        const std::string state = database_state(db);
        std::lock_guard lock(m_);
        if (state != state_ || entries_.size() >= kMaxEntries) {
            entries_.clear();
            state_ = state;
        }
        entries_[key] = std::move(counts);
    }

private:
    std::mutex m_;
    std::string state_;
    std::map<std::string, BrowseCounts> entries_;
};

BrowseCountCache& browse_counts() {
    static BrowseCountCache cache;
    return cache;
}

// Searches running at once in this process, for deciding whether a core is
// idle: one search per core at most uses a second thread to count.
class SearchSlot {
public:
    SearchSlot() { ++running(); }
    ~SearchSlot() { --running(); }
    SearchSlot(const SearchSlot&) = delete;
    SearchSlot& operator=(const SearchSlot&) = delete;
    // This search and the others running leave a core free for a counter.
    bool core_idle() const {
        static const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
        return running().load() * 2 <= cores;
    }

private:
    static std::atomic<unsigned>& running() {
        static std::atomic<unsigned> n{0};
        return n;
    }
};

// A count on its own thread is worth starting above this many postings to
// read (a thread costs tens of microseconds; reading 20,000 postings, a few
// hundred), or, counted by the matcher, above this many records in the index.
constexpr double kPostingsWorthAThread = 20000;
constexpr Xapian::doccount kRecordsWorthAThread = 20000;

// One search of a read query; `relaxed`: most of the words suffice (run_search
// decides). `in_place`, when given and the query names places: how many
// matches lie there, counted up to a page (kRelaxBelow).
SearchResult search_once(IndexView& view, const SearchRequest& r, const QueryTree& tree, bool relaxed,
                         long* in_place = nullptr, std::string* concept_spelling = nullptr,
                         bool* typed_matches = nullptr) {
    auto started = std::chrono::steady_clock::now();
    QueryBuilder builder(view.analyzer());
    builder.set_vocabulary(&view.db());
    builder.set_translations(r.cross_language);
    // Whole-document records keep no word positions (docs/term-scheme.md).
    builder.set_positional(r.scope != Scope::document);
    if (view.tagger()) builder.set_concepts(&*view.thesaurus(), view.tagger());
    const Matching matching = relaxed ? Matching::kRelaxed : Matching::kStrict;
    BuiltQuery built = builder.compile(tree, matching);
    relaxed = built.relaxed;
    // A slip that hides a concept (names_more_concepts): the caller searches
    // the spelling meant instead, whatever the slip matched.
    if (concept_spelling && tree.plain && !built.empty)
        if (auto suggestion = spelling_suggestion(view.db(), view.analyzer(), built, r.query); suggestion && *suggestion != r.query) {
            SearchRequest respelled = r;
            respelled.query = *suggestion;
            const QueryTree fixed_tree = read_query(view, respelled);
            // ... or a place: "Таджикистн охранный ордер" searched the slip as a
            // word and left the country out, with nothing said.
            const bool more_places = fixed_tree.jurisdictions.size() > tree.jurisdictions.size();
            if (fixed_tree.filters == tree.filters &&
                (more_places || names_more_concepts(built, builder.compile(fixed_tree, matching)))) {
                *concept_spelling = *suggestion;
                if (typed_matches) {  // whether the words as typed find any text, relaxed if need be (correct=0 would show them)
                    auto any = [&](const Xapian::Query& q) {
                        Xapian::Enquire e(view.db());
                        e.set_query(q);
                        e.set_weighting_scheme(Xapian::BoolWeight());
                        return e.get_mset(0, 0, 1).get_matches_lower_bound() > 0;
                    };
                    *typed_matches = any(built.query) || (r.relax && any(builder.compile(tree, Matching::kRelaxed).query));
                }
                return SearchResult{};
            }
        }
    // Default scope: documents when browsing; provisions when searching, falling
    // back to whole documents when the words only meet across provisions.
    const Scope scope = r.scope != Scope::automatic ? r.scope : built.empty ? Scope::document : Scope::provision;
    const bool may_fall_back = r.scope == Scope::automatic && !built.empty;
    const Xapian::doccount all = view.db().get_doccount();
    // A place named whose own texts have no match is a finding (a gap), not a
    // ranking detail: the reader is told, rather than left to wonder why the
    // page shows other places. Its texts count as its answer when they name
    // the query's concepts (BuiltQuery::named), not when a label's words are
    // scattered over them, and such a place gets no boost: "приют Казахстан"
    // put Kazakhstan's court ban on sharing a home first, above every text on
    // shelters, under a note that no Kazakh text matches.
    // One hit per text: what the query excludes leaves out the whole text, not
    // only its versions that hold the words ("police -\"protection order\""
    // showed the Russian version of a text whose English says "protection
    // orders"; a negated word reaches the other languages through its
    // translations, a phrase or a title: word does not).
    // (Found once: a recompile below for the places answered keeps the negated units.)
    Xapian::Query excluded_texts;
    if (r.versions == VersionMode::group && !built.negated.empty() && !view.remote()) {
        Xapian::Query negated(Xapian::Query::OP_OR, built.negated.begin(), built.negated.end());
        if (scope == Scope::provision)
            negated = Xapian::Query(Xapian::Query::OP_AND_NOT, negated, Xapian::Query(record_term("document")));
        else if (scope == Scope::document)
            negated = Xapian::Query(Xapian::Query::OP_FILTER, negated, Xapian::Query(record_term("document")));
        if (std::optional<Xapian::Query> texts = detail::texts_matching(view.db(), negated, SearchLimits::kMaxExcludedTexts))
            excluded_texts = *texts;
    }
    auto exclude_whole_texts = [&](BuiltQuery& b) {
        if (!excluded_texts.empty()) b.query = Xapian::Query(Xapian::Query::OP_AND_NOT, b.query, excluded_texts);
    };
    exclude_whole_texts(built);
    const Xapian::Query matched = filtered(built.query, r, scope, "");
    // Whether some match lies among `texts`, naming the query's concepts.
    auto answers = [&](Xapian::Query texts) {
        if (!built.named.empty()) texts = Xapian::Query(Xapian::Query::OP_AND, texts, built.named);
        Xapian::Enquire e(view.db());
        e.set_query(Xapian::Query(Xapian::Query::OP_FILTER, matched, texts));
        e.set_weighting_scheme(Xapian::BoolWeight());
        return e.get_mset(0, 0, 1).get_matches_lower_bound() > 0;
    };
    std::vector<std::string> places_without_match;
    for (const std::string& code : tree.jurisdictions)
        if (!answers(Xapian::Query(terms::boolean_term(terms::kJurisdiction, code)))) places_without_match.push_back(code);
    if (!places_without_match.empty() && !built.empty) {
        // Boosted: the places some text in or about answers (a study-tour report
        // about Georgia answers for Georgia though it is not Georgian law).
        auto answered = [&](const QueryTree::Place& place) {
            QueryTree one;
            one.jurisdictions = place.jurisdictions;
            one.place_names = place.names;
            return answers(place_filter(one));
        };
        QueryTree boosted = tree;
        boosted.places.clear();
        boosted.jurisdictions.clear();
        boosted.place_names.clear();
        for (const QueryTree::Place& place : tree.places)
            if (answered(place)) {
                boosted.places.push_back(place);
                boosted.place_names.insert(boosted.place_names.end(), place.names.begin(), place.names.end());
                for (const std::string& code : place.jurisdictions) boosted.jurisdictions.push_back(code);
            }
        if (boosted.places.size() != tree.places.size()) {
            built = builder.compile(boosted, matching);
            exclude_whole_texts(built);
        }
    }

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
        Xapian::Enquire counter(view.db());
        counter.set_query(Xapian::Query(Xapian::Query::OP_FILTER, page_query, place_filter(tree)));
        counter.set_weighting_scheme(Xapian::BoolWeight());
        *in_place = static_cast<long>(counter.get_mset(0, 0, kRelaxBelow).get_matches_lower_bound());
    }
    // (An index built before those slots existed lacks them on some document record.)
    const bool documents_only = scope == Scope::document && document_slots(view.db());
    auto make_enquire = [&] {
        Xapian::Enquire e(view.db());
        e.set_query(page_query);
        // Equal dates fall to the document id (the date slot ends with it), not to
        // the docid. Equal weights are settled after the match (canonical_version):
        // a value tie-break in relevance order made remote shards' spies over-count.
        // Newest in the index first; its slot ends with the document id too.
        // Documents alone sort on the slots only document records hold.
        if (r.sort == SortOrder::indexed)
            e.set_sort_by_value_then_relevance(documents_only ? terms::kSlotDocumentIndexed : terms::kSlotIndexed, true);
        else if (r.sort == SortOrder::date || built.empty)
            e.set_sort_by_value_then_relevance(documents_only ? terms::kSlotDocumentDate : terms::kSlotDate, true);
        return e;
    };
    Xapian::Enquire enquire = make_enquire();
    const bool grouped = r.versions == VersionMode::group;
    // A browse's counts, when an earlier request on this database state made them.
    const bool browse = built.empty && !view.remote();
    std::string browse_key;
    std::optional<BrowseCounts> kept;
    if (browse) {
        browse_key = page_query.get_description() + (grouped ? "|texts" : "|records") + (r.facets ? "|facets" : "");
        for (const FacetSpec* f : selected) browse_key += "|" + f->name;
        kept = browse_counts().find(view.db(), browse_key);
    }
    // Facets count what the result counts: texts when grouped (a value's count
    // is the number of results ticking it gives), records when separate. A
    // remote shard cannot run our counter: it counts records.
    const bool per_text = grouped && !view.remote();
    const bool one_shard = view.db().size() == 1;
    // The spies read texts and facet values from the database's columns (in
    // both version modes); on several shards a spy sees each shard's own
    // docids, so they read values.
    const std::shared_ptr<const FacetColumns> columns =
        one_shard && !view.remote() && !kept ? FacetColumns::of(view.db()) : nullptr;
    FacetSpy spy(plain, per_text, columns);
    // Counting apart from ranking (match_walker.h): in relevance order Xapian's
    // top-k may stop early (check_at_least 0), and a walker over the postlists
    // counts every match for the total and the facets. Date order walks every
    // match anyway, so its spies count as it goes.
    std::optional<MatchWalker> walker;
    // When a core is idle the walker counts on it, over a second handle on
    // the database, while this thread ranks: then walking costs no wait, and
    // every query it can take is walked (the ranking needs no exact count).
    bool beside = false;
    // A query the walker cannot take (a phrase): on the idle core Xapian's
    // matcher counts, over the second handle, with the query built a second
    // time (Xapian's query objects count their references without atomics:
    // the two threads share none).
    std::optional<Xapian::Query> beside_query;
    Xapian::Database* beside_db = nullptr;
    const SearchSlot slot;
    if (!kept && !built.empty && r.sort == SortOrder::relevance && (!r.facets || spy.counts_by_docid())) {
        bool decided = false;  // settled on the second handle: no second compile below
        const bool forced = r.counting == CountMethod::walk_beside;
        // (columns: one local database, whose own spies can run on the second handle)
        if (columns && (forced || (r.counting == CountMethod::automatic && slot.core_idle())))
            if (Xapian::Database* second = view.counting_db()) {
                SearchRequest each = r;
                each.counting = CountMethod::walk;
                walker = count_walker(*second, built.query, each, scope, "", columns);
                decided = true;
                if (walker) {
                    // Too small for a thread: walked here (over the second handle,
                    // which this thread may use too) when that pays, as below.
                    beside = forced || walker->estimated_postings() >= kPostingsWorthAThread;
                    if (!beside && !walker->worth_walking()) walker.reset();
                } else if (forced || all >= kRecordsWorthAThread) {
                    beside_query = filtered(builder.compile(tree, matching).query, r, scope, "");
                    beside_db = second;
                }  // else refused by the walker (on any handle): the matcher counts
            }
        if (!decided) walker = count_walker(view.db(), built.query, r, scope, "", columns);
    }
    const bool walking = walker.has_value();
    // Counted apart from the ranking: by the walker, or by the matcher on the other core.
    const bool apart = walking || beside_query.has_value();
    if (r.facets && !kept && !apart) spy.attach(enquire);
    // One hit per text: a spy counts texts by their version key.
    detail::TextCountSpy text_spy(one_shard && !apart, columns);
    Xapian::ValueCountMatchSpy remote_text_spy(terms::kSlotVersionKey);
    if (grouped && !kept && !apart)
        enquire.add_matchspy(view.remote() ? static_cast<Xapian::MatchSpy*>(&remote_text_spy) : &text_spy);
    Xapian::doccount walked = 0;
    std::exception_ptr count_error;
    auto count_all = [&] {
        try {
            walked = walker->for_each([&](Xapian::docid did) {
                if (grouped) text_spy.count(did);
                if (r.facets) spy.count(did);
            });
        } catch (...) {
            count_error = std::current_exception();
        }
    };
    auto count_by_matcher = [&] {
        try {
            Xapian::Enquire other(*beside_db);
            other.set_query(*beside_query);
            other.set_weighting_scheme(Xapian::BoolWeight());
            if (r.facets) spy.attach(other);
            if (grouped) other.add_matchspy(&text_spy);
            walked = other.get_mset(0, 0, all).get_matches_estimated();
        } catch (...) {
            count_error = std::current_exception();
        }
    };
    std::thread counter;
    if (walking && beside) counter = std::thread(count_all);
    else if (walking) count_all();
    else if (beside_query) counter = std::thread(count_by_matcher);
    // Joined before the counts are read, and on every way out of this function.
    struct JoinOnExit {
        std::thread& t;
        ~JoinOnExit() {
            if (t.joinable()) t.join();
        }
    } join_counter{counter};
    auto counted = [&] {
        if (counter.joinable()) counter.join();
        if (count_error) std::rethrow_exception(count_error);
    };
    // Kept counts, or counted apart: the match stops when its page is sure (check_at_least 0).
    const Xapian::doccount check = kept || apart ? 0 : all;
    // Relevance order is re-ranked over the best kRerankWindow hits: texts
    // crowded by work (grouped), or each version after its best-matching one
    // (separate, with thesaurus expansion). Those are fetched whatever the page,
    // so the order does not depend on it.
    const bool rerank = !built.empty && r.sort == SortOrder::relevance && (grouped || r.cross_language);
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
                if (apart)
                    if (const uint32_t code = columns->text(*it); code != FacetColumns::kNone)
                        return std::string(columns->text_key(code));
                std::string key = one_shard && !view.remote() && !kept && !apart ? text_spy.key_of(*it) : std::string();
                return key.empty() ? it.get_document().get_value(terms::kSlotVersionKey) : key;
            };
            texts = detail::first_texts(enquire, make_enquire, key_of, wanted, check);
        } catch (const Xapian::UnimplementedError&) {
            // Our spy cannot be sent to a remote shard: from now on use the built-in one.
            if (view.remote()) throw;
            view.set_remote();
            return search_once(view, r, tree, relaxed);
        }
        mset = std::move(texts.mset);
        items = std::move(texts.texts);
        keys = std::move(texts.keys);
        counted();
        // Exact: walked, or check_at_least covers every document.
        result.total = view.remote() ? detail::count_texts(remote_text_spy) : text_spy.texts();
        result.total_versions = view.remote() ? static_cast<long>(remote_text_spy.get_total()) : text_spy.records();
    } else {
        mset = enquire.get_mset(rerank ? 0 : first, rerank ? wanted : count, check);
        for (Xapian::doccount i = 0; i < mset.size(); ++i) items.push_back(i);
        counted();
        // exact: walked, or check_at_least covers every document
        result.total = apart ? static_cast<long>(walked) : static_cast<long>(mset.get_matches_estimated());
        result.total_versions = result.total;
    }
    if (kept) {
        result.total = kept->total;
        result.total_versions = kept->total_versions;
    }
    if (result.total == 0 && may_fall_back) {
        SearchRequest whole = r;
        whole.scope = Scope::document;
        SearchResult fallback = search_once(view, whole, tree, relaxed);
        fallback.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
        // Only a fallback with hits is the answer: an empty one would bring
        // its facets, which count documents, onto a page whose values tick
        // provisions ("safe house" under Brčko offered INT 6; ticking it gave 10).
        if (fallback.total > 0) return fallback;
    }
    if (r.facets && kept) {
        result.facets = kept->facets;
    } else if (r.facets) {
        for (const FacetSpec* f : plain) result.facets[f->name] = spy.counts(f->name);
        // Pass 2, one per selected facet: its counts ignore its own filter.
        for (const FacetSpec* f : selected)
            result.facets[f->name] = facet_counts_without_own_filter(view.db(), built.query, r, scope, *f, per_text);
    }
    if (browse && !kept) browse_counts().keep(view.db(), browse_key, {result.total, result.total_versions, result.facets});
    if (r.facets) {
        const std::string ui(name(r.ui_lang));
        for (auto& [facet, counts] : result.facets)
            for (FacetCount& c : counts) c.label = facet == "year" ? c.value : view.labels().label(facet, c.value, ui);
    }

    std::vector<Xapian::doccount> page_items;  // indices into mset, in display order
    if (rerank) items = rerank_window(mset, items, keys, crowds(tree));
    // Grouped and re-ranked fetches start at the first hit; a plain one at the page.
    const size_t skip = (grouped || rerank) ? first : 0;
    for (size_t i = skip; i < items.size() && i < skip + count; ++i) page_items.push_back(items[i]);
    result.hits = page_hits(view.db(), view.analyzer(), mset, page_items, built, page_query, grouped,
                            r.sort == SortOrder::relevance && !built.empty,
                            grouped && !view.remote() && !kept ? &text_spy : nullptr, name(r.ui_lang),
                            r.filters.find("lang") == r.filters.end() || r.filters.at("lang").empty(), view.tagger());

    // Did you mean: only when the words found few texts (a page of results needs no correction).
    if (r.suggest && !relaxed && result.total < kRelaxBelow) result.suggestion = spelling_suggestion(view.db(), view.analyzer(), built, r.query);
    result.expanded_concepts.assign(built.matched_concepts.begin(), built.matched_concepts.end());
    result.interpretation.jurisdictions = tree.jurisdictions;
    result.interpretation.excluded_jurisdictions = tree.excluded_jurisdictions;
    result.interpretation.places_without_match = places_without_match;
    if (!tree.works.empty()) {
        auto names = WorkNameRecognizer::of(view.db());
        for (const NamedWork& w : tree.works)
            result.interpretation.works.push_back({w.work_id, w.name, names ? names->title(w.work_id, std::string(name(r.ui_lang))) : ""});
    }
    result.interpretation.words = words_of(tree, r.query);
    result.interpretation.question_words = tree.question_words;
    result.interpretation.filters = tree.filters;
    result.interpretation.excluded_filters = tree.excluded_filters;
    result.interpretation.ranking_words = built.ranking_words;
    result.interpretation.concepts = result.expanded_concepts;
    result.interpretation.relaxed = relaxed;
    result.took_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
    return result;
}

}  // namespace

// An empty page under a jurisdiction filter, for a query about concepts the
// jurisdiction's law covers in parts not held: which laws (the page says so
// instead of leaving the silence to be read as the law's).
void note_parts_not_held(IndexView& view, const SearchRequest& r, SearchResult& result) {
    auto filtered = r.filters.find("jurisdiction");
    if (result.total > 0 || filtered == r.filters.end() || result.interpretation.concepts.empty() || !view.thesaurus()) return;
    std::set<std::string> concepts;
    for (const std::string& c : result.interpretation.concepts)
        for (const std::string& d : view.thesaurus()->with_descendants(c)) concepts.insert(d);
    for (std::string code : filtered->second) {
        for (char& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        std::vector<NotHeldWork> works = law_not_held(view, code, concepts, r.ui_lang);
        if (!works.empty()) result.interpretation.not_held[code] = std::move(works);
    }
}

// Whether the request narrows the collection: a facet filter or a year range.
bool narrowed(const SearchRequest& r) {
    if (r.year_from || r.year_to) return true;
    for (const auto& [name, values] : r.filters)
        if (!values.empty()) return true;
    return false;
}

// A relaxed page under filters whose strict page was empty, for a query that
// is strict on the whole collection: a selected facet's value counts what
// ticking it gives, which is strict where that has matches and relaxed only
// where it has none (the empty page's rule). `strict` holds the strict counts.
void keep_strict_counts(std::map<std::string, std::vector<FacetCount>>& relaxed,
                        const std::map<std::string, std::vector<FacetCount>>& strict, const SearchRequest& r) {
    for (const auto& [name, values] : r.filters) {
        auto own = relaxed.find(name);
        auto was = strict.find(name);
        if (values.empty() || own == relaxed.end() || was == strict.end()) continue;
        std::map<std::string, long> strict_count;
        for (const FacetCount& c : was->second) strict_count[c.value] = c.count;
        for (FacetCount& c : own->second)
            if (auto s = strict_count.find(c.value); s != strict_count.end() && s->second > 0) c.count = s->second;
        sort_facet_counts(name, own->second);
    }
}

namespace {
SearchResult search_request(IndexView& view, const SearchRequest& request);
std::optional<SearchRequest> without_language(const SearchRequest& r);
}  // namespace

SearchResult run_search(IndexView& view, const SearchRequest& request) {
    SearchResult result = search_request(view, request);
    // What a lang filter leaves out: the texts matching in other languages only.
    if (auto any = without_language(request); any && request.versions == VersionMode::group)
        result.interpretation.other_languages = std::max(0L, search_request(view, *any).total - result.total);
    return result;
}

namespace {

// `r` asked only for its total: no facets, no suggestion, one hit.
SearchRequest counting(SearchRequest r) {
    r.facets = false;
    r.suggest = false;
    r.page = 1;
    r.per_page = 1;
    return r;
}

// `r` without its lang filter, to count what the filter leaves out; nullopt
// when it has none.
std::optional<SearchRequest> without_language(const SearchRequest& r) {
    auto lang = r.filters.find("lang");
    if (lang == r.filters.end() || lang->second.empty()) return std::nullopt;
    SearchRequest any = counting(r);
    any.filters.erase("lang");
    return any;
}

// `instead` (a request whose query replaces the one typed) searched once,
// never corrected again, and answered as the typed query's with why it was
// searched (interpretation.corrected, corrected_because).
SearchResult search_instead(IndexView& view, SearchRequest instead, const std::string& typed, const std::string& because) {
    instead.correct = false;  // one correction, never a chain
    SearchResult out = search_request(view, instead);
    out.query = typed;
    out.suggestion.reset();
    out.interpretation.corrected = instead.query;
    out.interpretation.corrected_because = because;
    return out;
}

SearchResult search_request(IndexView& view, const SearchRequest& request) {
    validate(request);
    QueryTree tree = read_query(view, request);
    // Written in the query as the facet list shows them ("type:қонун"), filters mean their values (law).
    resolve_facet_labels(view, tree.filters);
    resolve_facet_labels(view, tree.excluded_filters);
    // Filters written in the query ("jurisdiction:TJ") are the request's own,
    // but a facet the request also filters as a parameter is the parameter's:
    // that is what ticking a value of the facet list sends, and the list
    // counts each value as the total it gives alone (the facet's own filter
    // ignored), so ticking KG under "jurisdiction:TJ shelter" gives KG's
    // count, not TJ's texts and KG's together.
    SearchRequest merged = request;
    for (auto it = tree.filters.begin(); it != tree.filters.end();) {
        auto given = request.filters.find(it->first);
        if (given != request.filters.end() && !given->second.empty()) {
            it = tree.filters.erase(it);
            continue;
        }
        for (const std::string& v : it->second) merged.filters[it->first].push_back(v);
        ++it;
    }
    for (const auto& [facet, values] : tree.excluded_filters)
        for (const std::string& v : values) merged.excluded_filters[facet].push_back(v);
    if (!tree.filters.empty() || !tree.excluded_filters.empty()) validate(merged);
    // type=laws is a typo to name, not 0 hits; -type:laws, not a filter that leaves nothing out
    check_facet_values(view, merged.filters);
    check_facet_values(view, merged.excluded_filters);
    // A topic takes its narrower concepts (docs/thesaurus.md): "forms of
    // violence" finds the provisions on physical violence, as the topic page,
    // compare and the matrix count them; the topic facet counts a record
    // under its broader concepts too (indexer/record_builder.cc), so a
    // value's count is what ticking it gives.
    if (const Thesaurus* thesaurus = view.thesaurus())
        for (auto* filters : {&merged.filters, &merged.excluded_filters})
            if (auto topics = filters->find("topic"); topics != filters->end()) {
                std::vector<std::string> wider;
                for (const std::string& id : topics->second)
                    for (std::string& d : thesaurus->with_descendants(id))
                        if (std::find(wider.begin(), wider.end(), d) == wider.end()) wider.push_back(std::move(d));
                for (const std::string& id : topics->second)  // a value the thesaurus lacks stays as given
                    if (std::find(wider.begin(), wider.end(), id) == wider.end()) wider.push_back(id);
                topics->second = std::move(wider);
            }
    const SearchRequest& r = merged;
    long in_place = kRelaxBelow;
    std::string concept_spelling;
    bool typed_matches = true;
    SearchResult strict =
        search_once(view, r, tree, false, &in_place, r.correct ? &concept_spelling : nullptr, &typed_matches);
    if (!concept_spelling.empty() && concept_spelling.size() <= SearchLimits::kMaxQueryBytes) {
        SearchRequest fixed = request;  // its filters written in the query are read again from the suggestion
        fixed.query = concept_spelling;
        return search_instead(view, fixed, r.query, typed_matches ? "names-more" : "nothing-matched");
    }
    // Never an empty page for a reasonable question: when every word together
    // finds few texts (or few in the places the query names), most of the
    // words will do, ranked by how many and how rare, the strict matches
    // first (interpretation.relaxed).
    const bool can_relax = r.relax && tree.plain && tree.units().size() >= 2;
    // Few *texts*, in either version mode: with versions=separate the total
    // counts language versions, and a query whose 17 versions are 9 texts
    // would find other texts than the same query grouped. A text has at most
    // one version per language, so only a separate total under
    // kRelaxBelow × 3 can hide fewer than kRelaxBelow texts.
    long strict_texts = strict.total;
    if (can_relax && r.versions == VersionMode::separate && strict.total >= kRelaxBelow &&
        strict.total < kRelaxBelow * kVersionLanguages) {
        SearchRequest grouped = counting(r);
        grouped.versions = VersionMode::group;
        strict_texts = search_once(view, grouped, tree, false).total;
    }
    bool few = strict_texts < kRelaxBelow || in_place < kRelaxBelow;
    // Whether few texts have every word is the query's own property, judged on
    // the whole collection, not under the page's filters: a facet value's
    // count, made in the mode of the page that shows it, is then the total that
    // ticking it gives. Under filters only an empty page relaxes on its own.
    bool whole_relaxes = false;
    if (can_relax && few && narrowed(r)) {
        SearchRequest whole = counting(r);
        whole.versions = VersionMode::group;  // texts, as above
        whole.filters.clear();
        whole.year_from.reset();
        whole.year_to.reset();
        long whole_in_place = kRelaxBelow;
        const SearchResult all = search_once(view, whole, tree, false, &whole_in_place);
        few = all.total < kRelaxBelow || whole_in_place < kRelaxBelow;
        // And whether the unfiltered page does relax: its relaxed matches must
        // outnumber its strict ones (whole-document fallback included). A
        // filtered page of a query the unfiltered page relaxes is relaxed too,
        // even where the filter leaves only whole-document strict matches:
        // the facet value counted relaxed provisions, and ticking it must give them.
        if (few) whole_relaxes = search_once(view, whole, tree, true).total > all.total;
    }
    // A language filter chooses which versions are shown: a page empty only
    // because the texts that match have no matching version in that language
    // does not relax on its own (it would show more texts than the page
    // without the filter); the answer counts them (other_languages).
    bool empty_for_language = false;
    if (can_relax && !few && strict.total == 0)
        if (auto any = without_language(r)) empty_for_language = search_once(view, *any, tree, false).total > 0;
    if (can_relax && (few || (strict.total == 0 && !empty_for_language))) {
        SearchResult relaxed = search_once(view, r, tree, true);
        if (whole_relaxes ? relaxed.total > 0 : relaxed.total > strict.total) {
            relaxed.suggestion = strict.suggestion;  // a correction of the words as typed
            if (!few) keep_strict_counts(relaxed.facets, strict.facets, r);
            return relaxed;
        }
    }
    // Nor an empty page for a misspelt word: when nothing matches as typed,
    // even relaxed, the "did you mean" spelling is searched instead and the
    // answer says so (interpretation.corrected); correct=0 keeps the words as typed.
    if (r.correct && strict.total == 0 && strict.suggestion && *strict.suggestion != r.query &&
        strict.suggestion->size() <= SearchLimits::kMaxQueryBytes) {
        SearchRequest fixed = request;  // its filters written in the query are read again from the suggestion
        fixed.query = *strict.suggestion;
        SearchResult corrected = search_instead(view, fixed, r.query, "nothing-matched");
        if (corrected.total > 0) return corrected;
    }
    // Nor for a subject no text deals with: a concept the query names that
    // finds nothing ("bride kidnapping") is searched as its broader concept
    // (forced marriage), in the language it was typed in, and the answer says
    // so (corrected_because "broader"); correct=0 keeps the words as typed.
    if (r.correct && strict.total == 0 && tree.plain && view.thesaurus()) {
        // The query as typed, its filters kept: the tree's offsets are the typed query's.
        std::string broadened = request.query;
        bool changed = false;
        const auto& units = tree.root.children;
        for (auto u = units.rbegin(); u != units.rend(); ++u) {  // last first: earlier offsets stay valid
            if (u->kind != QueryNode::Kind::kSpan || u->negated || u->concepts.empty() || !u->names.empty() ||
                u->end > broadened.size() || u->start >= u->end)
                continue;
            const Concept* named = view.thesaurus()->find(u->concepts.front());
            if (!named || named->broader.empty()) continue;
            const Concept* wider = view.thesaurus()->find(named->broader.front());
            if (!wider) continue;
            // Only a subject nothing in the collection deals with: under a
            // filter, an empty page is the answer ("no Moldovan text on
            // shelters"), and says how many texts match without it.
            const std::string typed = tree.text.substr(u->start, u->end - u->start);
            SearchRequest alone = counting(SearchRequest{});
            alone.query = typed;
            alone.correct = false;
            alone.relax = false;
            alone.ui_lang = r.ui_lang;
            if (search_request(view, alone).total > 0) continue;
            // The language of the label the words matched, else the one they were typed in.
            std::string lang = !u->label_lang.empty() ? u->label_lang
                               : has_foldable_letter(typed) ? "tg" : identify_language(typed).lang;
            if (lang != "tg" && lang != "ru") lang = "en";
            broadened.replace(u->start, u->end - u->start, wider->label(lang));
            changed = true;
        }
        if (changed && broadened.size() <= SearchLimits::kMaxQueryBytes) {
            SearchRequest fixed = request;  // its filters written in the query are read again from it
            fixed.query = broadened;
            SearchResult wider = search_instead(view, fixed, request.query, "broader");
            if (wider.total > 0) return wider;
        }
    }
    note_parts_not_held(view, r, strict);
    return strict;
}

}  // namespace

}  // namespace himoya
