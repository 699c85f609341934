// Prints concept tagging's precision and recall of "about" against the gold
// set, by jurisdiction, and every disagreement (bench/concept_eval.sh).
//   concept_eval [CORPUS_DIR [GOLD_DIR]] [--errors]
//   concept_eval [CORPUS_DIR [GOLD_DIR]] --unindexed   the judged texts as if no editor had
//       indexed them: the label rule alone, then with the model's suggestions (a grid of
//       settings; each judged work left out of the votes on itself)
//   concept_eval [CORPUS_DIR] --suggested   every concept the model adds to a text of the corpus
#include <cstring>
#include <iostream>

#include "bench/concept_eval.h"

int main(int argc, char** argv) {
    using namespace himoya;
    std::string corpus = HIMOYA_SOURCE_DIR "/corpus", gold_dir = HIMOYA_SOURCE_DIR "/tests/data/concept_gold";
    bool errors = false, features = false, unindexed = false, suggested = false;
    int positional = 0;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--errors")) errors = true;
        else if (!std::strcmp(argv[i], "--features")) features = true;
        else if (!std::strcmp(argv[i], "--unindexed")) unindexed = true;
        else if (!std::strcmp(argv[i], "--suggested")) suggested = true;
        else if (positional++ == 0) corpus = argv[i];
        else gold_dir = argv[i];
    }
    std::string error;
    auto thesaurus = Thesaurus::load(corpus + "/thesaurus.xml", error);
    if (!thesaurus) {
        std::cerr << "thesaurus: " << error << "\n";
        return 1;
    }
    Analyzer analyzer;
    ConceptTagger tagger(*thesaurus, analyzer);
    auto gold = eval::read_gold(gold_dir);
    if (suggested) {
        ConceptPlanOptions labels_alone;
        labels_alone.learn_from_indexing = false;
        ConceptPlan with = eval::plan_for_corpus(corpus, tagger), without = eval::plan_for_corpus(corpus, tagger, 2, labels_alone);
        for (const auto& [group, c] : with.groups()) {
            const ProvisionConcepts* before = without.find(group);
            for (const auto& id : c.about)
                if (!before || !before->about.count(id)) std::printf("%s\t%s\n", group.c_str(), id.c_str());
        }
        return 0;
    }
    if (unindexed) {
        ConceptPlanOptions o;
        o.judge_as_unindexed = eval::gold_works(gold);
        std::printf("%-34s %8s %8s %8s\n", "unindexed texts", "P", "R", "F1");
        auto line = [&](const std::string& name, const ConceptPlanOptions& options) {
            eval::Scores s = eval::score(eval::plan_for_corpus(corpus, tagger, 2, options), gold);
            double f = s.precision() + s.recall() > 0 ? 2 * s.precision() * s.recall() / (s.precision() + s.recall()) : 0;
            std::printf("%-34s %8.3f %8.3f %8.3f\n", name.c_str(), s.precision(), s.recall(), f);
        };
        o.learn_from_indexing = false;
        line("labels alone (heading, opening)", o);
        o.learn_from_indexing = true;
        line("the defaults (ConceptPlanOptions)", o);
        for (bool need_label : {false, true})
            for (size_t k : {5, 10, 20})
                for (double t : {0.3, 0.4, 0.5, 0.6}) {
                    o.suggestions_need_label = need_label;
                    o.model.neighbours = k;
                    o.model.threshold = t;
                    char name[64];
                    std::snprintf(name, sizeof name, "k=%zu threshold=%.1f%s", k, t, need_label ? " +label" : "");
                    line(name, o);
                    if (!need_label) continue;
                    for (double strong : {0.7, 0.8, 0.9}) {
                        o.strong_suggestion = strong;
                        std::snprintf(name, sizeof name, "k=%zu threshold=%.1f +label or %.1f", k, t, strong);
                        line(name, o);
                    }
                    o.strong_suggestion = 1.1;
                }
        return 0;
    }
    ConceptPlan plan = eval::plan_for_corpus(corpus, tagger);
    if (features) {
        // One line per (judged provision, version, concept with evidence or judgment):
        // group concept gold lang original markup heading occurrences first_word text_words
        std::map<std::string, std::map<std::string, std::string>> judged;
        for (const auto& r : gold) judged[r.group][r.concept_id] = r.judgment;
        IngestReport report;
        for (const auto& file : list_corpus_files({corpus}, report)) {
            auto d = read_document_file(file, report);
            if (!d) continue;
            for (const Provision& p : d->provisions) {
                std::string group = provision_group(*d, p);
                auto j = judged.find(group);
                if (j == judged.end()) continue;
                auto ev = tagger.evidence(analyzer.analyze(p.heading, d->language),
                                          analyzer.analyze(p.text, d->language), p.topics);
                std::set<std::string> ids;
                for (const auto& [id, e] : ev) ids.insert(id);
                for (const auto& [id, g] : j->second) ids.insert(id);
                for (const auto& id : ids) {
                    eval::ConceptEvidence none;
                    const auto& e = ev.count(id) ? ev.at(id) : none;
                    std::string g = j->second.count(id) ? j->second.at(id) : "not";
                    std::printf("%s\t%s\t%s\t%s\t%d\t%d\t%d\t%zu\t%zu\t%zu\n", group.c_str(), id.c_str(), g.c_str(),
                                d->language.c_str(), d->translation_of.empty(), e.markup, e.heading, e.occurrences,
                                e.first_word, e.text_words);
                }
            }
        }
        return 0;
    }
    eval::Scores all = eval::score(plan, gold);
    std::map<std::string, std::vector<eval::GoldRow>> by_jurisdiction;
    // The jurisdiction of a group is not in the gold file: take it from the work id's prefix.
    for (const auto& r : gold) {
        std::string work = r.group.substr(0, r.group.find('/'));
        std::string j = work.substr(0, work.find('-'));
        if (j == "ba" || j == "us") j = work.substr(0, work.find('-', work.find('-') + 1));
        by_jurisdiction[j].push_back(r);
    }
    std::printf("%-12s %8s %8s %8s %8s\n", "", "judged", "gold", "P", "R");
    for (const auto& [j, rows] : by_jurisdiction) {
        eval::Scores s = eval::score(plan, rows);
        std::printf("%-12s %8zu %8ld %8.3f %8.3f\n", j.c_str(), rows.size(), s.gold_about, s.precision(), s.recall());
    }
    std::printf("%-12s %8zu %8ld %8.3f %8.3f\n", "all", gold.size(), all.gold_about, all.precision(), all.recall());
    std::printf("version groups with identical concepts: %ld of %ld (%.1f%%)\n", all.identical,
                all.groups_with_versions, 100 * all.identical_share());
    if (errors)
        for (const auto& e : all.errors)
            std::printf("%s\t%s\tgold=%s\tsystem=%s\n", e.group.c_str(), e.concept_id.c_str(), e.gold.c_str(), e.system.c_str());
    return 0;
}
