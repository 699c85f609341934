#include "search/compare.h"
#include "search/coverage.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "analysis/stopwords.h"
#include "analysis/utf8.h"
#include "analysis/term_scheme.h"
#include "search/concept_expansion.h"
#include "search/facet_values.h"
#include "search/facets.h"
#include "search/hit_versions.h"
#include "search/query_builder.h"
#include "search/query_tree.h"
#include "search/spelling_suggestion.h"
#include "search/stored_records.h"
#include "search/text_matches.h"
#include "search/snippets.h"

namespace himoya {


namespace {

// A jurisdiction code as the corpus writes it (BA-BIH); index terms are lower case.
std::string upper_code(std::string code) {
    for (char& ch : code) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return code;
}

void check_jurisdictions(const std::vector<std::string>& js, size_t min, size_t max) {
    if (js.size() < min || js.size() > max)
        throw BadRequest({"give between " + std::to_string(min) + " and " + std::to_string(max) + " jurisdictions",
                          "укажите от " + std::to_string(min) + " до " + std::to_string(max) + " юрисдикций",
                          "аз " + std::to_string(min) + " то " + std::to_string(max) + " қаламрав интихоб кунед"});
    std::set<std::string> seen;
    for (const auto& j : js) {
        if (j.empty() || j.size() > 16) throw BadRequest({"invalid jurisdiction '" + j + "'", "недопустимый код юрисдикции «" + j + "»",
                                                                  "рамзи қаламрави нодуруст: «" + j + "»"});
        // Codes are case-blind (tj = TJ): a column twice is a mistake, not a comparison.
        const std::string code = upper_code(j);
        if (!seen.insert(code).second)
            throw BadRequest({"jurisdiction " + code + " is given twice", "юрисдикция " + code + " указана дважды",
                              "қаламрави " + code + " ду бор омадааст"});
    }
}

// A code as given must be a code: letters, digits and '-' (" TJ" or "TJ\0"
// would otherwise label a column with what was typed).
void check_code_syntax(const std::string& code) {
    if (code.empty() || code.size() > 16 ||
        !std::all_of(code.begin(), code.end(), [](unsigned char c) { return std::isalnum(c) || c == '-'; }))
        throw BadRequest({"jurisdiction codes are letters, digits and '-' (e.g. TJ, BA-BIH)",
                          "код юрисдикции состоит из латинских букв, цифр и «-» (например, TJ, BA-BIH)",
                          "рамзи қаламрав аз ҳарфҳои лотинӣ, рақамҳо ва «-» иборат аст (масалан, TJ, BA-BIH)"});
}

// The jurisdiction codes the index has texts of, upper case.
std::set<std::string> codes_with_texts(const Xapian::Database& db) {
    std::set<std::string> out;
    const std::string prefix(terms::kJurisdiction);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it)
        out.insert(upper_code((*it).substr(prefix.size())));
    return out;
}

std::string joined(const std::set<std::string>& codes) {
    std::string list;
    for (const std::string& k : codes) list += (list.empty() ? "" : ", ") + k;
    return list;
}

// The codes as the corpus writes them (upper case: "ba-bih" is BA-BIH), each
// one the collection has texts of. An unknown code, or one jurisdictions.xml
// names but the collection holds no text of (AM, or BA, whose laws are held
// under its entities' codes), is a 400 naming the codes with texts, never a
// column of gaps: "Gap" under "RU" would read as "Russia has no law on this".
// Compare and the matrix refuse the same codes.
std::vector<std::string> jurisdictions_with_texts(IndexView& view, const std::vector<std::string>& codes) {
    std::vector<std::string> out;
    for (const std::string& given : codes) {
        check_code_syntax(given);
        const std::string code = upper_code(given);
        const bool has_texts = view.db().term_exists(terms::boolean_term(terms::kJurisdiction, code));
        if (!has_texts && !view.labels().has("jurisdiction", code, "en")) {
            const std::string known = joined(codes_with_texts(view.db()));
            throw BadRequest({"unknown jurisdiction '" + code + "' (known: " + known + ")",
                              "неизвестная юрисдикция «" + code + "» (известны: " + known + ")",
                              "қаламрави номаълум: «" + code + "» (маълуманд: " + known + ")"});
        }
        if (!has_texts) {
            const std::string known = joined(codes_with_texts(view.db()));
            throw BadRequest({"the collection holds no text of '" + code + "' to compare (jurisdictions with texts: " + known + ")",
                              "в собрании нет текстов юрисдикции «" + code + "» для сравнения (юрисдикции с текстами: " + known + ")",
                              "дар маҷмӯа барои муқоиса матни «" + code + "» нест (қаламравҳое, ки матн доранд: " + known + ")"});
        }
        out.push_back(code);
    }
    return out;
}

// Preferred languages are the collection's three: any other is a typo to report, not a preference to ignore.
void check_languages(const std::vector<std::string>& languages) {
    for (const std::string& l : languages)
        if (l != "tg" && l != "ru" && l != "en") throw BadRequest({"lang must be tg, ru or en, not '" + l + "'",
                                                                     "lang должен быть tg, ru или en, а не «" + l + "»",
                                                                     "lang бояд tg, ru ё en бошад, на «" + l + "»"});
}

Xapian::Query any_of(const std::string& prefix, const std::vector<std::string>& values) {
    std::vector<Xapian::Query> q;
    for (const auto& v : values) q.emplace_back(terms::boolean_term(prefix, v));
    return Xapian::Query(Xapian::Query::OP_OR, q.begin(), q.end());
}

// The texts that cover one of `concepts`: about it (XC), and not saying the
// law has no provision on it (XN, markup `absent`: "the Code has no separate
// offence of domestic violence" is about criminalisation, but no coverage of
// it). `stated`, when given, is set to the texts saying that of one of them.
// An index without such markup pays nothing.
Xapian::Query coverage_of(const Xapian::Database& db, const std::vector<std::string>& concepts,
                          Xapian::Query* stated = nullptr) {
    const Xapian::Query about = any_of(std::string(terms::kTopic), concepts);
    const std::string prefix(terms::kAbsent);
    if (db.allterms_begin(prefix) == db.allterms_end(prefix)) {
        if (stated) *stated = Xapian::Query();
        return about;
    }
    std::vector<Xapian::Query> covered, absent;
    for (const std::string& c : concepts) {
        const std::string term = terms::boolean_term(terms::kAbsent, c);
        Xapian::Query own(terms::boolean_term(terms::kTopic, c));
        if (!db.term_exists(term)) {
            covered.push_back(std::move(own));
            continue;
        }
        absent.emplace_back(term);
        covered.emplace_back(Xapian::Query::OP_AND_NOT, own, Xapian::Query(term));
    }
    if (stated)
        *stated = absent.empty() ? Xapian::Query()
                                 : Xapian::Query(Xapian::Query::OP_AND_NOT,
                                                 Xapian::Query(Xapian::Query::OP_OR, absent.begin(), absent.end()),
                                                 Xapian::Query(Xapian::Query::OP_OR, covered.begin(), covered.end()));
    return absent.empty() ? about : Xapian::Query(Xapian::Query::OP_OR, covered.begin(), covered.end());
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

// A jurisdiction's texts (version groups) matching a query, best first.
struct RankedTexts {
    std::vector<std::string> groups;  // up to the limit asked for
    long total = 0;                   // every matching text, exactly
};

// Counts texts with Xapian's spy over the version key (one value per text) and
// walks the ranked records until `limit` distinct texts are found.
RankedTexts ranked_texts(const Xapian::Database& db, const Xapian::Query& q, size_t limit) {
    RankedTexts out;
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    Xapian::ValueCountMatchSpy spy(terms::kSlotVersionKey);
    enquire.add_matchspy(&spy);
    const Xapian::doccount all = db.get_doccount();
    Xapian::doccount fetch = static_cast<Xapian::doccount>(limit * 4 + 8);
    for (;;) {
        Xapian::MSet mset = enquire.get_mset(0, fetch, all);
        out.groups.clear();
        std::set<std::string> seen;
        for (auto it = mset.begin(); it != mset.end() && out.groups.size() < limit; ++it) {
            std::string g = it.get_document().get_value(terms::kSlotVersionGroup);
            if (seen.insert(g).second) out.groups.push_back(g);
        }
        out.total = detail::count_texts(spy);
        if (out.groups.size() >= limit || mset.size() < fetch) break;
        fetch *= 4;
    }
    return out;
}

// Texts matching `q`, counted (no ranking).
long count_texts(const Xapian::Database& db, const Xapian::Query& q) {
    Xapian::Enquire enquire(db);
    enquire.set_query(q);
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    Xapian::ValueCountMatchSpy spy(terms::kSlotVersionKey);
    enquire.add_matchspy(&spy);
    enquire.get_mset(0, 0, db.get_doccount());
    return detail::count_texts(spy);
}

// The version of a text to show: the first preferred language it exists in,
// else its original version, else the first by language.
const detail::TextVersion* shown_version(const std::vector<detail::TextVersion>& versions,
                                         const std::vector<std::string>& preferred) {
    for (const std::string& lang : preferred)
        for (const auto& v : versions)
            if (v.data.lang == lang) return &v;
    for (const auto& v : versions)
        if (v.data.original) return &v;
    const detail::TextVersion* first = nullptr;
    for (const auto& v : versions)
        if (!first || v.data.lang < first->data.lang) first = &v;
    return first;
}

std::string original_lang(const std::vector<detail::TextVersion>& versions) {
    for (const auto& v : versions)
        if (v.data.original) return v.data.lang;
    return "";
}

// The languages to show provisions in: the request's, then the interface's.
std::vector<std::string> display_languages(const std::vector<std::string>& languages, const std::string& ui) {
    std::vector<std::string> out = languages;
    if (std::find(out.begin(), out.end(), ui) == out.end()) out.push_back(ui);
    return out;
}

// Filters shared by compare and the matrix: provisions (or their documents'
// records), of the types asked for.
std::vector<Xapian::Query> coverage_filters(const std::vector<std::string>& types, const char* kind = "provision") {
    std::vector<Xapian::Query> f{Xapian::Query(detail::record_term(kind))};
    if (!types.empty()) f.push_back(any_of(std::string(terms::kType), types));
    return f;
}

// Texts no longer in force: repealed law, and programmes whose term has run
// out ("expired": the 2014–2023 programme is no coverage Tajikistan has now).
Xapian::Query no_longer_in_force() {
    return Xapian::Query(Xapian::Query::OP_OR, Xapian::Query(terms::boolean_term(terms::kStatus, "repealed")),
                         Xapian::Query(terms::boolean_term(terms::kStatus, "expired")));
}

Xapian::Query not_repealed(const Xapian::Query& q) {
    return Xapian::Query(Xapian::Query::OP_AND_NOT, q, no_longer_in_force());
}

// The texts of `q` as ranked_texts gives them, but every text in force before
// any that is not: with repealed law included, the provision a drafter would
// cite is still current law (the FBiH 2025 law's article on safe houses, not
// the repealed 2013 one's). `total` counts all of q's texts.
RankedTexts ranked_current_first(const Xapian::Database& db, const Xapian::Query& q, size_t limit) {
    RankedTexts out = ranked_texts(db, Xapian::Query(Xapian::Query::OP_AND_NOT, q, no_longer_in_force()), limit);
    if (out.groups.size() < limit) {
        RankedTexts old = ranked_texts(db, Xapian::Query(Xapian::Query::OP_FILTER, q, no_longer_in_force()),
                                       limit - out.groups.size());
        for (std::string& g : old.groups)
            if (std::find(out.groups.begin(), out.groups.end(), g) == out.groups.end()) out.groups.push_back(std::move(g));
    }
    out.total = count_texts(db, q);
    return out;
}

// What is not a jurisdiction's law in coverage: practice (documents of a
// practice type, and units of a law's text that report its practice, markup
// role="practice": "69 crisis centres were working" is no provision on crisis
// centres), and, for a state or entity, a monitoring body's recommendations
// to it (the CEDAW Committee's concluding observations on Tajikistan are not
// Tajik law). For INT, a general recommendation (CEDAW GR 35) is an
// international standard.
Xapian::Query not_law_of(const std::string& jurisdiction) {
    std::vector<std::string> types = practice_types();
    if (jurisdiction != "INT") types.push_back("recommendation");
    return Xapian::Query(Xapian::Query::OP_OR, any_of(std::string(terms::kType), types),
                         Xapian::Query(terms::boolean_term(terms::kUnitRole, "practice")));
}

Xapian::Query all_of(const std::vector<Xapian::Query>& qs) {
    return Xapian::Query(Xapian::Query::OP_AND, qs.begin(), qs.end());
}

// A jurisdiction's law as records of one kind ("provision", or "document" for
// what is held of it): of `types` (any when empty), not practice, not a
// monitoring body's recommendations to it, not the `excluded` types.
Xapian::Query law_of(const char* kind, const std::string& jurisdiction, const std::vector<std::string>& types,
                     const std::vector<std::string>& excluded) {
    std::vector<Xapian::Query> f = coverage_filters(types, kind);
    f.emplace_back(terms::boolean_term(terms::kJurisdiction, jurisdiction));
    Xapian::Query law(Xapian::Query::OP_AND_NOT, all_of(f), not_law_of(jurisdiction));
    if (!excluded.empty()) law = Xapian::Query(Xapian::Query::OP_AND_NOT, law, any_of(std::string(terms::kType), excluded));
    return law;
}

// The law works of one jurisdiction in scope, with what the collection holds
// of each (docs/corpus-format.md, "Extent"), counted from the document
// records' XE and XH terms: no record is read but those of works named.
class JurisdictionHoldings {
public:
    // `documents`: the document records of the jurisdiction's law in scope.
    JurisdictionHoldings(const Xapian::Database& db, const Xapian::Query& documents) : db_(db), documents_(documents) {
        counts_.works = count_texts(db, documents);  // a document record's text is its work
        // A work with a version that does not say it is whole (an index written
        // before extents were stored) is in part: silence is claimed only where
        // every version says its source is held whole.
        counts_.in_part = count_texts(
            db, Xapian::Query(Xapian::Query::OP_AND_NOT, documents, Xapian::Query(terms::boolean_term(terms::kExtent, "whole"))));
    }

    const Holdings& counts() const { return counts_; }

    // Of `concepts`, those a work in scope lists as regulated in parts not held
    // (its <not-held>): a row of compare under the topic can say so of itself.
    std::vector<std::string> concepts_not_held(const std::set<std::string>& concepts) const {
        std::vector<std::string> out;
        for (const std::string& c : concepts) {
            Xapian::Enquire enquire(db_);
            enquire.set_query(filter(documents_, Xapian::Query(terms::boolean_term(terms::kNotHeld, c))));
            enquire.set_weighting_scheme(Xapian::BoolWeight());
            if (enquire.get_mset(0, 0, 1).get_matches_lower_bound() > 0) out.push_back(c);
        }
        return out;
    }

    // The works known to regulate one of `concepts` in parts not held, each
    // named by its version in `ui` (else its original, else the first read).
    std::vector<NotHeldWork> not_held(const std::set<std::string>& concepts, const std::string& ui) const {
        if (concepts.empty()) return {};
        std::vector<Xapian::Query> held_elsewhere;
        for (const std::string& c : concepts) held_elsewhere.emplace_back(terms::boolean_term(terms::kNotHeld, c));
        Xapian::Enquire enquire(db_);
        enquire.set_query(filter(documents_, Xapian::Query(Xapian::Query::OP_OR, held_elsewhere.begin(), held_elsewhere.end())));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        enquire.set_docid_order(Xapian::Enquire::ASCENDING);
        std::map<std::string, std::vector<StoredRecord>> works;
        Xapian::MSet mset = enquire.get_mset(0, db_.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it)
            if (std::optional<StoredRecord> d = detail::stored_record(db_, it.get_document()))
                works[d->work_id.empty() ? d->document_id : d->work_id].push_back(std::move(*d));
        std::vector<NotHeldWork> out;
        for (const auto& [id, versions] : works) {
            const StoredRecord* named = nullptr;
            for (const StoredRecord& v : versions)
                if (!named && v.lang == ui) named = &v;
            for (const StoredRecord& v : versions)
                if (!named && v.original) named = &v;
            if (!named) named = &versions.front();
            out.push_back({id, named->document_id, named->title, named->lang});
        }
        return out;
    }

private:
    const Xapian::Database& db_;
    Xapian::Query documents_;
    Holdings counts_;
};

// What a comparison selects: by topic or Istanbul article, the texts "about"
// one of the concepts (coverage) and those that only mention one; by free
// text, what matches. With the ranking query and the words to highlight.
struct Selection {
    std::optional<Concept> topic;
    Xapian::Query rank, about, mentions;
    Xapian::Query stated;  // texts saying the law has no provision on it (coverage_of)
    std::set<std::string> concepts;
    std::set<std::string> highlight_terms, highlight_stems;
    std::string corrected;         // the spelling compared instead of the words typed
    bool matched_anywhere = true;  // some text of the collection matches the words
};

Selection select_texts(IndexView& view, const CompareRequest& r) {
    const Thesaurus* thesaurus = view.thesaurus();
    Selection out;
    std::vector<std::string> concepts;
    if (!r.topic.empty()) {
        const Concept* c = thesaurus->find(r.topic);
        if (!c) throw BadRequest({"unknown topic '" + r.topic + "'", "неизвестная тема «" + r.topic + "»",
                                      "мавзӯи номаълум: «" + r.topic + "»"});
        concepts = thesaurus->with_descendants(r.topic);
        out.topic = *c;
    } else if (!r.istanbul_article.empty()) {
        // The concepts the thesaurus relates to the article, as they are: a
        // narrower concept has its own article when the Convention gives it one.
        concepts = thesaurus->for_istanbul_article(r.istanbul_article);
        if (concepts.empty()) throw BadRequest({"no concept relates to Istanbul Convention article " + r.istanbul_article,
                                                    "со статьёй " + r.istanbul_article + " Стамбульской конвенции не связана ни одна тема",
                                                    "ба моддаи " + r.istanbul_article + "-и Конвенсияи Истанбул ягон мавзӯъ алоқаманд нест"});
    }
    if (!concepts.empty()) {
        out.rank = concepts_query(concepts, *thesaurus, *view.tagger(), out.highlight_stems);
        out.about = coverage_of(view.db(), concepts, &out.stated);
        if (!r.also_about.empty())
            out.about = Xapian::Query(Xapian::Query::OP_AND, out.about,
                                      coverage_of(view.db(), r.also_about));
        // A text saying the law has no provision on it is shown where mentions are.
        Xapian::Query named = any_of(std::string(terms::kMention), concepts);
        if (!out.stated.empty()) named = Xapian::Query(Xapian::Query::OP_OR, named, out.stated);
        out.mentions = Xapian::Query(Xapian::Query::OP_AND_NOT, named, out.about);
        out.concepts.insert(concepts.begin(), concepts.end());
        return out;
    }
    QueryBuilder builder(view.analyzer());
    // Words reach the other languages' versions through the lexicon, and
    // substitute spellings are respelled, as in search: a Russian word finds a
    // Kazakh provision whose Russian version writes another form of it
    // ("преследование", "преследовать") through its Tajik version, and the
    // columns do not depend on the language the words are typed in.
    builder.set_vocabulary(&view.db());
    auto build = [&](const std::string& q) {
        return view.tagger() ? build_expanded_query(builder, view.analyzer(), *thesaurus, *view.tagger(), q, "auto")
                             : builder.build(q, "auto");
    };
    BuiltQuery built = build(r.query);
    // Function words alone ("и", "the", "ва") are searched when nothing else is
    // typed, and match nearly every text: no subject to compare by.
    const bool function_words_only =
        !built.words.empty() && std::all_of(built.words.begin(), built.words.end(),
                                            [](const QueryWord& w) { return is_stopword(w.term); });
    if (built.empty || function_words_only) throw BadRequest({"q has no searchable words", "в тексте запроса нет слов, по которым можно искать",
                                         "дар матни дархост калимае нест, ки бо он ҷустуҷӯ кардан мумкин бошад"});
    // Words only excluded ("-violence") name no subject: every column would be
    // "covered" by whatever lacks them, or a gap that says nothing.
    if (parse_query(r.query, "auto", view.analyzer()).units().empty())
        throw BadRequest({"q only excludes words: name the subject to compare by",
                          "запрос только исключает слова: назовите тему для сравнения",
                          "дархост танҳо калимаҳоро истисно мекунад: мавзӯи муқоисаро номбар кунед"});
    // Words no text of the whole collection matches would make every column a
    // "gap" that says nothing about the jurisdictions: a misspelt word is
    // compared in its did-you-mean spelling, and otherwise the answer says the
    // words match nothing (search does the same: search_service.h).
    auto matches_anything = [&](const Xapian::Query& q) {
        Xapian::Enquire e(view.db());
        e.set_query(q);
        e.set_weighting_scheme(Xapian::BoolWeight());
        return e.get_mset(0, 0, 1).get_matches_lower_bound() > 0;
    };
    if (!matches_anything(built.query)) {
        out.matched_anywhere = false;
        if (auto suggestion = spelling_suggestion(view.db(), view.analyzer(), built, r.query); suggestion && *suggestion != r.query) {
            BuiltQuery fixed = build(*suggestion);
            if (!fixed.empty && matches_anything(fixed.query)) {
                built = std::move(fixed);
                out.corrected = *suggestion;
                out.matched_anywhere = true;
            }
        }
    } else if (auto suggestion = spelling_suggestion(view.db(), view.analyzer(), built, r.query); suggestion && *suggestion != r.query) {
        // A slip that matches through its stem but hides a concept (names_more_concepts).
        BuiltQuery fixed = build(*suggestion);
        if (!fixed.empty && names_more_concepts(built, fixed) && matches_anything(fixed.query)) {
            built = std::move(fixed);
            out.corrected = *suggestion;
        }
    }
    out.rank = built.query;
    // Covering: matching the words, and naming each concept they form as a
    // label (BuiltQuery::named), not holding a label's words scattered about.
    // Concepts most texts carry are left out of `named` (they rank in search,
    // they do not filter); when every concept the words form is such a one,
    // covering still means naming one of them, never holding their words
    // somewhere ("family law": "family" in the text and "law" in the title
    // made every Georgian text cover family law).
    Xapian::Query named = built.named;
    if (named.empty() && !built.matched_concepts.empty() && thesaurus) {
        std::vector<Xapian::Query> any;
        for (const std::string& id : built.matched_concepts) any.push_back(named_in(id, *thesaurus));
        named = Xapian::Query(Xapian::Query::OP_OR, any.begin(), any.end());
    }
    out.about = named.empty() ? built.query : Xapian::Query(Xapian::Query::OP_FILTER, built.query, named);
    // A text saying the law has no provision on a concept the words name is
    // no coverage of it, as under topic= ("изнасилование в браке" is not
    // covered in Tajikistan by the summary saying the Code has no such
    // offence): it is listed where mentions are, and the gap is `stated`.
    if (!built.matched_concepts.empty() && thesaurus) {
        std::vector<std::string> named_concepts;
        for (const std::string& id : built.matched_concepts)
            for (std::string& d : thesaurus->with_descendants(id)) named_concepts.push_back(std::move(d));
        Xapian::Query stated;
        coverage_of(view.db(), named_concepts, &stated);
        if (!stated.empty()) {
            // (Such a text is about the concept, so it is listed whether or
            // not it holds the words; only boolean terms on the right.)
            out.about = Xapian::Query(Xapian::Query::OP_AND_NOT, out.about, stated);
            out.stated = std::move(stated);
            out.mentions = out.stated;
        }
    }
    out.highlight_terms = built.highlight_terms;
    out.highlight_stems = built.highlight_stems;
    out.concepts = built.matched_concepts;
    return out;
}

}  // namespace

std::string_view name(GapKind kind) {
    switch (kind) {
        case GapKind::silent: return "silent";
        case GapKind::not_found: return "not-found";
        case GapKind::not_held: return "not-held";
        case GapKind::stated: return "stated";
        case GapKind::none: break;
    }
    return "";
}

GapKind gap_kind(long about, const Holdings& holdings, const std::vector<NotHeldWork>& not_held, long stated) {
    if (about > 0) return GapKind::none;
    if (!not_held.empty()) return GapKind::not_held;
    if (stated > 0) return GapKind::stated;
    // Nothing held, or something held only in part: the law may still cover it.
    return holdings.works > 0 && holdings.in_part == 0 ? GapKind::silent : GapKind::not_found;
}

void validate(const CompareRequest& r) {
    check_jurisdictions(r.jurisdictions, 2, 4);
    check_languages(r.languages);
    int given = !r.topic.empty() + !r.istanbul_article.empty() + !r.query.empty();
    if (given != 1) throw BadRequest({"give exactly one of topic, ic (Istanbul Convention article) or q",
                                        "укажите ровно одно: тему (topic), статью Стамбульской конвенции (ic) или текст (q)",
                                        "танҳо яктоашро нишон диҳед: мавзӯъ (topic), моддаи Конвенсияи Истанбул (ic) ё матн (q)"});
    if (r.query.size() > SearchLimits::kMaxQueryBytes)
        throw BadRequest({"query too long", "запрос слишком длинный", "дархост аз ҳад дароз аст"});
    if (find_invalid_utf8(r.query) != std::string::npos)
        throw BadRequest({"query is not valid UTF-8", "запрос не в кодировке UTF-8", "дархост бо рамзгузории UTF-8 нест"});
    if (r.per_jurisdiction < 1 || r.per_jurisdiction > 20)
        throw BadRequest({"per_jurisdiction must be 1..20", "per_jurisdiction должен быть от 1 до 20",
                          "per_jurisdiction бояд аз 1 то 20 бошад"});
}

void validate(const MatrixRequest& r) {
    check_jurisdictions(r.jurisdictions, 1, 8);
    check_languages(r.languages);
    if (r.scheme != "istanbul" && r.scheme != "thesaurus") throw BadRequest({"scheme must be 'istanbul' or 'thesaurus'", "scheme должен быть «istanbul» или «thesaurus»",
                          "scheme бояд «istanbul» ё «thesaurus» бошад"});
}

namespace {

CompareResult compare_columns(IndexView& view, const CompareRequest& r) {
    const std::string ui(name(r.ui_lang));
    const Thesaurus* thesaurus = view.thesaurus();
    Xapian::Database& db = view.db();
    // A document type no text of the index has would turn every column into a
    // gap that says nothing about the jurisdictions: a 400 naming the known ones.
    check_facet_values(view, {{"type", r.types}});
    if (!thesaurus && r.query.empty()) throw BadRequest({"this index has no thesaurus: compare with q= instead",
                                                          "в этом индексе нет тезауруса: сравнивайте по тексту (q=)",
                                                          "дар ин индекс тезаурус нест: аз рӯи матн (q=) муқоиса кунед"});

    Selection selection = select_texts(view, r);
    const Xapian::Query& rank = selection.rank;
    const Xapian::Query& about = selection.about;
    const Xapian::Query& mentions = selection.mentions;
    const std::set<std::string>& concept_set = selection.concepts;
    const std::set<std::string>& highlight_terms = selection.highlight_terms;
    const std::set<std::string>& highlight_stems = selection.highlight_stems;
    const std::vector<std::string> preferred = display_languages(r.languages, ui);

    // The source each shown document cites (official title, number, URL), once per document.
    std::map<std::string, std::optional<DocumentSource>> sources;
    auto source_of = [&](const std::string& document_id) -> const std::optional<DocumentSource>& {
        auto it = sources.find(document_id);
        if (it != sources.end()) return it->second;
        std::optional<StoredRecord> doc = detail::document_data(db, document_id);
        std::optional<DocumentSource> source;
        if (doc) source = DocumentSource{doc->source.official_title, doc->source.number, doc->source.url, doc->source.publisher};
        return sources.emplace(document_id, std::move(source)).first->second;
    };
    // One card per text, in the preferred language when that version exists.
    auto cards = [&](const RankedTexts& texts, const char* relevance) {
        std::vector<CompareCard> out;
        auto versions = detail::text_versions(db, rank, texts.groups, nullptr);
        for (const std::string& group : texts.groups) {
            auto it = versions.find(group);
            if (it == versions.end()) continue;
            const detail::TextVersion* v = shown_version(it->second, preferred);
            if (!v) continue;
            CompareCard card;
            SearchHit& hit = card.hit;
            hit = detail::hit_from_data(v->data);
            for (const auto& t : hit.topics)
                if (concept_set.count(t)) hit.matched_concepts.push_back(t);
            card.text = v->data.text;
            hit.snippet = make_snippet(view.analyzer(), card.text, hit.lang, highlight_terms, highlight_stems);
            hit.score = v->weight;
            hit.version_group = group;
            hit.versions = detail::other_versions(it->second, hit.id);
            card.original_lang = original_lang(it->second);
            card.in_ui_language = hit.lang == ui;
            card.relevance = relevance;
            card.text_status = v->data.text_status;
            card.source = source_of(hit.document_id);
            out.push_back(std::move(card));
        }
        return out;
    };

    CompareResult result;
    for (const std::string& jurisdiction : r.jurisdictions) {
        std::vector<Xapian::Query> f = coverage_filters(r.types);
        f.emplace_back(terms::boolean_term(terms::kJurisdiction, jurisdiction));
        Xapian::Query scope = all_of(f);
        const Xapian::Query not_law = not_law_of(jurisdiction);
        const Xapian::Query law_scope = law_of("provision", jurisdiction, r.types, r.types_excluded);
        Xapian::Query in_force = r.include_repealed ? law_scope : not_repealed(law_scope);
        const Xapian::Query law_query = filter(rank, Xapian::Query(Xapian::Query::OP_AND, about, in_force));
        RankedTexts law = r.include_repealed ? ranked_current_first(db, law_query, static_cast<size_t>(r.per_jurisdiction))
                                             : ranked_texts(db, law_query, static_cast<size_t>(r.per_jurisdiction));
        CompareColumn column;
        column.jurisdiction = jurisdiction;
        column.label = view.labels().label("jurisdiction", jurisdiction, ui);
        column.total = law.total;
        {
            // The same law as document records: what a gap here rests on.
            const Xapian::Query documents = law_of("document", jurisdiction, r.types, r.types_excluded);
            const JurisdictionHoldings held(db, r.include_repealed ? documents : not_repealed(documents));
            column.holdings = held.counts();
            column.not_held = held.not_held(concept_set, ui);
            if (!column.not_held.empty()) column.not_held_concepts = held.concepts_not_held(concept_set);
        }
        if (!mentions.empty()) {
            RankedTexts mentioned = ranked_texts(db, filter(rank, Xapian::Query(Xapian::Query::OP_AND, mentions, in_force)), 3);
            column.mentions_total = mentioned.total;
            column.mentioned = cards(mentioned, "mentions");
        }
        if (!selection.stated.empty())
            column.stated_absent = count_texts(db, Xapian::Query(Xapian::Query::OP_AND, selection.stated, in_force));
        column.repealed_excluded =
            r.include_repealed ? 0
                               : count_texts(db, filter(about, Xapian::Query(Xapian::Query::OP_AND, law_scope,
                                                                            no_longer_in_force())));
        RankedTexts passages = ranked_texts(
            db, filter(rank, Xapian::Query(Xapian::Query::OP_AND, about, Xapian::Query(Xapian::Query::OP_AND, scope, not_law))), 3);
        column.provisions = cards(law, "about");
        column.practice_total = passages.total;
        column.practice = cards(passages, "about");
        result.columns.push_back(std::move(column));
    }
    // Other language versions of every document shown, so that a client can
    // link them without N more requests.
    for (const CompareColumn& column : result.columns)
        for (const auto* part : {&column.provisions, &column.practice})
            for (const CompareCard& card : *part) {
                const std::string& id = card.hit.document_id;
                if (id.empty() || result.versions.count(id)) continue;
                std::optional<StoredRecord> doc = detail::document_data(db, id);
                result.versions[id] = doc ? detail::versions_of(db, *doc) : std::vector<DocumentVersion>{};
            }
    for (const auto& id : concept_set)
        if (const Concept* c = thesaurus ? thesaurus->find(id) : nullptr) result.concepts.push_back({id, c->label(ui)});
    result.topic = std::move(selection.topic);
    result.istanbul_article = r.istanbul_article;
    if (!r.istanbul_article.empty()) result.istanbul_title = view.labels().label("istanbul", r.istanbul_article, ui);
    result.query = r.query;
    result.corrected = selection.corrected;
    result.matched_anywhere = selection.matched_anywhere;
    result.include_repealed = r.include_repealed;
    return result;
}

}  // namespace

CompareResult compare_jurisdictions(IndexView& view, const CompareRequest& request) {
    validate(request);
    CompareRequest r = request;
    r.jurisdictions = jurisdictions_with_texts(view, request.jurisdictions);
    return compare_columns(view, r);
}

void validate(const GlossaryRequest& r) {
    if (r.concept_id.empty()) throw BadRequest({"give concept (a thesaurus concept id)", "укажите concept (идентификатор понятия тезауруса)",
                                                     "concept-ро нишон диҳед (рамзи мафҳуми тезаурус)"});
    check_languages(r.languages);
    if (r.concept_id == kDefinitionsConcept) throw BadRequest({"concept must be a defined term, not 'definitions' itself",
                          "concept должен быть определяемым понятием, а не самой темой «definitions»",
                          "concept бояд мафҳуми таърифшаванда бошад, на худи мавзӯи «definitions»"});
    if (r.per_jurisdiction < 1 || r.per_jurisdiction > 20)
        throw BadRequest({"per_jurisdiction must be 1..20", "per_jurisdiction должен быть от 1 до 20",
                          "per_jurisdiction бояд аз 1 то 20 бошад"});
}

CompareResult glossary(IndexView& view, const GlossaryRequest& g) {
    validate(g);
    const Thesaurus* thesaurus = view.thesaurus();
    if (!thesaurus) throw BadRequest({"this index has no thesaurus: no glossary", "в этом индексе нет тезауруса, а значит, и определений",
                                      "дар ин индекс тезаурус нест, пас таърифҳо ҳам нестанд"});
    if (!thesaurus->find(g.concept_id)) throw BadRequest({"unknown concept '" + g.concept_id + "'", "неизвестное понятие «" + g.concept_id + "»",
                                                       "мафҳуми номаълум: «" + g.concept_id + "»"});
    if (!thesaurus->find(kDefinitionsConcept)) throw BadRequest({"this index's thesaurus has no 'definitions' concept",
                                                                   "в тезаурусе этого индекса нет темы «definitions»",
                                                                   "дар тезауруси ин индекс мавзӯи «definitions» нест"});
    Xapian::Database& db = view.db();
    // A text defines the concept when it is about the concept and about
    // definitions: "definitions" or a defined term other than the concept's
    // own. "victims" is itself under "definitions", so a text about victims'
    // support would otherwise count as defining "victim".
    const std::vector<std::string> own = thesaurus->with_descendants(g.concept_id);
    std::vector<std::string> definitional;
    for (const std::string& id : thesaurus->with_descendants(kDefinitionsConcept))
        if (std::find(own.begin(), own.end(), id) == own.end()) definitional.push_back(id);
    // The law texts that define the concept, in force unless asked otherwise.
    const Xapian::Query defines(Xapian::Query::OP_AND, any_of(std::string(terms::kTopic), own),
                                any_of(std::string(terms::kTopic), definitional));
    // Law only: not practice, not a monitoring body's recommendation (as for a state's law).
    const Xapian::Query law = Xapian::Query(Xapian::Query::OP_AND_NOT, Xapian::Query(detail::record_term("provision")),
                                            not_law_of(""));
    const Xapian::Query scope = g.include_repealed ? law : not_repealed(law);
    CompareRequest r;
    const std::string prefix(terms::kJurisdiction);
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        const std::string code = upper_code((*it).substr(prefix.size()));
        Xapian::Query here(Xapian::Query::OP_AND, defines, Xapian::Query(Xapian::Query::OP_AND, scope, Xapian::Query(*it)));
        if (count_texts(db, here) > 0) r.jurisdictions.push_back(code);
    }
    std::stable_sort(r.jurisdictions.begin(), r.jurisdictions.end(),
                     [](const std::string& a, const std::string& b) { return (a == "TJ") > (b == "TJ"); });
    r.topic = g.concept_id;
    r.also_about = definitional;
    r.types_excluded = {"recommendation"};
    r.languages = g.languages;
    r.per_jurisdiction = g.per_jurisdiction;
    r.ui_lang = g.ui_lang;
    r.include_repealed = g.include_repealed;
    return compare_columns(view, r);
}

