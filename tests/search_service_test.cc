// The search service (search/search_service.h): a request over one view comes
// back as hits, counts and facets; a bad request is refused.
#include <doctest/doctest.h>

#include <map>
#include <set>

#include "search/index_view.h"
#include "search/search_service.h"
#include "server/api_json.h"
#include "test_index.h"

using namespace himoya;

TEST_CASE("run_search answers a query with texts, one hit per text and its other versions") {
    testing::TestIndex index;
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "насилие";
    r.scope = Scope::provision;
    SearchResult result = run_search(view, r);
    CHECK(result.total >= 1);
    REQUIRE_FALSE(result.hits.empty());
    CHECK(result.hits[0].lang == "ru");
    CHECK(result.hits[0].document_id == "tj-law-ru");
    CHECK(result.facets.count("jurisdiction") == 1);
}

TEST_CASE("a hit says whether editors indexed its document or its concepts are automatic") {
    Document indexed = testing::make_document("md-law-en", "MD", "en", "law", "2007-01-01", "Law",
                                              {{"1", "A shelter gives victims a safe place."}, {"2", "Final provisions."}});
    indexed.provisions[0].topics = {"shelters"};  // editors judged article 2 about nothing
    Document added = testing::make_document("kg-law-en", "KG", "en", "law", "2017-01-01", "Law",
                                            {{"1", "The shelter admits victims at any hour."}});
    testing::TestIndex index({indexed, added}, testing::sample_thesaurus());
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "shelter";
    r.scope = Scope::provision;
    SearchResult result = run_search(view, r);
    std::map<std::string, std::string> by;
    for (const SearchHit& h : result.hits) by[h.jurisdiction] = to_json(h)["concepts_by"];
    CHECK(by["MD"] == "editors");
    CHECK(by["KG"] == "automatic");
}

TEST_CASE("run_search browses texts by date when there is no query, language versions as one") {
    testing::TestIndex index;
    IndexView view({index.path()});
    SearchResult result = run_search(view, SearchRequest{});
    CHECK(result.total == 3);  // tj-law-tg and tj-law-ru are one text
    CHECK(result.total_versions == 4);
    REQUIRE(result.hits.size() == 3);
    CHECK(result.hits[0].id == "ge-report-en");  // the newest first
}

TEST_CASE("run_search refuses an invalid request with BadRequest") {
    testing::TestIndex index;
    IndexView view({index.path()});
    SearchRequest r;
    r.page = 0;
    CHECK_THROWS_AS(run_search(view, r), BadRequest);
}

TEST_CASE("request choices parse from their API names and refuse others, naming the accepted ones") {
    CHECK(parse_enum<SortOrder>("date", "sort") == SortOrder::date);
    CHECK(parse_enum<Scope>("", "scope") == Scope::automatic);
    CHECK(parse_enum<QueryLanguage>("auto", "qlang") == QueryLanguage::automatic);
    CHECK(parse_enum<UiLanguage>("tg", "ui") == UiLanguage::tg);
    for (VersionMode v : {VersionMode::group, VersionMode::separate})
        CHECK(parse_enum<VersionMode>(name(v), "versions") == v);
    try {
        parse_enum<SortOrder>("newest", "sort");
        FAIL("accepted an unknown sort");
    } catch (const BadRequest& e) {
        CHECK(std::string(e.what()) == "sort must be relevance, date or indexed");
    }
    CHECK_THROWS_AS(parse_enum<UiLanguage>("EN", "ui"), BadRequest);  // names are exact
    CHECK_THROWS_AS(parse_enum<Scope>("documents", "scope"), BadRequest);
}

// The index stores a stem only where it differs from the word, a folded stem
// only where it differs from the stem (docs/term-scheme.md); these check the
// search side still finds every form, and only those.
TEST_CASE("a word stored without its own stem term is found by its inflected forms") {
    testing::TestIndex index({testing::make_document("en-law", "GE", "en", "law", "2020-01-01", "A statute",
                                                     {{"1", "The court applies the law to every case."}}),
                              testing::make_document("tg-law", "TJ", "tg", "law", "2020-01-01", "Қонун",
                                                     {{"1", "Ҳуқуқи ҳар як оила ҳифз карда мешавад."}})});
    IndexView view({index.path()});
    SearchRequest r;
    r.scope = Scope::provision;
    r.query = "laws";  // stem "law": stored as the plain word "law", not as Zlaw
    CHECK(run_search(view, r).total == 1);
    r.query = "оилаҳо";  // Tajik plural: stem "оила", stored as the word itself
    CHECK(run_search(view, r).total == 1);
    r.query = "хукуки";  // keyboard substitutes for ҳуқуқи: the folded layer
    CHECK(run_search(view, r).total == 1);
}

TEST_CASE("a stem that is a stopword is not matched by the stopword itself") {
    // Russian Snowball stems Tajik "оила" to "о", a Russian stopword: the
    // Russian text below has "о" but nothing whose stem is "о".
    testing::TestIndex index({testing::make_document("ru-law", "TJ", "ru", "law", "2020-01-01", "Закон",
                                                     {{"1", "Закон о защите прав граждан."}}),
                              testing::make_document("tg-law", "TJ", "tg", "law", "2020-01-01", "Қонун",
                                                     {{"1", "Ҳимояи оила аз ҷониби давлат."}})});
    IndexView view({index.path()});
    SearchRequest r;
    r.scope = Scope::provision;
    r.query = "оила";
    SearchResult result = run_search(view, r);
    CHECK(result.total == 1);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].document_id == "tg-law");
}

TEST_CASE("a quoted phrase finds whole documents, whose records keep no body positions") {
    testing::TestIndex index;
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "\"насилие в семье\"";
    r.scope = Scope::provision;
    const long provisions = run_search(view, r).total;
    REQUIRE(provisions >= 1);
    r.scope = Scope::document;
    SearchResult documents = run_search(view, r);
    CHECK(documents.total >= 1);
    REQUIRE_FALSE(documents.hits.empty());
    CHECK(documents.hits[0].kind == "document");
}

