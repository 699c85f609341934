#include "analysis/concept_tagger.h"

#include <algorithm>
#include <map>

#include "analysis/normalizer.h"

namespace himoya {

ConceptTagger::ConceptTagger(const Thesaurus& thesaurus, Analyzer& analyzer) {
    // Each concept with its broader ones, depth first, once per thesaurus:
    // with_broader runs for every record the indexer writes.
    std::unordered_map<std::string, const std::vector<std::string>*> broader;
    for (const Concept& c : thesaurus.concepts()) broader[c.id] = &c.broader;
    for (const Concept& c : thesaurus.concepts()) {
        std::vector<std::string>& closure = with_broader_[c.id];
        std::vector<std::string> pending{c.id};
        while (!pending.empty()) {
            std::string id = std::move(pending.back());
            pending.pop_back();
            if (std::find(closure.begin(), closure.end(), id) != closure.end()) continue;  // a cycle cannot loop
            if (auto it = broader.find(id); it != broader.end())
                for (auto b = it->second->rbegin(); b != it->second->rend(); ++b) pending.push_back(*b);
            closure.push_back(std::move(id));
        }
    }
    for (const Concept& c : thesaurus.concepts()) {
        for (const auto& [lang, label] : c.all_labels()) {
            LabelPattern p{c.id, lang, label, {}, {}};
            for (const Token& t : analyzer.analyze(label, lang))
                if (!t.stopword) {
                    p.stems.push_back(t.stem);
                    p.folded.push_back(t.folded);
                }
            if (!p.stems.empty()) patterns_.push_back(std::move(p));
        }
    }
    // Qualifiers: a label of a concept that holds, as consecutive words, a
    // label of one of its broader concepts in the same language.
    std::unordered_map<std::string, std::vector<const LabelPattern*>> by_concept;
    for (const LabelPattern& p : patterns_) by_concept[p.concept_id].push_back(&p);
    for (const LabelPattern& p : patterns_) {
        for (const std::string& b : *broader.at(p.concept_id)) {
            auto labels = by_concept.find(b);
            if (labels == by_concept.end()) continue;
            for (const LabelPattern* pb : labels->second) {
                if (pb->lang != p.lang || pb->stems.size() >= p.stems.size()) continue;
                auto at = std::search(p.stems.begin(), p.stems.end(), pb->stems.begin(), pb->stems.end());
                if (at == p.stems.end()) continue;
                const size_t from = static_cast<size_t>(at - p.stems.begin()), to = from + pb->stems.size();
                Qualified q{b, {}, {}, &p};
                for (size_t i = 0; i < p.stems.size(); ++i)
                    if (i < from || i >= to) {
                        q.stems.push_back(p.stems[i]);
                        q.folded.push_back(p.folded[i]);
                    }
                qualified_.push_back(std::move(q));
            }
        }
    }
    for (size_t i = 0; i < patterns_.size(); ++i) {
        by_first_stem_[patterns_[i].stems.front()].push_back(i);
        if (!patterns_[i].folded.front().empty()) by_first_folded_[patterns_[i].folded.front()].push_back(i);
    }
    // Longest labels first, so "emergency protection order" wins over "protection order".
    for (auto* index : {&by_first_stem_, &by_first_folded_})
        for (auto& [stem, list] : *index)
            std::stable_sort(list.begin(), list.end(),
                             [this](size_t a, size_t b) { return patterns_[a].stems.size() > patterns_[b].stems.size(); });
}

std::vector<ConceptMatch> ConceptTagger::match(const std::vector<Token>& tokens) const {
    // The content words only, remembering where each stands in `tokens`.
    std::vector<size_t> content;
    for (size_t i = 0; i < tokens.size(); ++i)
        if (!tokens[i].stopword) content.push_back(i);
    std::vector<ConceptMatch> out;
    // A word without Tajik letters (but perhaps a final ӣ typed as й) may be
    // Tajik typed with keyboard substitutes ("хукуки" for "ҳуқуқи", "зуроварй"
    // for "зӯроварӣ"): it also matches a Tajik label word by folded key.
    auto same = [](const Token& t, const LabelPattern& p, size_t j) {
        return t.stem == p.stems[j] ||
               (!t.folded.empty() && t.folded == p.folded[j] && may_be_substitute_spelling(t.term));
    };
    for (size_t k = 0; k < content.size(); ++k) {
        const Token& first = tokens[content[k]];
        std::vector<size_t> candidates;
        if (auto it = by_first_stem_.find(first.stem); it != by_first_stem_.end()) candidates = it->second;
        if (!first.folded.empty() && may_be_substitute_spelling(first.term))
            if (auto it = by_first_folded_.find(first.folded); it != by_first_folded_.end())
                for (size_t index : it->second)
                    if (std::find(candidates.begin(), candidates.end(), index) == candidates.end())
                        candidates.push_back(index);
        for (size_t index : candidates) {
            const LabelPattern& p = patterns_[index];
            if (k + p.stems.size() > content.size()) continue;
            bool all = same(first, p, 0);
            for (size_t j = 1; j < p.stems.size() && all; ++j) all = same(tokens[content[k + j]], p, j);
            if (all) out.push_back({p.concept_id, content[k], content[k + p.stems.size() - 1], &p});
        }
    }
    return out;
}

bool ConceptTagger::holds_all(const std::vector<Token>& tokens, const std::vector<std::string>& stems,
                              const std::vector<std::string>& folded, size_t& first, size_t& last) {
    first = tokens.size();
    last = 0;
    for (size_t j = 0; j < stems.size(); ++j) {
        bool found = false;
        for (size_t i = 0; i < tokens.size() && !found; ++i) {
            const Token& t = tokens[i];
            if (t.stopword) continue;
            found = t.stem == stems[j] || (!t.folded.empty() && t.folded == folded[j] && may_be_substitute_spelling(t.term));
            if (found) {
                first = std::min(first, i);
                last = std::max(last, i);
            }
        }
        if (!found) return false;
    }
    return true;
}

std::vector<ConceptMatch> ConceptTagger::match_scattered(const std::vector<Token>& tokens) const {
    std::vector<ConceptMatch> out;
    for (const LabelPattern& p : patterns_) {
        if (p.stems.size() < 2) continue;
        size_t first = 0, last = 0;
        if (holds_all(tokens, p.stems, p.folded, first, last)) out.push_back({p.concept_id, first, last, &p});
    }
    return out;
}

std::vector<ConceptMatch> ConceptTagger::match_qualified(const std::vector<Token>& tokens,
                                                         const std::set<std::string>& named) const {
    // The broader concepts named: each named concept and those above it.
    std::set<std::string> above;
    for (const std::string& id : named)
        if (auto closure = with_broader_.find(id); closure != with_broader_.end())
            above.insert(closure->second.begin(), closure->second.end());
    std::vector<ConceptMatch> out;
    for (const Qualified& q : qualified_) {
        if (!above.count(q.broader_id) || named.count(q.pattern->concept_id)) continue;
        size_t first = 0, last = 0;
        if (holds_all(tokens, q.stems, q.folded, first, last)) out.push_back({q.pattern->concept_id, first, last, q.pattern});
    }
    return out;
}

std::set<std::string> ConceptTagger::tag(const std::vector<Token>& tokens) const {
    std::set<std::string> ids;
    for (const ConceptMatch& m : match(tokens)) ids.insert(m.concept_id);
    return ids;
}

namespace {

// A label whose first word stands among the first kOpeningWords content words
// of a provision's text opens it: "Family violence is ...", "The court may
// issue a protection order ...". Measured on the gold set
// (tests/data/concept_gold): wider windows and "the label recurs" rules
// traded little recall for much precision (docs/thesaurus.md).
constexpr size_t kOpeningWords = 4;

}  // namespace

std::map<std::string, ConceptEvidence> ConceptTagger::evidence(const std::vector<Token>& heading,
                                                              const std::vector<Token>& text,
                                                              const std::vector<std::string>& markup) const {
    std::map<std::string, ConceptEvidence> out;
    for (const auto& id : markup) out[id].markup = true;
    for (const ConceptMatch& m : match(heading)) out[m.concept_id].heading = true;
    // Rank of each token among the text's content words.
    std::vector<size_t> content_rank(text.size(), 0);
    size_t rank = 0;
    for (size_t i = 0; i < text.size(); ++i) content_rank[i] = text[i].stopword ? rank : rank++;
    for (const ConceptMatch& m : match(text)) {
        ConceptEvidence& e = out[m.concept_id];
        if (e.occurrences++ == 0) e.first_word = content_rank[m.first_token];
    }
    for (auto& [id, e] : out) e.text_words = rank;
    return out;
}

ProvisionConcepts ConceptTagger::judge(const std::vector<Token>& heading, const std::vector<Token>& text,
                                       const std::vector<std::string>& markup) const {
    ProvisionConcepts out;
    // An editor's subject indexing (the unit's markup) says what the provision
    // is about: the editor read the heading too. Without it, a label in the
    // heading or opening the text does. Any other label occurrence is a mention.
    const bool indexed = !markup.empty();
    for (const auto& [id, e] : evidence(heading, text, markup)) {
        bool about = indexed ? e.markup : e.heading || (e.occurrences > 0 && e.first_word < kOpeningWords);
        if (about) out.about.insert(id);
        else if (e.occurrences > 0) out.mentions.insert(id);
    }
    return out;
}

ProvisionConcepts agree_across_versions(const std::vector<VersionConcepts>& versions) {
    ProvisionConcepts out;
    if (versions.empty()) return out;
    std::map<std::string, size_t> about_votes;
    std::set<std::string> named, about_in_original;
    for (const VersionConcepts& v : versions) {
        for (const auto& id : v.concepts.about) {
            ++about_votes[id];
            named.insert(id);
            if (v.original) about_in_original.insert(id);
        }
        named.insert(v.concepts.mentions.begin(), v.concepts.mentions.end());
    }
    const size_t n = versions.size();
    for (const auto& id : named) {
        size_t votes = about_votes.count(id) ? about_votes.at(id) : 0;
        bool about = votes * 2 > n || (votes * 2 == n && about_in_original.count(id));
        (about ? out.about : out.mentions).insert(id);
    }
    return out;
}

std::vector<const LabelPattern*> ConceptTagger::patterns_of(const std::string& concept_id) const {
    std::vector<const LabelPattern*> out;
    for (const LabelPattern& p : patterns_)
        if (p.concept_id == concept_id) out.push_back(&p);
    return out;
}

std::vector<std::string> ConceptTagger::with_broader(const std::vector<std::string>& ids) const {
    std::vector<std::string> out;
    auto add = [&](const std::string& id) {
        if (std::find(out.begin(), out.end(), id) == out.end()) out.push_back(id);
    };
    for (const std::string& id : ids) {
        auto closure = with_broader_.find(id);
        if (closure == with_broader_.end()) add(id);
        else for (const std::string& c : closure->second) add(c);
    }
    return out;
}

}  // namespace himoya
