#include "search/concept_expansion.h"

#include <algorithm>

#include "analysis/term_scheme.h"

namespace himoya {

Xapian::Query concept_query(const std::string& concept_id, const Thesaurus& thesaurus, const ConceptTagger& tagger,
                            std::set<std::string>* highlight_stems) {
    std::vector<Xapian::Query> alternatives;
    for (const LabelPattern* p : tagger.patterns_of(concept_id)) {
        std::vector<Xapian::Query> words;
        for (const std::string& stem : p->stems) {
            words.emplace_back(std::string(terms::kStem) + stem);
            if (highlight_stems) highlight_stems->insert(stem);
        }
        alternatives.emplace_back(Xapian::Query::OP_AND, words.begin(), words.end());
    }
    // Provisions about the concept or a narrower one, and those whose other
    // language versions mention it (their own text may word it otherwise).
    for (const std::string& id : thesaurus.with_descendants(concept_id)) {
        alternatives.emplace_back(terms::boolean_term(terms::kTopic, id));
        alternatives.emplace_back(terms::boolean_term(terms::kMention, id));
    }
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

bool is_plain(std::string_view q) {
    for (char c : q)
        if (c == '"' || c == '(' || c == ')' || c == ':') return false;
    for (std::string_view op : {"OR", "AND", "NOT"}) {
        size_t at = q.find(op);
        while (at != std::string_view::npos) {
            bool start = at == 0 || q[at - 1] == ' ';
            bool end = at + op.size() == q.size() || q[at + op.size()] == ' ';
            if (start && end) return false;
            at = q.find(op, at + 1);
        }
    }
    // -word and +word change meaning too
    for (size_t i = 0; i < q.size(); ++i)
        if ((q[i] == '-' || q[i] == '+') && (i == 0 || q[i - 1] == ' ')) return false;
    return true;
}

namespace {

// Non-overlapping label matches, longest first at each position.
std::vector<ConceptMatch> choose_spans(std::vector<ConceptMatch> matches) {
    std::stable_sort(matches.begin(), matches.end(), [](const ConceptMatch& a, const ConceptMatch& b) {
        if (a.first_token != b.first_token) return a.first_token < b.first_token;
        return a.last_token > b.last_token;
    });
    std::vector<ConceptMatch> chosen;
    for (const auto& m : matches) {
        if (!chosen.empty() && m.first_token <= chosen.back().last_token) {
            // same span, another concept: keep it too (both are expanded)
            if (m.first_token == chosen.back().first_token && m.last_token == chosen.back().last_token) chosen.push_back(m);
            continue;
        }
        chosen.push_back(m);
    }
    return chosen;
}

}  // namespace

BuiltQuery build_expanded_query(QueryBuilder& builder, Analyzer& analyzer, const Thesaurus& thesaurus,
                                const ConceptTagger& tagger, std::string_view query, std::string_view language) {
    BuiltQuery literal = builder.build(query, language);
    if (literal.empty) return literal;
    auto tokens = analyzer.analyze(query, language);
    // A query of unknown language may be Tajik typed without Tajik letters:
    // look for labels under each reading (segmentation is the same, so token
    // indices agree).
    auto matches = tagger.match(tokens);
    if (language != "ru" && language != "tg" && language != "en") {
        for (const char* reading : {"tg", "ru"}) {
            auto more = tagger.match(analyzer.analyze(query, reading));
            matches.insert(matches.end(), more.begin(), more.end());
        }
    }
    auto spans = choose_spans(std::move(matches));
    if (spans.empty()) return literal;

    BuiltQuery out = literal;
    auto expansion_for = [&](size_t first_span, size_t end_span) {
        std::vector<Xapian::Query> concepts;
        for (size_t i = first_span; i < end_span; ++i) {
            if (!out.matched_concepts.insert(spans[i].concept_id).second) continue;
            concepts.push_back(concept_query(spans[i].concept_id, thesaurus, tagger, &out.highlight_stems));
        }
        return Xapian::Query(Xapian::Query::OP_OR, concepts.begin(), concepts.end());
    };
    auto weighted = [](const Xapian::Query& q) {
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT, q, kExpansionWeight);
    };

    if (!is_plain(query)) {
        // Expand only a query that is, in its content words, exactly one label.
        size_t content = 0;
        for (const auto& t : tokens) content += !t.stopword;
        size_t covered = 0;
        for (size_t i = spans[0].first_token; i <= spans[0].last_token; ++i) covered += !tokens[i].stopword;
        if (covered != content) return literal;
        size_t same = 1;
        while (same < spans.size() && spans[same].first_token == spans[0].first_token) ++same;
        out.query = Xapian::Query(Xapian::Query::OP_OR, literal.query, weighted(expansion_for(0, same)));
        return out;
    }

    // Plain words: every word literally (the literal query), OR — weighted
    // lower — every label span as its concept, in any language. In that branch
    // the other words only raise the score: a document in another language
    // cannot be expected to contain them as typed.
    std::vector<Xapian::Query> concept_parts, other_words;
    size_t next_token = 0;
    auto add_word = [&](size_t i) {
        if (tokens[i].stopword) return;
        BuiltQuery word = builder.build(query.substr(tokens[i].start, tokens[i].end - tokens[i].start), language);
        if (!word.empty) other_words.push_back(word.query);
    };
    for (size_t s = 0; s < spans.size();) {
        size_t end = s + 1;
        while (end < spans.size() && spans[end].first_token == spans[s].first_token) ++end;
        for (; next_token < spans[s].first_token; ++next_token) add_word(next_token);
        Xapian::Query concept_query_for_span = expansion_for(s, end);
        if (!concept_query_for_span.empty()) concept_parts.push_back(concept_query_for_span);
        next_token = spans[s].last_token + 1;
        s = end;
    }
    for (; next_token < tokens.size(); ++next_token) add_word(next_token);
    Xapian::Query expansion(Xapian::Query::OP_AND, concept_parts.begin(), concept_parts.end());
    if (!other_words.empty())
        expansion = Xapian::Query(Xapian::Query::OP_AND_MAYBE, expansion,
                                  Xapian::Query(Xapian::Query::OP_OR, other_words.begin(), other_words.end()));
    out.query = Xapian::Query(Xapian::Query::OP_OR, literal.query, weighted(expansion));
    return out;
}

}  // namespace himoya