TEST_CASE("a browse kept from an earlier request gives the same counts, facets and hits") {
    testing::TestIndex index;
    IndexView view({index.path()});
    for (VersionMode versions : {VersionMode::group, VersionMode::separate}) {
        SearchRequest r;
        r.versions = versions;
        r.per_page = 2;
        const SearchResult first = run_search(view, r);   // counted
        const SearchResult again = run_search(view, r);   // kept
        CHECK(again.total == first.total);
        CHECK(again.total_versions == first.total_versions);
        REQUIRE(again.facets.size() == first.facets.size());
        for (const auto& [facet, counts] : first.facets) {
            REQUIRE(again.facets.at(facet).size() == counts.size());
            for (size_t i = 0; i < counts.size(); ++i) {
                CHECK(again.facets.at(facet)[i].value == counts[i].value);
                CHECK(again.facets.at(facet)[i].count == counts[i].count);
            }
        }
        REQUIRE(again.hits.size() == first.hits.size());
        for (size_t i = 0; i < first.hits.size(); ++i) {
            CHECK(again.hits[i].id == first.hits[i].id);
            REQUIRE(again.hits[i].versions.size() == first.hits[i].versions.size());
            for (size_t j = 0; j < first.hits[i].versions.size(); ++j)
                CHECK(again.hits[i].versions[j].matched == first.hits[i].versions[j].matched);
        }
        r.page = 2;  // another page of the kept browse: the same counts
        CHECK(run_search(view, r).total == first.total);
        r.page = 1;
        r.filters["jurisdiction"] = {"TJ"};  // another browse: counted anew
        const SearchResult tj = run_search(view, r);
        CHECK(tj.total < first.total);
        CHECK(run_search(view, r).total == tj.total);
    }
}

TEST_CASE("a text in or about more of the places a query names ranks above one about fewer") {
    // Both reports are Tajik; only the first is also about Georgia and the
    // United States. The second is shorter, so on its words alone it would rank first.
    testing::TestIndex index(
        {testing::make_document("tours", "TJ", "en", "report", "2024-01-01", "Report",
                                {{"1", "Study visits of the delegation to Georgia and to the United States of America "
                                       "took place in two rounds with many meetings."}}),
         testing::make_document("bih", "TJ", "en", "report", "2023-01-01", "Report",
                                {{"1", "Study visits took place."}})});
    testing::give_place_names(index);
    IndexView view({index.path()});
    SearchRequest r;
    r.scope = Scope::provision;
    r.query = "Tajik study visits to Georgia and the United States";
    SearchResult result = run_search(view, r);
    CHECK(result.interpretation.jurisdictions.size() >= 3);
    REQUIRE(result.hits.size() == 2);
    CHECK(result.hits[0].document_id == "tours");
    CHECK(result.hits[0].score > result.hits[1].score + 100);
}

TEST_CASE("a place named none of whose own texts matches is reported, one that has a match is not") {
    // Georgia has a text on shelters; Moldova has texts, none on shelters.
    testing::TestIndex index(
        {testing::make_document("ge", "GE", "en", "law", "2006-01-01", "Law", {{"1", "The state funds shelters for victims."}}),
         testing::make_document("md", "MD", "en", "law", "2007-01-01", "Law", {{"1", "The police issue an emergency order."}}),
         testing::make_document("report", "TJ", "en", "report", "2020-01-01", "Report",
                                {{"1", "Moldova and Georgia were visited; shelters were discussed."}})});
    testing::give_place_names(index);
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "shelters in Moldova and Georgia";
    SearchResult result = run_search(view, r);
    CHECK(result.interpretation.jurisdictions == std::vector<std::string>{"MD", "GE"});
    CHECK(result.interpretation.words == "shelters");  // not "shelters in and": function words need not match
    // A report naming Moldova is about it, but it is not a text of Moldova.
    CHECK(result.interpretation.places_without_match == std::vector<std::string>{"MD"});
    r.query = "emergency order in Moldova";
    CHECK(run_search(view, r).interpretation.places_without_match.empty());
    r.query = "shelters";
    CHECK(run_search(view, r).interpretation.places_without_match.empty());
}

TEST_CASE("a negated place leaves out its texts and the texts naming it in any language, and says so") {
    testing::TestIndex index(
        {testing::make_document("ge", "GE", "en", "law", "2006-01-01", "Law", {{"1", "The state funds shelters for victims."}}),
         testing::make_document("tj", "TJ", "ru", "law", "2013-01-01", "Закон",
                                {{"1", "Государство финансирует приюты (shelters) для пострадавших."}}),
         testing::make_document("report", "INT", "en", "report", "2020-01-01", "Report",
                                {{"1", "В Таджикистане shelters were discussed."}}),
         testing::make_document("md", "MD", "en", "law", "2007-01-01", "Law", {{"1", "Shelters are run by the state."}})});
    testing::give_place_names(index);
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "shelters";
    CHECK(run_search(view, r).total == 4);
    for (const char* q : {"shelters -Tajikistan", "shelters NOT Таджикистан", "shelters -Тоҷикистон"}) {
        CAPTURE(q);
        r.query = q;
        SearchResult result = run_search(view, r);
        CHECK(result.interpretation.excluded_jurisdictions == std::vector<std::string>{"TJ"});
        REQUIRE(result.total == 2);  // neither the Tajik law nor the report naming Tajikistan in Russian
        for (const SearchHit& h : result.hits) CHECK((h.document_id == "ge" || h.document_id == "md"));
    }
    r.places = false;  // place names read as words: only texts writing the word are left out
    r.query = "shelters -Tajikistan";
    SearchResult words = run_search(view, r);
    CHECK(words.interpretation.excluded_jurisdictions.empty());
    CHECK(words.total == 4);
}

