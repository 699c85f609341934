#include "search/query_builder.h"

#include <algorithm>
#include <cmath>

#include "analysis/language.h"
#include "analysis/normalizer.h"
#include "analysis/stopwords.h"
#include "analysis/tajik_stemmer.h"
#include "analysis/term_scheme.h"
#include "analysis/utf32.h"
#include "search/concept_expansion.h"
#include "search/stem_terms.h"
#include "search/search_types.h"

namespace himoya {
namespace {

// Matches checked to estimate the share of records a word matches (share()).
constexpr Xapian::doccount kShareSample = 2000;

// Weight of the folded-layer alternative relative to the exact forms.
constexpr double kFoldedWeight = 0.5;
// Weight of a word's translations through the word lexicon (analysis/lexicon.h)
// relative to the word itself: a text in the query's own language with the
// word ranks first, but a text only in another language still satisfies it.
constexpr double kTranslationWeight = 0.5;

// The alternatives one typed word is searched by (its exact form, stems,
// folded stem, Latin reading, respelling, translations), to be OR-ed. An
// alternative that is a set of terms (one term, or a synonym of several) keeps
// only the terms the index holds, and alternatives left with the same terms
// become one, scaled by the sum of their weights. Xapian weighs `t OR t` as
// `2 * t`, and a synonym of a held and an absent term as the held term, so the
// scores are those of the unpruned query (word_forms_test checks it) while
// each postlist is read once: "насилия" was read three times, as the word, as
// its Tajik stem (the word itself: no `Z` term is stored for it) and inside
// its folded stem.
class WordForms {
public:
    // `index` (may be null: nothing is pruned) is the database the query will run on.
    explicit WordForms(const Xapian::Database* index) : index_(index) {}

    void add_terms(const std::vector<std::string>& alternatives, double factor = 1.0) {
        std::vector<std::string> held;
        for (const std::string& t : alternatives)
            if (!index_ || index_->get_termfreq(t) > 0) held.push_back(t);
        if (held.empty()) return;  // matches nothing: adds no match and no weight
        std::sort(held.begin(), held.end());
        held.erase(std::unique(held.begin(), held.end()), held.end());
        for (auto& [terms, f] : sets_)
            if (terms == held) {
                f += factor;
                return;
            }
        sets_.emplace_back(std::move(held), factor);
    }
    // Any other alternative, as it is.
    void add_query(Xapian::Query other) { others_.push_back(std::move(other)); }

    // The OR of the alternatives; `exact` alone (matching nothing) when no term is held.
    Xapian::Query query(const std::string& exact) const {
        std::vector<Xapian::Query> any;
        for (const auto& [terms, factor] : sets_) {
            Xapian::Query q = synonym_query(terms);
            any.push_back(factor == 1.0 ? q : Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, factor));
        }
        any.insert(any.end(), others_.begin(), others_.end());
        if (any.empty()) return Xapian::Query(exact);
        return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
    }

private:
    const Xapian::Database* index_;
    std::vector<std::pair<std::vector<std::string>, double>> sets_;
    std::vector<Xapian::Query> others_;
};

// Compiles the nodes of one tree into `out`.
// Each of a place's names as the AND of its stems (any of the stem's terms,
// stem_terms.h): how a text naming the place in any language is found.
std::vector<Xapian::Query> name_queries(const std::vector<std::vector<std::string>>& names) {
    std::vector<Xapian::Query> out;
    for (const auto& name : names) {
        std::vector<Xapian::Query> stems;
        for (const std::string& stem : name) stems.push_back(stem_query(stem));
        if (!stems.empty()) out.emplace_back(Xapian::Query::OP_AND, stems.begin(), stems.end());
    }
    return out;
}

class Compiler {
public:
    Compiler(Analyzer& analyzer, const Xapian::Database* vocabulary, const Thesaurus* thesaurus,
             const ConceptTagger* tagger, const QueryTree& tree, BuiltQuery& out, bool keep_stopwords, bool translate,
             bool positional, bool prune)
        : analyzer_(analyzer), vocabulary_(vocabulary), thesaurus_(thesaurus), tagger_(tagger), root_(&tree.root),
          language_(tree.language), latin_tajik_(tree.latin_tajik), out_(out), keep_stopwords_(keep_stopwords),
          translate_(translate), positional_(positional), prune_(prune) {}

    // A negated place name (query_tree.h, exclude_negated_places) stands for the
    // word and for the place: its jurisdictions' texts and the texts naming it
    // in any language, as a place named positively is found (place_filter).
    static Xapian::Query with_excluded_place(const QueryNode& n, bool negated, Xapian::Query q) {
        if (!negated || n.excluded_jurisdictions.empty()) return q;
        std::vector<Xapian::Query> any;
        if (!q.empty()) any.push_back(q);
        for (const std::string& code : n.excluded_jurisdictions)
            any.emplace_back(terms::boolean_term(terms::kJurisdiction, code));
        for (Xapian::Query& name : name_queries(n.excluded_names)) any.push_back(std::move(name));
        return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
    }

