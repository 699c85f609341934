// Searching a small trilingual index: hits, exact multi-select facets,
// phrases, snippets, documents and suggestions.
#include <doctest/doctest.h>

#include <algorithm>
#include <set>
#include <vector>

#include <xapian.h>

#include "analysis/term_scheme.h"
#include "search/index_view.h"
#include "search/document_service.h"
#include "search/search_service.h"
#include "server/api_json.h"
#include "test_index.h"

using namespace himoya;

namespace {

long facet_count(const SearchResult& r, const std::string& facet, const std::string& value) {
    auto it = r.facets.find(facet);
    if (it == r.facets.end()) return -1;
    for (const auto& c : it->second)
        if (c.value == value) return c.count;
    return 0;
}

std::set<std::string> hit_ids(const SearchResult& r) {
    std::set<std::string> ids;
    for (const auto& h : r.hits) ids.insert(h.id);
    return ids;
}

SearchRequest query(const std::string& q, const std::string& scope = "provision") {
    SearchRequest r;
    r.query = q;
    r.scope = parse_enum<Scope>(scope, "scope");
    r.per_page = 100;
    return r;
}

}  // namespace

TEST_CASE("a word finds its provisions in the right language, stemmed") {
    testing::TestIndex index;
    IndexView s({index.path()});
    auto r = run_search(s, query("order"));
    CHECK(hit_ids(r) == std::set<std::string>{"ba-law-en/art_3", "ba-law-en/art_4", "ge-report-en/art_2"});
    auto ru = run_search(s, query("охранные ордера"));  // plural forms find the singular
    REQUIRE(ru.hits.size() == 1);
    CHECK(ru.hits[0].id == "tj-law-ru/art_2");
    CHECK(snippet_html(ru.hits[0].snippet).find("<mark>Охранный</mark> <mark>ордер</mark>") != std::string::npos);
    auto tg = run_search(s, query("ордери ҳимоявӣ"));
    REQUIRE(tg.hits.size() == 1);
    CHECK(tg.hits[0].id == "tj-law-tg/art_2");
    CHECK(tg.hits[0].label == "Article 2");
    CHECK(page_url(tg.hits[0]) == "/document.html?id=tj-law-tg#art_2");
}

TEST_CASE("a Russian quotation in a Tajik document is stemmed as Russian") {
    auto docs = testing::sample_documents();
    docs.push_back(testing::make_document(
        "tj-report-tg", "TJ", "tg", "report", "2020", "Ҳисобот",
        {{"1", "Мақомоти корҳои дохилӣ аризаҳоро ба қайд мегиранд."},
         {"2", "Сотрудники милиции обязаны принимать заявления пострадавших круглосуточно."}}));
    testing::TestIndex index(docs);
    IndexView s({index.path()});
    SearchRequest r = query("заявлениями пострадавшим");
    r.lang = QueryLanguage::ru;
    CHECK(hit_ids(run_search(s, r)).count("tj-report-tg/art_2"));
}

TEST_CASE("total and facet counts are exact") {
    testing::TestIndex index;
    IndexView s({index.path()});
    auto r = run_search(s, query("violence"));
    CHECK(r.total == static_cast<long>(r.hits.size()));
    long by_jurisdiction = 0;
    for (const auto& c : r.facets.at("jurisdiction")) by_jurisdiction += c.count;
    CHECK(by_jurisdiction == r.total);  // no text here has a second language version
    CHECK(r.total_versions == r.total);
    // the title ("...Domestic Violence") is indexed with every provision of the law
    CHECK(facet_count(r, "jurisdiction", "BA-SRP") == 4);
    CHECK(facet_count(r, "jurisdiction", "GE") == 1);  // only the report's art_1 says "violence"
}