TEST_CASE("a topic filter takes the concept's narrower ones, and the topic facet counts what ticking a value gives") {
    // Georgia's provision is about emergency measures only (narrower than
    // protection orders), Moldova's about protection orders, Tajikistan's about shelters.
    auto about = [](Document d, std::vector<std::string> topics) {
        d.provisions.front().topics = std::move(topics);
        return d;
    };
    testing::TestIndex index(
        {about(testing::make_document("ge", "GE", "en", "law", "2006-01-01", "Law",
                                      {{"1", "The police remove the offender from the home at once."}}),
               {"emergency-protection-orders"}),
         about(testing::make_document("md", "MD", "en", "law", "2007-01-01", "Law",
                                      {{"1", "A court issues an order for up to three months."}}),
               {"protection-orders"}),
         about(testing::make_document("tj", "TJ", "en", "law", "2013-01-01", "Law",
                                      {{"1", "The state funds a house for victims."}}),
               {"shelters"})},
        testing::sample_thesaurus());
    IndexView view({index.path()});
    SearchRequest r;
    r.scope = Scope::provision;
    r.filters["topic"] = {"protection-orders"};
    SearchResult orders = run_search(view, r);
    CHECK(orders.total == 2);  // Georgia's emergency measure is a protection order
    std::set<std::string> found;
    for (const SearchHit& h : orders.hits) found.insert(h.document_id);
    CHECK(found == std::set<std::string>{"ge", "md"});
    // Every topic value's count is the total its filter gives, a broader one included.
    r.filters.clear();
    SearchResult all = run_search(view, r);
    std::map<std::string, long> counts;
    for (const FacetCount& f : all.facets["topic"]) counts[f.value] = f.count;
    CHECK(counts["protection-orders"] == 2);
    CHECK(counts["emergency-protection-orders"] == 1);
    CHECK(counts["shelters"] == 1);
    for (const auto& [value, count] : counts) {
        CAPTURE(value);
        r.filters["topic"] = {value};
        CHECK(run_search(view, r).total == count);
    }
    // Negated, the narrower ones go too.
    r.filters.clear();
    r.query = "-topic:protection-orders";
    CHECK(run_search(view, r).total == 1);
}

TEST_CASE("one hit per text: a negated phrase one version holds leaves out the whole text, every version a hit keeps the others") {
    // Kazakhstan's text says "protection order" in English only: its Russian
    // version says "охранный ордер". Georgia's says neither.
    testing::TestIndex index(
        {testing::make_document("kz-en", "KZ", "en", "law", "2009-01-01", "Law",
                                {{"1", "The police may issue a protection order against the offender."}}, "kz"),
         testing::make_document("kz-ru", "KZ", "ru", "law", "2009-01-01", "Закон",
                                {{"1", "Полиция может выдать охранный ордер правонарушителю (police)."}}, "kz"),
         testing::make_document("ge-en", "GE", "en", "law", "2006-01-01", "Law",
                                {{"1", "The police respond to every call at once."}}, "ge"),
         testing::make_document("ge-ru", "GE", "ru", "law", "2006-01-01", "Закон",
                                {{"1", "Полиция (police) выезжает на каждый вызов."}}, "ge")});
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "police";
    r.ui_lang = UiLanguage::ru;
    REQUIRE(run_search(view, r).total == 2);
    for (const char* q : {"police -\"protection order\"", "police NOT \"protection order\"", "police -(\"protection order\" OR zebra)"}) {
        CAPTURE(q);
        r.query = q;
        r.versions = VersionMode::group;
        SearchResult texts = run_search(view, r);
        CHECK(texts.total == 1);
        for (const SearchHit& h : texts.hits) CHECK(h.document_id.rfind("ge-", 0) == 0);
        for (const auto& [value, count] : [&] {
                 std::map<std::string, long> by;
                 for (const FacetCount& f : texts.facets["jurisdiction"]) by[f.value] = f.count;
                 return by;
             }())
            CHECK_MESSAGE(value == "GE", value << " " << count);
        // Every version a hit of its own: only the version holding the phrase goes.
        r.versions = VersionMode::separate;
        SearchResult versions = run_search(view, r);
        CHECK(versions.total == 3);
    }
}

TEST_CASE("\"the law of\" a place with nothing on the question reports the place, never its texts that only say \"law\"") {
    // Moldova's law says "law" but nothing on shelters; Georgia's text on shelters never says "law".
    testing::TestIndex index(
        {testing::make_document("ge", "GE", "en", "decree", "2006-01-01", "Decree",
                                {{"1", "The state funds shelters for victims."}}),
         testing::make_document("md", "MD", "en", "law", "2007-01-01", "Act",
                                {{"1", "This law sets out emergency orders."}, {"2", "The law enters into force."}}),
         testing::make_document("mdru", "MD", "ru", "law", "2007-01-01", "Акт",
                                {{"1", "Настоящий закон вводит срочные предписания."}}),
         testing::make_document("geru", "GE", "ru", "decree", "2006-01-01", "Указ",
                                {{"1", "Государство содержит приюты для пострадавших."}})});
    testing::give_place_names(index);
    IndexView view({index.path()});
    for (const std::string q : {"what does the law of Moldova say about shelters", "закон Молдовы о приютах"}) {
        CAPTURE(q);
        SearchRequest r;
        r.query = q;
        SearchResult result = run_search(view, r);
        CHECK(result.interpretation.places_without_match == std::vector<std::string>{"MD"});
        CHECK_FALSE(result.interpretation.relaxed);
        REQUIRE_FALSE(result.hits.empty());
        for (const SearchHit& h : result.hits) CHECK(h.jurisdiction == "GE");
        CHECK(result.interpretation.ranking_words.size() == 1);
    }
}

TEST_CASE("a label's words scattered over a place's text are not the place's answer; the label as a label is") {
    // Kyrgyzstan's text holds "order" and "protection" apart; Moldova's names a protection order.
    testing::TestIndex index(testing::scattered_label_documents(), testing::sample_thesaurus());
    testing::give_place_names(index);
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "protection order in Kyrgyzstan";
    SearchResult result = run_search(view, r);
    CHECK(result.interpretation.concepts == std::vector<std::string>{"protection-orders"});
    CHECK(result.interpretation.places_without_match == std::vector<std::string>{"KG"});
    // Nor does the place's boost put that text first: the page leads with the answers.
    REQUIRE_FALSE(result.hits.empty());
    CHECK(result.hits[0].jurisdiction != "KG");
    r.query = "protection order in Moldova";
    CHECK(run_search(view, r).interpretation.places_without_match.empty());
    // Words that form no label are words: scattered, they still count.
    r.query = "witnesses court in Kyrgyzstan";
    CHECK(run_search(view, r).interpretation.places_without_match.empty());
}

