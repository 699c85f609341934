// himoya export: the whole knowledge base as JSON Lines on stdout, the same
// lines as GET /api/export.jsonl (search/export_service.h, export_json in
// server/api_json.h), written as they come: no size cap.
#include <iostream>

#include "cli/args.h"
#include "cli/commands.h"
#include "search/engine.h"
#include "search/export_service.h"
#include "server/api_json.h"

namespace himoya::cli {
namespace {

const char* kHelp =
    "usage: himoya export [--format jsonl] [--db DIR]\n"
    "\n"
    "Writes the whole knowledge base to stdout as JSON Lines, one object a line\n"
    "with a \"kind\": every document (metadata, legal status, language versions)\n"
    "followed by its provisions (id, document, num, heading, label, text, topics,\n"
    "mentions), documents by id, then the thesaurus's concepts. The same index\n"
    "gives the same lines in the same order (docs/api.md, /api/export.jsonl).\n"
    "\n"
    "  himoya export --db build/index > himoya.jsonl\n";

}  // namespace

int export_command(int argc, char** argv) {
    Args args = parse_args(argc, argv, 2, {"db", "format"}, {});
    if (args.help) {
        std::cout << kHelp;
        return 0;
    }
    if (!args.positional.empty()) throw UsageError("unexpected argument '" + args.positional.front() + "'");
    if (std::string format = args.get("format", "jsonl"); format != "jsonl")
        throw UsageError("--format must be jsonl");
    SearchEngine engine(std::vector<std::string>{args.get("db", "build/index")});
    auto line = [](const nlohmann::json& j) {
        std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << '\n';
        return static_cast<bool>(std::cout);
    };
    ExportVisitor visitor;
    visitor.document = [&](const ExportedDocument& d) { return line(export_json(d)); };
    visitor.provision = [&](const StoredRecord& p) { return line(export_json(p)); };
    visitor.concept_entry = [&](const Concept& c) { return line(export_json(c)); };
    ExportCounts counts = engine.with_view([&](IndexView& v) { return export_knowledge_base(v, visitor); });
    std::cout.flush();
    if (counts.stopped || !std::cout) {
        std::cerr << "himoya export: cannot write to stdout\n";
        return 1;
    }
    std::cerr << "exported " << counts.documents << " documents, " << counts.provisions << " provisions, "
              << counts.concepts << " concepts\n";
    return 0;
}

}  // namespace himoya::cli
