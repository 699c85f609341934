// The trilingual thesaurus (corpus/thesaurus.xml, docs/thesaurus.md): concepts
// with preferred and alternative labels in tg, ru and en, definitions, a
// broader/narrower hierarchy and the Istanbul Convention articles each
// concept relates to. Immutable once loaded: safe to share between threads.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace himoya {

struct Concept {
    std::string id;
    std::map<std::string, std::string> pref_label;               // lang → label
    std::map<std::string, std::vector<std::string>> alt_labels;  // lang → labels
    std::map<std::string, std::string> definition;               // lang → text
    std::vector<std::string> broader;
    std::vector<std::string> narrower;   // derived from the others' broader
    std::vector<std::string> istanbul;   // Istanbul Convention article numbers, as strings

    // Every label in every language (preferred first).
    std::vector<std::pair<std::string, std::string>> all_labels() const;  // (lang, label)
    // The preferred label in `lang`, falling back to en, then any.
    std::string label(const std::string& lang) const;
};

class Thesaurus {
public:
    // Parses thesaurus XML. On failure returns nullopt and sets `error` to
    // "line N: problem".
    static std::optional<Thesaurus> parse(const std::string& xml, std::string& error);
    static std::optional<Thesaurus> load(const std::string& path, std::string& error);

    const std::vector<Concept>& concepts() const { return concepts_; }
    const Concept* find(const std::string& id) const;
    // Concepts without a broader concept, in file order.
    std::vector<const Concept*> top_concepts() const;
    // The concept and all concepts below it.
    std::vector<std::string> with_descendants(const std::string& id) const;
    // Concepts related to an Istanbul Convention article.
    std::vector<std::string> for_istanbul_article(const std::string& article) const;
    // All Istanbul articles any concept relates to, in numeric order.
    std::vector<std::string> istanbul_articles() const;

private:
    std::vector<Concept> concepts_;
    std::map<std::string, size_t> index_;
};

}  // namespace himoya