    // The query of a node; empty when it constrains nothing (stopwords only).
    Xapian::Query node(const QueryNode& n, bool negated) {
        switch (n.kind) {
            case QueryNode::Kind::kWord: return with_excluded_place(n, negated, answered_by(n, negated, word(n, negated)));
            case QueryNode::Kind::kPhrase: return with_excluded_place(n, negated, phrase(n, negated));
            case QueryNode::Kind::kSpan: return span(n, negated);
            case QueryNode::Kind::kOr: {
                std::vector<Xapian::Query> any;
                for (const QueryNode& c : n.children) {
                    Xapian::Query q = node(c, negated);
                    if (!q.empty()) any.push_back(q);
                }
                if (any.empty()) return {};
                return any.size() == 1 ? any.front() : Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
            }
            case QueryNode::Kind::kAnd: {
                // Beside a concept span the other words rank, they do not
                // filter: a translation cannot contain them as typed, and a
                // provision only carrying the concept is still an answer —
                // below every one that also has the words (kUnitBonus per
                // word, by rarity). "паноҳгоҳ барои ҷабрдидагон" finds the
                // English version of a shelter article; "protection order
                // duration Moldova" puts the provisions on duration first.
                // The bonus is a tenth of a relaxed word's: on the order of a
                // strong term's BM25 weight, so the concept's translations stay
                // near the top (kBesideConceptShare).
                // A word or concept most of the collection satisfies ("domestic
                // violence" in a collection on domestic violence) says little
                // about which texts are meant: beside rarer units it ranks (its
                // own weight and a small fixed bonus), it does not filter, so
                // "child witnesses domestic violence" finds the article on child
                // witnesses that says "violence covered by the Convention"; and
                // such a concept does not turn the words beside it into ranking
                // words ("police statistics on family violence" needs police
                // and statistics).
                struct Child {
                    const QueryNode* node;
                    Xapian::Query query;
                    bool common = false;
                };
                std::vector<Child> children;
                for (const QueryNode& c : n.children) {
                    Xapian::Query q = node(c, negated != c.negated);
                    if (!q.empty()) children.push_back({&c, std::move(q)});
                }
                const bool ranking_allowed = !negated && !relaxed_;
                size_t positive_units = 0, common_units = 0;
                for (const Child& c : children) positive_units += c.node->negated || c.node->ranks_only ? 0 : 1;
                // (A unit alone is never set aside: no share is estimated for it.)
                for (Child& c : children) {
                    if (c.node->negated || c.node->ranks_only || !ranking_allowed || positive_units < 2) continue;
                    if (is_common(*c.node, c.query)) {
                        c.common = true;
                        ++common_units;
                    }
                }
                const bool rank_common = positive_units >= 2 && common_units > 0 && common_units < positive_units;
                bool beside_span = false;
                for (const Child& c : children)
                    beside_span = beside_span || (c.node->kind == QueryNode::Kind::kSpan && !c.node->negated &&
                                                  !c.node->concepts.empty() && !c.node->names_work &&
                                                  !(rank_common && c.common));
                beside_span = beside_span && thesaurus_ && tagger_ && ranking_allowed;
                std::vector<Xapian::Query> positive, negative, ranking;
                for (Child& c : children) {
                    if (c.node->negated) {
                        negative.push_back(c.query);
                    } else if (c.node->ranks_only) {
                        // A kind of text named ("law"): ranked like a word beside a concept.
                        ranking.push_back(with_bonus(c.query, rarity(*c.node) * QueryBuilder::kBesideConceptShare));
                        out_.ranking_words.push_back(c.node->text);
                    } else if (rank_common && c.common) {
                        ranking.push_back(with_bonus(c.query, QueryBuilder::kCommonUnitShare));
                        out_.ranking_words.push_back(unit_text(*c.node));
                    } else if (beside_span && c.node->kind == QueryNode::Kind::kWord) {
                        ranking.push_back(with_bonus(c.query, rarity(*c.node) * QueryBuilder::kBesideConceptShare));
                        out_.ranking_words.push_back(c.node->text);
                    } else {
                        positive.push_back(c.query);
                    }
                }
                if (!ranking.empty()) {
                    Xapian::Query required(Xapian::Query::OP_AND, positive.begin(), positive.end());
                    Xapian::Query with_concept(Xapian::Query::OP_AND_MAYBE, required,
                                               Xapian::Query(Xapian::Query::OP_OR, ranking.begin(), ranking.end()));
                    // Words that carry the question themselves answer it
                    // without the concept beside them: "can police arrest the
                    // abuser without the victim's consent" names the
                    // perpetrator, yet the section on arrest without consent
                    // says "the person" and carries no perpetrator concept.
                    // A text with every word beside the concept (two or more)
                    // is an answer too; a concept's own texts keep their lead
                    // through its weight.
                    std::vector<Xapian::Query> words_only;
                    size_t beside_words = 0;
                    for (const Child& c : children) {
                        if (c.node->negated) continue;
                        const bool concept_span = c.node->kind == QueryNode::Kind::kSpan && !c.node->concepts.empty() &&
                                                  c.node->names.empty() && !c.node->names_work &&
                                                  !(rank_common && c.common);
                        if (concept_span) continue;
                        if (beside_span && c.node->kind == QueryNode::Kind::kWord && !c.node->ranks_only &&
                            !(rank_common && c.common)) {
                            ++beside_words;
                            words_only.push_back(with_bonus(c.query, rarity(*c.node) * QueryBuilder::kBesideConceptShare));
                        } else if (!c.node->ranks_only && !(rank_common && c.common)) {
                            words_only.push_back(c.query);
                        }
                    }
                    if (beside_words >= QueryBuilder::kWordsAnswerWithoutConcept)
                        // (Only texts without the concept: those with it
                        // are ranked as before, their words not counted twice.)
                        positive = {Xapian::Query(
                            Xapian::Query::OP_OR, with_concept,
                            Xapian::Query(Xapian::Query::OP_AND_NOT,
                                          Xapian::Query(Xapian::Query::OP_AND, words_only.begin(), words_only.end()),
                                          required))};
                    else
                        positive = {with_concept};
                }
                Xapian::Query result;
                if (!positive.empty())
                    result = positive.size() == 1 ? positive.front()
                                                  : Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
                if (&n == root_) out_.negated = negative;
                if (!negative.empty()) {
                    Xapian::Query neg(Xapian::Query::OP_OR, negative.begin(), negative.end());
                    result = Xapian::Query(Xapian::Query::OP_AND_NOT, result.empty() ? match_all() : result, neg);
                }
                return result;
            }
        }
        return {};
    }

