#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "search/compare.h"
#include "server/csv.h"
#include "search/engine.h"
#include "search/search_types.h"
#include "server/api_json.h"

namespace himoya::cli {
namespace {

const char* kHelp =
    "usage: himoya compare [--db DIR] --jurisdiction A --jurisdiction B [...]\n"
    "                      (--topic ID | --ic ARTICLE | QUERY...) [--lang L] [--type T]\n"
    "                      [--per-jurisdiction N] [--ui en|ru|tg] [--include-repealed]\n"
    "                      [--json | --format md|csv]\n"
    "\n"
    "Compares 2-4 jurisdictions side by side on a thesaurus topic, an Istanbul\n"
    "Convention article or a free query: the texts about it in each (one per\n"
    "text, shown in the --lang or --ui language when that version exists), the\n"
    "practice passages beside them, and where a jurisdiction is silent. The\n"
    "language never changes what is found. Repealed law is left out unless\n"
    "--include-repealed. --format md prints a brief for a memo, csv a table.\n"
    "\n"
    "  himoya compare --jurisdiction TJ --jurisdiction BA-BIH --topic emergency-protection-orders\n"
    "  himoya compare --jurisdiction TJ --jurisdiction GE --ic 52\n";


}  // namespace

int compare_command(int argc, char** argv) {
    Args args = parse_args(argc, argv, 2,
                           {"db", "jurisdiction", "topic", "ic", "lang", "type", "per-jurisdiction", "ui", "format"},
                           {"json", "include-repealed"});
    if (args.help) { std::cout << kHelp; return 0; }
    CompareRequest request;
    request.jurisdictions = args.all("jurisdiction");
    request.topic = args.get("topic");
    request.istanbul_article = args.get("ic");
    for (const auto& p : args.positional) request.query += (request.query.empty() ? "" : " ") + p;
    request.languages = args.all("lang");
    request.types = args.all("type");
    request.per_jurisdiction = args.get_int("per-jurisdiction", 5);
    try {
        request.ui_lang = parse_enum<UiLanguage>(args.get("ui", "en"), "--ui");
    } catch (const BadRequest& e) {
        throw UsageError(e.what());
    }
    request.include_repealed = args.flag("include-repealed");
    std::vector<std::string> dbs = args.flag("db") ? args.all("db") : std::vector<std::string>{"build/index"};
    SearchEngine engine(dbs);
    CompareResult result;
    try {
        result = engine.with_view([&](IndexView& view) { return compare_jurisdictions(view, request); });
    } catch (const BadRequest& e) {
        throw UsageError(e.what());
    }
    const nlohmann::json out = to_json(result);
    if (args.flag("json")) {
        std::cout << out.dump(2) << "\n";
        return 0;
    }
    if (args.flag("format")) {
        ExportLabels labels;
        for (const auto& [kind, table] : engine.labels()) labels[kind] = table;
        std::string format = args.get("format");
        if (format == "md") std::cout << compare_markdown(out, std::string(name(request.ui_lang)), labels);
        else if (format == "csv") std::cout << compare_csv(out, std::string(name(request.ui_lang)), labels);
        else throw UsageError("--format must be md or csv");
        return 0;
    }
    if (!result.corrected.empty())
        std::cout << "nothing in the collection matches \"" << result.query << "\": compared \"" << result.corrected << "\"\n\n";
    if (!result.matched_anywhere)
        std::cout << "no text of the collection matches \"" << result.query
                  << "\": the empty columns say nothing about the jurisdictions\n\n";
    for (const CompareColumn& column : result.columns) {
        std::cout << "== " << column.jurisdiction << " (" << column.total << " texts about it, " << column.mentions_total
                  << " only mention it)\n";
        if (column.total == 0 && result.matched_anywhere) {
            // What the gap rests on (docs/corpus-format.md, "Extent").
            switch (column.gap()) {
                case GapKind::silent:
                    std::cout << "   gap: no provision about this topic; every act is held whole: the law is silent\n";
                    break;
                case GapKind::stated:
                    std::cout << "   gap: a text held says the law has no provision on this topic (among the mentions below)\n";
                    break;
                case GapKind::not_held:
                    std::cout << "   gap: no provision about this topic in the parts held; covered in parts not held of:\n";
                    for (const NotHeldWork& w : column.not_held) std::cout << "     " << w.title << " [" << w.document_id << "]\n";
                    break;
                default:
                    std::cout << "   gap: no provision about this topic in the selected provisions held; the law may still cover it\n";
            }
        }
        if (column.holdings.in_part > 0)
            std::cout << "   acts held only in selected provisions: " << column.holdings.in_part << " of " << column.holdings.works << "\n";
        if (column.repealed_excluded > 0)
            std::cout << "   " << column.repealed_excluded << " texts of repealed law left out (--include-repealed)\n";
        for (const CompareCard& card : column.provisions) {
            const SearchHit& h = card.hit;
            std::cout << " - " << h.title;
            if (!h.label.empty()) std::cout << ", " << h.label;
            std::cout << " [" << h.id << "]";
            if (h.legal_status) std::cout << " (" << h.legal_status->state << ")";
            std::cout << "\n   " << h.snippet.text << "\n";
        }
        for (const CompareCard& card : column.practice)
            std::cout << "   practice: " << card.hit.title << " [" << card.hit.id << "]\n";
        std::cout << "\n";
    }
    return 0;
}

}  // namespace himoya::cli
