// Substitute and old-font spellings of Tajik queries find what the correct
// spelling finds: for 20 Tajik queries over the real corpus (indexed into a
// temporary directory), the top-5 hits of the query typed with keyboard
// substitutes (ч х к г у и for ҷ ҳ қ ғ ӯ ӣ) and typed with an old font
// (ў њ ї ќ љ ѓ) equal the top-5 of the correctly spelled query.
#include <doctest/doctest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "analysis/normalizer.h"
#include "analysis/utf32.h"
#include "indexer/indexer.h"
#include "search/index_view.h"
#include "search/search_service.h"

namespace {

const std::vector<std::string> kQueries = {
    "зӯроварӣ",           "зӯроварӣ дар оила",      "ордери ҳимоявӣ",     "ҷабрдида",
    "ҳимояи ҷабрдидагон", "пешгирии зӯроварӣ",     "ҳифзи ҷабрдидагон",  "ҳуқуқи занон",
    "кӯдакон",            "қонун",                 "зӯроварӣ нисбат ба занон", "маркази бӯҳронӣ",
    "маҳдудкунанда",      "зӯроварии ҷинсӣ",       "зӯроварии иқтисодӣ", "ҷавобгарӣ",
    "паноҳгоҳ",           "ҳамкории байналмилалӣ", "ҳуқуқи инсон",       "шикояти ҷабрдида",
};

// Queries whose substitute spelling is itself another corpus word: a final -и
// may be the izofat (давлати "of the state") or -ӣ (давлатӣ "public") folded.
// The respelling keeps the word as typed, so these may rank differently; the
// test reports them without requiring equality (docs/analysis.md, и/ӣ cost).
const std::vector<std::string> kAmbiguous = {"барномаи давлатӣ", "ёрии ҳуқуқӣ", "мақомоти корҳои дохилӣ"};

std::string old_font(const std::string& s) {
    std::u32string u = himoya::utf8_to_u32(s);
    for (char32_t& c : u) {
        switch (c) {
            case U'ӯ': c = U'ў'; break; case U'ҳ': c = U'њ'; break; case U'ӣ': c = U'ї'; break;
            case U'қ': c = U'ќ'; break; case U'ҷ': c = U'љ'; break; case U'ғ': c = U'ѓ'; break;
            default: break;
        }
    }
    return himoya::u32_to_utf8(u);
}

// The other Russian-keyboard habit: ӣ typed as й at the end of a word
// (зуроварй, давлатй), the other five letters as their look-alikes.
std::string final_short_i(const std::string& s) {
    std::u32string u = himoya::utf8_to_u32(s);
    for (size_t i = 0; i < u.size(); ++i) {
        const bool word_end = i + 1 == u.size() || u[i + 1] == U' ';
        if (u[i] == U'ӣ' && word_end) u[i] = U'й';
    }
    return himoya::fold_tajik_letters_utf8(himoya::u32_to_utf8(u));
}

std::vector<std::string> top5(himoya::IndexView& s, const std::string& q) {
    himoya::SearchRequest r;
    r.query = q;
    r.per_page = 5;
    r.facets = false;
    r.suggest = false;
    std::vector<std::string> ids;
    for (const auto& h : run_search(s, r).hits) ids.push_back(h.id);
    return ids;
}

}  // namespace

TEST_CASE("substitute and old-font spellings rank like the correct spelling") {
    auto dir = std::filesystem::temp_directory_path() / ("himoya-subst-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    himoya::IndexOptions options;
    options.corpus_dirs = {HIMOYA_SOURCE_DIR "/corpus"};
    options.db_path = dir.string();
    himoya::IngestReport report;
    himoya::build_index(options, report);
    himoya::IndexView searcher({dir.string()});
    int same_substitute = 0, same_old_font = 0, same_short_i = 0;
    for (const auto& q : kQueries) {
        auto correct = top5(searcher, q);
        auto substitute = top5(searcher, himoya::fold_tajik_letters_utf8(q));
        auto old = top5(searcher, old_font(q));
        auto short_i = top5(searcher, final_short_i(q));
        CAPTURE(q);
        CHECK_FALSE(correct.empty());
        CHECK(substitute == correct);
        CHECK(old == correct);
        CHECK(short_i == correct);
        same_substitute += substitute == correct;
        same_old_font += old == correct;
        same_short_i += short_i == correct;
    }
    MESSAGE("same top-5: substitute " << same_substitute << "/20, old font " << same_old_font << "/20, final й "
                                      << same_short_i << "/20");
    int same_ambiguous = 0;
    for (const auto& q : kAmbiguous) same_ambiguous += top5(searcher, himoya::fold_tajik_letters_utf8(q)) == top5(searcher, q);
    MESSAGE("ambiguous и/ӣ queries with the same top-5: " << same_ambiguous << "/" << kAmbiguous.size());
    // Typed with a final й, the ӣ is not ambiguous: those queries rank as spelled correctly.
    for (const auto& q : kAmbiguous) {
        CAPTURE(q);
        CHECK(top5(searcher, final_short_i(q)) == top5(searcher, q));
    }
    std::filesystem::remove_all(dir);
}
