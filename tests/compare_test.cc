// Cross-language search, topics, comparison, coverage matrix and related
// passages over a small trilingual index with a thesaurus.
#include <doctest/doctest.h>

#include <set>

#include "search/compare.h"
#include "search/index_view.h"
#include "search/related.h"
#include "search/topic_service.h"
#include "search/search_service.h"
#include "server/api_json.h"
#include "test_index.h"

using namespace himoya;
using nlohmann::json;

namespace {

struct Fixture {
    testing::TestIndex index{testing::sample_documents(), testing::sample_thesaurus()};
    IndexView view{{index.path()}};
};

// Languages of the hits and of the versions listed under them that match too.
std::set<std::string> langs_of(const SearchResult& r) {
    std::set<std::string> out;
    for (const auto& h : r.hits) {
        out.insert(h.lang);
        for (const auto& v : h.versions)
            if (v.matched) out.insert(v.lang);
    }
    return out;
}

// A provision search for `q`, 50 per page.
SearchRequest provisions(const std::string& q, const std::string& versions = "group") {
    SearchRequest r;
    r.query = q;
    r.scope = Scope::provision;
    r.per_page = 50;
    r.versions = parse_enum<VersionMode>(versions, "versions");
    return r;
}

// The ids of `count` hits fetched one per page; each page must report `total`.
std::vector<std::string> one_per_page(IndexView& view, SearchRequest r, size_t count, long total) {
    std::vector<std::string> ids;
    r.per_page = 1;
    for (r.page = 1; r.page <= static_cast<int>(count); ++r.page) {
        auto one = run_search(view, r);
        REQUIRE(one.hits.size() == 1);
        CHECK(one.total == total);
        ids.push_back(one.hits[0].id);
    }
    return ids;
}

std::vector<std::string> ids_of(const SearchResult& r) {
    std::vector<std::string> ids;
    for (const auto& h : r.hits) ids.push_back(h.id);
    return ids;
}

}  // namespace

TEST_CASE("an English query finds the Russian and Tajik provisions through the thesaurus") {
    Fixture f;
    SearchRequest r = provisions("protection order");
    auto result = run_search(f.view, r);
    CHECK(langs_of(result) == std::set<std::string>{"en", "ru", "tg"});
    CHECK(result.expanded_concepts == std::vector<std::string>{"protection-orders"});
    // literal matches rank above expansions
    CHECK(result.hits.front().lang == "en");
    // Each version as a hit of its own: the Russian one has its words marked.
    r.versions = VersionMode::separate;
    bool ru_marked = false;
    for (const auto& h : run_search(f.view, r).hits)
        if (h.id == "tj-law-ru/art_2") ru_marked = !h.snippet.marks.empty() &&
                                                  h.matched_concepts == std::vector<std::string>{"protection-orders"};
    CHECK(ru_marked);

    r.cross_language = false;
    CHECK(langs_of(run_search(f.view, r)) == std::set<std::string>{"en"});
    r.versions = VersionMode::group;
    CHECK(langs_of(run_search(f.view, r)) == std::set<std::string>{"en"});
}

TEST_CASE("a Russian and a Tajik query reach the English provisions") {
    Fixture f;
    SearchRequest r = provisions("охранный ордер");
    CHECK(langs_of(run_search(f.view, r)).count("en"));
    r.query = "ордери ҳимоявӣ";
    CHECK(langs_of(run_search(f.view, r)).count("en"));
    // the query's other words rank the cross-language hits
    r.query = "ордери ҳимоявӣ misdemeanour";
    auto narrowed = run_search(f.view, r);
    REQUIRE(narrowed.hits.size() > 1);
    CHECK(narrowed.hits[0].id == "ba-law-en/art_4");
    // and are required of the literal matches when matching is strict: "ҳимоявӣ"
    // appears only in the Tajik art 2, "misdemeanour" only in English
    r.cross_language = false;
    r.relax = false;
    CHECK(run_search(f.view, r).total == 0);
    // relaxed (the default when every word together finds few texts): most of the words do
    r.relax = true;
    auto relaxed = run_search(f.view, r);
    CHECK(relaxed.total > 0);
    CHECK(relaxed.interpretation.relaxed);
}

TEST_CASE("versions=separate: the language versions of a provision are ranked together, and paging keeps that order") {
    Fixture f;
    SearchRequest r = provisions("ордери ҳимоявӣ", "separate");
    auto all = run_search(f.view, r);
    REQUIRE(all.hits.size() >= 3);
    // The Tajik article matched literally; its Russian version, reached only
    // through the thesaurus, follows it before any other text.
    CHECK(all.hits[0].id == "tj-law-tg/art_2");
    CHECK(all.hits[1].id == "tj-law-ru/art_2");
    CHECK(all.hits[0].version_group == all.hits[1].version_group);
    CHECK(all.hits[0].version_group != all.hits[2].version_group);

    // One hit per page walks the same order.
    CHECK(one_per_page(f.view, r, all.hits.size(), all.total) == ids_of(all));

    // cross_language=false (and strict): the matcher's order, and the Russian text is not reached at all.
    r.cross_language = false;
    r.relax = false;
    for (const auto& h : run_search(f.view, r).hits) CHECK(h.lang == "tg");
}

