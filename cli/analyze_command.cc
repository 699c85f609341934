#include <cstdio>
#include <iostream>

#include "analysis/utf8.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "search/analysis_report.h"
#include "server/api_json.h"

namespace himoya::cli {
namespace {

const char* kHelp =
    "usage: himoya analyze [--lang tg|ru|en|auto] [--json] TEXT...\n"
    "\n"
    "Shows each word of TEXT as the analyser reads it: the raw token, its\n"
    "normalised (canonical) form, the folded-layer key that substitute spellings\n"
    "share, its stem and the language it was stemmed as — what the index holds.\n";

}  // namespace

int analyze_command(int argc, char** argv) {
    Args args = parse_args(argc, argv, 2, {"lang"}, {"json"});
    if (args.help) { std::cout << kHelp; return 0; }
    if (args.positional.empty()) throw UsageError("no text given");
    std::string text;
    for (const auto& p : args.positional) text += (text.empty() ? "" : " ") + p;
    if (find_invalid_utf8(text) != std::string::npos) throw UsageError("the text is not valid UTF-8");
    std::string lang = args.get("lang", "auto");
    if (lang != "tg" && lang != "ru" && lang != "en" && lang != "auto") throw UsageError("--lang must be tg, ru, en or auto");
    nlohmann::json report = to_json(analysis_report(text, lang));
    if (args.flag("json")) { std::cout << report.dump(2) << "\n"; return 0; }
    std::cout << "language: " << report["lang"].get<std::string>()
              << (report.value("latin_tajik", false) ? " (Tajik in Latin letters)" : "") << "\n";
    // Columns are padded by hand: printf pads bytes, and Cyrillic letters take two.
    auto cell = [](const std::string& s, size_t width) {
        size_t letters = 0;
        for (unsigned char c : s) letters += (c & 0xC0) != 0x80;
        return s + std::string(letters < width ? width - letters : 1, ' ');
    };
    std::cout << cell("pos", 5) << cell("token", 18) << cell("normalized", 18) << cell("folded", 16)
              << cell("stem", 16) << cell("lang", 5) << "\n";
    for (const auto& t : report["tokens"]) {
        std::string stem = t["stem"].get<std::string>();
        std::string folded = t.value("folded", "");
        if (t.contains("tajik")) {  // Latin-script Tajik: show the Cyrillic reading too
            stem += " / " + t["tajik"]["stem"].get<std::string>();
            folded = t["tajik"]["folded"].get<std::string>();
        }
        if (t.contains("tajik_plural")) {  // and its plural reading (markazhoi: марказҳои)
            stem += " | " + t["tajik_plural"]["stem"].get<std::string>();
            folded += " | " + t["tajik_plural"]["folded"].get<std::string>();
        }
        std::cout << cell(std::to_string(t["position"].get<int>()), 5) << cell(t["token"].get<std::string>(), 18)
                  << cell(t["term"].get<std::string>(), 18) << cell(folded.empty() ? "-" : folded, 16) << cell(stem, 16)
                  << cell(t["lang"].get<std::string>(), 5) << (t["stopword"].get<bool>() ? "stopword" : "") << "\n";
    }
    return 0;
}

}  // namespace himoya::cli
