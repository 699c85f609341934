#include <algorithm>
#include <unistd.h>

#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "search/engine.h"
#include "search/search_service.h"
#include "server/api_json.h"

namespace himoya::cli {
namespace {

const char* kHelp =
    "usage: himoya search [--db DIR ...] [filters] [--json] QUERY...\n"
    "\n"
    "Searches the index; QUERY uses the same syntax as the web page: words (all\n"
    "must occur), \"a phrase\", OR, NOT, -word, title:word. An empty QUERY browses.\n"
    "\n"
    "filters (each may repeat; values of one filter are OR-ed):\n"
    "  --jurisdiction CODE   TJ, BA-BIH, BA-SRP, GE, MD, US, INT ...\n"
    "  --lang L              tg, ru, en\n"
    "  --type T              law, code, report, guide ...\n"
    "  --topic ID            thesaurus concept id\n"
    "  --body ID             issuing body's canonical id, e.g. tj-majlisi-oli\n"
    "                        (corpus/bodies.xml; the body facet's value)\n"
    "  --audience GROUP      police, judiciary, ...\n"
    "  --year-from Y --year-to Y\n"
    "other options:\n"
    "  --db DIR              index (default: build/index)\n"
    "  --sort relevance|date|indexed --page N --per-page N --scope all|provision|document\n"
    "  --versions group|separate   one hit per text with its other language versions\n"
    "                        listed under it (default), or every version a hit\n"
    "  --no-cross-language   do not expand thesaurus labels to the other languages\n"
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
    Args args = parse_args(argc, argv, 2,
                           {"db", "jurisdiction", "lang", "type", "topic", "body", "audience", "year-from",
                            "year-to", "sort", "page", "per-page", "scope", "versions"},
                           {"json", "no-cross-language", "as-typed"});
    if (args.help) { std::cout << kHelp; return 0; }
    SearchRequest request;
    for (const auto& p : args.positional) request.query += (request.query.empty() ? "" : " ") + p;
    for (const auto& facet : facet_names())
        for (const auto& v : args.all(facet)) request.filters[facet].push_back(v);
    if (args.flag("year-from")) request.year_from = args.get_int("year-from", 0);
    if (args.flag("year-to")) request.year_to = args.get_int("year-to", 9999);
    try {
        request.sort = parse_enum<SortOrder>(args.get("sort", "relevance"), "--sort");
        request.scope = parse_enum<Scope>(args.get("scope"), "--scope");
        request.versions = parse_enum<VersionMode>(args.get("versions", "group"), "--versions");
    } catch (const BadRequest& e) {
        throw UsageError(e.what());
    }
    request.page = args.get_int("page", 1);
    request.per_page = args.get_int("per-page", 10);
    request.cross_language = !args.flag("no-cross-language");
    request.correct = !args.flag("as-typed");

    std::vector<std::string> dbs = args.flag("db") ? args.all("db") : std::vector<std::string>{"build/index"};
    SearchEngine engine(dbs);
    SearchResult result;
    try {
        result = engine.with_view([&](IndexView& view) { return run_search(view, request); });
    } catch (const BadRequest& e) {
        throw UsageError(e.what());
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
        if (!h.label.empty()) std::cout << " · " << h.label;
        if (!h.heading.empty()) std::cout << ": " << h.heading;
        std::cout << "\n   " << terminal_snippet(h.snippet, tty) << "\n   " << h.id;
        // "+" marks a version that matches the query too.
        for (const HitVersion& v : h.versions) std::cout << (&v == &h.versions.front() ? "   also: " : " ") << v.lang << (v.matched ? "+" : "");
        std::cout << "\n\n";
    }
    return 0;
}

}  // namespace himoya::cli
