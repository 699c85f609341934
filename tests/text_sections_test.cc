// Heading recognition and unit ids of text_sections.h on the forms real laws
// print that bench/structure_recovery.py found missing: inserted articles
// ("93¹", "143-1"), part and section words in the three languages, the
// article word of the Bosnian laws, and a sentence that merely starts with
// "Section 5 of ..." which must stay text. Also the paged-text helpers the
// PDF and image readers share (page numbers dropped, pages in labels).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "indexer/readers/text_sections.h"

using namespace himoya;

namespace {

std::string kind_num(std::string_view line) {
    std::optional<HeadingMatch> m = match_heading(line);
    return m ? m->kind + " " + m->num + " | " + m->title : "-";
}

Document build(const std::vector<std::string>& lines, const std::string& language = "ru") {
    Document d;
    d.document_id = "t";
    d.source_path = "t.txt";
    d.language = language;
    IngestReport report;
    SectionBuilder b(d, report);
    int n = 0;
    for (const std::string& l : lines) {
        ++n;
        if (match_heading(l)) b.heading(l, n, false);
        else b.paragraph(l, n);
    }
    b.finish();
    return d;
}

}  // namespace

TEST_CASE("inserted articles keep their mark in the number and get ids apart from other articles") {
    CHECK(kind_num("Статья 93¹. Несоблюдение законодательства") == "article 93¹ | Несоблюдение законодательства");
    CHECK(kind_num("Article 143-1. Torture") == "article 143-1 | Torture");
    CHECK(kind_num("Моддаи 7-1") == "article 7-1 | ");
    Document d = build({"Статья 93¹. Несоблюдение", "текст а", "Статья 931. Другая", "текст б", "Статья 143-1. Пытка",
                        "текст в", "Статья 1431. Иная", "текст г", "Статья 93¹². Ещё", "текст д"});
    REQUIRE(d.provisions.size() == 5);
    CHECK(d.provisions[0].unit_id == "art_93_1");
    CHECK(d.provisions[0].label == "Статья 93¹");
    CHECK(d.provisions[1].unit_id == "art_931");
    CHECK(d.provisions[2].unit_id == "art_143_1");
    CHECK(d.provisions[3].unit_id == "art_1431");
    CHECK(d.provisions[4].unit_id == "art_93_12");
    Document e = build({"Article 16(1)(a)–(c). Marriage", "text", "SEC. 2. DEFINITIONS.", "text"}, "en");
    REQUIRE(e.provisions.size() == 2);
    CHECK(e.provisions[0].unit_id == "art_16_1_a_c");
    CHECK(e.provisions[1].unit_id == "sec_2");
    CHECK(e.provisions[1].heading == "DEFINITIONS.");
}

TEST_CASE("part and section headings in English, Russian and Tajik; the article word of Bosnian laws") {
    CHECK(kind_num("Part 2. Protection measures") == "part 2 | Protection measures");
    CHECK(kind_num("PART III") == "part III | ");
    CHECK(kind_num("Қисми 1. Муқаррароти умумӣ") == "part 1 | Муқаррароти умумӣ");
    CHECK(kind_num("Section 5 Risk assessment") == "section 5 | Risk assessment");
    CHECK(kind_num("Section 2: supplementary") == "section 2 | supplementary");
    CHECK(kind_num("Раздел 3. Меры защиты") == "section 3 | Меры защиты");
    CHECK(kind_num("Фасли 3. Чораҳои ҳимоя") == "section 3 | Чораҳои ҳимоя");
    CHECK(kind_num("Član 6. Nasilje u porodici") == "article 6 | Nasilje u porodici");
    CHECK(kind_num("Članak 12") == "article 12 | ");
    CHECK(kind_num("Члан 4") == "article 4 | ");
    Document d = build({"Section 5 Risk assessment", "The police assess the risk.", "Члан 4", "Текст."}, "en");
    REQUIRE(d.provisions.size() == 2);
    CHECK(d.provisions[0].unit_id == "sec_5");
    CHECK(d.provisions[0].heading == "Risk assessment");
    CHECK(d.provisions[0].label == "Section 5");
    CHECK(d.provisions[1].unit_id == "art_4");
}

TEST_CASE("a sentence that starts with a part or section reference stays text") {
    CHECK(kind_num("Section 5 of the Act applies to orders made before") == "-");
    CHECK(kind_num("Раздел 2 настоящего Закона применяется") == "-");
    CHECK(kind_num("Particulars 5. Whatever") == "-");  // a longer word, not "Part"
    CHECK(kind_num("Sectional 2") == "-");
    // Russian "часть 2 статьи 5" opens sentences: never a heading.
    CHECK(kind_num("Часть 2. Общие положения") == "-");
}

TEST_CASE("paged text: a page number alone at the top or foot is dropped, pages go into the labels") {
    const std::string page1 = "1\nСтатья 1. Основные понятия\nПервое пред-\nложение.\n";
    const std::string page2 = "Продолжение на второй странице.\n- 2 -\n";
    std::vector<PageLine> lines;
    append_page_lines(page1, 1, lines);
    append_page_lines(page2, 2, lines);
    REQUIRE(lines.size() == 4);
    CHECK(lines[0].text == "Статья 1. Основные понятия");
    CHECK(lines[3].text == "Продолжение на второй странице.");
    CHECK(lines[3].page == 2);
    Document d;
    d.document_id = "t";
    d.language = "ru";
    IngestReport report;
    SectionBuilder b(d, report);
    build_paged_sections(lines, b);
    REQUIRE(d.provisions.size() == 1);
    CHECK(d.provisions[0].label == "Статья 1, с. 1–2");
    CHECK(d.provisions[0].text == "Первое предложение.\nПродолжение на второй странице.");
}
