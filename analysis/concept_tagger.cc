#include "analysis/concept_tagger.h"

#include <algorithm>

#include "analysis/normalizer.h"

namespace himoya {

ConceptTagger::ConceptTagger(const Thesaurus& thesaurus, Analyzer& analyzer) {
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
    // A word without Tajik letters may be Tajik typed with keyboard substitutes
    // ("хукуки" for "ҳуқуқи"): it also matches a Tajik label word by folded key.
    auto same = [](const Token& t, const LabelPattern& p, size_t j) {
        return t.stem == p.stems[j] ||
               (!t.folded.empty() && t.folded == p.folded[j] && !has_foldable_letter(t.term));
    };
    for (size_t k = 0; k < content.size(); ++k) {
        const Token& first = tokens[content[k]];
        std::vector<size_t> candidates;
        if (auto it = by_first_stem_.find(first.stem); it != by_first_stem_.end()) candidates = it->second;
        if (!first.folded.empty() && !has_foldable_letter(first.term))
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

std::set<std::string> ConceptTagger::tag(const std::vector<Token>& tokens) const {
    std::set<std::string> ids;
    for (const ConceptMatch& m : match(tokens)) ids.insert(m.concept_id);
    return ids;
}

std::vector<const LabelPattern*> ConceptTagger::patterns_of(const std::string& concept_id) const {
    std::vector<const LabelPattern*> out;
    for (const LabelPattern& p : patterns_)
        if (p.concept_id == concept_id) out.push_back(&p);
    return out;
}

}  // namespace himoya
