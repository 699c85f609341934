#include <cstdio>
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "search/analysis_report.h"

namespace himoya::cli {
namespace {

const char* kHelp =
    "usage: himoya analyze [--lang tg|ru|en|auto] [--json] TEXT...\n"
    "\n"
    "Shows each word of TEXT as the analyser reads it: the canonical term, its\n"
    "stem and the language it was stemmed as — what the index holds for it.\n";

}  // namespace

int analyze_command(int argc, char** argv) {
    Args args = parse_args(argc, argv, 2, {"lang"}, {"json"});
    if (args.help) { std::cout << kHelp; return 0; }
    if (args.positional.empty()) throw UsageError("no text given");
    std::string text;
    for (const auto& p : args.positional) text += (text.empty() ? "" : " ") + p;
    std::string lang = args.get("lang", "auto");
    if (lang != "tg" && lang != "ru" && lang != "en" && lang != "auto") throw UsageError("--lang must be tg, ru, en or auto");
    nlohmann::json report = analysis_report(text, lang);
    if (args.flag("json")) { std::cout << report.dump(2) << "\n"; return 0; }
    std::cout << "language: " << report["lang"].get<std::string>() << "\n";
    std::printf("%-4s %-24s %-24s %-20s %-4s %s\n", "pos", "token", "term", "stem", "lang", "");
    for (const auto& t : report["tokens"]) {
        std::printf("%-4d %-24s %-24s %-20s %-4s %s\n", t["position"].get<int>(), t["token"].get<std::string>().c_str(),
                    t["term"].get<std::string>().c_str(), t["stem"].get<std::string>().c_str(),
                    t["lang"].get<std::string>().c_str(), t["stopword"].get<bool>() ? "stopword" : "");
    }
    return 0;
}

}  // namespace himoya::cli
