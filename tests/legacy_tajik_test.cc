// Tajik typed in legacy fonts (indexer/readers/legacy_tajik.h): the
// look-alike and legal-portal schemes are converted per document, the letter
// ї is read as ӣ or ҷ by the evidence of each document, the legal-portal page
// is found by its real title after indexing, and Russian text is never touched.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "indexer/readers/legacy_tajik.h"
#include "indexer/readers/text_reader.h"
#include "process.h"
#include "reader_fixtures.h"
#include "temp_dir.h"

using namespace himoya;
using himoya::testing::run;
using namespace himoya::testing;
using himoya::testing::TempDir;
using himoya::testing::write_file;
namespace fs = std::filesystem;

namespace {

const std::string& kDir = kEncodings;

std::string meta(const std::string& language) { return sidecar_xml(language); }

// Reads `text` saved as NAME.txt (UTF-8) with a sidecar in `language`.
std::optional<Document> read_in(const TempDir& dir, const std::string& name, const std::string& language,
                                const std::string& text, IngestReport& r) {
    write_file(dir.path / (name + ".meta.xml"), meta(language));
    write_file(dir.path / (name + ".txt"), text);
    return read_text_document((dir.path / (name + ".txt")).string(), r);
}

}  // namespace

TEST_CASE("the look-alike scheme (windows-1251 file) is converted: ў њ ї ќ љ ѓ become ӯ ҳ ӣ қ ҷ ғ") {
    IngestReport r;
    auto d = read_text_document(kDir + "tg-lookalike.txt", r);
    REQUIRE_MESSAGE(d, (r.problems.empty() ? "" : r.problems[0].to_string()));
    CHECK(d->language == "tg");
    const std::string text = all_text(*d);
    CHECK(text.find("Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила»") != std::string::npos);
    CHECK(text.find("ордери ҳимоявӣ") != std::string::npos);
    CHECK(text.find("ї") == std::string::npos);
    CHECK(text.find("љ") == std::string::npos);
    CHECK(d->title == "Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зӯроварӣ дар оила» (хулоса)");
    CHECK_MESSAGE(notes(r).find("read as windows-1251") != std::string::npos, notes(r));
    CHECK_MESSAGE(notes(r).find("legacy Tajik font, look-alike scheme") != std::string::npos, notes(r));
}

TEST_CASE("the legal-portal page is converted (ѕ ї і become қ ҷ ҳ) and found by its real title") {
    IngestReport r;
    auto d = read_text_document(kDir + "tg-legal-portal.html", r);
    REQUIRE(d);
    CHECK(d->title == "Қонуни Ҷумҳурии Тоҷикистон «Дар бораи пешгирии зуровари дар оила» (хулоса)");
    const std::string text = all_text(*d);
    CHECK(text.find("Ҳукумати Ҷумҳурии Тоҷикистон бо такя ба моддаи 7") != std::string::npos);
    CHECK(text.find("Ҳимояи ҷабрдидагон") != std::string::npos);
    CHECK_MESSAGE(notes(r).find("read as windows-1251 (declared in the page)") != std::string::npos, notes(r));
    CHECK_MESSAGE(notes(r).find("legacy Tajik font, legal-portal scheme") != std::string::npos, notes(r));

    TempDir dir("legacy-portal-index");
    fs::create_directories(dir.path / "corpus");
    for (const char* f : {"tg-legal-portal.html", "tg-legal-portal.meta.xml", "tg-lookalike.txt", "tg-lookalike.meta.xml",
                          "ru-windows-1251.txt", "ru-windows-1251.meta.xml"})
        CHECK(fs::copy_file(kDir + f, dir.path / "corpus" / f, fs::copy_options::overwrite_existing));
    const std::string db = (dir.path / "index").string();
    auto indexed = run({HIMOYA_BINARY, "index", "--corpus", (dir.path / "corpus").string(), "--db", db});
    REQUIRE_MESSAGE(indexed.status == 0, indexed.err);
    CHECK_MESSAGE(indexed.err.find("legal-portal scheme") != std::string::npos, indexed.err);
    CHECK(indexed.err.find("[note]") != std::string::npos);
    CHECK(indexed.err.find("note(s) on how files were read") != std::string::npos);
    auto found = run({HIMOYA_BINARY, "search", "--db", db, "--json", "--per-page", "20", "--versions", "separate",
                      "Қонуни Ҷумҳурии Тоҷикистон"});
    REQUIRE_MESSAGE(found.status == 0, found.err);
    CHECK_MESSAGE(found.out.find("enc-tg-legal-portal") != std::string::npos, found.out);
    CHECK(nlohmann::json::parse(found.out)["total"].get<long>() > 0);
}

TEST_CASE("ї is read as ӣ in one document and as ҷ in another, by each document's words") {
    TempDir dir("legacy-ambiguity");
    SUBCASE("the look-alike reading makes the words: ї → ӣ") {
        IngestReport r;
        auto d = read_in(dir, "i", "tg",
                         "Барномаи давлатї ва миллї оид ба кумаки тиббї ва равонї ба оила.\n", r);
        REQUIRE(d);
        CHECK(d->provisions.at(0).text == "Барномаи давлатӣ ва миллӣ оид ба кумаки тиббӣ ва равонӣ ба оила.");
        CHECK_MESSAGE(notes(r).find("look-alike scheme") != std::string::npos, notes(r));
        LegacyTajikDecision dec = decide_legacy_tajik("давлатї миллї тиббї", "tg");
        CHECK(dec.scheme == TajikFontScheme::lookalike);
        CHECK(dec.known_lookalike == 3);
        CHECK(dec.known_legal_portal == 0);
    }
    SUBCASE("the legal-portal reading makes the words: ї → ҷ") {
        IngestReport r;
        auto d = read_in(dir, "j", "tg", "Маїлиси Олии Тоїикистон ва їабрдидагон дар оила.\n", r);
        REQUIRE(d);
        CHECK(d->provisions.at(0).text == "Маҷлиси Олии Тоҷикистон ва ҷабрдидагон дар оила.");
        CHECK_MESSAGE(notes(r).find("legal-portal scheme") != std::string::npos, notes(r));
    }
    SUBCASE("no word decides and both schemes' own letters are absent: left as written, and said so") {
        LegacyTajikDecision dec = decide_legacy_tajik("Фалонї бистонї", "tg");
        CHECK(dec.scheme == TajikFontScheme::none);
        CHECK(dec.undecided);
        CHECK(dec.note().find("text left as written") != std::string::npos);
    }
    SUBCASE("a tie broken by the letters only one scheme uses") {
        CHECK(decide_legacy_tajik("Фалонї ўзбек", "tg").scheme == TajikFontScheme::lookalike);
        CHECK(decide_legacy_tajik("Фалонї іарф", "tg").scheme == TajikFontScheme::legal_portal);
    }
}

