// A small index built in a temporary directory from Documents made in code,
// shared by the search tests. Tajik, Russian and English provisions.
#pragma once

#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/concept_tagger.h"
#include "analysis/term_scheme.h"
#include "analysis/thesaurus.h"
#include "indexer/concept_plan.h"
#include "indexer/document.h"
#include "indexer/index_writer.h"

namespace himoya::testing {

inline Document make_document(const std::string& id, const std::string& jurisdiction, const std::string& lang,
                              const std::string& type, const std::string& date, const std::string& title,
                              const std::vector<std::pair<std::string, std::string>>& provisions,
                              const std::string& work = "") {
    Document d;
    d.document_id = id;
    d.work_id = work.empty() ? id : work;
    d.title = title;
    d.jurisdiction = jurisdiction;
    d.language = lang;
    d.type = type;
    d.date = date;
    d.issuing_body = "Test Parliament";
    d.text_status = "summary";
    int ordinal = 0;
    for (const auto& [num, text] : provisions) {
        Provision p;
        p.unit_id = "art_" + num;
        p.provision_id = id + "/" + p.unit_id;
        p.kind = "article";
        p.num = num;
        p.label = "Article " + num;
        p.text = text;
        p.ordinal = ordinal++;
        d.provisions.push_back(p);
    }
    return d;
}

// Two texts for "protection order": Kyrgyzstan's holds the label's words apart
// ("A court order gives witnesses protection."), Moldova's names the label.
inline std::vector<Document> scattered_label_documents() {
    return {make_document("kg", "KG", "en", "law", "2017-01-01", "Law", {{"1", "A court order gives witnesses protection."}}),
            make_document("md", "MD", "en", "law", "2007-01-01", "Law",
                          {{"1", "The police issue a protection order at once."}})};
}

// A small thesaurus in the corpus format, for tagging and expansion tests.
inline const char* sample_thesaurus() {
    return R"(<?xml version="1.0" encoding="UTF-8"?>
<thesaurus xmlns="urn:himoya:thesaurus:1" version="1">
  <concept id="protection-orders">
    <prefLabel lang="en">protection order</prefLabel>
    <altLabel lang="en">restraining order</altLabel>
    <prefLabel lang="ru">охранный ордер</prefLabel>
    <prefLabel lang="tg">ордери ҳимоявӣ</prefLabel>
    <istanbul article="53"/>
  </concept>
  <concept id="emergency-protection-orders">
    <broader>protection-orders</broader>
    <prefLabel lang="en">emergency protection measure</prefLabel>
    <altLabel lang="en">removal from the home</altLabel>
    <prefLabel lang="ru">срочная мера защиты</prefLabel>
    <prefLabel lang="tg">чораи фаврии ҳимоявӣ</prefLabel>
    <istanbul article="52"/>
  </concept>
  <concept id="shelters">
    <prefLabel lang="en">shelter</prefLabel>
    <prefLabel lang="ru">приют</prefLabel>
    <prefLabel lang="tg">паноҳгоҳ</prefLabel>
    <istanbul article="23"/>
  </concept>
  <concept id="domestic-violence">
    <prefLabel lang="en">domestic violence</prefLabel>
    <prefLabel lang="ru">насилие в семье</prefLabel>
    <prefLabel lang="tg">зӯроварӣ дар оила</prefLabel>
    <istanbul article="3"/>
  </concept>
</thesaurus>)";
}

// sample_thesaurus() with more concepts (their <concept> elements) added at its end.
inline std::string sample_thesaurus_with(const std::string& concepts) {
    std::string thesaurus = sample_thesaurus();
    thesaurus.insert(thesaurus.find("</thesaurus>"), concepts);
    return thesaurus;
}

