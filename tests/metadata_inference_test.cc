// Metadata inferred from a document's text (indexer/metadata_inference.h):
// dates and numbers of acts in Tajik, Russian and English openings, month
// names in their case forms, types by keyword, jurisdiction by folder, and the
// whole inference over a document read without its sidecar.
#include <doctest/doctest.h>

#include <set>

#include <algorithm>
#include <filesystem>
#include <map>

#include "indexer/metadata_inference.h"
#include "temp_dir.h"

using namespace himoya;
using himoya::testing::TempDir;
using himoya::testing::write_file;

TEST_CASE("month names in Tajik, Russian and English, in their forms") {
    CHECK(month_of_word("марти") == 3);
    CHECK(month_of_word("март") == 3);
    CHECK(month_of_word("майи") == 5);
    CHECK(month_of_word("декабри") == 12);
    CHECK(month_of_word("марта") == 3);
    CHECK(month_of_word("марте") == 3);
    CHECK(month_of_word("мая") == 5);
    CHECK(month_of_word("Январём") == 1);
    CHECK(month_of_word("сентябре") == 9);
    CHECK(month_of_word("февраля") == 2);
    CHECK(month_of_word("March") == 3);
    CHECK(month_of_word("Sep") == 9);
    CHECK(month_of_word("марш") == 0);
    CHECK(month_of_word("майдон") == 0);
    CHECK(month_of_word("мартовский") == 0);
}

TEST_CASE("the date and number of an act in a Tajik opening line") {
    auto d = find_act_date("Қонуни Ҷумҳурии Тоҷикистон аз 19 марти соли 2013, № 954");
    REQUIRE(d);
    CHECK(d->date == "2013-03-19");
    CHECK(d->number == "954");
    CHECK(d->marked);
    auto m = find_act_date("аз 3 майи соли 2014, №294");
    REQUIRE(m);
    CHECK(m->date == "2014-05-03");
    CHECK(m->number == "294");
}

TEST_CASE("the date and number of an act in a Russian opening line, number before or after") {
    auto d = find_act_date("Закон Республики Таджикистан от 19 марта 2013 года № 954");
    REQUIRE(d);
    CHECK(d->date == "2013-03-19");
    CHECK(d->number == "954");
    std::string line = "Закон Республики Таджикистан от 19 марта 2013 года № 954";
    CHECK(line.substr(d->begin, d->end - d->begin) == "от 19 марта 2013 года № 954");

    auto before = find_act_date("Постановление № 1024 от 19 декабря 2012 г.");
    REQUIRE(before);
    CHECK(before->date == "2012-12-19");
    CHECK(before->number == "1024");

    auto numeric = find_act_date("от 28.02.2013 № 478");
    REQUIRE(numeric);
    CHECK(numeric->date == "2013-02-28");
    CHECK(numeric->number == "478");
}

TEST_CASE("the date and number of an act in an English opening line, both date orders") {
    auto d = find_act_date("Law of the Republic of Tajikistan of 19 March 2013, No. 954");
    REQUIRE(d);
    CHECK(d->date == "2013-03-19");
    CHECK(d->number == "954");
    auto us = find_act_date("Approved March 19, 2013");
    REQUIRE(us);
    CHECK(us->date == "2013-03-19");
    CHECK(us->number.empty());
    CHECK_FALSE(find_act_date("Article 19 of the Law, March 2013").has_value());
    CHECK_FALSE(find_act_date("45 марта 2013 года").has_value());
}

TEST_CASE("a marked date wins over an earlier unmarked one") {
    auto d = find_act_date("Опубликован 1 апреля 2013 года; Закон от 19 марта 2013 года № 954");
    REQUIRE(d);
    CHECK(d->date == "2013-03-19");
}