TEST_CASE("versions=group: one hit per text, the same on every page size") {
    Fixture f;
    SearchRequest r = provisions("ордери ҳимоявӣ");
    auto all = run_search(f.view, r);
    REQUIRE(all.hits.size() >= 2);
    // The Tajik article matched literally and stands for its text; the Russian
    // version, reached through the thesaurus, is listed under it.
    CHECK(all.hits[0].id == "tj-law-tg/art_2");
    REQUIRE(all.hits[0].versions.size() == 1);
    CHECK(all.hits[0].versions[0].id == "tj-law-ru/art_2");
    CHECK(all.hits[0].versions[0].matched);
    std::set<std::string> groups;
    for (const auto& h : all.hits) CHECK(groups.insert(h.version_group).second);
    CHECK(all.total == static_cast<long>(all.hits.size()));
    CHECK(one_per_page(f.view, r, all.hits.size(), all.total) == ids_of(all));
}

TEST_CASE("topics list concepts with counts; a topic groups provisions by jurisdiction") {
    Fixture f;
    auto topics = encoded(list_topics(f.view));
    REQUIRE(topics);
    CHECK((*topics)["concepts"].size() == 4);
    auto topic = encoded(topic_page(f.view, "protection-orders", 10));
    REQUIRE(topic);
    std::set<std::string> jurisdictions;
    for (const auto& g : (*topic)["by_jurisdiction"]) jurisdictions.insert(g["jurisdiction"].get<std::string>());
    CHECK(jurisdictions == std::set<std::string>{"BA-SRP", "GE", "TJ"});
    CHECK_FALSE(topic_page(f.view, "no-such-topic", 10));
}

TEST_CASE("compare: one column per jurisdiction, gaps explicit") {
    Fixture f;
    CompareRequest r;
    r.jurisdictions = {"TJ", "BA-SRP"};
    r.topic = "emergency-protection-orders";
    auto out = to_json(compare_jurisdictions(f.view, r));
    REQUIRE(out["columns"].size() == 2);
    CHECK(out["columns"][0]["jurisdiction"] == "TJ");
    CHECK(out["columns"][0]["gap"] == true);   // the Tajik sample says nothing of removal from the home
    CHECK(out["columns"][1]["gap"] == false);
    CHECK(out["columns"][1]["provisions"][0]["id"] == "ba-law-en/art_2");
    r.topic.clear();
    r.istanbul_article = "53";
    out = to_json(compare_jurisdictions(f.view, r));
    CHECK(out["columns"][0]["gap"] == false);
    // each document shown comes with its other language versions (tj-law-tg and tj-law-ru are one work)
    bool tajik_shown = false;
    for (const auto& h : out["columns"][0]["provisions"]) {
        std::string doc = h["document_id"];
        REQUIRE(out["versions"].contains(doc));
        if (doc == "tj-law-tg") {
            tajik_shown = true;
            REQUIRE(out["versions"][doc].size() == 1);
            CHECK(out["versions"][doc][0]["id"] == "tj-law-ru");
        }
    }
    CHECK(tajik_shown);
    r.istanbul_article = "99";
    CHECK_THROWS_AS(compare_jurisdictions(f.view, r), BadRequest);
    r.istanbul_article.clear();
    CHECK_THROWS_AS(compare_jurisdictions(f.view, r), BadRequest);  // no topic, ic or q
    r.query = "shelter";
    r.jurisdictions = {"TJ"};
    CHECK_THROWS_AS(compare_jurisdictions(f.view, r), BadRequest);  // one jurisdiction
}

TEST_CASE("compare by words: a misspelt word is compared in its corrected spelling; words matching nothing anywhere are no gaps") {
    Fixture f;
    CompareRequest r;
    r.jurisdictions = {"TJ", "BA-SRP"};
    r.query = "shelter";
    const CompareResult right = compare_jurisdictions(f.view, r);
    CHECK(right.corrected.empty());
    CHECK(right.matched_anywhere);
    r.query = "sheltr";
    const CompareResult typo = compare_jurisdictions(f.view, r);
    CHECK(typo.query == "sheltr");
    CHECK(typo.corrected == "shelter");
    CHECK(typo.matched_anywhere);
    REQUIRE(typo.columns.size() == right.columns.size());
    for (size_t i = 0; i < typo.columns.size(); ++i) CHECK(typo.columns[i].total == right.columns[i].total);
    r.query = "qqzzxxvv";
    const CompareResult nothing = compare_jurisdictions(f.view, r);
    CHECK_FALSE(nothing.matched_anywhere);
    CHECK(nothing.corrected.empty());
    auto out = to_json(nothing);
    CHECK(out["matched_anywhere"] == false);
    CHECK(out["corrected"].is_null());
}