TEST_CASE("facets are multi-select: a facet's own filter does not change its counts") {
    testing::TestIndex index;
    IndexView s({index.path()});
    auto all = run_search(s, query(""));
    SearchRequest filtered = query("");
    filtered.filters["jurisdiction"] = {"TJ"};
    auto r = run_search(s, filtered);
    // A facet value counts what ticking it gives: texts (hits), not records.
    // The Tajik law's three articles in tg and ru are six records, three texts.
    CHECK(r.total == facet_count(all, "jurisdiction", "TJ"));
    CHECK(r.total == 3);
    CHECK(r.total_versions == 6);
    // the jurisdiction facet still shows the other jurisdictions
    CHECK(facet_count(r, "jurisdiction", "GE") == facet_count(all, "jurisdiction", "GE"));
    // other facets reflect the filter
    CHECK(facet_count(r, "lang", "en") == 0);
    CHECK(facet_count(r, "lang", "tg") == 3);
    // OR inside a facet, AND across
    filtered.filters["jurisdiction"] = {"TJ", "GE"};
    CHECK(run_search(s, filtered).total ==
          facet_count(all, "jurisdiction", "TJ") + facet_count(all, "jurisdiction", "GE"));
    filtered.filters["lang"] = {"ru"};
    CHECK(run_search(s, filtered).total == 3);
    CHECK(run_search(s, filtered).total_versions == 3);
}

TEST_CASE("topic facet is multi-valued") {
    testing::TestIndex index;
    IndexView s({index.path()});
    SearchRequest r = query("");
    r.filters["topic"] = {"protection-orders"};
    auto result = run_search(s, r);
    CHECK(result.total_versions == 4);  // tg art 2, ru art 2, ba art 2 and 4
    CHECK(result.total == 3);           // tg and ru art 2 are one text
    CHECK(facet_count(result, "topic", "police-response") == 1);
}

TEST_CASE("every facet counts exactly, audience multi-valued, type and body included") {
    auto docs = testing::sample_documents();
    docs[3].audience = {"police", "judiciary"};   // the Georgian report: 3 provisions
    docs[2].audience = {"police"};                // the Bosnian law: 4 provisions
    docs[2].issuing_body = "National Assembly of Republika Srpska";
    testing::TestIndex index(docs);
    IndexView s({index.path()});
    auto all = run_search(s, query(""));
    CHECK(all.total_versions == 13);
    CHECK(all.total == 10);  // the Tajik law's 3 articles in two languages are 3 texts
    CHECK(facet_count(all, "audience", "police") == 7);
    CHECK(facet_count(all, "audience", "judiciary") == 3);
    // Facets count texts (the Tajik law's tg and ru versions are one text each);
    // the language facet counts versions, as ticking a language gives them.
    CHECK(facet_count(all, "type", "law") == 7);
    CHECK(facet_count(all, "type", "report") == 3);
    CHECK(facet_count(all, "body", "National Assembly of Republika Srpska") == 4);
    CHECK(facet_count(all, "body", "Test Parliament") == 6);
    CHECK(facet_count(all, "year", "2013") == 3);
    CHECK(facet_count(all, "lang", "en") == 7);
    CHECK(facet_count(all, "lang", "tg") == 3);
    CHECK(facet_count(all, "lang", "ru") == 3);
    // versions=separate: every record is a hit, and facets count records
    SearchRequest separate = query("");
    separate.versions = VersionMode::separate;
    auto each = run_search(s, separate);
    CHECK(facet_count(each, "type", "law") == 10);
    CHECK(facet_count(each, "body", "Test Parliament") == 9);
    CHECK(facet_count(each, "year", "2013") == 6);
    // an audience filter: its own facet ignores it, the others follow it
    SearchRequest r = query("");
    r.filters["audience"] = {"judiciary"};
    auto judiciary = run_search(s, r);
    CHECK(judiciary.total == 3);
    CHECK(facet_count(judiciary, "audience", "police") == 7);
    CHECK(facet_count(judiciary, "jurisdiction", "GE") == 3);
    CHECK(facet_count(judiciary, "jurisdiction", "TJ") == 0);
}