TEST_CASE("Russian text with і and ї is never touched; undetermined Cyrillic is") {
    TempDir dir("legacy-russian");
    const std::string ru = "Делегация посетила Київ і Львів, где обсуждались меры защиты.\n";
    IngestReport r;
    auto d = read_in(dir, "ru", "ru", ru, r);
    REQUIRE(d);
    CHECK(d->provisions.at(0).text == "Делегация посетила Київ і Львів, где обсуждались меры защиты.");
    CHECK(r.problems.empty());
    LegacyTajikDecision dec = decide_legacy_tajik("Маїлиси Олии Тоїикистон", "ru");
    CHECK_FALSE(dec.eligible);
    CHECK(dec.scheme == TajikFontScheme::none);
    CHECK_FALSE(dec.worth_a_note());
    // English and Ukrainian documents are no more eligible than Russian ones.
    CHECK_FALSE(decide_legacy_tajik("Маїлиси Тоїикистон", "uk").eligible);
    // "und" with Cyrillic text is.
    CHECK(decide_legacy_tajik("Маїлиси Олии Тоїикистон", "und").scheme == TajikFontScheme::legal_portal);
    CHECK_FALSE(decide_legacy_tajik("The Majlisi Oli of Tajikistan ї", "und").eligible);
}

TEST_CASE("convert_legacy_tajik changes only the scheme's letters, capitals too") {
    int n = 0;
    CHECK(convert_legacy_tajik("ЉУМЊУРИИ Тољикистон, ќонун, ѓайр, ўзбек, ї <b>", TajikFontScheme::lookalike, &n) ==
          "ҶУМҲУРИИ Тоҷикистон, қонун, ғайр, ӯзбек, ӣ <b>");
    CHECK(n == 7);
    CHECK(convert_legacy_tajik("Ѕонуни Їуміурии Тоїикистон; ІАМЧУНИН", TajikFontScheme::legal_portal, &n) ==
          "Қонуни Ҷумҳурии Тоҷикистон; ҲАМЧУНИН");
    CHECK(n == 5);
    CHECK(convert_legacy_tajik("ї", TajikFontScheme::none) == "ї");
}

TEST_CASE("the legal-portal scheme as the portal itself writes a title: љ is ғ there, not ҷ") {
    // The title of Law No. 1538 of 3 August 2018 as adlia.tj shows it (legacy_tajik.cc).
    std::string title =
        "Ѕонуни Їуміурии Тоїикистон аз 3 августи соли 2018 № 1538 «Дар бораи ворид намудани таљйиру иловаіо ба "
        "Кодекси їиноятии Їуміурии Тоїикистон»";
    LegacyTajikDecision d = fix_legacy_tajik(title, "tg");
    CHECK(d.scheme == TajikFontScheme::legal_portal);
    CHECK(title ==
          "Қонуни Ҷумҳурии Тоҷикистон аз 3 августи соли 2018 № 1538 «Дар бораи ворид намудани тағйиру иловаҳо ба "
          "Кодекси ҷиноятии Ҷумҳурии Тоҷикистон»");
    std::string caps = "ЅОНУНИ ЇУМІУРИИ ТОЇИКИСТОН ДАР БОРАИ ВОРИД НАМУДАНИ ТАЉЙИРУ ИЛОВАІО";
    CHECK(fix_legacy_tajik(caps, "tg").scheme == TajikFontScheme::legal_portal);
    CHECK(caps == "ҚОНУНИ ҶУМҲУРИИ ТОҶИКИСТОН ДАР БОРАИ ВОРИД НАМУДАНИ ТАҒЙИРУ ИЛОВАҲО");
    // The same letter in a look-alike text stays ҷ.
    std::string lookalike = "Љумњурии Тољикистон";
    CHECK(fix_legacy_tajik(lookalike, "tg").scheme == TajikFontScheme::lookalike);
    CHECK(lookalike == "Ҷумҳурии Тоҷикистон");
}

TEST_CASE("is_common_tajik_word and count_common_tajik_words") {
    CHECK(is_common_tajik_word(U"қонун"));
    CHECK(is_common_tajik_word(U"қонуни"));    // izofat
    CHECK(is_common_tajik_word(U"қонунро"));   // object
    CHECK(is_common_tajik_word(U"ҳуқуқҳои"));  // plural
    CHECK_FALSE(is_common_tajik_word(U"закон"));
    CHECK(count_common_tajik_words("Қонуни Ҷумҳурии Тоҷикистон", false) == 3);
    CHECK(count_common_tajik_words("Ѕонуни Їуміурии Тоїикистон", false) == 0);
    CHECK(count_common_tajik_words("Ѕонуни Їуміурии Тоїикистон", true) == 3);
}