TEST_CASE("a text is shown in the UI language where it has that version, matching or not; a language filter chooses instead") {
    // Article 1 in three languages; the English says VAWA twice and scores highest.
    testing::TestIndex index(
        {testing::make_document("w-en", "US", "en", "law", "1994-01-01", "Act", {{"1", "VAWA grants, VAWA programmes."}}, "w"),
         testing::make_document("w-ru", "US", "ru", "law", "1994-01-01", "Закон", {{"1", "Гранты по VAWA и другие программы."}}, "w"),
         testing::make_document("w-tg", "US", "tg", "law", "1994-01-01", "Қонун", {{"1", "Грантҳо ва барномаҳо."}}, "w")});
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "VAWA";
    r.scope = Scope::provision;
    r.cross_language = false;
    r.ui_lang = UiLanguage::en;
    SearchResult en = run_search(view, r);
    REQUIRE(en.hits.size() == 1);
    CHECK(en.hits[0].lang == "en");
    r.ui_lang = UiLanguage::ru;
    SearchResult ru = run_search(view, r);
    REQUIRE(ru.hits.size() == 1);
    CHECK(ru.hits[0].lang == "ru");  // matched, if less well than the English
    CHECK(ru.total == en.total);
    // The Tajik version does not say VAWA, but it is the same provision: the
    // Tajik page shows it in Tajik (before: in English, the best match).
    r.ui_lang = UiLanguage::tg;
    SearchResult tg = run_search(view, r);
    REQUIRE(tg.hits.size() == 1);
    CHECK(tg.hits[0].lang == "tg");
    CHECK(tg.total == en.total);
    // A language filter chooses the version shown.
    r.filters["lang"] = {"en"};
    SearchResult filtered = run_search(view, r);
    REQUIRE(filtered.hits.size() == 1);
    CHECK(filtered.hits[0].lang == "en");
}

TEST_CASE("the words of a thesaurus label are never respelled, even where no text holds them") {
    // "restraining order" is a label of protection orders; no text holds "restraining", one holds "retraining".
    testing::TestIndex index({testing::make_document("p", "TJ", "en", "report", "2020-01-01", "Report",
                                                     {{"1", "Police retraining courses were held."}})},
                             testing::sample_thesaurus());
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "restraining order";
    SearchResult result = run_search(view, r);
    CHECK(result.interpretation.concepts == std::vector<std::string>{"protection-orders"});
    CHECK(result.total == 0);
    CHECK(result.interpretation.corrected.empty());
    CHECK_FALSE(result.suggestion.has_value());
    // A word outside any label is still corrected.
    r.query = "retrayning";
    CHECK_FALSE(run_search(view, r).interpretation.corrected.empty());
}

TEST_CASE("a Tajik word under a personal possessive the index does not hold finds its base word") {
    // "шавҳарам" ("my husband") is in no text; "шавҳар" is. A word the index holds is left as it is.
    testing::TestIndex index({testing::make_document("fc", "TJ", "tg", "code", "2020-01-01", "Кодекс",
                                                     {{"1", "Ҳуқуқи зан ва шавҳар баробар аст."},
                                                      {"2", "Давлат ҳуқуқҳоро ҳифз мекунад."}})});
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "шавҳарам";
    r.correct = false;
    SearchResult result = run_search(view, r);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].unit_id == "art_1");
    r.query = "шавхаратро";  // keyboard substitutes, "your husband" as an object
    CHECK(run_search(view, r).total == 1);
    r.query = "давлат";  // ends in -ат, held by the index: not read as "дал"
    result = run_search(view, r);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].unit_id == "art_2");
}

TEST_CASE("whether a query relaxes is decided on texts, with versions grouped or separate") {
    // Four texts hold both words, each in three language versions (12 records,
    // but 4 texts: fewer than a page); five more hold one word.
    std::vector<Document> docs;
    for (const char* lang : {"en", "ru", "tg"}) {
        std::vector<std::pair<std::string, std::string>> units;
        for (int i = 1; i <= 4; ++i) units.push_back({std::to_string(i), "The court dissolves the marriage."});
        docs.push_back(testing::make_document(std::string("law-") + lang, "TJ", lang, "law", "2020-01-01", "Law", units, "law"));
    }
    for (int i = 1; i <= 5; ++i)
        docs.push_back(testing::make_document("other-" + std::to_string(i), "GE", "en", "law", "2020-01-01", "Other",
                                              {{"1", "The court hears the case."}}));
    testing::TestIndex index(docs);
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "court marriage";
    r.scope = Scope::provision;
    SearchResult grouped = run_search(view, r);
    CHECK(grouped.interpretation.relaxed);
    CHECK(grouped.total == 9);
    r.versions = VersionMode::separate;
    SearchResult separate = run_search(view, r);
    CHECK(separate.interpretation.relaxed);
    CHECK(separate.total == grouped.total_versions);
}

TEST_CASE("a facet filtered in the query and as a parameter takes the parameter: a value's count is what ticking it gives") {
    testing::TestIndex index({testing::make_document("tj", "TJ", "en", "law", "2013-01-01", "Law",
                                                     {{"1", "A shelter takes in victims."}, {"2", "Every shelter is funded."}}),
                              testing::make_document("kg", "KG", "en", "law", "2017-01-01", "Law",
                                                     {{"1", "The shelter keeps its address secret."}})});
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "jurisdiction:TJ shelter";
    SearchResult in_query = run_search(view, r);
    CHECK(in_query.total == 2);
    long kg = -1;
    for (const FacetCount& c : in_query.facets.at("jurisdiction"))
        if (c.value == "KG") kg = c.count;
    CHECK(kg == 1);
    // Ticking KG in the facet list sends jurisdiction=KG beside the query's jurisdiction:TJ.
    r.filters["jurisdiction"] = {"KG"};
    SearchResult ticked = run_search(view, r);
    CHECK(ticked.total == kg);
    CHECK(ticked.interpretation.filters.count("jurisdiction") == 0);
}