TEST_CASE("type by keyword in tg, ru and en, with the corpus's type values") {
    CHECK(infer_type("ҚОНУНИ ҶУМҲУРИИ ТОҶИКИСТОН").type == "law");
    CHECK(infer_type("Закон Республики Таджикистан").type == "law");
    CHECK(infer_type("Law of the Republic of Tajikistan").type == "law");
    CHECK(infer_type("Кодекси оилаи Ҷумҳурии Тоҷикистон").type == "code");
    CHECK(infer_type("Указ Президента Республики Таджикистан").type == "bylaw");
    CHECK(infer_type("Фармони Президенти Ҷумҳурии Тоҷикистон").type == "bylaw");
    CHECK(infer_type("Постановление Правительства Республики Таджикистан").type == "bylaw");
    CHECK(infer_type("Қарори Ҳукумати Ҷумҳурии Тоҷикистон").type == "bylaw");
    CHECK(infer_type("Барномаи давлатии пешгирии зӯроварӣ дар оила").type == "programme");
    CHECK(infer_type("Государственная программа по предупреждению насилия").type == "programme");
    CHECK(infer_type("A manual for police officers").type == "manual");
    CHECK(infer_type("Доклад о положении женщин").type == "report");
    CHECK(infer_type("Законодательство о семье").type.empty());  // not "закон" + two letters
    CHECK(infer_type("On the family").type.empty());
}

TEST_CASE("jurisdiction from the nearest folder named like one") {
    CHECK(jurisdiction_from_path("/srv/docs/tj/law.txt") == "TJ");
    CHECK(jurisdiction_from_path("/srv/ba-srp/2012/law.txt") == "BA-SRP");
    CHECK(jurisdiction_from_path("/srv/int/cedaw.txt") == "INT");
    CHECK(jurisdiction_from_path("/srv/library/law.txt") == "");
    // With the corpus's jurisdictions: a lower-case folder only when it is one of
    // them ("in" is a folder, not India); capitals write the code on purpose.
    const std::set<std::string> known{"TJ", "BA-SRP", "INT"};
    CHECK(jurisdiction_from_path("/srv/in/law.txt", &known) == "");
    CHECK(jurisdiction_from_path("/home/it/docs/law.txt", &known) == "");
    CHECK(jurisdiction_from_path("/srv/tj/law.txt", &known) == "TJ");
    CHECK(jurisdiction_from_path("/srv/ba-srp/in/law.txt", &known) == "BA-SRP");
    CHECK(jurisdiction_from_path("/srv/AM/law.txt", &known) == "AM");
}

TEST_CASE("a Russian law text read without its sidecar: title, date, number, type, language, body inferred") {
    TempDir dir("metadata-inference");
    const std::filesystem::path file = dir.path / "tj" / "zakon.txt";
    write_file(file,
               "ЗАКОН РЕСПУБЛИКИ ТАДЖИКИСТАН\n\n"
               "О предупреждении насилия в семье\n\n"
               "от 19 марта 2013 года\n\n"
               "Закон принят Маджлиси Оли Республики Таджикистан и регулирует отношения в сфере "
               "профилактики насилия в семье. Он определяет задачи органов и организаций.\n\n"
               "Статья 1. Основные понятия\n\n"
               "Насилие в семье — умышленное противоправное деяние одного члена семьи в отношении другого.\n");
    // A law: its legal status is not in its text, and must be given.
    PreparedAddition unknown = prepare_addition(file.string(), {}, {HIMOYA_SOURCE_DIR "/corpus"});
    REQUIRE(unknown.missing.size() == 1);
    CHECK(unknown.missing[0].rfind("--status (a law has a legal status", 0) == 0);
    CHECK(unknown.sidecar_xml.empty());
    PreparedAddition a = prepare_addition(file.string(), {{"legal-status", "in-force"}}, {HIMOYA_SOURCE_DIR "/corpus"});
    REQUIRE(a.readable);
    CHECK(a.sidecar_xml.find("<legal-status state=\"in-force\" />") != std::string::npos);
    CHECK(a.fields["language"].value == "ru");
    CHECK(a.fields["title"].value == "ЗАКОН РЕСПУБЛИКИ ТАДЖИКИСТАН О предупреждении насилия в семье");
    CHECK(a.fields["date"].value == "2013-03-19");
    // The file's line 5 (the third paragraph after blank lines 2 and 4).
    CHECK(a.fields["date"].evidence == "line 5: «от 19 марта 2013 года»");
    CHECK(a.fields["title"].evidence == "lines 1–3: heading-like lines");
    CHECK(a.fields.count("number") == 0);
    CHECK(a.fields["type"].value == "law");
    CHECK(a.fields["jurisdiction"].value == "TJ");
    CHECK(a.fields["issuing-body"].value == "Маджлиси Оли Республики Таджикистан");
    CHECK(a.fields["issuing-body-ref"].value == "tj-majlisi-oli");
    CHECK(a.fields["text-status"].origin == "default");  // nothing says it is a summary
    CHECK(a.missing.empty());
    CHECK(a.document_id == "zakon");
    CHECK(a.sidecar_xml.find("<date>2013-03-19</date>") != std::string::npos);
    CHECK(a.sidecar_xml.find("<issuing-body ref=\"tj-majlisi-oli\">") != std::string::npos);
    // A text added as published holds the whole act unless told otherwise.
    CHECK(a.fields["extent"].value == "whole");
    CHECK(a.fields["extent"].origin == "default");
    CHECK(a.sidecar_xml.find("<extent>whole</extent>") != std::string::npos);
    PreparedAddition part = prepare_addition(file.string(), {{"extent", "selected"}, {"legal-status", "in-force"}},
                                             {HIMOYA_SOURCE_DIR "/corpus"});
    CHECK(part.fields["extent"].origin == "given");
    CHECK(part.sidecar_xml.find("<extent>selected</extent>") != std::string::npos);
    PreparedAddition wrong = prepare_addition(file.string(), {{"extent", "most"}, {"legal-status", "in-force"}},
                                              {HIMOYA_SOURCE_DIR "/corpus"});
    REQUIRE(wrong.missing.size() == 1);
    CHECK(wrong.missing[0] == "--extent ('most' is not whole or selected)");
    CHECK(wrong.sidecar_xml.empty());
}