TEST_CASE("compare by words: a slip that matches through its stem but hides a concept is compared in the spelling that names it") {
    testing::TestIndex index(
        {testing::make_document("kg", "KG", "ru", "law", "2017-04-27", "Закон",
                                {{"1", "Временный охранный ордер выдаёт милиция."}}),
         testing::make_document("tj", "TJ", "ru", "law", "2013-03-19", "Закон",
                                {{"1", "Охранный ордер выносит орган внутренних дел."}}),
         testing::make_document("tj-family", "TJ", "ru", "code", "2013-03-19", "Кодекс",
                                {{"1", "Об охране семьи; ордер адвоката."}}),
         testing::make_document("kz", "KZ", "ru", "law", "2009-12-04", "Закон",
                                {{"1", "Охранный ордер действует десять суток."}})},
        testing::sample_thesaurus());
    IndexView view({index.path()});
    CompareRequest r;
    r.jurisdictions = {"TJ", "KG", "KZ"};
    r.query = "охраный ордер";
    const CompareResult typo = compare_jurisdictions(view, r);
    CHECK(typo.corrected == "охранный ордер");
    REQUIRE(typo.columns.size() == 3);
    for (const auto& c : typo.columns) CHECK_MESSAGE(c.total > 0, c.jurisdiction);  // no column a gap
}

TEST_CASE("compare by words: a label's words scattered over a text do not cover it; the label named does") {
    testing::TestIndex index(testing::scattered_label_documents(), testing::sample_thesaurus());
    IndexView view({index.path()});
    CompareRequest r;
    r.jurisdictions = {"KG", "MD"};
    r.query = "protection order";
    const CompareResult result = compare_jurisdictions(view, r);
    REQUIRE(result.columns.size() == 2);
    CHECK(result.columns[0].jurisdiction == "KG");
    CHECK(result.columns[0].total == 0);  // a gap
    CHECK(result.columns[1].total == 1);
    // Words that form no label cover where they occur.
    r.query = "court witnesses";
    CHECK(compare_jurisdictions(view, r).columns[0].total == 1);
}

TEST_CASE("compare: a gap lists the texts that only mention the subject, so that it can be judged") {
    // Moldova's amending law names stalking in a list; Tajikistan's code is about it.
    Document tj = testing::make_document("tj", "TJ", "en", "code", "2020-01-01", "Code",
                                         {{"1", "Stalking is an offence punished by a fine."}});
    tj.provisions[0].topics = {"stalking"};
    Document md = testing::make_document("md", "MD", "en", "law", "2016-01-01", "Amending law",
                                         {{"1", "The 2016 package amended many articles of the law and, among other "
                                                "things, added stalking, legal aid and a helpline."}});
    const std::string thesaurus = testing::sample_thesaurus_with(
        "<concept id=\"stalking\"><prefLabel lang=\"en\">stalking</prefLabel><prefLabel lang=\"ru\">преследование</prefLabel>"
        "<prefLabel lang=\"tg\">таъқиб</prefLabel></concept>");
    testing::TestIndex index({tj, md}, thesaurus);
    IndexView view({index.path()});
    CompareRequest r;
    r.jurisdictions = {"TJ", "MD"};
    r.topic = "stalking";
    const CompareResult result = compare_jurisdictions(view, r);
    REQUIRE(result.columns.size() == 2);
    CHECK(result.columns[0].total == 1);
    CHECK(result.columns[0].mentioned.empty());
    CHECK(result.columns[1].total == 0);  // a gap: no provision about stalking
    CHECK(result.columns[1].mentions_total == 1);
    REQUIRE(result.columns[1].mentioned.size() == 1);
    CHECK(result.columns[1].mentioned[0].hit.document_id == "md");
    CHECK(result.columns[1].mentioned[0].relevance == "mentions");
    CHECK(to_json(result)["columns"][1]["mentioned"].size() == 1);
}