    bool saw_only_stopwords() const { return content_ == 0 && stopwords_ > 0; }

    // `q` plus kUnitBonus × `share` for every record it matches: how texts
    // are ranked by the number of typed words they satisfy.
    // (`satisfied`, when given, is the part of `q` that earns the bonus.)
    // Without `satisfied` the bonus rides on q's own matches (AND_MAYBE), so
    // that q's postlists are read once: "q OR (bonus FILTER q)" gives the same
    // matches and weights but reads them twice.
    static Xapian::Query with_bonus(const Xapian::Query& q, double share, const Xapian::Query& satisfied = {}) {
        Xapian::Query fixed((new Xapian::FixedWeightPostingSource(QueryBuilder::kUnitBonus * share))->release());
        if (satisfied.empty()) return Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, fixed);
        return Xapian::Query(Xapian::Query::OP_OR, q, Xapian::Query(Xapian::Query::OP_FILTER, fixed, satisfied));
    }

    // What satisfies a span for the count of words satisfied: its words as
    // typed, or one of its concepts (or a narrower one) where the indexer's
    // tagger found it — about or mentioned, in any language version. Not the
    // stems of a label scattered over a text: they do not say the text names
    // the concept ("дети … пострадавшие … насилия в семье" is not "child
    // witnesses"); the tagger matches labels as labels.
    Xapian::Query span_satisfied(const QueryNode& n) {
        std::vector<Xapian::Query> any;
        std::vector<Xapian::Query> words;
        for (const QueryNode& w : n.children) {
            Xapian::Query q = word(w, false);
            if (!q.empty()) words.push_back(q);
        }
        if (!words.empty()) any.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
        if (!n.names.empty()) return place_names(n, any.empty() ? Xapian::Query() : any.front());
        if (thesaurus_ && tagger_)
            for (const std::string& id : n.concepts)
                for (const std::string& d : thesaurus_->with_descendants(id)) {
                    any.emplace_back(terms::boolean_term(terms::kTopic, d));
                    any.emplace_back(terms::boolean_term(terms::kMention, d));
                }
        return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    void set_relaxed(bool relaxed) { relaxed_ = relaxed; }

    // How much satisfying this unit is worth in relaxed matching: its share of
    // the largest possible idf (0 for a word in every record, 1 for a word in
    // one), 1 for a concept or a phrase.
    double rarity(const QueryNode& unit) const {
        if (!vocabulary_ || unit.kind != QueryNode::Kind::kWord) return 1.0;
        const double n = vocabulary_->get_doccount();
        Xapian::doccount df = 0;
        for (const Token& t : unit.tokens)
            if (!t.stopword) df = std::max(df, stem_frequency(*vocabulary_, t.stem));
        if (df == 0 || n < 2) return 1.0;
        double r = std::log((n + 1) / (df + 1)) / std::log(n + 1);
        return std::clamp(r, 0.0, 1.0);
    }

    // The words of a unit as typed ("domestic violence" for a span).
    static std::string unit_text(const QueryNode& n) {
        if (n.kind != QueryNode::Kind::kSpan) return n.text;
        std::string text;
        for (const QueryNode& w : n.children) text += (text.empty() ? "" : " ") + w.text;
        return text;
    }

    // Whether a word or concept unit (not a place) matches more than
    // kCommonShare of the records.
    bool is_common(const QueryNode& n, const Xapian::Query& q) const {
        if (n.kind != QueryNode::Kind::kWord && n.kind != QueryNode::Kind::kSpan) return false;
        if (!n.names.empty()) return false;
        // In a handful of records every word is in half of them: too few to say.
        if (!vocabulary_ || vocabulary_->get_doccount() < QueryBuilder::kCommonMinRecords) return false;
        // First a bound from term frequencies alone (no match run): a unit
        // whose terms together are in too few records cannot be common. Most
        // units stop here.
        const double threshold = QueryBuilder::kCommonShare * vocabulary_->get_doccount();
        double bound = 0;
        for (auto t = q.get_unique_terms_begin(); t != q.get_unique_terms_end() && bound <= threshold; ++t)
            bound += vocabulary_->get_termfreq(*t);
        if (bound <= threshold) return false;
        return share(q) > QueryBuilder::kCommonShare;
    }

    // The share of the records `q` matches (Xapian's estimate, no match
    // run); 0 without a vocabulary.
    double share(const Xapian::Query& q) const {
        if (!vocabulary_) return 0.0;
        const double n = vocabulary_->get_doccount();
        if (n < 2) return 0.0;
        Xapian::Enquire enquire(*vocabulary_);
        enquire.set_query(q);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        // Or-ed forms of one word (the word, its stem) are in the same
        // records, which Xapian's estimate from term frequencies alone
        // counts twice; checking the first matches corrects it (exact in a
        // small index, extrapolated from a sample in a large one).
        return std::min(1.0, enquire.get_mset(0, 0, kShareSample).get_matches_estimated() / n);
    }
    // rarity() of a unit from the share of records its query matches.
    double share_rarity(const Xapian::Query& q) const {
        if (!vocabulary_) return 1.0;
        const double n = vocabulary_->get_doccount();
        const double df = share(q) * n;
        if (n < 2) return 1.0;
        return std::clamp(std::log((n + 1) / (df + 1)) / std::log(n + 1), 0.0, 1.0);
    }

private:
    // A label span: its words, or (weighted below them) any of its concepts in any language.
    Xapian::Query span(const QueryNode& n, bool negated) {
        std::vector<Xapian::Query> words;
        for (const QueryNode& w : n.children) {
            Xapian::Query q = word(w, negated);
            if (!q.empty()) words.push_back(q);
        }
        Xapian::Query literal;
        if (!words.empty())
            literal = words.size() == 1 ? words.front() : Xapian::Query(Xapian::Query::OP_AND, words.begin(), words.end());
        // The words of a label or of a place's name are spelled as the
        // thesaurus or the place's names spell them: never respelled.
        const bool place = !n.names.empty();
        if (!n.children.empty() && (place || (thesaurus_ && tagger_ && !negated)))
            for (QueryWord& w : out_.words)
                if (w.start >= n.children.front().start && w.end <= n.children.back().end) w.in_label = true;
        if (place) return negated ? literal : place_names(n, literal);
        if (!thesaurus_ || !tagger_ || negated) return literal;
        // The concept through its labels in any language and its about tags,
        // not its mention tags: a version that does not name the concept is no
        // answer because another version of its text names it in passing (a
        // Tajik Code article on parents' duties for "психологическое насилие
        // в Таджикистане"), and with a place named it would outrank every
        // text elsewhere that is about the concept.
        std::vector<Xapian::Query> concepts;
        for (const std::string& id : n.concepts) {
            out_.matched_concepts.insert(id);
            // Its labels are marked where they occur as labels, not word by word.
            concepts.push_back(concept_query(id, *thesaurus_, *tagger_, nullptr, false));
            for (const std::string& d : thesaurus_->with_descendants(id)) out_.highlight_concepts.insert(d);
        }
        Xapian::Query expansion(Xapian::Query::OP_SCALE_WEIGHT,
                              Xapian::Query(Xapian::Query::OP_OR, concepts.begin(), concepts.end()), kExpansionWeight);
        // A provision about the concept (or a narrower one) ranks above one
        // that only mentions it: the about terms carry no weight of their own.
        std::vector<Xapian::Query> about;
        for (const std::string& id : n.concepts)
            for (const std::string& d : thesaurus_->with_descendants(id))
                about.emplace_back(terms::boolean_term(terms::kTopic, d));
        const double about_bonus = QueryBuilder::kAboutBonus;
        if (about_bonus > 0)
            expansion = Xapian::Query(
                Xapian::Query::OP_OR, expansion,
                Xapian::Query(Xapian::Query::OP_FILTER,
                              Xapian::Query((new Xapian::FixedWeightPostingSource(about_bonus))->release()),
                              Xapian::Query(Xapian::Query::OP_OR, about.begin(), about.end())));
        if (literal.empty()) return expansion;
        return Xapian::Query(Xapian::Query::OP_OR, literal, expansion);
    }

    // A word of a label the query holds scattered or as a qualifier is also
    // answered by the texts about that label's concept (QueryNode::answered_by),
    // which carry no weight of their own: the concept's bonus ranks them.
    Xapian::Query answered_by(const QueryNode& n, bool negated, Xapian::Query q) {
        if (negated || n.answered_by.empty() || !thesaurus_ || q.empty()) return q;
        std::vector<Xapian::Query> about;
        for (const std::string& id : n.answered_by)
            for (const std::string& d : thesaurus_->with_descendants(id)) about.emplace_back(terms::boolean_term(terms::kTopic, d));
        return Xapian::Query(Xapian::Query::OP_OR, q,
                             Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(Xapian::Query::OP_OR, about.begin(), about.end()), 0.0));
    }

