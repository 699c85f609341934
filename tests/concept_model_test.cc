// Concepts learnt from the collection's subject indexing
// (analysis/concept_model.h) and their place in the concept plan
// (indexer/concept_plan.h): a document no editor has indexed gets what the
// indexed texts most like it are about; an indexed one is left as the editors
// said. Russian and Tajik texts.
#include <doctest/doctest.h>

#include <algorithm>

#include "analysis/concept_model.h"
#include "analysis/concept_tagger.h"
#include "indexer/concept_plan.h"
#include "temp_dir.h"
#include "test_index.h"

using namespace himoya;

namespace {

TermCounts words(Analyzer& a, const std::string& heading, const std::string& text, const std::string& lang) {
    return term_counts(a.analyze(heading, lang), a.analyze(text, lang));
}

bool suggests(const std::vector<ConceptModel::Suggestion>& s, const std::string& id) {
    return std::any_of(s.begin(), s.end(), [&](const auto& x) { return x.concept_id == id; });
}

// A corpus-format document: (unit id, topics, heading, text) per article.
std::string document(const std::string& id, const std::string& lang,
                     const std::vector<std::tuple<std::string, std::string, std::string, std::string>>& units) {
    std::string out = R"(<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:himoya:corpus:1" id=")" + id + R"(" version="1">
  <meta><title>Test law</title><jurisdiction>TJ</jurisdiction><language>)" + lang +
                      R"(</language><type>law</type><date>2013-03-19</date><issuing-body>Test Parliament</issuing-body>
    <work>)" + id + R"(</work><text-status>summary</text-status>
    <source><official-title>Test law</official-title><url>https://example.org/law</url></source></meta>
  <body>
)";
    int n = 0;
    for (const auto& [unit, topics, heading, text] : units) {
        out += "    <article num=\"" + std::to_string(++n) + "\" id=\"" + unit + "\"" +
               (topics.empty() ? "" : " topics=\"" + topics + "\"") + "><heading>" + heading + "</heading><p>" + text +
               "</p></article>\n";
    }
    return out + "  </body>\n</document>\n";
}

const char* kShelterRu[] = {
    "Пострадавшим предоставляется временное проживание, питание и психологическая помощь в течение трёх месяцев.",
    "Временное проживание пострадавших с детьми оплачивается из местного бюджета, питание и помощь бесплатны.",
    "Центр временного проживания принимает пострадавших круглосуточно и обеспечивает питание и психологическую помощь.",
};
const char* kOrderRu[] = {
    "Милиция выносит предупреждение лицу, совершившему насилие, и разъясняет ответственность за повторное нарушение.",
    "Участковый инспектор милиции проверяет соблюдение предупреждения и составляет протокол о нарушении.",
    "Лицо, совершившее насилие, обязано явиться в орган милиции по вызову инспектора для профилактической беседы.",
};

}  // namespace

TEST_CASE("ConceptModel suggests what the most alike indexed texts are about") {
    Analyzer a;
    ConceptModel model;
    for (const char* t : kShelterRu) model.add(words(a, "Помощь", t, "ru"), {"shelters"}, "law-a");
    for (const char* t : kOrderRu) model.add(words(a, "Меры", t, "ru"), {"police-warning"}, "law-b");
    model.finish();
    CHECK(model.size() == 6);

    TermCounts stay = words(a, "Размещение", "Пострадавшие с детьми получают временное проживание и питание.", "ru");
    auto s = model.suggest(stay);
    CHECK(suggests(s, "shelters"));
    CHECK_FALSE(suggests(s, "police-warning"));
    REQUIRE_FALSE(s.empty());
    CHECK(s.front().score >= model.options().threshold);
    CHECK(s.front().score <= 1.0);

    TermCounts warn = words(a, "Контроль", "Инспектор милиции выносит предупреждение и составляет протокол.", "ru");
    CHECK(suggests(model.suggest(warn), "police-warning"));
    CHECK_FALSE(suggests(model.suggest(warn), "shelters"));

    // The texts of the work left out do not vote: nothing else is like it.
    CHECK_FALSE(suggests(model.suggest(stay, "law-a"), "shelters"));
    // Words no example shares suggest nothing.
    CHECK(model.suggest(words(a, "Погода", "Сегодня солнечно и тепло над горами.", "ru")).empty());
    // An empty model suggests nothing.
    ConceptModel none;
    none.finish();
    CHECK(none.suggest(stay).empty());
}