TEST_CASE("compare and the matrix: a text saying the law has no provision on a subject is a stated gap, shown with the mentions") {
    // Tajikistan's code summary says there is no separate offence; Georgia's law has one.
    Document tj = testing::make_document("tj", "TJ", "en", "code", "2020-01-01", "Code",
                                         {{"none", "The Code has no separate offence of domestic violence; general assault articles apply."},
                                          {"harm", "Beatings and harm to health are punished by the general articles."}});
    tj.provisions[0].topics = {"criminalisation", "criminal-liability"};
    tj.provisions[0].absent = {"criminalisation"};
    tj.provisions[1].topics = {"criminal-liability"};
    Document ge = testing::make_document("ge", "GE", "en", "code", "2017-01-01", "Code",
                                         {{"126-1", "Domestic violence is a crime punished by imprisonment."}});
    ge.provisions[0].topics = {"criminalisation"};
    const std::string thesaurus = testing::sample_thesaurus_with(
        "<concept id=\"criminal-liability\"><prefLabel lang=\"en\">criminal liability</prefLabel>"
        "<prefLabel lang=\"ru\">уголовная ответственность</prefLabel><prefLabel lang=\"tg\">ҷавобгарии ҷиноятӣ</prefLabel></concept>"
        "<concept id=\"criminalisation\">"
        "<prefLabel lang=\"en\">criminalisation of domestic violence</prefLabel>"
        "<prefLabel lang=\"ru\">криминализация насилия в семье</prefLabel>"
        "<prefLabel lang=\"tg\">криминализатсияи зӯроварӣ дар оила</prefLabel></concept>");
    testing::TestIndex index({tj, ge}, thesaurus);
    IndexView view({index.path()});
    CompareRequest r;
    r.jurisdictions = {"TJ", "GE"};
    r.topic = "criminalisation";
    const CompareResult result = compare_jurisdictions(view, r);
    REQUIRE(result.columns.size() == 2);
    CHECK(result.columns[0].total == 0);  // not coverage
    CHECK(result.columns[0].gap() == GapKind::stated);
    CHECK(result.columns[0].stated_absent == 1);
    REQUIRE(result.columns[0].mentioned.size() == 1);
    CHECK(result.columns[0].mentioned[0].hit.id == "tj/art_none");
    CHECK(to_json(result)["columns"][0]["gap_kind"] == "stated");
    CHECK(result.columns[1].total == 1);
    CHECK(result.columns[1].gap() == GapKind::none);
    // The same text still covers the other subject it is about and does not deny.
    r.topic = "criminal-liability";
    const CompareResult broader = compare_jurisdictions(view, r);
    CHECK(broader.columns[0].total == 2);
    CHECK(broader.columns[0].gap() == GapKind::none);
    // The matrix says the same.
    MatrixRequest m;
    m.jurisdictions = {"TJ", "GE"};
    m.scheme = "thesaurus";
    const Matrix matrix = coverage_matrix(view, m);
    bool seen = false;
    for (const MatrixRow& row : matrix.rows) {
        if (row.key != "criminalisation") continue;
        seen = true;
        REQUIRE(row.cells.size() == 2);
        CHECK(row.cells[0].about == 0);
        CHECK(row.cells[0].mentions == 1);
        CHECK(row.cells[0].gap == GapKind::stated);
        CHECK(row.cells[1].about == 1);
    }
    CHECK(seen);
    // Typed as words, in any language, the answer is the same.
    for (const char* words : {"criminalisation of domestic violence", "криминализация насилия в семье"}) {
        CAPTURE(words);
        CompareRequest w;
        w.jurisdictions = {"TJ", "GE"};
        w.query = words;
        const CompareResult typed = compare_jurisdictions(view, w);
        REQUIRE(typed.columns.size() == 2);
        CHECK(typed.columns[0].total == 0);
        CHECK(typed.columns[0].gap() == GapKind::stated);
        CHECK(typed.columns[0].stated_absent == 1);
        REQUIRE(typed.columns[0].mentioned.size() == 1);
        CHECK(typed.columns[0].mentioned[0].hit.id == "tj/art_none");
        CHECK(typed.columns[1].total == 1);
    }
    // The topic page lists the text under its subject, marked and counted apart.
    const std::optional<TopicPage> page = topic_page(view, "criminalisation", 5);
    REQUIRE(page);
    for (const TopicJurisdiction& place : page->by_jurisdiction) {
        if (place.jurisdiction != "TJ") continue;
        CHECK(place.count == 1);
        CHECK(place.stated_absent == 1);
        REQUIRE(place.texts.size() == 1);
        CHECK(place.texts[0].states_absence);
    }
}

TEST_CASE("compare by words: a concept most texts hold the words of is covered only by texts naming it") {
    // "family law": every Georgian text has "family" and its law's title
    // "law", so the concept counts as common; Moldova's text is about family law.
    std::vector<Document> docs;
    std::vector<std::pair<std::string, std::string>> ge;
    for (int i = 0; i < 120; ++i)
        ge.push_back({std::to_string(i), "A family member who suffers violence of kind " + std::to_string(i) + " is protected."});
    docs.push_back(testing::make_document("ge", "GE", "en", "law", "2006-01-01", "Law on violence in the family", ge));
    Document md = testing::make_document("md", "MD", "en", "law", "2007-01-01", "Law on marriage",
                                         {{"1", "The family law of the country governs marriage and divorce."}});
    md.provisions[0].topics = {"family-law"};
    docs.push_back(md);
    const std::string thesaurus = testing::sample_thesaurus_with(
        "<concept id=\"family-law\"><prefLabel lang=\"en\">family law</prefLabel>"
        "<prefLabel lang=\"ru\">семейное право</prefLabel><prefLabel lang=\"tg\">ҳуқуқи оилавӣ</prefLabel></concept>");
    testing::TestIndex index(docs, thesaurus);
    IndexView view({index.path()});
    CompareRequest r;
    r.jurisdictions = {"GE", "MD"};
    r.query = "family law";
    const CompareResult result = compare_jurisdictions(view, r);
    REQUIRE(result.columns.size() == 2);
    CHECK(result.columns[0].total == 0);
    CHECK(result.columns[0].gap());
    CHECK(result.columns[1].total == 1);
}