TEST_CASE("versions=separate: every facet value counts the records ticking it gives") {
    auto docs = testing::sample_documents();
    docs[3].audience = {"police", "judiciary"};
    docs[2].audience = {"police"};
    testing::TestIndex index(docs);
    IndexView s({index.path()});
    for (const std::string q : {"", "violence", "ордер"}) {
        SearchRequest r = query(q, q.empty() ? "provision" : "all");
        r.versions = VersionMode::separate;
        const SearchResult all = run_search(s, r);
        CAPTURE(q);
        REQUIRE(all.total > 0);
        CHECK(all.total == all.total_versions);
        int values = 0;
        for (const auto& [facet, counts] : all.facets) {
            for (const FacetCount& c : counts) {
                CAPTURE(facet);
                CAPTURE(c.value);
                SearchRequest ticked = r;
                ticked.filters[facet] = {c.value};
                CHECK(run_search(s, ticked).total == c.count);
                ++values;
            }
        }
        CHECK(values >= 8);
    }
}

TEST_CASE("language versions are one hit: the best-matching version stands for the text, the others are listed") {
    testing::TestIndex index(testing::sample_documents(), testing::sample_thesaurus());
    IndexView s({index.path()});
    auto versions_of = [](const SearchHit& h) {
        std::vector<std::string> out;
        for (const auto& v : h.versions) out.push_back(v.id + (v.matched ? "+" : ""));
        return out;
    };
    // Russian words: the Russian article matches literally and stands for the
    // text; the Tajik one matches through the thesaurus and is listed under it.
    auto r = run_search(s, query("охранный ордер"));
    const SearchHit* tj = nullptr;
    for (const auto& h : r.hits) {
        CHECK(h.id != "tj-law-tg/art_2");  // not a hit of its own
        if (h.id == "tj-law-ru/art_2") tj = &h;
    }
    REQUIRE(tj);
    CHECK(versions_of(*tj) == std::vector<std::string>{"tj-law-tg/art_2+"});
    CHECK(tj->versions[0].lang == "tg");
    CHECK(tj->versions[0].text_status == "summary");
    CHECK(page_url(tj->versions[0]) == "/document.html?id=tj-law-tg#art_2");
    CHECK(tj->versions[0].score > 0);
    CHECK(tj->versions[0].score < tj->score);
    CHECK(r.total_versions == r.total + 1);

    // Without the thesaurus the Tajik article does not match: still listed, unmarked.
    SearchRequest literal = query("охранный ордер");
    literal.cross_language = false;
    auto l = run_search(s, literal);
    REQUIRE(l.hits.size() == 1);
    CHECK(l.hits[0].id == "tj-law-ru/art_2");
    CHECK(versions_of(l.hits[0]) == std::vector<std::string>{"tj-law-tg/art_2"});

    // Separate versions: each is a hit, with nothing listed under it.
    SearchRequest separate = query("охранный ордер");
    separate.versions = VersionMode::separate;
    auto sep = run_search(s, separate);
    CHECK(hit_ids(sep).count("tj-law-tg/art_2"));
    CHECK(hit_ids(sep).count("tj-law-ru/art_2"));
    CHECK(sep.total == r.total + 1);
    for (const auto& h : sep.hits) CHECK(h.versions.empty());

    // Equal weights (browsing) are settled by document id, not by indexing order.
    SearchRequest browse;
    auto b = run_search(s, browse);
    bool seen = false;
    for (const auto& h : b.hits)
        if (h.version_group == "tj-law") {
            seen = true;
            CHECK(h.id == "tj-law-tg");
            CHECK(versions_of(h) == std::vector<std::string>{"tj-law-ru+"});  // browsing: every version "matches"
        }
    CHECK(seen);

    CHECK_THROWS_AS(parse_enum<VersionMode>("merge", "versions"), BadRequest);
}