std::vector<NotHeldWork> law_not_held(IndexView& view, const std::string& jurisdiction,
                                      const std::set<std::string>& concepts, UiLanguage ui) {
    const JurisdictionHoldings held(view.db(), not_repealed(law_of("document", jurisdiction, {}, {})));
    return held.not_held(concepts, std::string(name(ui)));
}

// The best text about a row in each of `columns` (its group; "" when none):
// what ranked_texts(filter(rank, about AND scope), 1) gives per column — and,
// with `current_first`, ranked_current_first — from one ranked pass over all
// the columns' records instead of one per cell. A record's weight depends on
// the query, not the filter, so its rank among one column's records is the
// same in both. (A matrix of 8 columns ran 200 ranked queries of a top
// concept's labels: seconds on a small corpus.)
std::vector<std::string> best_text_per_scope(const Xapian::Database& db, const Xapian::Query& rank, const Xapian::Query& about,
                                             const std::vector<std::string>& columns,
                                             const std::map<std::string, Xapian::Query>& scopes, bool current_first) {
    std::vector<std::string> best(columns.size());
    // Which columns each record about the row belongs to (scopes may overlap).
    std::map<Xapian::docid, std::vector<size_t>> owners;
    std::vector<Xapian::Query> cells;
    for (size_t c = 0; c < columns.size(); ++c) {
        Xapian::Query cell(Xapian::Query::OP_AND, about, scopes.at(columns[c]));
        Xapian::Enquire enquire(db);
        enquire.set_query(cell);
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) owners[*it].push_back(c);
        cells.push_back(std::move(cell));
    }
    if (owners.empty()) return best;
    const Xapian::Query any_cell(Xapian::Query::OP_OR, cells.begin(), cells.end());
    std::set<Xapian::docid> old;  // records of law no longer in force, ranked after the others
    if (current_first) {
        Xapian::Enquire enquire(db);
        enquire.set_query(filter(any_cell, no_longer_in_force()));
        enquire.set_weighting_scheme(Xapian::BoolWeight());
        Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
        for (auto it = mset.begin(); it != mset.end(); ++it) old.insert(*it);
    }
    Xapian::Enquire enquire(db);
    enquire.set_query(filter(rank, any_cell));
    Xapian::MSet mset = enquire.get_mset(0, db.get_doccount());
    for (const bool take_old : {false, true}) {
        if (take_old && !current_first) break;
        for (auto it = mset.begin(); it != mset.end(); ++it) {
            if (current_first && old.count(*it) != static_cast<size_t>(take_old)) continue;
            auto owner = owners.find(*it);
            if (owner == owners.end()) continue;
            std::string group;
            for (size_t c : owner->second) {
                if (!best[c].empty()) continue;
                if (group.empty()) group = it.get_document().get_value(terms::kSlotVersionGroup);
                best[c] = group;
            }
        }
    }
    return best;
}