TEST_CASE("a Tajik opening with its date and number on the title line") {
    TempDir dir("metadata-inference-tg");
    const std::filesystem::path file = dir.path / "qonun.txt";
    write_file(file,
               "Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила» аз 19 марти соли 2013, № 954\n\n"
               "Қонун муносибатҳои ҷамъиятиро дар соҳаи пешгирии зӯроварӣ дар оила ба тартиб медарорад.\n");
    PreparedAddition a = prepare_addition(file.string(), {{"jurisdiction", "TJ"}, {"legal-status", "amended"}}, {});
    REQUIRE(a.readable);
    CHECK(a.fields["language"].value == "tg");
    CHECK(a.fields["title"].value == "Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила»");
    CHECK(a.fields["number"].value == "954");
    CHECK(a.fields["type"].value == "law");
    CHECK(a.fields["jurisdiction"].origin == "given");
    // No bodies.xml given: the issuing body is what is missing.
    REQUIRE(a.missing.size() == 1);
    CHECK(a.missing[0] == "--body");
    CHECK(a.sidecar_xml.empty());
}

TEST_CASE("evidence names the file's line, not the paragraph the reader joined it into") {
    // QA: a title, date and number on consecutive lines are one paragraph of a
    // .txt; the evidence said "line 1" for a date on line 3, and "line 2" for
    // one on line 5 after blank lines: the index of the paragraph.
    TempDir dir("metadata-inference-lines");
    const std::filesystem::path tg = dir.path / "qonun-2077.txt";
    std::filesystem::copy_file(HIMOYA_SOURCE_DIR "/tests/data/add/qonun-2077.txt", tg);
    PreparedAddition a = prepare_addition(tg.string(), {{"jurisdiction", "TJ"}, {"legal-status", "in-force"}}, {});
    REQUIRE(a.readable);
    CHECK(a.fields["language"].value == "tg");
    CHECK(a.fields["date"].value == "2024-03-12");
    CHECK(a.fields["date"].evidence == "line 3: «аз 12 марти соли 2024, № 2077»");
    CHECK(a.fields["number"].evidence == "line 3: «аз 12 марти соли 2024, № 2077»");
    CHECK(a.fields["title"].value == "ҚОНУНИ ҶУМҲУРИИ ТОҶИКИСТОН Дар бораи пешгирии зӯроварӣ дар оила");
    CHECK(a.fields["title"].evidence == "lines 1–2: heading-like lines");

    // Blank lines first, a blank line inside the title block, the date on line 6.
    const std::filesystem::path ru = dir.path / "zakon-954.txt";
    write_file(ru,
               "\n"
               "   \n"
               "ЗАКОН РЕСПУБЛИКИ ТАДЖИКИСТАН\n"
               "\n"
               "О предупреждении   насилия в семье\n"
               "  от 19 марта 2013 года № 954\n"
               "\n"
               "Статья 1. Основные понятия\n"
               "Насилие в семье — умышленное противоправное деяние одного члена семьи в отношении другого.\n");
    PreparedAddition b = prepare_addition(ru.string(), {{"jurisdiction", "TJ"}, {"legal-status", "in-force"}}, {});
    REQUIRE(b.readable);
    CHECK(b.fields["language"].value == "ru");
    CHECK(b.fields["date"].value == "2013-03-19");
    CHECK(b.fields["number"].value == "954");
    CHECK(b.fields["date"].evidence == "line 6: «от 19 марта 2013 года № 954»");
    CHECK(b.fields["title"].evidence.rfind("line 3", 0) == 0);
}