TEST_CASE("compare and the matrix: a unit of a law reporting its practice is practice, not the law's coverage") {
    // Kazakhstan's law summary ends with figures on crisis centres at work; its
    // law has no provision on crisis centres among the parts held.
    Document kz = testing::make_document("kz", "KZ", "en", "law", "2009-01-01", "Law",
                                         {{"1", "The police may issue a protection order."},
                                          {"practice", "69 crisis centres were working in 2024."}});
    kz.provisions[0].topics = {"protection-orders"};
    kz.provisions[1].topics = {"shelters"};
    kz.provisions[1].role = "practice";
    Document md = testing::make_document("md", "MD", "en", "law", "2007-01-01", "Law", {{"5", "The State funds shelters."}});
    md.provisions[0].topics = {"shelters"};
    testing::TestIndex index({kz, md}, testing::sample_thesaurus());
    IndexView view({index.path()});
    CompareRequest r;
    r.jurisdictions = {"KZ", "MD"};
    r.topic = "shelters";
    const CompareResult result = compare_jurisdictions(view, r);
    REQUIRE(result.columns.size() == 2);
    CHECK(result.columns[0].total == 0);
    CHECK(result.columns[0].gap());
    CHECK(result.columns[0].practice_total == 1);  // shown as practice
    CHECK(result.columns[1].total == 1);
    // The matrix: a gap, and the passage is not among the law texts counted.
    MatrixRequest m;
    m.jurisdictions = {"KZ", "MD"};
    m.scheme = "thesaurus";
    const Matrix matrix = coverage_matrix(view, m);
    bool seen = false;
    for (const MatrixRow& row : matrix.rows) {
        if (row.key != "shelters") continue;
        seen = true;
        CHECK(row.cells[0].about == 0);
        CHECK(row.cells[0].texts == 1);
        CHECK(row.cells[1].about == 1);
    }
    CHECK(seen);
    // The topic page lists the passage under its subject, marked as practice and counted apart.
    const std::optional<TopicPage> page = topic_page(view, "shelters", 5);
    REQUIRE(page);
    bool listed = false;
    for (const TopicJurisdiction& place : page->by_jurisdiction) {
        REQUIRE(place.texts.size() == 1);
        if (place.jurisdiction == "KZ") {
            listed = true;
            CHECK(place.practice == 1);
            CHECK(place.texts[0].reports_practice);
        } else {
            CHECK(place.practice == 0);
            CHECK_FALSE(place.texts[0].reports_practice);
        }
    }
    CHECK(listed);
}

TEST_CASE("compare: an expired programme is no coverage by default; a monitoring body's recommendation to a state is practice, not its law") {
    auto about_shelters = [](Document d, const std::string& state = "") {
        for (Provision& p : d.provisions) p.topics = {"shelters"};
        d.legal_status.state = state;
        return d;
    };
    testing::TestIndex index(
        {about_shelters(testing::make_document("law", "TJ", "en", "law", "2013-01-01", "Law", {{"1", "The state gives funding to shelters for the victims of violence in every region."}}),
                        "in-force"),
         about_shelters(testing::make_document("prog", "TJ", "en", "programme", "2014-01-01", "Programme",
                                               {{"1", "Shelters, more shelters."}}),
                        "expired"),
         about_shelters(testing::make_document("co", "TJ", "en", "recommendation", "2018-01-01", "Concluding observations",
                                               {{"1", "The Committee recommends more shelters."}})),
         about_shelters(testing::make_document("gr", "INT", "en", "recommendation", "2017-01-01", "General recommendation",
                                               {{"1", "States should provide shelters."}}))},
        testing::sample_thesaurus());
    IndexView view({index.path()});
    CompareRequest r;
    r.jurisdictions = {"TJ", "INT"};
    r.topic = "shelters";
    CompareResult result = compare_jurisdictions(view, r);
    REQUIRE(result.columns.size() == 2);
    CHECK(result.columns[0].total == 1);              // the law in force
    CHECK(result.columns[0].repealed_excluded == 1);  // the expired programme
    CHECK(result.columns[0].practice_total == 1);     // the Committee's recommendation to Tajikistan
    CHECK(result.columns[1].total == 1);              // a general recommendation is INT's standard
    r.include_repealed = true;
    const CompareResult all = compare_jurisdictions(view, r);
    CHECK(all.columns[0].total == 2);
    // Current law first, though the expired programme's short text says "shelters" twice and scores higher.
    REQUIRE(all.columns[0].provisions.size() == 2);
    CHECK(all.columns[0].provisions[0].hit.document_id == "law");
    // The matrix counts alike.
    MatrixRequest m;
    m.jurisdictions = {"TJ"};
    m.scheme = "thesaurus";
    Matrix matrix = coverage_matrix(view, m);
    CHECK(matrix.texts["TJ"] == 1);
}