TEST_CASE("grouped paging stays exact when texts have more versions than the first fetch allows for") {
    // One work in four languages, 80 articles each: 320 records, 80 texts. The
    // first fetch (3 records per wanted text) holds too few texts, so a second,
    // larger one runs; the counts must not include any match twice.
    std::vector<Document> docs;
    for (const char* lang : {"tg", "ru", "en", "de"}) {
        std::vector<std::pair<std::string, std::string>> provisions;
        for (int i = 1; i <= 80; ++i) provisions.push_back({std::to_string(i), "zebra crossing rule " + std::to_string(i)});
        docs.push_back(testing::make_document(std::string("code-") + lang, "TJ", lang, "code", "2020", "Code", provisions, "code"));
    }
    testing::TestIndex index(docs);
    IndexView s({index.path()});
    SearchRequest r = query("zebra");
    r.lang = QueryLanguage::en;
    r.per_page = 10;
    std::set<std::string> groups;
    for (r.page = 1; r.page <= 9; ++r.page) {
        auto page = run_search(s, r);
        CHECK(page.total == 80);
        CHECK(page.total_versions == 320);
        CHECK(facet_count(page, "lang", "de") == 80);
        for (const auto& h : page.hits) {
            CHECK(groups.insert(h.version_group).second);
            CHECK(h.versions.size() == 3);
        }
        if (r.page == 9) CHECK(page.hits.empty());
    }
    CHECK(groups.size() == 80);
}

TEST_CASE("texts are counted exactly past the counting table's growth") {
    // 1,800 texts (three works of 600 articles, one language each) and one work of
    // 600 articles in two languages: 2,400 texts, 3,000 records.
    std::vector<Document> docs;
    auto articles = [] {
        std::vector<std::pair<std::string, std::string>> p;
        for (int i = 1; i <= 600; ++i) p.push_back({std::to_string(i), "ordinance clause " + std::to_string(i)});
        return p;
    };
    for (const char* id : {"a", "b", "c"}) docs.push_back(testing::make_document(id, "GE", "en", "law", "2019", "Act", articles()));
    for (const char* lang : {"ru", "en"})
        docs.push_back(testing::make_document(std::string("d-") + lang, "MD", lang, "law", "2019", "Act", articles(), "d"));
    testing::TestIndex index(docs);
    IndexView s({index.path()});
    auto r = run_search(s, query("ordinance"));
    CHECK(r.total == 2400);
    CHECK(r.total_versions == 3000);
}

TEST_CASE("year range and date sort") {
    testing::TestIndex index;
    IndexView s({index.path()});
    SearchRequest r = query("", "document");
    r.year_from = 2013;
    auto result = run_search(s, r);
    CHECK(result.total == 2);           // the Tajik law (tg, ru: one work) and the 2024 report
    CHECK(result.total_versions == 3);
    r.year_from.reset();
    r.sort = SortOrder::date;
    result = run_search(s, r);
    REQUIRE(result.hits.size() == 3);
    CHECK(result.hits.front().year == 2024);
    CHECK(result.hits.back().year == 2012);
}

TEST_CASE("documents in date order sort on the slots only document records hold") {
    testing::TestIndex index;
    IndexView s({index.path()});
    const Xapian::Database& db = s.db();
    // Every document record holds its date and index stamp twice; no provision record does.
    std::vector<std::pair<std::string, std::string>> by_date, by_indexed;  // (value, document id)
    for (Xapian::docid did = 1; did <= db.get_lastdocid(); ++did) {
        const Xapian::Document record = db.get_document(did);
        const bool document = record.get_value(terms::kSlotOrdinal) == Xapian::sortable_serialise(-1);
        CAPTURE(record.get_value(terms::kSlotDocumentId));
        if (!document) {
            CHECK(record.get_value(terms::kSlotDocumentDate).empty());
            CHECK(record.get_value(terms::kSlotDocumentIndexed).empty());
            continue;
        }
        CHECK(record.get_value(terms::kSlotDocumentDate) == record.get_value(terms::kSlotDate));
        CHECK(record.get_value(terms::kSlotDocumentIndexed) == record.get_value(terms::kSlotIndexed));
        by_date.emplace_back(record.get_value(terms::kSlotDate), record.get_value(terms::kSlotDocumentId));
        by_indexed.emplace_back(record.get_value(terms::kSlotIndexed), record.get_value(terms::kSlotDocumentId));
    }
    REQUIRE(by_date.size() == 4);
    // A browse of every version, newest first, is the order of those values.
    for (auto [sort, values] : {std::pair{SortOrder::date, by_date}, std::pair{SortOrder::indexed, by_indexed}}) {
        std::sort(values.rbegin(), values.rend());
        SearchRequest r = query("", "document");
        r.versions = VersionMode::separate;
        r.sort = sort;
        const SearchResult result = run_search(s, r);
        std::vector<std::string> got, expected;
        for (const auto& h : result.hits) got.push_back(h.id);
        for (const auto& [value, id] : values) expected.push_back(id);
        CHECK(got == expected);
    }
}