    // A locality's words, or any of its names in any language (their stems).
    Xapian::Query place_names(const QueryNode& n, const Xapian::Query& literal) {
        std::vector<Xapian::Query> any;
        if (!literal.empty()) any.push_back(literal);
        for (const auto& name : n.names) out_.highlight_stems.insert(name.begin(), name.end());
        for (Xapian::Query& name : name_queries(n.names)) any.push_back(std::move(name));
        return Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
    }

    // Prefix for positional (unstemmed) terms and for stems of this field.
    std::string raw_prefix(bool title) const { return title ? std::string(terms::kTitle) : std::string(); }

    Xapian::Query phrase(const QueryNode& lx, bool negated) {
        const auto& tokens = lx.tokens;
        std::vector<Xapian::Query> parts;
        for (const Token& t : tokens) {
            parts.emplace_back(raw_prefix(lx.title) + t.term, 1, t.position);
            if (!negated) out_.highlight_terms.insert(t.term);
            // A phrase's words are words for "did you mean" too: a slip in
            // "sheltrs for victims" emptied the page with nothing offered.
            if (!negated && !lx.title && !t.stopword) {
                const size_t at = lx.start + t.start;
                if (std::none_of(out_.words.begin(), out_.words.end(), [&](const QueryWord& w) { return w.start == at; }))
                    out_.words.push_back({t.raw, t.term, at, lx.start + t.end, {}});
            }
        }
        if (parts.empty()) return {};
        ++content_;
        if (parts.size() == 1) return parts.front();
        // Body words keep no positions in whole-document records, title words
        // none in provision records (docs/term-scheme.md): there a phrase is
        // all of its words. A title is short: its words are its phrase.
        if (lx.title || !positional_) return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
        return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), static_cast<Xapian::termcount>(parts.size()));
    }

    // "viol*": the words of the index that begin with the typed letters, as
    // typed (no stems, respellings or translations: the prefix is the
    // reader's own), the most frequent kMaxPrefixWords of them.
    static constexpr Xapian::termcount kMaxPrefixWords = 200;
    Xapian::Query prefix_word(const QueryNode& lx, bool negated) {
        std::vector<Xapian::Query> parts;
        for (size_t i = 0; i < lx.tokens.size(); ++i) {
            const std::string term = raw_prefix(lx.title) + lx.tokens[i].term;
            if (i + 1 < lx.tokens.size()) {
                parts.emplace_back(term);  // "e-mai*": the pieces before the last as they are
            } else {
                Xapian::Query words(Xapian::Query::OP_WILDCARD, term, kMaxPrefixWords, Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT);
                // A Tajik prefix typed with keyboard substitutes ("зуровар*")
                // begins the folded stems of the words written with their
                // letters (зӯроварӣ's folded stem зуровар): as the folded
                // layer finds a whole word so typed, it finds the prefix.
                const std::string& typed = lx.tokens[i].term;
                if (!lx.title && may_be_substitute_spelling(typed) && language_ != "en") {
                    const std::string folded = std::string(terms::kFolded) + fold_tajik_letters_utf8(typed);
                    words = Xapian::Query(Xapian::Query::OP_OR, words,
                                          Xapian::Query(Xapian::Query::OP_WILDCARD, folded, kMaxPrefixWords,
                                                        Xapian::Query::WILDCARD_LIMIT_MOST_FREQUENT));
                }
                parts.push_back(std::move(words));
            }
            if (!negated && !lx.title) (i + 1 < lx.tokens.size() ? out_.highlight_terms : out_.highlight_prefixes).insert(term);
        }
        if (parts.empty()) return {};
        ++content_;
        return parts.size() == 1 ? parts.front() : Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    }

    Xapian::Query word(const QueryNode& lx, bool negated) {
        if (lx.prefix) return prefix_word(lx, negated);
        const auto& tokens = lx.tokens;
        std::vector<Xapian::Query> parts;
        for (const Token& t : tokens) {
            bool stopword = t.stopword || (latin_tajik_ && t.lang == "en" &&
                                           is_stopword(analyzer_.canonical(analyzer_.latin_to_tajik(t.term))));
            if (stopword && !keep_stopwords_ && lx.sign <= 0) { ++stopwords_; continue; }
            // The exact word and its stems: a document with the exact form scores higher.
            const std::string exact = raw_prefix(lx.title) + t.term;
            WordForms forms(prune_ ? vocabulary_ : nullptr);
            forms.add_terms({exact});
            std::vector<std::string> stems = analyzer_.query_stems(t, language_);
            for (const std::string& stem : stems) {
                forms.add_terms(stem_terms(stem, lx.title));
                if (!negated) out_.highlight_stems.insert(stem);
            }
            // Substitute spellings (зуровари for зӯроварӣ) meet through the folded
            // layer, weighted down so that the exact spelling ranks first.
            std::string folded = lx.title ? std::string() : analyzer_.query_folded(t, language_);
            if (!folded.empty()) forms.add_terms(folded_terms(folded), kFoldedWeight);
            std::vector<std::string> readings;
            if (latin_tajik_ && t.lang == "en") readings = add_tajik_reading(t, lx.title, negated, forms);
            if (!t.folded.empty()) {
                add_respellings(t, lx.title, negated, forms, stems);
                add_possessive_base(t, lx.title, negated, forms, stems);
            }
            // An excluded word is excluded in the other languages too: "violence
            // -sexual" must not keep a text through its Russian version's
            // "сексуальное насилие".
            if (translate_ && !lx.title) add_translations(stems, forms, !negated);
            // A year: a record dated that year satisfies it too (no weight of its own).
            if (lx.year > 0 && !negated) forms.add_query(Xapian::Query(std::string(terms::kYear) + std::to_string(lx.year)));
            parts.push_back(forms.query(exact));
            if (!negated) {
                out_.highlight_terms.insert(t.term);
                // once per typed word, though a unit may be compiled twice (span_satisfied)
                size_t at = lx.start + t.start;
                bool seen = std::any_of(out_.words.begin(), out_.words.end(), [&](const QueryWord& w) { return w.start == at; });
                if (!seen) out_.words.push_back({t.raw, t.term, at, lx.start + t.end, std::move(readings)});
            }
        }
        if (parts.empty()) return {};
        ++content_;
        if (parts.size() == 1) return parts.front();
        // "e-mail", "ҳимоя/ҷабрдида": pieces of one typed word must all occur.
        return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    }

    // A Latin word of a query in Latin-script Tajik is also read as Tajik
    // Cyrillic ("zurovari" → "зуровари"), with the same forms a Cyrillic word gets.
    // Returns the index terms searched for the readings.
    std::vector<std::string> add_tajik_reading(const Token& latin, bool title, bool negated, WordForms& forms) {
        std::vector<std::string> readings;
        // A z/k/s + "ho" word has two readings (markazhoi: маркажои, марказҳои);
        // both are searched, and only the one the texts use finds anything.
        std::vector<Token> read;
        for (const std::string& cyrillic : analyzer_.latin_tajik_spellings(latin.term))
            for (Token& t : analyzer_.analyze(cyrillic, "tg")) read.push_back(std::move(t));
        for (const Token& t : read) {
            readings.push_back(raw_prefix(title) + t.term);
            if (!title && !t.folded.empty()) readings.push_back(std::string(terms::kFolded) + t.folded);
            forms.add_terms({raw_prefix(title) + t.term});
            forms.add_terms(stem_terms(t.stem, title));
            if (!title && !t.folded.empty()) forms.add_terms(folded_terms(t.folded), kFoldedWeight);
            if (!negated) {
                out_.highlight_terms.insert(t.term);
                out_.highlight_stems.insert(t.stem);
            }
        }
        return readings;
    }

    // A Cyrillic word the index does not know, but whose folded spelling is a
    // corpus word's ("зуровари" for "зӯроварӣ"), gets that word's exact forms:
    // it then ranks as if typed correctly. Known words are left alone, so
    // давлати never pulls in давлатӣ.
    void add_respellings(const Token& t, bool title, bool negated, WordForms& forms, std::vector<std::string>& stems) {
        if (!vocabulary_ || vocabulary_->term_exists(t.term)) return;
        std::string word = corpus_spelling(t.term);
        if (!word.empty()) add_known_word(word, title, negated, forms, stems);
    }

    // A Tajik word the index does not know that is a word it knows under a
    // personal possessive (шавҳарам "my husband", занамро "my wife" as an
    // object: analysis/tajik_stemmer.h) gets the base's forms, as a respelling
    // does: a victim's "my husband beats me" finds what is said of husbands.
    void add_possessive_base(const Token& t, bool title, bool negated, WordForms& forms, std::vector<std::string>& stems) {
        if (!vocabulary_ || vocabulary_->term_exists(t.term)) return;
        std::string base = tajik_possessive_base(t.term);
        if (base.empty()) return;
        std::string word = vocabulary_->term_exists(base) ? base : corpus_spelling(base);
        if (!word.empty()) add_known_word(word, title, negated, forms, stems);
    }

    // The corpus word whose folded spelling `term`'s is, or "".
    std::string corpus_spelling(const std::string& term) {
        std::string key = std::string(terms::kFoldedSpelling) + fold_tajik_letters_utf8(term);
        // Of several correct spellings (ҳуқуқи, ҳуқуқӣ) the commonest is taken,
        // preferring those that keep every Tajik letter typed: a plain letter
        // may stand for a Tajik one, a Tajik letter is meant (хукукӣ, with the
        // ӣ of a final й, is ҳуқуқӣ, not ҳуқуқи). The folded layer still finds
        // the others, at its lower weight.
        const std::u32string typed = utf8_to_u32(term);
        auto keeps_typed_letters = [&](const std::string& candidate) {
            const std::u32string c = utf8_to_u32(candidate);
            if (c.size() != typed.size()) return false;
            for (size_t i = 0; i < c.size(); ++i)
                if (typed[i] != c[i] && typed[i] != fold_tajik_letter(c[i])) return false;
            return true;
        };
        std::string word;
        Xapian::doccount best = 0;
        bool best_keeps = false;
        for (auto it = vocabulary_->synonyms_begin(key); it != vocabulary_->synonyms_end(key); ++it) {
            const Xapian::doccount frequency = vocabulary_->get_termfreq(*it);
            const bool keeps = keeps_typed_letters(*it);
            if ((keeps && !best_keeps) || (keeps == best_keeps && frequency > best)) {
                best = frequency;
                word = *it;
                best_keeps = keeps;
            }
        }
        return word;
    }

    // A corpus word searched for a word typed otherwise, with its stems.
    void add_known_word(const std::string& word, bool title, bool negated, WordForms& forms, std::vector<std::string>& stems) {
        std::string stem = analyzer_.stem(word, "tg");
        forms.add_terms({raw_prefix(title) + word});
        forms.add_terms(stem_terms(stem, title));
        stems.push_back(stem);
        if (!negated) {
            out_.highlight_terms.insert(word);
            out_.highlight_stems.insert(stem);
        }
    }

    // The counterparts of a word's stems in the other languages, from the
    // index's word lexicon (terms::kTranslation), each weighted below the word
    // itself; a counterpart of several words needs all of them.
    void add_translations(const std::vector<std::string>& stems, WordForms& forms, bool highlight) {
        if (!vocabulary_) return;
        std::set<std::string> seen;
        for (const std::string& stem : stems) {
            std::string key = std::string(terms::kTranslation) + stem;
            for (auto it = vocabulary_->synonyms_begin(key); it != vocabulary_->synonyms_end(key); ++it) {
                std::string value = *it;
                if (!seen.insert(value).second) continue;
                std::vector<std::string> word_stems;
                size_t from = 0;
                for (;;) {
                    size_t space = value.find(' ', from);
                    std::string word_stem = value.substr(from, space == std::string::npos ? std::string::npos : space - from);
                    if (!word_stem.empty()) {
                        word_stems.push_back(word_stem);
                        if (highlight) out_.highlight_stems.insert(word_stem);
                    }
                    if (space == std::string::npos) break;
                    from = space + 1;
                }
                if (word_stems.empty()) continue;
                if (word_stems.size() == 1) {
                    forms.add_terms(stem_terms(word_stems.front()), kTranslationWeight);
                } else {
                    std::vector<Xapian::Query> words;
                    for (const std::string& word_stem : word_stems) words.push_back(stem_query(word_stem));
                    Xapian::Query counterpart(Xapian::Query::OP_AND, words.begin(), words.end());
                    forms.add_query(Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, counterpart, kTranslationWeight));
                }
            }
        }
    }

    Analyzer& analyzer_;
    const Xapian::Database* vocabulary_;
    const Thesaurus* thesaurus_;
    const ConceptTagger* tagger_;
    const QueryNode* root_;  // whose negated units are BuiltQuery::negated
    std::string language_;
    bool latin_tajik_;
    BuiltQuery& out_;
    bool keep_stopwords_;
    bool translate_;
    bool positional_;
    bool prune_;  // WordForms keep only the terms vocabulary_ holds
    int content_ = 0;
    int stopwords_ = 0;
    bool relaxed_ = false;
};

