#include "analysis/concept_tagger.h"

#include <algorithm>

namespace himoya {

ConceptTagger::ConceptTagger(const Thesaurus& thesaurus, Analyzer& analyzer) {
    for (const Concept& c : thesaurus.concepts()) {
        for (const auto& [lang, label] : c.all_labels()) {
            LabelPattern p{c.id, lang, label, {}};
            for (const Token& t : analyzer.analyze(label, lang))
                if (!t.stopword) p.stems.push_back(t.stem);
            if (!p.stems.empty()) patterns_.push_back(std::move(p));
        }
    }
    for (size_t i = 0; i < patterns_.size(); ++i) by_first_stem_[patterns_[i].stems.front()].push_back(i);
    // Longest labels first, so "emergency protection order" wins over "protection order".
    for (auto& [stem, list] : by_first_stem_)
        std::stable_sort(list.begin(), list.end(),
                         [this](size_t a, size_t b) { return patterns_[a].stems.size() > patterns_[b].stems.size(); });
}

std::vector<ConceptMatch> ConceptTagger::match(const std::vector<Token>& tokens) const {
    // The content words only, remembering where each stands in `tokens`.
    std::vector<size_t> content;
    for (size_t i = 0; i < tokens.size(); ++i)
        if (!tokens[i].stopword) content.push_back(i);
    std::vector<ConceptMatch> out;
    for (size_t k = 0; k < content.size(); ++k) {
        auto it = by_first_stem_.find(tokens[content[k]].stem);
        if (it == by_first_stem_.end()) continue;
        for (size_t index : it->second) {
            const LabelPattern& p = patterns_[index];
            if (k + p.stems.size() > content.size()) continue;
            bool all = true;
            for (size_t j = 1; j < p.stems.size() && all; ++j) all = tokens[content[k + j]].stem == p.stems[j];
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