TEST_CASE("a word processor's evidence names its paragraph, an HTML page's the line its paragraph starts on") {
    // No lines in an ODT: the Nth paragraph with text (blank ones not counted).
    PreparedAddition odt =
        prepare_addition(HIMOYA_SOURCE_DIR "/tests/data/office/tj-dv-law-ru.odt", {{"legal-status", "in-force"}}, {});
    REQUIRE(odt.readable);
    CHECK_MESSAGE(odt.fields["title"].evidence == "paragraph 1: heading-like lines", odt.fields["title"].evidence);
    CHECK_MESSAGE(odt.fields["text-status"].evidence == "the title says «краткое изложение»",
                  odt.fields["text-status"].evidence);
    // tests/data/encodings/tg-legal-portal.html: the passage dates in the <p> on line 9.
    PreparedAddition html = prepare_addition(HIMOYA_SOURCE_DIR "/tests/data/encodings/tg-legal-portal.html",
                                             {{"jurisdiction", "TJ"}}, {});
    REQUIRE(html.readable);
    CHECK_MESSAGE(html.fields["date"].evidence.rfind("the paragraph at line 9: «", 0) == 0, html.fields["date"].evidence);
}

TEST_CASE("an act's date and body are read in its title block, the latest of its passage dates, not from its articles") {
    // tests/data/encodings/tg-legal-portal.html: the Law's passage in its opening
    // paragraph (adopted 19 Dec 2012, supported 28 Feb 2013, signed 19 March
    // 2013), then Article 7 naming the Government's decree of 3 May 2014, No. 294.
    TempDir dir("metadata-inference-title-block");
    const std::filesystem::path file = dir.path / "tj" / "tg-legal-portal.html";
    std::filesystem::create_directories(file.parent_path());
    std::filesystem::copy_file(HIMOYA_SOURCE_DIR "/tests/data/encodings/tg-legal-portal.html", file);
    PreparedAddition a = prepare_addition(file.string(), {}, {HIMOYA_SOURCE_DIR "/corpus"});
    REQUIRE(a.readable);
    CHECK(a.fields["date"].value == "2013-03-19");
    CHECK(a.fields.count("number") == 0);
    CHECK(a.fields.count("issuing-body") == 0);  // the Government is named in Article 7 only
}

TEST_CASE("a body given by one of its bodies.xml names is that body, with its ref") {
    TempDir dir("metadata-inference-body");
    const std::filesystem::path file = dir.path / "qonun.txt";
    write_file(file, "Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила» аз 19 марти соли 2013, № 954\n\n"
                     "Қонун муносибатҳои ҷамъиятиро ба тартиб медарорад.\n");
    PreparedAddition a = prepare_addition(file.string(),
                                          {{"jurisdiction", "TJ"}, {"issuing-body", "маҷлиси олии ҷумҳурии тоҷикистон"},
                                           {"legal-status", "in-force"}},
                                          {HIMOYA_SOURCE_DIR "/corpus"});
    CHECK(a.fields["issuing-body-ref"].value == "tj-majlisi-oli");
    CHECK(a.sidecar_xml.find("<issuing-body ref=\"tj-majlisi-oli\">") != std::string::npos);
    PreparedAddition other = prepare_addition(file.string(), {{"jurisdiction", "TJ"}, {"issuing-body", "Кумитаи нав"}},
                                              {HIMOYA_SOURCE_DIR "/corpus"});
    CHECK(other.fields.count("issuing-body-ref") == 0);
}