TEST_CASE("compare and matrix: codes in any case are the corpus's; an unknown code or language is a 400, not a column of gaps") {
    Fixture f;
    CompareRequest r;
    r.jurisdictions = {"tj", "ba-srp"};
    r.topic = "emergency-protection-orders";
    auto out = to_json(compare_jurisdictions(f.view, r));
    CHECK(out["columns"][0]["jurisdiction"] == "TJ");
    CHECK(out["columns"][1]["jurisdiction"] == "BA-SRP");
    CHECK(out["columns"][1]["gap"] == false);
    r.jurisdictions = {"TJ", "XX"};
    try {
        compare_jurisdictions(f.view, r);
        FAIL("an unknown jurisdiction was compared");
    } catch (const BadRequest& e) {
        const std::string message = e.what();
        CHECK(message.find("unknown jurisdiction 'XX'") != std::string::npos);
        CHECK(message.find("BA-SRP") != std::string::npos);  // the known codes are listed
    }
    r.jurisdictions = {"TJ", "BA-SRP"};
    r.languages = {"xx"};
    CHECK_THROWS_AS(compare_jurisdictions(f.view, r), BadRequest);
    MatrixRequest m;
    m.jurisdictions = {"ZZ"};
    CHECK_THROWS_AS(coverage_matrix(f.view, m), BadRequest);
    m.jurisdictions = {"tj"};
    CHECK(to_json(coverage_matrix(f.view, m))["jurisdictions"][0] == "TJ");
    m.languages = {"de"};
    CHECK_THROWS_AS(coverage_matrix(f.view, m), BadRequest);
    // What is typed is a code or nothing: " TJ", "TJ\0" label no column.
    r.languages = {};
    for (const std::string& bad : {std::string(" TJ"), std::string("TJ\0", 3), std::string("")}) {
        r.jurisdictions = {bad, "BA-SRP"};
        CHECK_THROWS_AS(compare_jurisdictions(f.view, r), BadRequest);
    }
    // A document type no text has would make every column a gap: a 400 naming the known types.
    r.jurisdictions = {"TJ", "BA-SRP"};
    r.types = {"zzz"};
    try {
        compare_jurisdictions(f.view, r);
        FAIL("an unknown type was compared");
    } catch (const BadRequest& e) {
        CHECK(std::string(e.what()).find("law") != std::string::npos);
    }
    r.types = {"law"};
    CHECK_NOTHROW(compare_jurisdictions(f.view, r));
    // One jurisdiction twice (in any case) is a mistake, not two columns.
    r.types = {};
    r.jurisdictions = {"TJ", "tj"};
    CHECK_THROWS_WITH_AS(compare_jurisdictions(f.view, r), "jurisdiction TJ is given twice", BadRequest);
    m.languages = {};
    m.jurisdictions = {"TJ", "BA-SRP", "TJ"};
    CHECK_THROWS_AS(coverage_matrix(f.view, m), BadRequest);
    // Function words alone name no subject: they would match nearly every text.
    r.jurisdictions = {"TJ", "BA-SRP"};
    r.topic.clear();
    for (const std::string q : {"и", "the", "ва", "the and"}) {
        r.query = q;
        CAPTURE(q);
        CHECK_THROWS_WITH_AS(compare_jurisdictions(f.view, r), "q has no searchable words", BadRequest);
    }
    // Words only excluded name no subject either; a subject beside them does.
    for (const std::string q : {"-violence", "NOT shelter", "-(shelter OR order)"}) {
        r.query = q;
        CAPTURE(q);
        CHECK_THROWS_WITH_AS(compare_jurisdictions(f.view, r), "q only excludes words: name the subject to compare by",
                             BadRequest);
    }
    r.query = "shelter -order";
    CHECK_NOTHROW(compare_jurisdictions(f.view, r));
}

TEST_CASE("compare: a jurisdiction the collection names but holds no text of is a 400, not a column of gaps") {
    Fixture f;
    CompareRequest r;
    r.topic = "shelters";
    // MD has a label (the labels table names it); the sample index has no Moldovan text.
    r.jurisdictions = {"TJ", "MD"};
    try {
        compare_jurisdictions(f.view, r);
        FAIL("a jurisdiction without texts was compared");
    } catch (const BadRequest& e) {
        CHECK(std::string(e.what()).find("no text of 'MD'") != std::string::npos);
    }
}

TEST_CASE("matrix: a jurisdiction the collection names but holds no text of is a 400 as in compare, not a column of gaps") {
    Fixture f;
    MatrixRequest m;
    for (const std::vector<std::string>& codes : {std::vector<std::string>{"MD"}, {"TJ", "md"}, {"TJ", "XX"}}) {
        m.jurisdictions = codes;
        CAPTURE(codes.back());
        try {
            coverage_matrix(f.view, m);
            FAIL("a jurisdiction without texts had a column");
        } catch (const BadRequest& e) {
            // Both name the codes that have texts, and only those.
            CHECK(std::string(e.what()).find("TJ") != std::string::npos);
            CHECK(std::string(e.what()).find("MD,") == std::string::npos);
        }
    }
    m.jurisdictions = {"TJ", "ba-srp"};
    CHECK(to_json(coverage_matrix(f.view, m))["jurisdictions"] == nlohmann::json::array({"TJ", "BA-SRP"}));
}