// What the places named in the query add: kPlaceBonus to every record in or
// about one of them, once per place ("study visits to Georgia and the United
// States" puts a text about both above one about either).
Xapian::Query place_bonus(const QueryTree& tree) {
    std::vector<Xapian::Query> bonuses;
    for (const QueryTree::Place& place : tree.places) {
        QueryTree one;
        one.jurisdictions = place.jurisdictions;
        one.place_names = place.names;
        bonuses.emplace_back(Xapian::Query::OP_FILTER,
                             Xapian::Query((new Xapian::FixedWeightPostingSource(QueryBuilder::kPlaceBonus))->release()),
                             place_filter(one));
    }
    if (bonuses.empty())  // a tree whose places were set by hand
        bonuses.emplace_back(Xapian::Query::OP_FILTER,
                             Xapian::Query((new Xapian::FixedWeightPostingSource(QueryBuilder::kPlaceBonus))->release()),
                             place_filter(tree));
    return Xapian::Query(Xapian::Query::OP_OR, bonuses.begin(), bonuses.end());
}

}  // namespace

Xapian::Query place_filter(const QueryTree& tree) {
    std::vector<Xapian::Query> in_place;
    for (const std::string& code : tree.jurisdictions) in_place.emplace_back(terms::boolean_term(terms::kJurisdiction, code));
    for (Xapian::Query& name : name_queries(tree.place_names)) in_place.push_back(std::move(name));
    return Xapian::Query(Xapian::Query::OP_OR, in_place.begin(), in_place.end());
}

