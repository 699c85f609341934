// Snippets: the library returns plain text with byte spans of the matched
// words; the server's snippet_html escapes it and adds <mark> at the edge.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "analysis/analyzer.h"
#include "analysis/thesaurus.h"
#include "search/snippets.h"
#include "server/api_json.h"

using namespace himoya;

TEST_CASE("a snippet is plain text with spans over the matched Tajik words") {
    Analyzer analyzer;
    const std::string text = "Ҳуқуқи ҷабрдида ба ҳимоя: ордери ҳимоявӣ <барои> ҷабрдида дода мешавад.";
    Snippet s = make_snippet(analyzer, text, "tg", {"ордери", "ҷабрдида"}, {});
    CHECK(s.text == text);  // short text: nothing cut, nothing escaped
    CHECK(s.marked() == std::vector<std::string>{"ҷабрдида", "ордери", "ҷабрдида"});
    for (const auto& m : s.marks) {
        CHECK(m.begin < m.end);
        CHECK(m.end <= s.text.size());
    }
    CHECK(snippet_html(s) ==
          "Ҳуқуқи <mark>ҷабрдида</mark> ба ҳимоя: <mark>ордери</mark> ҳимоявӣ &lt;барои&gt; <mark>ҷабрдида</mark> дода мешавад.");
}

TEST_CASE("a long text is cut around its matches and the spans follow the ellipsis") {
    Analyzer analyzer;
    std::string text;
    for (int i = 0; i < 60; ++i) text += "слово ";
    text += "охранный ордер выдаётся органом внутренних дел";
    for (int i = 0; i < 60; ++i) text += " слово";
    SnippetOptions options;
    options.window_words = 10;
    Snippet s = make_snippet(analyzer, text, "ru", {"ордер"}, {}, options);
    REQUIRE(s.text.rfind("…", 0) == 0);                      // cut before
    CHECK(s.text.substr(s.text.size() - std::string("…").size()) == "…");  // and after
    CHECK(s.marked() == std::vector<std::string>{"ордер"});
    CHECK(snippet_html(s).find("<mark>ордер</mark>") != std::string::npos);
}

TEST_CASE("stems mark inflected forms; stopwords are never marked by stem") {
    Analyzer analyzer;
    auto stems_of = [&](const std::string& word, const std::string& lang) {
        return analyzer.analyze(word, lang).at(0).stem;
    };
    Snippet s = make_snippet(analyzer, "Victims of violence and the violent partner", "en", {},
                             {stems_of("victim", "en"), stems_of("of", "en")});
    CHECK(s.marked() == std::vector<std::string>{"Victims"});
}

TEST_CASE("snippet_html escapes everything outside and inside the marks and ignores bad spans") {
    Snippet s{"a<b & \"c\" 'd'", {{0, 1}, {4, 5}}};
    CHECK(snippet_html(s) == "<mark>a</mark>&lt;b <mark>&amp;</mark> &quot;c&quot; &#39;d&#39;");
    Snippet bad{"abc", {{2, 9}, {1, 1}}};  // past the end, empty: left unmarked
    CHECK(snippet_html(bad) == "abc");
    CHECK(snippet_html(Snippet{}).empty());
}

TEST_CASE("a concept's label is marked where it occurs as a label, never word by word") {
    const char* xml = R"(<?xml version="1.0" encoding="UTF-8"?>
<thesaurus xmlns="urn:himoya:thesaurus:1" version="1">
  <concept id="economic-violence">
    <prefLabel lang="en">economic violence</prefLabel>
    <prefLabel lang="ru">экономическое насилие</prefLabel>
    <prefLabel lang="tg">зӯроварии иқтисодӣ</prefLabel>
    <altLabel lang="tg">маҳрум кардан аз маблағ</altLabel>
  </concept>
</thesaurus>)";
    Analyzer analyzer;
    std::string error;
    Thesaurus thesaurus = *Thesaurus::parse(xml, error);
    ConceptTagger tagger(thesaurus, analyzer);
    SnippetLabels labels{&tagger, {"economic-violence"}};
    // The light verb and "маблағ" apart are no label: nothing marked.
    Snippet apart = make_snippet(analyzer, "Шахсро аз кор маҳрум кардан мумкин нест; маблағ ҷудо карда шуд.", "tg", {}, {}, {}, labels);
    CHECK(apart.marked().empty());
    // The label, inflected, is marked as a whole.
    Snippet whole = make_snippet(analyzer, "Ӯро аз маблағ маҳрум карданд, яъне маҳрум кардан аз маблағ.", "tg", {}, {}, {}, labels);
    CHECK(whole.marked() == std::vector<std::string>{"маҳрум", "кардан", "маблағ"});
}
