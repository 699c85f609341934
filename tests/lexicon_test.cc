// The word lexicon (analysis/lexicon.h): parsing corpus/lexicon.tsv, the
// synonym-table entries the indexer stores, and a query word finding a text in
// another language through them (search/query_builder.h).
#include <doctest/doctest.h>

#include <algorithm>
#include <cctype>
#include <fstream>
#include <iterator>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "analysis/lexicon.h"
#include "analysis/term_scheme.h"
#include "search/query_builder.h"
#include "search/query_tree.h"
#include "temp_dir.h"

using namespace himoya;

namespace {
bool has(const std::vector<std::pair<std::string, std::string>>& entries, const std::string& key,
         const std::string& value) {
    return std::find(entries.begin(), entries.end(), std::make_pair(key, value)) != entries.end();
}
}  // namespace

TEST_CASE("parse_lexicon reads rows of three cells and names each bad line") {
    std::vector<LexiconProblem> problems;
    auto rows = parse_lexicon(
        "# en\tru\ttg\n"
        "delegation\tделегация\tҳайат | ҳайати намояндагон\n"
        "\n"
        "fine\tштраф\n"                // two cells
        "penalty\tнаказание |  \tҷазо\n"  // an empty form
        "court\tсуд\tсуд\r\n",
        problems);
    REQUIRE(rows.size() == 2);
    CHECK(rows[0].line == 2);
    CHECK(rows[0].forms[2] == std::vector<std::string>{"ҳайат", "ҳайати намояндагон"});
    CHECK(rows[1].forms[2] == std::vector<std::string>{"суд"});  // the \r is not part of the form
    REQUIRE(problems.size() == 2);
    CHECK(problems[0].line == 4);
    CHECK(problems[0].what.find("3 tab-separated cells") != std::string::npos);
    CHECK(problems[1].line == 5);
    CHECK(problems[1].what.find("ru") != std::string::npos);
}

TEST_CASE("translation_entries key one-word forms by stem and translate into the other two languages") {
    Analyzer analyzer;
    std::vector<LexiconProblem> problems;
    auto rows = parse_lexicon("delegation\tделегация\tҳайат | ҳайати намояндагон\nsafe house\tубежище\tпаноҳгоҳ\n", problems);
    auto entries = translation_entries(rows, analyzer);
    const std::string t(terms::kTranslation);
    const std::string ru = analyzer.analyze("делегация", "ru").front().stem;
    const std::string en = analyzer.analyze("delegation", "en").front().stem;
    const std::string tg = analyzer.analyze("ҳайат", "tg").front().stem;
    CHECK(has(entries, t + ru, en));
    CHECK(has(entries, t + ru, tg));
    CHECK(has(entries, t + en, ru));
    CHECK(has(entries, t + tg, ru));
    // a counterpart of two words is one value, its stems joined by a space
    std::string two;
    for (const Token& tok : analyzer.analyze("ҳайати намояндагон", "tg")) two += (two.empty() ? "" : " ") + tok.stem;
    CHECK(has(entries, t + ru, two));
    // a form of two words is a counterpart, never a key
    const std::string safe = analyzer.analyze("safe", "en").front().stem;
    CHECK_FALSE(std::any_of(entries.begin(), entries.end(), [&](const auto& e) { return e.first == t + safe; }));
    CHECK(std::is_sorted(entries.begin(), entries.end()));
}

TEST_CASE("a Russian query word finds a Tajik-only text through the lexicon, below a Russian text with the word") {
    Analyzer analyzer;
    testing::TempDir dir("lexicon");  // the in-memory backend has no synonym table
    Xapian::WritableDatabase db((dir.path / "db").string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
    auto add = [&](const std::string& text, const std::string& lang) {
        Xapian::Document doc;
        for (const Token& tok : analyzer.analyze(text, lang)) {
            doc.add_term(tok.term);
            doc.add_term(std::string(terms::kStem) + tok.stem);
        }
        doc.set_data(lang);
        return db.add_document(doc);
    };
    Xapian::docid tajik = add("ҳайати Тоҷикистон ба Босния сафар кард", "tg");
    Xapian::docid russian = add("делегация посетила Боснию", "ru");
    add("суд рассмотрел дело", "ru");
    std::vector<LexiconProblem> problems;
    for (const auto& [key, value] : translation_entries(parse_lexicon("delegation\tделегация\tҳайат\n", problems), analyzer))
        db.add_synonym(key, value);
    db.commit();

    auto search = [&](bool translations) {
        QueryBuilder builder(analyzer);
        builder.set_vocabulary(&db);
        builder.set_translations(translations);
        BuiltQuery built = builder.compile(parse_query("делегацию", "ru", analyzer));
        Xapian::Enquire enquire(db);
        enquire.set_query(built.query);
        std::vector<Xapian::docid> ids;
        Xapian::MSet mset = enquire.get_mset(0, 10);
        for (auto it = mset.begin(); it != mset.end(); ++it) ids.push_back(*it);
        return ids;
    };
    CHECK(search(false) == std::vector<Xapian::docid>{russian});
    CHECK(search(true) == std::vector<Xapian::docid>{russian, tajik});
}

TEST_CASE("corpus/lexicon.tsv parses without problems, English in Latin letters, Russian and Tajik in Cyrillic") {
    std::ifstream in(std::string(HIMOYA_SOURCE_DIR) + "/corpus/lexicon.tsv", std::ios::binary);
    REQUIRE(in);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<LexiconProblem> problems;
    auto rows = parse_lexicon(text, problems);
    for (const auto& p : problems) FAIL_CHECK("line " << p.line << ": " << p.what);
    CHECK(rows.size() >= 400);
    auto cyrillic_letters = [](const std::string& s) {
        size_t n = 0;  // lead bytes of U+0400..U+04FF are 0xD0..0xD3
        for (unsigned char c : s) n += (c >= 0xD0 && c <= 0xD3);
        return n;
    };
    auto latin_letters = [](const std::string& s) {
        return std::count_if(s.begin(), s.end(), [](unsigned char c) { return std::isalpha(c) != 0; });
    };
    for (const LexiconRow& row : rows) {
        for (const std::string& f : row.forms[0]) CHECK_MESSAGE(cyrillic_letters(f) == 0, "line " << row.line << ": " << f);
        for (size_t c = 1; c < 3; ++c)
            for (const std::string& f : row.forms[c]) {
                // abbreviations such as "UNFPA" may stay Latin; a Cyrillic form must not mix in Latin letters
                if (cyrillic_letters(f) > 0) CHECK_MESSAGE(latin_letters(f) == 0, "line " << row.line << ": " << f);
            }
    }
    Analyzer analyzer;
    CHECK(translation_entries(rows, analyzer).size() > rows.size());
}