TEST_CASE("a concept no text deals with is searched as its broader one, in the language typed, and the answer says so") {
    const std::string thesaurus = testing::sample_thesaurus_with(R"(
  <concept id="forced-marriage">
    <prefLabel lang="en">forced marriage</prefLabel><prefLabel lang="ru">принудительный брак</prefLabel><prefLabel lang="tg">никоҳи маҷбурӣ</prefLabel>
  </concept>
  <concept id="bride-kidnapping">
    <broader>forced-marriage</broader>
    <prefLabel lang="en">bride kidnapping</prefLabel><prefLabel lang="ru">похищение невесты</prefLabel><prefLabel lang="tg">рабудани арӯс</prefLabel>
  </concept>)");
    std::vector<Document> docs{testing::make_document("tj", "TJ", "en", "law", "2020-01-01", "Code",
                                                      {{"1", "A forced marriage is a crime."}}),
                               testing::make_document("md", "MD", "en", "law", "2020-01-01", "Law",
                                                      {{"1", "Every shelter takes in victims."}})};
    testing::TestIndex index(docs, thesaurus);
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "bride kidnapping";
    SearchResult wider = run_search(view, r);
    CHECK(wider.total == 1);
    CHECK(wider.interpretation.corrected == "forced marriage");
    CHECK(wider.interpretation.corrected_because == "broader");
    r.query = "похищение невесты";
    CHECK(run_search(view, r).interpretation.corrected == "принудительный брак");
    r.query = "рабудани арус";  // a Tajik label typed with substitutes: its broader concept's Tajik label
    CHECK(run_search(view, r).interpretation.corrected == "никоҳи маҷбурӣ");
    r.query = "jurisdiction:TJ bride kidnapping";  // a filter written in the query stays in it
    SearchResult filtered_in_query = run_search(view, r);
    CHECK(filtered_in_query.interpretation.corrected == "jurisdiction:TJ forced marriage");
    CHECK(filtered_in_query.interpretation.filters.count("jurisdiction") == 1);
    r.correct = false;  // as typed
    CHECK(run_search(view, r).total == 0);
    // A concept some text deals with, under a filter that leaves none: the empty page is the answer.
    SearchRequest filtered;
    filtered.query = "shelter";
    filtered.filters["jurisdiction"] = {"TJ"};
    SearchResult none = run_search(view, filtered);
    CHECK(none.total == 0);
    CHECK(none.interpretation.corrected.empty());
}

TEST_CASE("under a lang filter the answer counts the texts that match in other languages only") {
    // A Russian text with no Tajik version, and a Tajik one.
    testing::TestIndex index({testing::make_document("ru", "KZ", "ru", "news", "2016-01-01", "Новость",
                                                     {{"1", "Семинар по перенаправлению пострадавших прошёл в Худжанде."}}),
                              testing::make_document("tg", "TJ", "tg", "news", "2016-01-01", "Хабар",
                                                     {{"1", "Семинар дар Хуҷанд баргузор шуд."}})});
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "семинар";
    r.filters["lang"] = {"tg"};
    SearchResult tg = run_search(view, r);
    CHECK(tg.total == 1);
    CHECK(tg.interpretation.other_languages == 1);
    r.filters.clear();
    CHECK(run_search(view, r).interpretation.other_languages == 0);
}

TEST_CASE("a qualifier's word is answered by a text about the narrower concept it names with the broader one") {
    // "определение" + "семейного насилия" names the definition of family
    // violence; a law's definition article need not hold the word "определение".
    const std::string thesaurus = testing::sample_thesaurus_with(R"(
  <concept id="dv-definition">
    <broader>domestic-violence</broader>
    <prefLabel lang="en">definition of domestic violence</prefLabel>
    <prefLabel lang="ru">определение насилия в семье</prefLabel>
    <prefLabel lang="tg">таърифи зӯроварӣ дар оила</prefLabel>
  </concept>)");
    std::vector<Document> docs{testing::make_document("kg", "KG", "ru", "law", "2017-01-01", "Закон",
                                                      {{"1", "Насилие в семье — умышленные действия одного члена семьи против другого."},
                                                       {"2", "Насилие в семье расследует милиция."}}),
                               testing::make_document("md", "MD", "ru", "law", "2007-01-01", "Закон",
                                                      {{"1", "Определение суда о насилии в семье обжалуется."}})};
    docs[0].provisions[0].topics = {"dv-definition", "domestic-violence"};
    docs[0].provisions[1].topics = {"domestic-violence"};
    docs[1].provisions[0].topics = {"domestic-violence"};
    // A collection on domestic violence: most records name it, so its words
    // rank and the word beside them must occur (QueryBuilder::kCommonShare).
    std::vector<std::pair<std::string, std::string>> many;
    for (int i = 1; i <= 150; ++i) many.push_back({std::to_string(i), "Насилие в семье недопустимо."});
    docs.push_back(testing::make_document("other", "TJ", "ru", "report", "2020-01-01", "Доклад", many));
    testing::TestIndex index(docs, thesaurus);
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "насилие в семье определение";  // not the label: a qualifier beside the broader concept's label
    r.scope = Scope::provision;
    r.relax = false;
    SearchResult result = run_search(view, r);
    std::vector<std::string> ids;
    for (const auto& h : result.hits) ids.push_back(h.id);
    // The definition article first, though it lacks the word; the court ruling that holds it is found
    // too; texts merely naming domestic violence are not.
    REQUIRE_FALSE(ids.empty());
    CHECK(ids.front() == "kg/art_1");
    CHECK(std::find(ids.begin(), ids.end(), "md/art_1") != ids.end());
    CHECK(std::find(ids.begin(), ids.end(), "kg/art_2") == ids.end());
    CHECK(result.total == 2);
}

TEST_CASE("a page empty only for its language filter does not relax on its own: the texts are counted as in other languages") {
    // Enough strict matches in the collection that "child witnesses" does not relax as such.
    std::vector<Document> docs;
    for (int i = 1; i <= 11; ++i)
        docs.push_back(testing::make_document("ge-" + std::to_string(i), "GE", "en", "law", "2020-01-01", "Law",
                                              {{"1", "Child witnesses are heard with care."}}));
    docs.push_back(testing::make_document("tj-en", "TJ", "en", "law", "2013-01-01", "Law",
                                          {{"1", "Child witnesses are heard with care."}}, "tj"));
    docs.push_back(testing::make_document("tj-tg", "TJ", "tg", "law", "2013-01-01", "Қонун",
                                          {{"1", "Кӯдак ба мактаб меравад; child."}}, "tj"));
    testing::TestIndex index(docs);
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "child witnesses";
    r.scope = Scope::provision;
    r.filters["jurisdiction"] = {"TJ"};
    SearchResult any_language = run_search(view, r);
    CHECK(any_language.total == 1);
    CHECK_FALSE(any_language.interpretation.relaxed);
    r.filters["lang"] = {"tg"};
    SearchResult tajik = run_search(view, r);
    CHECK(tajik.total <= any_language.total);
    CHECK_FALSE(tajik.interpretation.relaxed);
    CHECK(tajik.total + tajik.interpretation.other_languages == any_language.total);
}

