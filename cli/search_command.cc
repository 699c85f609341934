#include <algorithm>
#include <unistd.h>

#include <iostream>
#include <map>
#include <set>

#include "cli/args.h"
#include "cli/commands.h"
#include "search/engine.h"
#include "search/search_service.h"
#include "server/api_json.h"
#include "server/request_params.h"

namespace himoya::cli {
namespace {

const char* kHelp =
    "usage: himoya search [--db DIR ...] [filters] [options] [--json] QUERY...\n"
    "\n"
    "Searches the index; QUERY uses the same syntax as the web page: words (all\n"
    "must occur), \"a phrase\", OR, NOT, -word, title:word. An empty QUERY browses.\n"
    "Every option is the GET /api/search parameter of the same name (docs/api.md),\n"
    "read by the same code: the same values are accepted and refused.\n"
    "\n"
    "filters (each may repeat; values of one filter are OR-ed):\n"
    "  --jurisdiction CODE   TJ, BA-BIH, BA-SRP, GE, MD, US, INT ...\n"
    "  --lang L              tg, ru, en\n"
    "  --type T              law, code, report, guide ...\n"
    "  --year Y              exact year\n"
    "  --topic ID            thesaurus concept id\n"
    "  --body ID             issuing body's canonical id, e.g. tj-majlisi-oli\n"
    "                        (corpus/bodies.xml; the body facet's value)\n"
    "  --audience GROUP      police, judiciary, ...\n"
    "  --status S            in-force, amended, repealed, expired, not-yet-in-force\n"
    "  --year-from Y --year-to Y\n"
    "other options:\n"
    "  --db DIR              index (default: build/index)\n"
    "  --sort relevance|date|indexed --page N --per-page N --scope all|provision|document\n"
    "  --versions group|separate   one hit per text with its other language versions\n"
    "                        listed under it (default), or every version a hit\n"
    "  --qlang tg|ru|en|auto language of the query (default: identified)\n"
    "  --ui en|ru|tg         language of labels and messages\n"
    "  --no-cross-language   do not expand thesaurus labels to the other languages\n"
    "  --no-places           a place named is a word to match, not a place\n"
    "  --no-relax            require every word, however few texts have them all\n"
    "  --as-typed            when nothing matches, do not search the corrected spelling\n"
    "  --json                print the JSON of GET /api/search\n";

// A snippet's marks in bold on a terminal, in brackets otherwise.
std::string terminal_snippet(const Snippet& snippet, bool tty) {
    std::string out;
    size_t cursor = 0;
    for (const Snippet::Span& m : snippet.marks) {
        out += snippet.text.substr(cursor, m.begin - cursor);
        out += tty ? "\033[1m" : "[";
        out += snippet.text.substr(m.begin, m.end - m.begin);
        out += tty ? "\033[0m" : "]";
        cursor = m.end;
    }
    return out + snippet.text.substr(cursor);
}

}  // namespace

int search_command(int argc, char** argv) {
    // The API's parameters by their option names (--per-page is per_page).
    std::set<std::string> valued = {"db", "year-from", "year-to", "sort", "page", "per-page", "scope", "versions", "qlang", "ui"};
    for (const std::string& facet : facet_names()) valued.insert(facet);
    Args args = parse_args(argc, argv, 2, valued, {"json", "no-cross-language", "no-places", "no-relax", "as-typed"});
    if (args.help) { std::cout << kHelp; return 0; }
    QueryParams params;
    std::string query;
    for (const auto& p : args.positional) query += (query.empty() ? "" : " ") + p;
    params.emplace("q", query);
    for (const auto& [option, value] : args.options) {
        if (option == "db" || option == "json") continue;
        std::string name = option;
        std::replace(name.begin(), name.end(), '-', '_');
        if (name == "no_cross_language") params.emplace("cross_language", "0");
        else if (name == "no_places") params.emplace("places", "0");
        else if (name == "no_relax") params.emplace("relax", "0");
        else if (name == "as_typed") params.emplace("correct", "0");
        else params.emplace(name, value);
    }
    SearchRequest request;
    // A refusal in the --ui language, as the API gives it (en when --ui itself is wrong).
    auto refused = [&](const BadRequest& e) {
        return UsageError(e.text().in(args.get("ui") == "ru" ? UiLanguage::ru : args.get("ui") == "tg" ? UiLanguage::tg : UiLanguage::en));
    };
    try {
        request = search_request_from_params(params);
    } catch (const BadRequest& e) {
        throw refused(e);
    }

    std::vector<std::string> dbs = args.flag("db") ? args.all("db") : std::vector<std::string>{"build/index"};
    SearchEngine engine(dbs);
    SearchResult result;
    std::map<std::string, std::string> status_labels;  // a hit's legal status, in the --ui language
    try {
        result = engine.with_view([&](IndexView& view) {
            SearchResult found = run_search(view, request);
            for (const SearchHit& h : found.hits)
                if (h.legal_status)
                    status_labels[h.legal_status->state] = view.labels().label("status", h.legal_status->state, std::string(name(request.ui_lang)));
            return found;
        });
    } catch (const BadRequest& e) {
        throw refused(e);
    }
    if (args.flag("json")) {
        std::cout << to_json(result).dump(2) << "\n";
        return 0;
    }
    bool tty = isatty(STDOUT_FILENO);
    std::cout << result.total << " result(s) in " << result.took_ms << " ms";
    if (result.suggestion) std::cout << " — did you mean: " << *result.suggestion;
    std::cout << "\n";
    // How the query was read (interpretation in the JSON), one line per reading that applies.
    auto list = [](const std::vector<std::string>& items) {
        std::string out;
        for (const std::string& item : items) out += (out.empty() ? "" : ", ") + item;
        return out;
    };
    const QueryInterpretation& it = result.interpretation;
    if (!it.corrected.empty())
        std::cout << "nothing matched as typed: showing results for " << it.corrected << " (--as-typed to keep the words)\n";
    std::vector<std::string> shown_first;
    for (const std::string& j : it.jurisdictions)
        if (std::find(it.places_without_match.begin(), it.places_without_match.end(), j) == it.places_without_match.end())
            shown_first.push_back(j);
    if (!shown_first.empty()) std::cout << "places named, shown first: " << list(shown_first) << "\n";
    if (!it.places_without_match.empty())
        std::cout << "no text of " << list(it.places_without_match) << " matches: texts of other places are shown\n";
    if (!it.excluded_jurisdictions.empty())
        std::cout << "left out: the texts of " << list(it.excluded_jurisdictions) << " and texts naming them\n";
    for (const InterpretedWork& w : it.works) std::cout << "work named (" << w.name << "), shown first: " << w.title << "\n";
    if (!it.concepts.empty()) std::cout << "concepts, in every language: " << list(it.concepts) << "\n";
    if (!it.question_words.empty()) std::cout << "question words, not required: " << list(it.question_words) << "\n";
    if (!it.ranking_words.empty() && !it.relaxed)
        std::cout << "words that rank, not required: " << list(it.ranking_words) << "\n";
    if (it.relaxed) std::cout << "few texts had every word: texts with most of them are shown, those with all first\n";
    std::cout << "\n";
    int n = (result.page - 1) * result.per_page;
    for (const SearchHit& h : result.hits) {
        std::cout << ++n << ". " << h.title << "\n   " << h.jurisdiction << " · " << h.lang << " · " << h.type;
        if (h.year) std::cout << " · " << h.year;
        if (h.legal_status) std::cout << " · " << status_labels[h.legal_status->state];
        if (!h.label.empty()) std::cout << " · " << h.label;
        if (!h.heading.empty() && h.heading != h.label) std::cout << ": " << h.heading;
        std::cout << "\n   " << terminal_snippet(h.snippet, tty) << "\n   " << h.id;
        // "+" marks a version that matches the query too.
        for (const HitVersion& v : h.versions) std::cout << (&v == &h.versions.front() ? "   also: " : " ") << v.lang << (v.matched ? "+" : "");
        std::cout << "\n\n";
    }
    return 0;
}

}  // namespace himoya::cli