Matrix coverage_matrix(IndexView& view, const MatrixRequest& request) {
    validate(request);
    MatrixRequest r = request;
    r.jurisdictions = jurisdictions_with_texts(view, request.jurisdictions);
    const std::string ui(name(r.ui_lang));
    const Thesaurus* thesaurus = view.thesaurus();
    Xapian::Database& db = view.db();
    if (!thesaurus) throw BadRequest({"this index has no thesaurus", "в этом индексе нет тезауруса", "дар ин индекс тезаурус нест"});

    // Rows: (key, title, concept labels, concepts).
    struct Row {
        std::string key, title, label;
        std::vector<std::string> concepts;
    };
    std::vector<Row> rows;
    if (r.scheme == "istanbul") {
        for (const auto& article : thesaurus->istanbul_articles()) {
            Row row{article, view.labels().label("istanbul", article, ui), "", {}};
            for (const auto& id : thesaurus->for_istanbul_article(article)) {
                if (const Concept* c = thesaurus->find(id)) row.label += (row.label.empty() ? "" : "; ") + c->label(ui);
                row.concepts.push_back(id);  // as compare?ic= counts them
            }
            if (row.title == article) row.title = row.label;
            rows.push_back(std::move(row));
        }
    } else {
        for (const Concept* c : thesaurus->top_concepts())
            rows.push_back({c->id, c->label(ui), c->label(ui), thesaurus->with_descendants(c->id)});
    }
    const std::vector<std::string> preferred = display_languages(r.languages, ui);

    // Each jurisdiction's law texts in scope: what a cell's share is of.
    Matrix matrix;
    matrix.scheme = r.scheme;
    matrix.jurisdictions = r.jurisdictions;
    matrix.include_repealed = r.include_repealed;
    std::map<std::string, Xapian::Query> scopes;
    std::map<std::string, JurisdictionHoldings> held;
    for (const std::string& jurisdiction : r.jurisdictions) {
        const Xapian::Query law = law_of("provision", jurisdiction, {}, {});
        scopes[jurisdiction] = r.include_repealed ? law : not_repealed(law);
        const Xapian::Query documents = law_of("document", jurisdiction, {}, {});
        const JurisdictionHoldings& h =
            held.try_emplace(jurisdiction, db, r.include_repealed ? documents : not_repealed(documents)).first->second;
        matrix.holdings[jurisdiction] = h.counts();
        matrix.texts[jurisdiction] = count_texts(db, scopes[jurisdiction]);
        matrix.jurisdiction_labels[jurisdiction] = view.labels().label("jurisdiction", jurisdiction, ui);
    }
    for (Row& row : rows) {
        std::set<std::string> stems;
        Xapian::Query rank = concepts_query(row.concepts, *thesaurus, *view.tagger(), stems);
        Xapian::Query stated;
        Xapian::Query about = coverage_of(db, row.concepts, &stated);
        Xapian::Query named = any_of(std::string(terms::kMention), row.concepts);
        if (!stated.empty()) named = Xapian::Query(Xapian::Query::OP_OR, named, stated);
        Xapian::Query mentions(Xapian::Query::OP_AND_NOT, named, about);
        const std::set<std::string> row_concepts(row.concepts.begin(), row.concepts.end());
        MatrixRow out{std::move(row.key), std::move(row.title), std::move(row.label), std::move(row.concepts), {}};
        const std::vector<std::string> best_groups = best_text_per_scope(db, rank, about, r.jurisdictions, scopes, r.include_repealed);
        // The versions of the row's best texts, in one lookup; which of them
        // match the labels is not needed (shown_version goes by language).
        const auto versions = detail::text_versions(db, Xapian::Query(), best_groups, nullptr);
        for (size_t column = 0; column < r.jurisdictions.size(); ++column) {
            const std::string& jurisdiction = r.jurisdictions[column];
            const Xapian::Query& scope = scopes[jurisdiction];
            const long about_texts = count_texts(db, Xapian::Query(Xapian::Query::OP_AND, about, scope));
            MatrixCell cell{jurisdiction, about_texts, count_texts(db, filter(mentions, scope)), matrix.texts[jurisdiction], {}, {}, GapKind::none};
            if (!best_groups[column].empty()) {
                if (auto it = versions.find(best_groups[column]); it != versions.end())
                    if (const detail::TextVersion* v = shown_version(it->second, preferred)) {
                        SearchHit hit = detail::hit_from_data(v->data);
                        bool in_ui_language = hit.lang == ui;
                        cell.best = MatrixBest{std::move(hit), original_lang(it->second), in_ui_language};
                    }
            }
            const JurisdictionHoldings& h = held.at(jurisdiction);
            cell.not_held = h.not_held(row_concepts, ui);
            const long stated_texts = stated.empty() ? 0 : count_texts(db, filter(stated, scope));
            cell.gap = gap_kind(cell.about, h.counts(), cell.not_held, stated_texts);
            out.cells.push_back(std::move(cell));
        }
        matrix.rows.push_back(std::move(out));
    }
    return matrix;
}

Xapian::Query coverage_query(const Xapian::Database& db, const std::vector<std::string>& concepts,
                             Xapian::Query* stated) {
    return coverage_of(db, concepts, stated);
}

}  // namespace himoya
