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
    for (const std::string& id : thesaurus.with_descendants(concept_id))
        alternatives.emplace_back(terms::boolean_term(terms::kTopic, id));
    return Xapian::Query(Xapian::Query::OP_OR, alternatives.begin(), alternatives.end());
}

namespace {

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
    auto spans = choose_spans(tagger.match(tokens));
    if (spans.empty()) return literal;

    BuiltQuery out = literal;
    auto expansion_for = [&](size_t first_span, size_t end_span) {
        std::vector<Xapian::Query> concepts;
        for (size_t i = first_span; i < end_span; ++i) {
            out.matched_concepts.insert(spans[i].concept_id);
            concepts.push_back(concept_query(spans[i].concept_id, thesaurus, tagger, &out.highlight_stems));
        }
        return Xapian::Query(Xapian::Query::OP_SCALE_WEIGHT,
                             Xapian::Query(Xapian::Query::OP_OR, concepts.begin(), concepts.end()), kExpansionWeight);
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
        out.query = Xapian::Query(Xapian::Query::OP_OR, literal.query, expansion_for(0, same));
        return out;
    }

    // Plain words: AND of (label span → literal OR concept) and (other word → literal).
    std::vector<Xapian::Query> parts;
    size_t next_token = 0;
    auto literal_for = [&](size_t first, size_t last) {
        size_t from = tokens[first].start, to = tokens[last].end;
        return builder.build(query.substr(from, to - from), language);
    };
    for (size_t s = 0; s < spans.size();) {
        size_t end = s + 1;
        while (end < spans.size() && spans[end].first_token == spans[s].first_token) ++end;
        for (; next_token < spans[s].first_token; ++next_token) {
            BuiltQuery word = literal_for(next_token, next_token);
            if (!word.empty && !tokens[next_token].stopword) parts.push_back(word.query);
        }
        BuiltQuery span = literal_for(spans[s].first_token, spans[s].last_token);
        parts.emplace_back(Xapian::Query::OP_OR, span.query, expansion_for(s, end));
        next_token = spans[s].last_token + 1;
        s = end;
    }
    for (; next_token < tokens.size(); ++next_token) {
        BuiltQuery word = literal_for(next_token, next_token);
        if (!word.empty && !tokens[next_token].stopword) parts.push_back(word.query);
    }
    out.query = Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    return out;
}

}  // namespace himoya