TEST_CASE("between two texts that answer alike, the one not repealed comes first") {
    Document old_law = testing::make_document("law-2013", "BA-BIH", "en", "law", "2013-01-01", "Law",
                                              {{"1", "Safe houses take in victims."}});
    old_law.legal_status.state = "repealed";
    Document new_law = testing::make_document("law-2025", "BA-BIH", "en", "law", "2025-01-01", "Law",
                                              {{"1", "Safe houses take in victims."}});
    new_law.legal_status.state = "in-force";
    for (const auto& order : {std::vector<Document>{old_law, new_law}, std::vector<Document>{new_law, old_law}}) {
        testing::TestIndex index(order);
        IndexView view({index.path()});
        SearchRequest r;
        r.query = "safe houses";
        r.scope = Scope::provision;
        SearchResult result = run_search(view, r);
        REQUIRE(result.hits.size() == 2);
        CHECK(result.hits[0].document_id == "law-2025");
    }
}

TEST_CASE("a misspelt word that matches nothing is searched in its corrected spelling, and the answer says so") {
    testing::TestIndex index(
        {testing::make_document("ge", "GE", "en", "law", "2006-01-01", "Law", {{"1", "The state funds shelters for victims."}}),
         testing::make_document("ru", "MD", "ru", "law", "2007-01-01", "Закон", {{"1", "Государство содержит убежища для пострадавших."}})});
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "sheltrs";
    SearchResult typo = run_search(view, r);
    CHECK(typo.query == "sheltrs");
    CHECK(typo.interpretation.corrected == "shelters");
    REQUIRE(typo.total == 1);
    CHECK(typo.hits[0].document_id == "ge");
    CHECK_FALSE(typo.suggestion);  // what was searched is said by `corrected`
    // A slip inside a quoted phrase too.
    r.query = "\"sheltrs for victims\"";
    SearchResult quoted = run_search(view, r);
    CHECK(quoted.interpretation.corrected == "\"shelters for victims\"");
    CHECK(quoted.total == 1);
    r.query = "sheltrs";
    r.query = "убежеща";
    SearchResult ru = run_search(view, r);
    CHECK(ru.interpretation.corrected == "убежища");
    CHECK(ru.total == 1);
    // As typed on request: nothing, with the suggestion offered.
    r.correct = false;
    SearchResult as_typed = run_search(view, r);
    CHECK(as_typed.total == 0);
    CHECK(as_typed.interpretation.corrected.empty());
    REQUIRE(as_typed.suggestion);
    CHECK(*as_typed.suggestion == "убежища");
    // A word that matches is never corrected.
    r.correct = true;
    r.query = "shelters";
    CHECK(run_search(view, r).interpretation.corrected.empty());
}

TEST_CASE("a slip that matches through its stem but hides a concept is searched in the spelling that names it") {
    // "охраный" (one н) is in no text; it stems like "охране", so as typed the
    // query matched the text about protecting the family, and no concept.
    testing::TestIndex index(
        {testing::make_document("kg", "KG", "ru", "law", "2017-04-27", "Закон",
                                {{"1", "Временный охранный ордер выдаёт милиция."}}),
         testing::make_document("tj", "TJ", "ru", "law", "2013-03-19", "Закон",
                                {{"1", "Закон об охране семьи: суд может выдать ордер."}})},
        testing::sample_thesaurus());
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "охраный ордер";
    r.scope = Scope::provision;
    SearchResult result = run_search(view, r);
    CHECK(result.query == "охраный ордер");
    CHECK(result.interpretation.corrected == "охранный ордер");
    CHECK(result.interpretation.concepts == std::vector<std::string>{"protection-orders"});
    REQUIRE_FALSE(result.hits.empty());
    CHECK(result.hits[0].document_id == "kg");
    // As typed on request: the stem match, no concept.
    r.correct = false;
    SearchResult as_typed = run_search(view, r);
    CHECK(as_typed.interpretation.corrected.empty());
    CHECK(as_typed.interpretation.concepts.empty());
    // A query whose words are all in the texts is never respelled.
    r.correct = true;
    r.query = "охране ордер";
    CHECK(run_search(view, r).interpretation.corrected.empty());
}

TEST_CASE("a misspelt place name is read as the place it is one slip from, and the answer says so") {
    testing::TestIndex index(
        {testing::make_document("tj", "TJ", "ru", "law", "2013-03-19", "Закон Республики Таджикистан",
                                {{"1", "Охранный ордер выдаёт милиция Республики Таджикистан."}}),
         testing::make_document("kg", "KG", "ru", "law", "2017-04-27", "Закон Кыргызской Республики",
                                {{"1", "Охранный ордер выдаёт милиция."}, {"2", "Охранный ордер действует семь суток."}})});
    testing::give_place_names(index);
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "Таджикистн охранный ордер";
    r.scope = Scope::provision;
    SearchResult result = run_search(view, r);
    CHECK(result.interpretation.corrected == "Таджикистан охранный ордер");  // in the case typed
    CHECK(result.interpretation.jurisdictions == std::vector<std::string>{"TJ"});
    REQUIRE_FALSE(result.hits.empty());
    CHECK(result.hits[0].jurisdiction == "TJ");
}

TEST_CASE("a document is found by a popular name it is known by, in another language than its own") {
    Document code = testing::make_document("tj-code-tg", "TJ", "tg", "code", "2008-12-31",
                                           "Кодекси ҳуқуқвайронкунии маъмурӣ", {{"1", "Ҷарима барои зӯроварӣ."}});
    code.aliases = {{"ru", "КоАП"}};
    testing::TestIndex index({code, testing::make_document("other", "TJ", "ru", "law", "2013-03-19", "Закон",
                                                          {{"1", "Охранный ордер."}})});
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "КоАП";
    SearchResult result = run_search(view, r);
    REQUIRE(result.total == 1);
    CHECK(result.hits[0].document_id == "tj-code-tg");
    r.query = "title:КоАП";
    CHECK(run_search(view, r).total == 1);
}