TEST_CASE("phrase queries respect word order") {
    testing::TestIndex index;
    IndexView s({index.path()});
    CHECK(run_search(s, query("\"restraining order\"")).total == 1);
    CHECK(run_search(s, query("\"order restraining\"")).total == 0);
    CHECK(run_search(s, query("\"амали қасдонаи\"")).total == 1);
    CHECK(run_search(s, query("\"қасдонаи амали\"")).total == 0);
}

TEST_CASE("whole-document hits and browse scope") {
    testing::TestIndex index;
    IndexView s({index.path()});
    // words from two different articles: only the whole document has both
    SearchRequest strict = query("restraining misdemeanour", "all");
    strict.relax = false;
    auto r = run_search(s, strict);
    REQUIRE(r.total == 1);
    CHECK(r.hits[0].kind == "document");
    CHECK(r.hits[0].id == "ba-law-en");
    SearchRequest browse;
    CHECK(run_search(s, browse).total == 3);  // an empty query lists documents, one per work
    browse.versions = VersionMode::separate;
    CHECK(run_search(s, browse).total == 4);
}

TEST_CASE("snippets escape HTML from the corpus") {
    testing::TestIndex index;
    IndexView s({index.path()});
    auto r = run_search(s, query("script"));
    REQUIRE(r.hits.size() == 1);
    CHECK(snippet_html(r.hits[0].snippet).find("<script>") == std::string::npos);
    CHECK(snippet_html(r.hits[0].snippet).find("&lt;<mark>script</mark>&gt;") != std::string::npos);
    CHECK(snippet_html(r.hits[0].snippet).find("&quot;quotes&quot;") != std::string::npos);
}

TEST_CASE("did you mean, from the index's own words") {
    testing::TestIndex index;
    IndexView s({index.path()});
    auto r = run_search(s, query("restrainig order"));
    REQUIRE(r.suggestion);
    CHECK(*r.suggestion == "restraining order");
    CHECK_FALSE(run_search(s, query("restraining order")).suggestion);
}

TEST_CASE("documents come back with provisions in order and their other language versions") {
    testing::TestIndex index;
    IndexView s({index.path()});
    auto doc = encoded(find_document(s, "tj-law-ru"));
    REQUIRE(doc);
    CHECK((*doc)["title"] == "Закон о профилактике насилия в семье");
    REQUIRE((*doc)["provisions"].size() == 3);
    CHECK((*doc)["provisions"][0]["unit_id"] == "art_1");
    CHECK((*doc)["provisions"][2]["unit_id"] == "art_3");
    REQUIRE((*doc)["versions"].size() == 1);
    CHECK((*doc)["versions"][0]["id"] == "tj-law-tg");
    CHECK_FALSE(find_document(s, "no-such-doc"));
}

TEST_CASE("bad requests are refused with BadRequest") {
    testing::TestIndex index;
    IndexView s({index.path()});
    SearchRequest r;
    r.query = std::string(2000, 'a');
    CHECK_THROWS_AS(run_search(s, r), BadRequest);
    r = SearchRequest{};
    r.per_page = 101;
    CHECK_THROWS_AS(run_search(s, r), BadRequest);
    r = SearchRequest{};
    r.page = 5000;
    r.per_page = 100;
    CHECK_THROWS_AS(run_search(s, r), BadRequest);
    r = SearchRequest{};
    r.query = "\xff\xfe";
    CHECK_THROWS_AS(run_search(s, r), BadRequest);
    r = SearchRequest{};
    r.filters["colour"] = {"red"};
    CHECK_THROWS_AS(run_search(s, r), BadRequest);
}