TEST_CASE("term_counts counts content-word stems, the heading's twice, in any spelling the analyser folds") {
    Analyzer a;
    TermCounts c = term_counts(a.analyze("Паноҳгоҳ", "tg"), a.analyze("Паноҳгоҳ ва паноҳгоҳҳо барои занон 2013", "tg"));
    float total = 0;
    for (const auto& [term, n] : c) total += n;
    // паноҳгоҳ ×2 (heading) + паноҳгоҳ + паноҳгоҳҳо (one stem) + занон; "ва", "барои" are stopwords, 2013 a number.
    CHECK(total == doctest::Approx(5));
    CHECK(std::is_sorted(c.begin(), c.end()));
}

TEST_CASE("ConceptPlan: a document no editor indexed learns from the indexed ones; an indexed one keeps the editors' word") {
    testing::TempDir dir("concept-plan-model");
    std::string error;
    auto thesaurus = Thesaurus::parse(testing::sample_thesaurus(), error);
    REQUIRE(thesaurus);
    Analyzer analyzer;
    ConceptTagger tagger(*thesaurus, analyzer);

    std::vector<std::tuple<std::string, std::string, std::string, std::string>> indexed;
    for (int i = 0; i < 3; ++i) indexed.emplace_back("s" + std::to_string(i), "shelters", "Помощь", kShelterRu[i]);
    for (int i = 0; i < 3; ++i) indexed.emplace_back("o" + std::to_string(i), "domestic-violence", "Меры", kOrderRu[i]);
    testing::write_file(dir.path / "indexed-ru.xml", document("indexed-ru", "ru", indexed));
    // The word приют comes late: by the label rule alone a mention.
    const std::string stay = "Пострадавшим с детьми предоставляются временное проживание, питание и психологическая помощь; это место — приют.";
    testing::write_file(dir.path / "new-ru.xml", document("new-ru", "ru", {{"art_1", "", "Размещение", stay}}));
    // The same text in a document editors indexed, its unit judged about nothing.
    testing::write_file(dir.path / "edited-ru.xml",
                        document("edited-ru", "ru", {{"art_1", "", "Размещение", stay}, {"art_2", "domestic-violence", "Меры", kOrderRu[0]}}));
    std::vector<std::string> files = {(dir.path / "indexed-ru.xml").string(), (dir.path / "new-ru.xml").string(),
                                      (dir.path / "edited-ru.xml").string()};

    ConceptPlan plan = ConceptPlan::build(files, tagger, 2);
    const ProvisionConcepts* fresh = plan.find("new-ru/art_1");
    REQUIRE(fresh);
    CHECK(fresh->about.count("shelters"));
    CHECK_FALSE(fresh->mentions.count("shelters"));
    const ProvisionConcepts* edited = plan.find("edited-ru/art_1");
    REQUIRE(edited);
    CHECK_FALSE(edited->about.count("shelters"));
    CHECK(edited->mentions.count("shelters"));

    // Off, the label rule alone: a mention.
    ConceptPlanOptions labels_alone;
    labels_alone.learn_from_indexing = false;
    ConceptPlan plain = ConceptPlan::build(files, tagger, 2, labels_alone);
    REQUIRE(plain.find("new-ru/art_1"));
    CHECK_FALSE(plain.find("new-ru/art_1")->about.count("shelters"));
    CHECK(plain.find("new-ru/art_1")->mentions.count("shelters"));

    // A suggestion needs the concept's label in the text (unless strong): with no
    // label of shelters in it, a text like the shelter texts is not about shelters
    // below the strong score, and is at or above it.
    const std::string unnamed = "Пострадавшим с детьми предоставляются временное проживание, питание и психологическая помощь.";
    testing::write_file(dir.path / "new-ru.xml", document("new-ru", "ru", {{"art_1", "", "Размещение", unnamed}}));
    ConceptPlanOptions strict;
    strict.strong_suggestion = 1.1;  // never strong enough
    CHECK_FALSE(ConceptPlan::build(files, tagger, 2, strict).find("new-ru/art_1")->about.count("shelters"));
    ConceptPlanOptions lenient;
    lenient.suggestions_need_label = false;
    CHECK(ConceptPlan::build(files, tagger, 2, lenient).find("new-ru/art_1")->about.count("shelters"));

    // The same plan whatever the thread count.
    CHECK(ConceptPlan::build(files, tagger, 1).groups() == ConceptPlan::build(files, tagger, 4).groups());
}
