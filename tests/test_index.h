// A small index built in a temporary directory from Documents made in code,
// shared by the search tests. Tajik, Russian and English provisions.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <xapian.h>

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
    docs.back().provisions[1].topics = {"protection-orders", "police-response"};
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
    explicit TestIndex(const std::vector<Document>& docs = sample_documents()) {
        path_ = (std::filesystem::temp_directory_path() /
                 ("himoya-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++)))
                    .string();
        std::filesystem::remove_all(path_);
        Xapian::WritableDatabase db(path_, Xapian::DB_CREATE_OR_OVERWRITE);
        IndexWriter writer(db);
        for (const auto& d : docs) writer.add(d);
        db.commit();
    }
    ~TestIndex() { std::filesystem::remove_all(path_); }
    const std::string& path() const { return path_; }

private:
    static int& counter() { static int n = 0; return n; }
    std::string path_;
};

}  // namespace himoya::testing