TEST_CASE("a filter value no text has is a 400 listing the values the index has, not 0 hits") {
    testing::TestIndex index;
    IndexView s({index.path()});
    auto refusal = [&](const std::string& facet, const std::string& value) {
        SearchRequest r;
        r.filters[facet] = {value};
        try {
            run_search(s, r);
        } catch (const BadRequest& e) {
            return e.text();
        }
        FAIL("accepted " << facet << "=" << value);
        return Localized{};
    };
    Localized type = refusal("type", "laws");
    CHECK(type.en == "no text of the collection has type 'laws' (it has: law, report)");
    CHECK(type.ru.find("law, report") != std::string::npos);
    CHECK(type.tg.find("law, report") != std::string::npos);
    CHECK(refusal("jurisdiction", "XX").en.find("(it has: BA-SRP, GE, TJ)") != std::string::npos);
    CHECK(refusal("year", "1999").en.find("(it has: 2012, 2013, 2024)") != std::string::npos);
    CHECK(refusal("lang", "de").en.find("en, ru, tg") != std::string::npos);
    refusal("body", "no-such-body");
    refusal("audience", "police");
    refusal("topic", "shelters");  // no thesaurus, and no text about it
    // Values as the facets give them, in any case, are taken; a legal state no text is in is an answer: none.
    SearchRequest r;
    r.filters["jurisdiction"] = {"tj", "BA-SRP"};
    r.filters["type"] = {"law"};
    r.filters["year"] = {"2013"};
    CHECK(run_search(s, r).total > 0);
    r = SearchRequest{};
    r.filters["status"] = {"expired"};
    CHECK(run_search(s, r).total == 0);
    // In the query as in the parameter.
    r = SearchRequest{};
    r.query = "jurisdiction:XX ордер";
    CHECK_THROWS_AS(run_search(s, r), BadRequest);
    r.query = "ордер -type:laws";  // negated, it would leave nothing out without a word
    CHECK_THROWS_AS(run_search(s, r), BadRequest);
    // A concept of the thesaurus no text is about is a finding (none), not a typo.
    testing::TestIndex with_thesaurus(testing::sample_documents(), testing::sample_thesaurus());
    IndexView t({with_thesaurus.path()});
    r = SearchRequest{};
    r.filters["topic"] = {"shelters"};
    CHECK_NOTHROW(run_search(t, r));
    r.filters["topic"] = {"no-such-concept"};
    CHECK_THROWS_AS(run_search(t, r), BadRequest);
}

TEST_CASE("health counts documents and provisions") {
    testing::TestIndex index;
    IndexView s({index.path()});
    auto h = index_health(s);
    CHECK(h.documents == 4);
    CHECK(h.provisions == 13);
}

TEST_CASE("few texts with every word: the search relaxes to most of the words, strict matches first") {
    testing::TestIndex index;
    IndexView s({index.path()});
    // "restraining" and "court" are in art 3, "fine" only in art 4: nothing has all three
    SearchRequest r = query("restraining court fine");
    r.scope = Scope::provision;
    r.relax = false;
    CHECK(run_search(s, r).total == 0);
    r.relax = true;
    auto relaxed = run_search(s, r);
    CHECK(relaxed.interpretation.relaxed);
    REQUIRE(relaxed.total >= 2);
    CHECK(relaxed.hits[0].id == "ba-law-en/art_3");  // two of the three words
    // one word: nothing to relax
    auto one = run_search(s, query("nonexistentword"));
    CHECK(one.total == 0);
    CHECK_FALSE(one.interpretation.relaxed);
}

TEST_CASE("a query word too long to be an index term is refused, not ignored") {
    testing::TestIndex index;
    IndexView s({index.path()});
    // Before: the word vanished and "violence <long>" returned what "violence" returns.
    CHECK_THROWS_AS(run_search(s, query("violence " + std::string(300, 'x'))), BadRequest);
    CHECK_THROWS_AS(run_search(s, query(std::string(200, 'y'))), BadRequest);
    CHECK_NOTHROW(run_search(s, query("violence")));
}

