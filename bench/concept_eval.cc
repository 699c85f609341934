// Prints concept tagging's precision and recall of "about" against the gold
// set, by jurisdiction, and every disagreement (bench/concept_eval.sh).
//   concept_eval [CORPUS_DIR [GOLD_DIR]] [--errors]
#include <cstring>
#include <iostream>

#include "bench/concept_eval.h"

int main(int argc, char** argv) {
    using namespace himoya;
    std::string corpus = HIMOYA_SOURCE_DIR "/corpus", gold_dir = HIMOYA_SOURCE_DIR "/tests/data/concept_gold";
    bool errors = false, features = false;
    int positional = 0;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--errors")) errors = true;
        else if (!std::strcmp(argv[i], "--features")) features = true;
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
    ConceptPlan plan = eval::plan_for_corpus(corpus, tagger);
    auto gold = eval::read_gold(gold_dir);
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