inline std::vector<Document> sample_documents() {
    std::vector<Document> docs;
    docs.push_back(make_document(
        "tj-law-tg", "TJ", "tg", "law", "2013-03-19", "Қонун дар бораи пешгирии зӯроварӣ дар оила",
        {{"1", "Зӯроварӣ дар оила амали қасдонаи ҷисмонӣ, равонӣ, ҷинсӣ ё иқтисодӣ мебошад."},
         {"2", "Ордери ҳимоявӣ ба ҷабрдида барои ҳимояи ӯ аз зӯроварӣ дода мешавад."},
         {"3", "Мақомоти корҳои дохилӣ аризаҳоро оид ба зӯроварӣ ба қайд мегиранд."}},
        "tj-law"));
    docs.back().topics = {"domestic-violence"};
    docs.back().provisions[1].topics = {"protection-orders"};
    docs.push_back(make_document(
        "tj-law-ru", "TJ", "ru", "law", "2013-03-19", "Закон о профилактике насилия в семье",
        {{"1", "Насилие в семье — умышленные действия физического, психологического, сексуального или экономического характера."},
         {"2", "Охранный ордер выдаётся пострадавшему для защиты от насилия."},
         {"3", "Органы внутренних дел регистрируют заявления о насилии в семье."}},
        "tj-law"));
    docs.back().provisions[1].topics = {"protection-orders"};
    docs.push_back(make_document(
        "ba-law-en", "BA-SRP", "en", "law", "2012-10-11", "Law on Protection from Domestic Violence",
        {{"1", "Domestic violence covers physical, psychological, sexual and economic violence in the family."},
         {"2", "The police may remove the perpetrator from the home as an emergency protection measure."},
         {"3", "A court may issue a restraining order prohibiting approach to the victim."},
         {"4", "Breach of a protection order is a misdemeanour punished by a fine."}}));
    docs.back().provisions[1].topics = {"emergency-protection-orders", "protection-orders", "police-response"};
    docs.back().provisions[3].topics = {"protection-orders"};
    docs.push_back(make_document(
        "ge-report-en", "GE", "en", "report", "2024-05-24", "Study tour report on shelters",
        {{"1", "The delegation visited state shelters and crisis centres for survivors of violence."},
         {"2", "Shelter staff explained how protection orders are requested by the police."},
         {"3", "Script test: <script>alert('x')</script> & \"quotes\" stay text."}}));
    return docs;
}

// Writes `docs` into a fresh database under a temporary directory.
class TestIndex {
public:
    explicit TestIndex(const std::vector<Document>& docs = sample_documents(), const std::string& thesaurus_xml = "") {
        path_ = (std::filesystem::temp_directory_path() /
                 ("himoya-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++)))
                    .string();
        std::filesystem::remove_all(path_);
        Xapian::WritableDatabase db(path_, Xapian::DB_CREATE_OR_OVERWRITE);
        IndexWriter writer(db);
        std::optional<Thesaurus> thesaurus;
        std::unique_ptr<ConceptTagger> tagger;
        if (!thesaurus_xml.empty()) {
            std::string error;
            thesaurus = Thesaurus::parse(thesaurus_xml, error);
            if (!thesaurus) throw std::runtime_error("test thesaurus: " + error);
            tagger = std::make_unique<ConceptTagger>(*thesaurus, writer.analyzer());
            writer.set_tagger(tagger.get());
            db.set_metadata("thesaurus", thesaurus_xml);
            // As the indexer does: language versions agree on their concepts.
            plan_ = ConceptPlan::from_documents(docs, *tagger);
            writer.set_plan(&plan_);
        }
        for (const auto& d : docs) writer.add(d);
        db.commit();
    }
    ~TestIndex() { std::filesystem::remove_all(path_); }
    const std::string& path() const { return path_; }

private:
    static int& counter() { static int n = 0; return n; }
    std::string path_;
    ConceptPlan plan_;
};

// The place names of corpus/jurisdictions.xml, stored as the indexer stores
// them, so that queries naming places are read as they are over the corpus.
inline void give_place_names(const TestIndex& index) {
    std::ifstream in(HIMOYA_SOURCE_DIR "/corpus/jurisdictions.xml");
    std::stringstream places;
    places << in.rdbuf();
    Xapian::WritableDatabase db(index.path());
    db.set_metadata(std::string(terms::kPlaceNamesKey), places.str());
    db.commit();
}

}  // namespace himoya::testing