TEST_CASE("beside a concept the other words rank: texts with them first, the concept's other texts after") {
    testing::TestIndex index(testing::sample_documents(), testing::sample_thesaurus());
    IndexView s({index.path()});
    SearchRequest r = query("protection order fine");
    r.scope = Scope::provision;
    r.versions = VersionMode::separate;
    r.relax = false;  // the small index has fewer than a page of texts: it would relax
    auto result = run_search(s, r);
    CHECK(result.interpretation.concepts == std::vector<std::string>{"protection-orders"});
    INFO(result.hits.size());
    REQUIRE(result.hits.size() >= 3);
    CHECK(result.hits[0].id == "ba-law-en/art_4");  // the protection-order provision that has "fine"
    bool tajik = false;
    for (const auto& h : result.hits) tajik = tajik || h.id == "tj-law-tg/art_2";
    CHECK(tajik);  // the Tajik one about protection orders, though it cannot contain "fine"
}

TEST_CASE("highlights mark only the query words this hit holds") {
    testing::TestIndex index;
    IndexView s({index.path()});
    SearchRequest r = query("police OR restraining");
    r.scope = Scope::provision;
    for (const auto& h : run_search(s, r).hits) {
        if (h.id == "ba-law-en/art_3") {
            CHECK(snippet_html(h.snippet).find("<mark>restraining</mark>") != std::string::npos);
            CHECK(snippet_html(h.snippet).find("<mark>police") == std::string::npos);
        }
    }
}

TEST_CASE("highlights mark a hit's other forms of a query word: by stem, and a stem stored as the word itself") {
    // "orders" finds "ordered" through the stem (Zorder); "courts" finds
    // "court", a word that is its own stem and is stored as the word.
    testing::TestIndex index({testing::make_document("d", "GE", "en", "law", "2006-01-01", "Law",
                                                     {{"1", "The judge ordered the court to act."}})});
    IndexView s({index.path()});
    SearchRequest r = query("orders courts");
    r.scope = Scope::provision;
    r.correct = false;
    auto result = run_search(s, r);
    REQUIRE(result.hits.size() == 1);
    const std::string html = snippet_html(result.hits[0].snippet);
    CAPTURE(html);
    CHECK(html.find("<mark>ordered</mark>") != std::string::npos);
    CHECK(html.find("<mark>court</mark>") != std::string::npos);
    CHECK(html.find("<mark>judge") == std::string::npos);
}

TEST_CASE("question words are dropped and reported") {
    testing::TestIndex index;
    IndexView s({index.path()});
    auto result = run_search(s, query("who may remove the perpetrator from the home?"));
    CHECK(result.interpretation.question_words == std::vector<std::string>{"who"});
    CHECK(result.total >= 1);
}

TEST_CASE("browsing and date order show each text in the UI language where that version matches") {
    testing::TestIndex index;
    IndexView s({index.path()});
    for (const std::string ui : {"ru", "tg"}) {
        for (const std::string q : {"", "ордер"}) {
            for (const SortOrder order : {SortOrder::relevance, SortOrder::date, SortOrder::indexed}) {
                SearchRequest r = query(q, "provision");
                r.ui_lang = parse_enum<UiLanguage>(ui, "ui");
                r.sort = order;
                CAPTURE(ui);
                CAPTURE(q);
                CAPTURE(name(order));
                const SearchResult result = run_search(s, r);
                int tajik_law = 0;
                for (const SearchHit& h : result.hits) {
                    if (h.document_id.rfind("tj-law-", 0) != 0) continue;
                    ++tajik_law;
                    CHECK(h.lang == ui);  // the law has tg and ru versions of every article
                }
                CHECK(tajik_law > 0);
            }
        }
    }
}