TEST_CASE("given values override inferred ones and are checked against the format") {
    TempDir dir("metadata-inference-given");
    const std::filesystem::path file = dir.path / "report.txt";
    write_file(file, "Annual report on shelters\n\nOf 19 March 2013, No. 12. The shelters served families.\n");
    PreparedAddition a = prepare_addition(
        file.string(), {{"date", "19.3.13"}, {"jurisdiction", "INT"}, {"issuing-body", "Example NGO"}}, {});
    REQUIRE(a.readable);
    CHECK(a.fields["type"].value == "report");
    CHECK(a.fields["language"].value == "en");
    CHECK(a.fields["date"].origin == "given");
    REQUIRE(a.missing.size() == 1);
    CHECK(a.missing[0].rfind("--date", 0) == 0);
}

TEST_CASE("a file with nothing to infer from lists every required field") {
    TempDir dir("metadata-inference-empty");
    const std::filesystem::path file = dir.path / "x.txt";
    write_file(file, "12345\n");
    PreparedAddition a = prepare_addition(file.string(), {}, {});
    REQUIRE(a.readable);
    CHECK(std::find(a.missing.begin(), a.missing.end(), "--title") != a.missing.end());
    CHECK(std::find(a.missing.begin(), a.missing.end(), "--lang") != a.missing.end());
    CHECK(std::find(a.missing.begin(), a.missing.end(), "--date") != a.missing.end());
    CHECK(std::find(a.missing.begin(), a.missing.end(), "--jurisdiction") != a.missing.end());
    CHECK(std::find(a.missing.begin(), a.missing.end(), "--type") != a.missing.end());
}

TEST_CASE("metadata values are checked against the corpus format's lists, naming what each accepts") {
    CHECK(metadata_value_problems({{"language", "ru"}, {"text-status", "summary"}, {"audience", "police, judiciary"},
                                   {"legal-status", "not-yet-in-force"}, {"legal-status-since", "2026-02"}})
              .empty());
    auto problems = metadata_value_problems({{"language", "de"}, {"text-status", "weird"}, {"audience", "police,aliens"},
                                             {"legal-status", "valid"}, {"legal-status-since", "2013-02-30"}});
    REQUIRE(problems.size() == 5);
    std::map<std::string, MetadataValueProblem> by_flag;
    for (const MetadataValueProblem& p : problems) by_flag[p.flag] = p;
    CHECK(by_flag["--lang"].rule.rfind("tg, ru or en", 0) == 0);  // not any ISO 639 code
    CHECK(by_flag["--text-status"].rule == "official, official-translation, unofficial-translation or summary");
    CHECK(by_flag["--audience"].value == "police,aliens");
    CHECK(by_flag["--audience"].rule.find("shelters-ngos") != std::string::npos);
    CHECK(by_flag["--status"].rule == "in-force, amended, repealed, expired or not-yet-in-force");
    CHECK(by_flag.count("--status-since"));
    CHECK(metadata_value_problems({{"audience", ","}}).size() == 1);  // no group at all
    CHECK(requires_legal_status("law"));
    CHECK(requires_legal_status("programme"));
    CHECK_FALSE(requires_legal_status("bylaw"));
    CHECK(may_have_legal_status("bylaw"));
    CHECK_FALSE(may_have_legal_status("manual"));
}

TEST_CASE("the sidecar carries the legal status as the corpus format writes it") {
    MetadataFields fields = {{"title", {"T", "given", ""}},          {"jurisdiction", {"TJ", "given", ""}},
                             {"language", {"ru", "given", ""}},      {"type", {"law", "given", ""}},
                             {"date", {"2013", "given", ""}},        {"issuing-body", {"B", "given", ""}},
                             {"text-status", {"official", "given", ""}}, {"official-title", {"T", "given", ""}},
                             {"legal-status", {"repealed", "given", ""}}, {"legal-status-since", {"2025", "given", ""}}};
    const std::string xml = render_sidecar(fields, "zakon", "zakon");
    CHECK(xml.find("<legal-status state=\"repealed\" since=\"2025\" />") != std::string::npos);
    fields.erase("legal-status-since");
    CHECK(render_sidecar(fields, "zakon", "zakon").find("<legal-status state=\"repealed\" />") != std::string::npos);
}