TEST_CASE("a word most of the collection contains ranks beside rarer words instead of filtering") {
    // "violence" is in 58 of the 60 texts: it says little about which one is
    // meant, so "witnesses violence" also finds the text on witnesses that
    // never writes it, below the one that has both words. (Shares are read
    // in an index of at least kCommonMinRecords records.)
    auto doc = [](const std::string& id, const std::string& text) {
        return testing::make_document(id, "GE", "en", "law", "2020-01-01", "Statute " + id, {{"1", text}});
    };
    std::vector<Document> docs{doc("both", "Witnesses of violence are heard by the court in a separate room."),
                               doc("witnesses", "Child witnesses receive counselling.")};
    for (int i = 0; i < 58; ++i)
        docs.push_back(doc("other-" + std::to_string(i), "Violence of kind " + std::to_string(i) + " is punished."));
    testing::TestIndex index(docs);
    IndexView view({index.path()});
    SearchRequest r;
    r.scope = Scope::provision;
    r.relax = false;  // the strict match itself, not the relaxed fallback
    r.query = "witnesses violence";
    SearchResult result = run_search(view, r);
    REQUIRE(result.hits.size() == 2);
    CHECK(result.hits[0].document_id == "both");
    CHECK(result.hits[1].document_id == "witnesses");
    CHECK_FALSE(result.interpretation.relaxed);
    REQUIRE(result.interpretation.ranking_words.size() == 1);
    CHECK(result.interpretation.ranking_words[0] == "violence");
    // Words that are each in a few texts all filter.
    r.query = "witnesses court";
    result = run_search(view, r);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].document_id == "both");
    CHECK(result.interpretation.ranking_words.empty());
}

TEST_CASE("the words beside a concept answer without it when a text has them all, below the concept's texts") {
    // "shelter arrest consent": the section on arrest without consent never
    // names a shelter, yet has every other word; a text with the shelter and
    // one of the words ranks first, and a text with only some of the words is
    // no answer.
    auto doc = [](const std::string& id, const std::string& text) {
        return testing::make_document(id, "GE", "en", "law", "2020-01-01", "Statute " + id, {{"1", text}});
    };
    testing::TestIndex index({doc("shelter", "A shelter admits the victim on arrest of the offender."),
                              doc("arrest", "The officer may arrest the person without the consent of the victim."),
                              doc("partial", "Arrest warrants are issued by the court.")},
                             testing::sample_thesaurus());
    IndexView view({index.path()});
    SearchRequest r;
    r.scope = Scope::provision;
    r.relax = false;
    r.query = "shelter arrest consent";
    SearchResult result = run_search(view, r);
    std::vector<std::string> ids;
    for (const auto& h : result.hits) ids.push_back(h.document_id);
    REQUIRE(ids.size() == 2);
    CHECK(ids[0] == "shelter");
    CHECK(ids[1] == "arrest");
    CHECK(result.interpretation.ranking_words == std::vector<std::string>{"arrest", "consent"});
    // One word beside the concept only ranks: it alone is no answer.
    r.query = "shelter arrest";
    result = run_search(view, r);
    REQUIRE(result.hits.size() == 1);
    CHECK(result.hits[0].document_id == "shelter");
}

TEST_CASE("a facet filter negated in the query leaves its texts out, facets included; the written one keeps only them") {
    testing::TestIndex index({testing::make_document("tj", "TJ", "en", "law", "2013-01-01", "Law", {{"1", "The police register the call."}}),
                              testing::make_document("ge", "GE", "en", "law", "2006-01-01", "Law", {{"1", "The police issue an order."}}),
                              testing::make_document("md", "MD", "en", "news", "2010-01-01", "News", {{"1", "Police training held."}})});
    IndexView view({index.path()});
    auto ids = [&](const std::string& q) {
        SearchRequest r;
        r.scope = Scope::provision;
        r.query = q;
        SearchResult result = run_search(view, r);
        std::set<std::string> out;
        for (const auto& h : result.hits) out.insert(h.document_id);
        long facet_total = 0;
        for (const FacetCount& c : result.facets["jurisdiction"]) facet_total += c.count;
        // (A facet filtered on counts its other values too, to be ticked instead.)
        if (result.interpretation.filters.empty()) CHECK(facet_total == result.total);
        return std::make_pair(out, result.interpretation);
    };
    auto [without_tj, interp] = ids("police -jurisdiction:TJ");
    CHECK(without_tj == std::set<std::string>{"ge", "md"});
    CHECK(interp.excluded_filters == std::map<std::string, std::vector<std::string>>{{"jurisdiction", {"TJ"}}});
    CHECK(interp.filters.empty());
    CHECK(ids("police NOT jurisdiction:TJ").first == std::set<std::string>{"ge", "md"});
    CHECK(ids("police jurisdiction:TJ").first == std::set<std::string>{"tj"});
    CHECK(ids("police -type:news -jurisdiction:GE").first == std::set<std::string>{"tj"});
    // A negated group is left out, never kept instead.
    CHECK(ids("police -(order OR call)").first == std::set<std::string>{"md"});
}

TEST_CASE("an empty page under a filter offers facet values that give, ticked, the count shown") {
    // Tajikistan has three provisions on shelters in one document; Brčko none.
    // The whole-document fallback found nothing either, and its facets counted
    // documents (TJ 1) where ticking TJ gives provisions (3).
    testing::TestIndex index({testing::make_document("tj", "TJ", "en", "law", "2013-01-01", "Law",
                                                     {{"1", "A shelter admits victims."},
                                                      {"2", "The shelter is funded by the state."},
                                                      {"3", "Shelter staff are trained."}}),
                              testing::make_document("brc", "BA-BRC", "en", "law", "2018-01-01", "Law",
                                                     {{"1", "Definitions of family members."}})});
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "shelter";
    r.filters["jurisdiction"] = {"BA-BRC"};
    const SearchResult empty = run_search(view, r);
    CHECK(empty.total == 0);
    long offered = -1;
    for (const FacetCount& c : empty.facets.at("jurisdiction"))
        if (c.value == "TJ") offered = c.count;
    r.filters["jurisdiction"] = {"TJ"};
    CHECK(offered == run_search(view, r).total);
    CHECK(offered == 3);
}