TEST_CASE("matrix: Istanbul articles × jurisdictions with counts and the best provision") {
    Fixture f;
    MatrixRequest r;
    r.jurisdictions = {"TJ", "BA-SRP", "GE"};
    auto m = to_json(coverage_matrix(f.view, r));
    REQUIRE(m["rows"].size() == 4);
    const auto& art53 = m["rows"][3];
    CHECK(art53["key"] == "53");
    CHECK(art53["cells"][0]["count"] == 1);  // tg and ru art 2: one text
    CHECK(art53["cells"][0]["about"] == 1);
    CHECK(art53["cells"][0]["texts"] == 3);  // the Tajik law's three articles
    CHECK(art53["cells"][1]["count"] == 3);  // BA: arts 2 (narrower: removal), 3, 4
    CHECK(!art53["cells"][1]["best"].is_null());
    r.scheme = "thesaurus";
    CHECK(to_json(coverage_matrix(f.view, r))["rows"].size() == 3);
    r.scheme = "nonsense";
    CHECK_THROWS_AS(coverage_matrix(f.view, r), BadRequest);
}

// docs/corpus-format.md, "Extent": a gap is the law's silence only where the
// collection holds the law whole; a text held in part says nothing is there,
// and one whose source covers the subject in parts not held says so by name.
TEST_CASE("compare and matrix: a gap says whether the law is silent, not in the provisions held, or covered in parts not held") {
    using testing::make_document;
    std::vector<Document> docs;
    docs.push_back(make_document("tj-whole-en", "TJ", "en", "law", "2013", "Whole Law",
                                 {{"1", "A protection order is issued to the victim."}}, "tj-whole"));
    docs.back().provisions[0].topics = {"protection-orders"};
    docs.back().extent = "whole";
    docs.push_back(make_document("tj-whole-ru", "TJ", "ru", "law", "2013", "Полный закон",
                                 {{"1", "Охранный ордер выдаётся пострадавшему."}}, "tj-whole"));
    docs.back().provisions[0].topics = {"protection-orders"};
    docs.back().extent = "whole";
    docs.back().translation_of = "tj-whole-en";
    // A practice text held in part changes nothing about the law's holdings.
    docs.push_back(make_document("tj-report", "TJ", "en", "report", "2020", "Report",
                                 {{"1", "Shelters were visited."}}));
    docs.push_back(make_document("ba-part-en", "BA-SRP", "en", "law", "2012", "Entity Law (summary)",
                                 {{"1", "A court may issue a protection order."}}, "ba-part"));
    docs.back().provisions[0].topics = {"protection-orders"};
    docs.back().not_held = {"shelters"};
    docs.push_back(make_document("ba-part-ru", "BA-SRP", "ru", "law", "2012", "Закон энтитета (краткое изложение)",
                                 {{"1", "Суд может выдать охранный ордер."}}, "ba-part"));
    docs.back().provisions[0].topics = {"protection-orders"};
    docs.back().not_held = {"shelters"};
    docs.back().translation_of = "ba-part-en";
    docs.push_back(make_document("ge-part", "GE", "en", "law", "2006", "Georgian Law (summary)",
                                 {{"1", "The police issue a restraining order."}}));
    docs.back().provisions[0].topics = {"protection-orders"};
    testing::TestIndex index(docs, testing::sample_thesaurus());
    IndexView view{{index.path()}};

    CompareRequest r;
    r.jurisdictions = {"TJ", "BA-SRP", "GE"};
    r.topic = "shelters";
    r.ui_lang = UiLanguage::ru;
    json out = to_json(compare_jurisdictions(view, r));
    REQUIRE(out["columns"].size() == 3);
    const json& tj = out["columns"][0];
    const json& ba = out["columns"][1];
    const json& ge = out["columns"][2];
    CHECK(tj["gap"] == true);
    CHECK(tj["gap_kind"] == "silent");
    CHECK(tj["holdings"] == json{{"works", 1}, {"in_part", 0}});  // two versions, one work; the report is no law
    CHECK(ba["gap_kind"] == "not-held");
    REQUIRE(ba["not_held"].size() == 1);
    CHECK(ba["not_held"][0]["work_id"] == "ba-part");
    CHECK(ba["not_held"][0]["document_id"] == "ba-part-ru");  // named in the UI language
    CHECK(ba["not_held"][0]["title"] == "Закон энтитета (краткое изложение)");
    CHECK(ge["gap_kind"] == "not-found");
    CHECK(ge["holdings"] == json{{"works", 1}, {"in_part", 1}});
    // Not a gap: no gap kind, whatever is held.
    r.topic = "protection-orders";
    out = to_json(compare_jurisdictions(view, r));
    for (const json& c : out["columns"]) {
        CHECK(c["gap"] == false);
        CHECK(c["gap_kind"].is_null());
    }

    MatrixRequest m;
    m.jurisdictions = {"TJ", "BA-SRP", "GE"};
    json matrix = to_json(coverage_matrix(view, m));
    CHECK(matrix["holdings"]["TJ"] == json{{"works", 1}, {"in_part", 0}});
    bool shelters_row = false;
    for (const json& row : matrix["rows"])
        if (row["key"] == "23") {
            shelters_row = true;
            CHECK(row["cells"][0]["gap_kind"] == "silent");
            CHECK(row["cells"][1]["gap_kind"] == "not-held");
            CHECK(row["cells"][1]["not_held"][0]["document_id"] == "ba-part-en");  // English UI
            CHECK(row["cells"][2]["gap_kind"] == "not-found");
        } else if (row["key"] == "53") {
            for (const json& cell : row["cells"]) CHECK(cell["gap_kind"].is_null());
        }
    CHECK(shelters_row);
}