TEST_CASE("facet filters written in the query (jurisdiction:TJ, lang:ru) are the request's filters") {
    testing::TestIndex index;
    IndexView s({index.path()});
    SearchRequest filtered = query("ордер");
    filtered.filters["jurisdiction"] = {"TJ"};
    const SearchResult by_parameter = run_search(s, filtered);
    const SearchResult in_query = run_search(s, query("jurisdiction:TJ ордер"));
    CHECK(in_query.total == by_parameter.total);
    CHECK(hit_ids(in_query) == hit_ids(by_parameter));
    CHECK(in_query.interpretation.filters.at("jurisdiction") == std::vector<std::string>{"TJ"});
    CHECK(in_query.interpretation.words == "ордер");
    // A filter alone browses under it; two facets AND, one facet's values OR.
    SearchRequest tj = query("");
    tj.filters["jurisdiction"] = {"TJ"};
    CHECK(run_search(s, query("jurisdiction:TJ")).total == run_search(s, tj).total);
    SearchRequest tj_ru = tj;
    tj_ru.filters["lang"] = {"ru"};
    CHECK(run_search(s, query("lang:ru jurisdiction:TJ")).total == run_search(s, tj_ru).total);
    SearchRequest two = query("");
    two.filters["jurisdiction"] = {"TJ", "GE"};
    CHECK(run_search(s, query("jurisdiction:TJ jurisdiction:GE")).total == run_search(s, two).total);
    // A value a filter refuses is the same 400 as in the parameter.
    CHECK_THROWS_AS(run_search(s, query("year:abc violence")), BadRequest);
    // A word with a colon that names no facet stays a word; title: keeps its meaning.
    CHECK(run_search(s, query("nofacet:TJ")).interpretation.filters.empty());
    CHECK(run_search(s, query("title:law")).interpretation.filters.empty());
}

TEST_CASE("a facet filter written in the query by its label in any interface language means its value") {
    testing::TestIndex index;
    IndexView s({index.path()});
    const SearchResult by_id = run_search(s, query("type:law ордер"));
    REQUIRE(by_id.total > 0);
    for (const char* q : {"type:закон ордер", "type:қонун ордер", "type:конун ордер", "type:ЗАКОН ордер"}) {
        CAPTURE(q);
        const SearchResult by_label = run_search(s, query(q));
        CHECK(by_label.total == by_id.total);
        CHECK(by_label.interpretation.filters.at("type") == std::vector<std::string>{"law"});
    }
    CHECK(run_search(s, query("ордер -type:закон")).total == run_search(s, query("ордер -type:law")).total);
    // A value neither an id nor a label is still refused.
    CHECK_THROWS_AS(run_search(s, query("type:laws ордер")), BadRequest);
}

TEST_CASE("a word ending in * finds the words that begin so, marked in the snippet; under three letters it is a word") {
    testing::TestIndex index;
    IndexView s({index.path()});
    const SearchResult prefix = run_search(s, query("орде*"));
    REQUIRE(prefix.total > 0);
    CHECK(prefix.total >= run_search(s, query("ордер")).total);
    bool marked = false;
    for (const SearchHit& h : prefix.hits) marked |= snippet_html(h.snippet).find("<mark>") != std::string::npos;
    CHECK(marked);
    CHECK_FALSE(prefix.suggestion);
    // English too; the words themselves, not their stems or translations.
    CHECK(run_search(s, query("viol*")).total == run_search(s, query("violence")).total);
    // "ор*" is too short to stand for words: it is read as the word "ор".
    CHECK(run_search(s, query("ор*")).total == run_search(s, query("ор")).total);
}

TEST_CASE("a Tajik prefix typed with keyboard substitutes finds the words written with their Tajik letters") {
    testing::TestIndex index({testing::make_document("tg", "TJ", "tg", "law", "2013-01-01", "Қонун",
                                                     {{"1", "Зӯроварӣ дар оила манъ аст."},
                                                      {"2", "Зӯроварони такрорӣ ҷавобгар мешаванд."},
                                                      {"3", "Оила ҳифз карда мешавад."}})});
    IndexView s({index.path()});
    const long typed_right = run_search(s, query("зӯровар*")).total;
    CHECK(typed_right == 2);
    CHECK(run_search(s, query("зуровар*")).total == typed_right);  // ӯ typed as у
    CHECK(run_search(s, query("хифз*")).total == 1);               // ҳ typed as х
    // A prefix typed with its Tajik letters is taken as spelled.
    CHECK(run_search(s, query("ҳифз*")).total == 1);
}