BuiltQuery QueryBuilder::compile(const QueryTree& tree, Matching matching) {
    const auto units = tree.units();
    const bool relax = matching == Matching::kRelaxed && tree.plain && units.size() >= 2;
    auto run = [&](BuiltQuery& out, bool keep_stopwords, bool& only_stopwords) {
        Compiler c(analyzer_, vocabulary_, thesaurus_, tagger_, tree, out, keep_stopwords, translate_, positional_, prune_);
        c.set_relaxed(relax);
        Xapian::Query q;
        if (relax) {
            // Each unit on its own, plus a constant per unit satisfied (scaled
            // by its rarity): texts with more of the words come first, those
            // with all of them (the strict matches) before any other.
            std::vector<Xapian::Query> parts;
            for (const QueryNode* unit : units) {
                Xapian::Query uq = c.node(*unit, false);
                if (uq.empty()) continue;
                // A span counts as satisfied by its words, its labels or a
                // provision about its concept; one that only mentions the
                // concept matches but earns no bonus.
                Xapian::Query satisfied = unit->kind == QueryNode::Kind::kSpan ? c.span_satisfied(*unit) : Xapian::Query();
                // A concept most records carry counts as little as a common word.
                double rarity = c.rarity(*unit);
                if (unit->kind == QueryNode::Kind::kSpan && c.is_common(*unit, uq)) rarity = c.share_rarity(uq);
                parts.push_back(Compiler::with_bonus(uq, rarity, satisfied));
            }
            if (!parts.empty()) q = Xapian::Query(Xapian::Query::OP_OR, parts.begin(), parts.end());
            out.relaxed = parts.size() >= 2;
            // Words naming a kind of text rank here too; they are no unit to relax to.
            std::vector<Xapian::Query> ranking;
            for (const QueryNode& w : tree.root.children)
                if (w.ranks_only)
                    if (Xapian::Query wq = c.node(w, false); !wq.empty()) {
                        ranking.push_back(Compiler::with_bonus(wq, c.rarity(w) * kBesideConceptShare));
                        out.ranking_words.push_back(w.text);
                    }
            if (!q.empty() && !ranking.empty())
                q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, Xapian::Query(Xapian::Query::OP_OR, ranking.begin(), ranking.end()));
        } else {
            q = c.node(tree.root, false);
        }
        only_stopwords = c.saw_only_stopwords();
        // The texts naming the query's concepts (BuiltQuery::named).
        if (thesaurus_ && tagger_) {
            std::vector<Xapian::Query> named;
            for (const QueryNode* unit : units) {
                if (unit->kind != QueryNode::Kind::kSpan || unit->concepts.empty() || unit->names_work) continue;
                Xapian::Query uq = c.node(*unit, false);
                if (uq.empty() || c.is_common(*unit, uq)) continue;
                std::vector<Xapian::Query> any;
                for (const std::string& id : unit->concepts) any.push_back(named_in(id, *thesaurus_));
                named.emplace_back(Xapian::Query::OP_OR, any.begin(), any.end());
            }
            if (!named.empty())
                out.named = Xapian::Query(relax ? Xapian::Query::OP_OR : Xapian::Query::OP_AND, named.begin(), named.end());
        }
        return q;
    };
    BuiltQuery out;
    bool only_stopwords = false;
    Xapian::Query q = run(out, false, only_stopwords);
    if (only_stopwords) {
        // "the", "и", "дар": a query of stopwords alone searches for them.
        out = BuiltQuery{};
        q = run(out, true, only_stopwords);
    }
    // The names of the places set aside are words for "did you mean" too, as
    // a label's: only their Tajik letters are given back ("Точикистон").
    for (const QueryNode& p : tree.place_words)
        for (const Token& t : p.tokens) {
            const size_t at = p.start + t.start;
            if (t.stopword || std::any_of(out.words.begin(), out.words.end(), [&](const QueryWord& w) { return w.start == at; }))
                continue;
            out.words.push_back({t.raw, t.term, at, p.start + t.end, {}, true});
        }
    // A narrower subject the words hold out of order ranks the texts about it
    // first among the matches; it matches nothing by itself.
    if (!q.empty() && thesaurus_ && tagger_ && !tree.scattered_concepts.empty()) {
        std::vector<Xapian::Query> about;
        for (const std::string& id : tree.scattered_concepts) {
            out.matched_concepts.insert(id);
            for (const std::string& d : thesaurus_->with_descendants(id))
                about.emplace_back(terms::boolean_term(terms::kTopic, d));
        }
        Xapian::Query bonus(Xapian::Query::OP_FILTER,
                            Xapian::Query((new Xapian::FixedWeightPostingSource(kUnitBonus * kScatteredConceptShare))->release()),
                            Xapian::Query(Xapian::Query::OP_OR, about.begin(), about.end()));
        q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, bonus);
    }
    if (!q.empty() && !tree.jurisdictions.empty())
        q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, place_bonus(tree));
    // A work named: its texts first among those matching as well.
    if (!q.empty() && !tree.works.empty()) {
        std::vector<Xapian::Query> works;
        for (const NamedWork& w : tree.works) works.emplace_back(terms::boolean_term(terms::kWork, w.work_id));
        Xapian::Query bonus(Xapian::Query::OP_FILTER,
                            Xapian::Query((new Xapian::FixedWeightPostingSource(kWorkBonus))->release()),
                            Xapian::Query(Xapian::Query::OP_OR, works.begin(), works.end()));
        q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, bonus);
    }
    // Texts not repealed first among equals (kCurrentBonus), where the index
    // has repealed texts at all: the bonus is a posting source over every
    // record, which at 1M cost about 3 ms of a 17 ms median search.
    const std::string repealed = terms::boolean_term(terms::kStatus, "repealed");
    if (!q.empty() && vocabulary_ && vocabulary_->get_termfreq(repealed) > 0) {
        Xapian::Query current(Xapian::Query::OP_AND_NOT,
                              Xapian::Query((new Xapian::FixedWeightPostingSource(kCurrentBonus))->release()),
                              Xapian::Query(repealed));
        q = Xapian::Query(Xapian::Query::OP_AND_MAYBE, q, current);
    }
    out.empty = q.empty();
    out.query = out.empty ? match_all() : q;
    return out;
}

BuiltQuery QueryBuilder::build(std::string_view query, std::string_view language) {
    return compile(parse_query(query, language, analyzer_));
}

}  // namespace himoya