// A work whose versions disagree, or an index written before extents were
// stored, cannot claim that the law is silent.
TEST_CASE("compare: a law held whole in one version only is not taken as held whole") {
    using testing::make_document;
    std::vector<Document> docs;
    docs.push_back(make_document("tj-a-en", "TJ", "en", "law", "2013", "Law", {{"1", "A protection order is issued."}}, "tj-a"));
    docs.back().extent = "whole";
    docs.push_back(make_document("tj-a-ru", "TJ", "ru", "law", "2013", "Закон", {{"1", "Выдаётся охранный ордер."}}, "tj-a"));
    docs.push_back(make_document("ge", "GE", "en", "law", "2006", "Law", {{"1", "Shelters are run by the state."}}));
    docs.back().provisions[0].topics = {"shelters"};
    testing::TestIndex index(docs, testing::sample_thesaurus());
    IndexView view{{index.path()}};
    CompareRequest r;
    r.jurisdictions = {"TJ", "GE"};
    r.topic = "shelters";
    json out = to_json(compare_jurisdictions(view, r));
    CHECK(out["columns"][0]["gap_kind"] == "not-found");
    CHECK(out["columns"][0]["holdings"] == json{{"works", 1}, {"in_part", 1}});
}

TEST_CASE("related: practice passages for a law provision and the reverse") {
    Fixture f;
    auto related = encoded(related_passages(f.view, "ba-law-en/art_3", 5, UiLanguage::en));
    REQUIRE(related);
    bool report = false;
    for (const auto& h : (*related)["practice"]) report = report || h["id"] == "ge-report-en/art_2";
    CHECK(report);
    auto back = encoded(related_passages(f.view, "ge-report-en/art_2", 5, UiLanguage::en));
    REQUIRE(back);
    CHECK((*back)["law"].size() > 0);
    CHECK_FALSE(related_passages(f.view, "nope/art_1", 5, UiLanguage::en));
}

TEST_CASE("glossary: a text about a defined term that defines nothing is no definition of it") {
    // "victims" is a defined term (under "definitions"). Tajikistan's text on
    // victims' support is about victims but defines nothing; Bosnia's
    // definitions article defines victim.
    const std::string thesaurus = testing::sample_thesaurus_with(R"(
  <concept id="definitions">
    <prefLabel lang="en">definitions</prefLabel><prefLabel lang="ru">определения</prefLabel><prefLabel lang="tg">таърифҳо</prefLabel>
  </concept>
  <concept id="victims">
    <broader>definitions</broader>
    <prefLabel lang="en">victim</prefLabel><prefLabel lang="ru">пострадавший</prefLabel><prefLabel lang="tg">ҷабрдида</prefLabel>
  </concept>
  <concept id="victim-support">
    <prefLabel lang="en">victim support</prefLabel><prefLabel lang="ru">поддержка пострадавших</prefLabel><prefLabel lang="tg">дастгирии ҷабрдида</prefLabel>
  </concept>)");
    std::vector<Document> docs;
    docs.push_back(testing::make_document("tj", "TJ", "en", "law", "2013-01-01", "Law",
                                          {{"1", "Victims receive medical and legal help."}}));
    docs.back().provisions[0].topics = {"victims", "victim-support"};
    docs.push_back(testing::make_document("ba", "BA-BIH", "en", "law", "2013-01-01", "Law",
                                          {{"1", "In this Law a victim is any person who suffered violence."}}));
    docs.back().provisions[0].topics = {"definitions", "victims"};
    testing::TestIndex index(docs, thesaurus);
    IndexView view({index.path()});
    GlossaryRequest g;
    g.concept_id = "victims";
    CompareResult result = glossary(view, g);
    std::vector<std::string> shown;
    for (const auto& column : result.columns) shown.push_back(column.jurisdiction);
    CHECK(shown == std::vector<std::string>{"BA-BIH"});
}