TEST_CASE("a version that does not name a concept is not a hit for it because another version mentions it") {
    // The English version names protection orders in passing (a mention, shared
    // by the whole version group); the Russian one does not name them at all.
    testing::TestIndex index(
        {testing::make_document("fines-en", "GE", "en", "law", "2020-01-01", "Law on fines",
                                {{"5", "A fine is imposed on the offender, who pays it within a month; the court may "
                                       "also issue a protection order."}},
                                "fines"),
         testing::make_document("fines-ru", "GE", "ru", "law", "2020-01-01", "Закон о штрафах",
                                {{"5", "Штраф налагается на правонарушителя и уплачивается в течение месяца."}}, "fines"),
         testing::make_document("orders-ru", "GE", "ru", "law", "2020-01-01", "Закон об ордерах",
                                {{"1", "Охранный ордер выдаётся судом пострадавшему."}})},
        testing::sample_thesaurus());
    IndexView view({index.path()});
    SearchRequest r;
    r.scope = Scope::provision;
    r.versions = VersionMode::separate;
    r.query = "охранный ордер";
    std::set<std::string> ids;
    for (const auto& h : run_search(view, r).hits) ids.insert(h.id);
    CHECK(ids.count("orders-ru/art_1") == 1);
    CHECK(ids.count("fines-en/art_5") == 1);  // it names the concept (an English label)
    CHECK(ids.count("fines-ru/art_5") == 0);  // only its group's mention tag would match it
}

TEST_CASE("a popular name two works share names both: the texts of each gain the work's place") {
    // The Convention's key articles and its further articles are two works known by one name.
    Document key = testing::make_document("ic-key", "INT", "en", "convention", "2011-05-11", "Convention: key articles",
                                          {{"1", "Parties set up shelters."}, {"2", "Parties set up hotlines."}}, "ic-key");
    key.aliases = {{"en", "Istanbul Convention"}};
    Document more = testing::make_document("ic-more", "INT", "en", "convention", "2011-05-11", "Convention: further articles",
                                           {{"1", "Parties make stalking an offence."}}, "ic-more");
    more.aliases = {{"en", "Istanbul Convention"}};
    Document other = testing::make_document("other", "GE", "en", "law", "2020-01-01", "Law",
                                            {{"1", "Stalking is an offence, and stalking again is worse."}});
    testing::TestIndex index({key, more, other});
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "Istanbul Convention stalking";
    SearchResult result = run_search(view, r);
    REQUIRE(result.interpretation.works.size() == 2);
    CHECK(result.interpretation.works[0].id == "ic-key");
    CHECK(result.interpretation.works[1].id == "ic-more");
    REQUIRE_FALSE(result.hits.empty());
    CHECK(result.hits[0].document_id == "ic-more");
}

TEST_CASE("a work named by its popular name comes first among texts with the same words, and is reported") {
    Document vawa = testing::make_document("vawa-en", "US", "en", "law", "1994-09-13", "Violence Against Women Act",
                                           {{"1", "The 2022 reauthorisation made changes to grants."}}, "vawa");
    vawa.aliases = {{"en", "VAWA"}};
    Document vawa_ru = testing::make_document("vawa-ru", "US", "ru", "law", "1994-09-13", "Закон о насилии в отношении женщин",
                                              {{"1", "Продление 2022 года внесло изменения в гранты."}}, "vawa");
    vawa_ru.aliases = {{"en", "VAWA"}};
    // Another law's text names VAWA too, is shorter and says "changes" twice:
    // on its words alone it would rank first.
    Document other = testing::make_document("other-en", "GE", "en", "law", "2022-01-01", "Law on amendments",
                                            {{"1", "Changes as in VAWA, more changes."}});
    testing::TestIndex index({vawa, vawa_ru, other});
    IndexView view({index.path()});
    SearchRequest r;
    r.scope = Scope::provision;
    r.query = "VAWA changes";
    r.relax = true;
    SearchResult result = run_search(view, r);
    REQUIRE(result.interpretation.works.size() == 1);
    CHECK(result.interpretation.works[0].id == "vawa");
    CHECK(result.interpretation.works[0].name == "VAWA");
    CHECK(result.interpretation.works[0].title == "Violence Against Women Act");  // UI language en
    REQUIRE_FALSE(result.hits.empty());
    CHECK(result.hits[0].document_id.rfind("vawa", 0) == 0);
    // A Russian UI gets the Russian title.
    r.ui_lang = UiLanguage::ru;
    CHECK(run_search(view, r).interpretation.works[0].title == "Закон о насилии в отношении женщин");
    // No popular name, no work.
    r.query = "changes";
    CHECK(run_search(view, r).interpretation.works.empty());
}

// docs/corpus-format.md, "Extent": an empty page under a jurisdiction filter
// names the jurisdiction's laws in force that cover the query's concepts (or
// narrower ones) in parts not held; a page with results, or no filter, names none.
TEST_CASE("an empty search under a jurisdiction filter names the laws there that cover it in parts not held") {
    using testing::make_document;
    std::vector<Document> docs{make_document("brc-law", "BA-BRC", "en", "law", "2018", "District Law (summary)",
                                             {{"1", "The Law deals with protection from violence in the family."}}),
                               make_document("ge-law", "GE", "en", "law", "2006", "Georgian Law",
                                             {{"1", "The state runs a shelter for victims."}})};
    docs[0].not_held = {"emergency-protection-orders"};  // narrower than the query's concept
    docs[1].provisions[0].topics = {"shelters"};
    testing::TestIndex index(docs, testing::sample_thesaurus());
    IndexView view({index.path()});
    SearchRequest r;
    r.query = "protection order";
    r.filters["jurisdiction"] = {"ba-brc"};
    r.ui_lang = UiLanguage::en;
    SearchResult empty = run_search(view, r);
    CHECK(empty.total == 0);
    REQUIRE(empty.interpretation.not_held.count("BA-BRC"));
    REQUIRE(empty.interpretation.not_held["BA-BRC"].size() == 1);
    CHECK(empty.interpretation.not_held["BA-BRC"][0].document_id == "brc-law");
    CHECK(to_json(empty)["interpretation"]["not_held"]["BA-BRC"][0]["title"] == "District Law (summary)");
    r.query = "shelter";  // a concept the law is not known to cover elsewhere
    CHECK(run_search(view, r).interpretation.not_held.empty());
    r.filters.clear();
    r.query = "protection order";  // no filter: nothing to say about a jurisdiction
    CHECK(run_search(view, r).interpretation.not_held.empty());
}
