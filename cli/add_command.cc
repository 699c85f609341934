// `himoya add FILE...`: adds documents to the library folder and the index.
// For each file: read its text without a sidecar, infer its metadata
// (indexer/metadata_inference.h), overlay what the flags give, show both as a
// table, refuse it when a required value is still missing (naming the flags to
// give), else copy it into the library with its sidecar NAME.meta.xml. Then
// one incremental index run over the corpus and the library
// (cli/library_index.h): the new generation is switched in atomically and a
// running server opens it by itself.
#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <optional>
#include <set>

#include "cli/args.h"
#include "cli/commands.h"
#include "cli/library_index.h"
#include "search/document_service.h"
#include "search/index_view.h"
#include "indexer/metadata_inference.h"

namespace himoya::cli {
namespace {

namespace fs = std::filesystem;

const char* kHelp =
    "usage: himoya add FILE... [--library DIR] [--db DIR] [--corpus DIR ...] [--dry-run]\n"
    "                  [--jurisdiction J] [--type T] [--audience A] [--title T] [--lang L]\n"
    "                  [--date D] [--number N] [--id ID] [--body NAME] [--text-status S]\n"
    "                  [--extent E] [--status S [--status-since D]] [--official-title T]\n"
    "\n"
    "Adds documents (.txt, .html, .htm, .pdf, .docx, .odt, .rtf, .doc; corpus XML or Akoma Ntoso\n"
    ".xml with their own metadata) to the library folder and the index. The metadata\n"
    "of a file without its own is inferred from its text (language, title, date and\n"
    "number of the act, type, issuing body; jurisdiction from its folder's name) and\n"
    "shown next to what was given, one table per file; a value given here wins. A\n"
    "file whose required metadata is neither inferred nor given is refused, with the\n"
    "flags to give. The others are copied into the library with a sidecar\n"
    "NAME.meta.xml (docs/corpus-format.md), replacing a file of the same name there,\n"
    "and indexed incrementally; a running 'himoya serve' picks them up by itself.\n"
    "Each added document's provisions are then listed with the concepts they are\n"
    "about, assigned automatically unless the document carries subject indexing.\n"
    "\n"
    "  --library DIR        where added files and their sidecars go (default: the\n"
    "                       folder 'library' beside the index, e.g. build/library)\n"
    "  --db DIR             index directory (default: build/index)\n"
    "  --corpus DIR         the corpus folders to index with the library; repeat for\n"
    "                       several (default: the folders the index was built from, which\n"
    "                       it remembers; for an index without that, corpus, or\n"
    "                       PREFIX/share/himoya/corpus when installed). A remembered folder\n"
    "                       left out is named in a warning: its documents leave the index\n"
    "  --dry-run            show what would be inferred and written; write nothing\n"
    "  --jurisdiction J     ISO 3166 code (TJ, BA-SRP) or INT\n"
    "  --type T             law code bylaw programme standard manual report news treaty\n"
    "                       recommendation resolution guide training\n"
    "  --audience A         audience groups, comma-separated (police,judiciary), of:\n"
    "                       police judiciary prosecutors health social-work\n"
    "                       shelters-ngos general-public legislators\n"
    "  --title T            title in the document's language\n"
    "  --lang L             tg, ru or en: the languages Himoya analyses\n"
    "  --date D             YYYY, YYYY-MM or YYYY-MM-DD (adoption or publication)\n"
    "  --number N           the act's official number\n"
    "  --id ID              document id (default: from the file name)\n"
    "  --body NAME          issuing body, in the document's language\n"
    "  --text-status S      official | official-translation | unofficial-translation |\n"
    "                       summary (default: summary when the title says so, else official)\n"
    "  --extent E           whole | selected: whether the file holds the whole act or some\n"
    "                       parts (default: selected for a summary, else whole); a gap in\n"
    "                       compare is the law's silence only where its acts are held whole\n"
    "  --status S           legal status: in-force | amended | repealed | expired |\n"
    "                       not-yet-in-force; required for a law, code, treaty or\n"
    "                       programme (a file of these types without it is refused), may\n"
    "                       be given for a bylaw, not for a practice document\n"
    "  --status-since D     when that status began: YYYY, YYYY-MM or YYYY-MM-DD (for\n"
    "                       amended, the first amendment); left out when not known\n"
    "  --official-title T   title in the original language (default: the title)\n"
    "\n"
    "--title, --number, --id and --official-title name one document: one FILE only.\n"
    "A value of a flag the corpus format does not accept is a usage error naming what\n"
    "it accepts; nothing is read or written.\n"
    "Exit status: 0 every file added and indexed; 2 some were refused, or a file of the\n"
    "library was skipped or cut short by the indexer, and the rest added; 1 nothing added,\n"
    "or the index run failed; 64 usage.\n";

// flag → field name of metadata_inference.h
const std::map<std::string, std::string> kFieldFlags = {
    {"jurisdiction", "jurisdiction"}, {"type", "type"},   {"audience", "audience"},
    {"title", "title"},               {"lang", "language"}, {"date", "date"},
    {"number", "number"},             {"id", "id"},       {"body", "issuing-body"},
    {"text-status", "text-status"},   {"official-title", "official-title"}, {"extent", "extent"},
    {"status", "legal-status"},       {"status-since", "legal-status-since"},
};

size_t display_width(const std::string& s) {
    size_t n = 0;
    for (char c : s)
        if ((static_cast<unsigned char>(c) & 0xC0) != 0x80) ++n;
    return n;
}

std::string pad(const std::string& s, size_t width) {
    size_t w = display_width(s);
    return s + std::string(w < width ? width - w : 1, ' ');
}

void print_table(const PreparedAddition& a) {
    std::printf("  %s%s%s%s\n", pad("field", 16).c_str(), pad("value", 48).c_str(), pad("origin", 11).c_str(),
                "why");
    for (const std::string& name : metadata_field_order()) {
        auto it = a.fields.find(name);
        std::string value = it == a.fields.end() ? "" : it->second.value;
        std::string origin = it == a.fields.end() ? "-" : it->second.origin;
        std::string why = it == a.fields.end() ? "" : it->second.evidence;
        if (value.empty()) {
            bool required = false;
            for (const RequiredField& f : required_metadata()) required = required || name == f.name;
            if (name == "legal-status") {
                auto type = a.fields.find("type");
                required = type != a.fields.end() && requires_legal_status(type->second.value);
            }
            if (!required) continue;
            value = "?";
            origin = "MISSING";
        }
        std::printf("  %s%s%s%s\n", pad(name, 16).c_str(), pad(value, 48).c_str(), pad(origin, 11).c_str(),
                    why.c_str());
    }
}

// Writes `bytes` to `path` through a temporary file renamed over it.
bool write_atomically(const fs::path& path, const std::string& bytes, std::string& error) {
    fs::path tmp = path;
    tmp += ".tmp-" + std::to_string(getpid());
    {
        std::ofstream out(tmp, std::ios::binary);
        out << bytes;
        out.flush();
        if (!out) {
            error = "cannot write " + tmp.string();
            return false;
        }
    }
    std::error_code ec;
    fs::rename(tmp, path, ec);
    if (ec) {
        fs::remove(tmp, ec);
        error = "cannot write " + path.string() + ": " + ec.message();
        return false;
    }
    return true;
}

bool copy_atomically(const fs::path& from, const fs::path& to, std::string& error) {
    fs::path tmp = to;
    tmp += ".tmp-" + std::to_string(getpid());
    std::error_code ec;
    fs::copy_file(from, tmp, fs::copy_options::overwrite_existing, ec);
    if (!ec) fs::rename(tmp, to, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        error = "cannot copy " + from.string() + " to " + to.string() + ": " + ec.message();
        return false;
    }
    return true;
}

// What each added document's provisions are about, as indexed: the office
// sees at once what compare and the matrix will count them under, and
// whether an editor's indexing or the tagger decided it.
void print_concepts(const std::string& db, const std::vector<std::pair<PreparedAddition, fs::path>>& added) {
    try {
        IndexView view({db});
        for (const auto& [a, target] : added) {
            std::optional<DocumentPage> page = find_document(view, a.document_id);
            if (!page) continue;
            std::printf("%s: topics %s\n", a.document_id.c_str(),
                        page->document.concepts_automatic ? "assigned automatically (no editor has indexed it)" : "from its subject indexing");
            for (const StoredRecord& p : page->provisions) {
                std::string about;
                for (const std::string& id : p.topics) about += (about.empty() ? "" : ", ") + id;
                const std::string& name = p.label.empty() ? p.unit_id : p.label;
                std::printf("  %s: %s\n", name.c_str(), about.empty() ? "-" : about.c_str());
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "himoya add: cannot read back the topics: " << e.what() << "\n";
    }
}

}  // namespace

int add_command(int argc, char** argv) {
    std::set<std::string> valued = {"library", "db", "corpus"};
    for (const auto& [flag, field] : kFieldFlags) valued.insert(flag);
    Args args = parse_args(argc, argv, 2, valued, {"dry-run"});
    if (args.help) { std::cout << kHelp; return 0; }
    if (args.positional.empty()) throw UsageError("no FILE to add");
    for (const char* single : {"title", "number", "id", "official-title"})
        if (args.flag(single) && args.positional.size() > 1)
            throw UsageError(std::string("--") + single + " names one document; give one FILE with it");
    for (const auto& [name, value] : args.options)
        if (name != "corpus" && args.all(name).size() > 1) throw UsageError("--" + name + " given twice");

    std::map<std::string, std::string> given;
    for (const auto& [flag, field] : kFieldFlags)
        if (args.flag(flag)) given[field] = args.get(flag);
    if (given.count("jurisdiction")) {
        std::string& j = given["jurisdiction"];
        for (char& c : j) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    }
    // A value the corpus format does not accept is the caller's mistake, whatever the file.
    std::string bad;
    for (const MetadataValueProblem& p : metadata_value_problems(given))
        bad += (bad.empty() ? "" : "; ") + p.flag + " '" + p.value + "' is not " + p.rule;
    if (!bad.empty()) throw UsageError(bad);
    if (given.count("legal-status-since") && !given.count("legal-status"))
        throw UsageError("--status-since says when the --status began; give --status with it");

    const std::string db = args.get("db", "build/index");
    std::string library = args.get("library");
    if (library.empty()) {
        fs::path parent = fs::path(db).lexically_normal().parent_path();
        library = (parent / "library").string();
    }
    std::vector<std::string> warnings;
    std::vector<std::string> corpus =
        corpus_folders(args.flag("corpus") ? args.all("corpus") : std::vector<std::string>{}, library, db, warnings);
    for (const std::string& w : warnings) std::cerr << "warning: " << w << "\n";
    const bool dry_run = args.flag("dry-run");
    // A scan read here to infer its metadata is not read by OCR again by the
    // index run that follows: both use the index folder's OCR cache
    // (indexer/readers/ocr_cache.h), which a dry run only reads.
    const IndexOcrCacheScope ocr_cache(db, dry_run);

    int refused = 0;
    std::vector<std::pair<PreparedAddition, fs::path>> accepted;  // with its place in the library
    std::set<std::string> names;
    for (const std::string& file : args.positional) {
        PreparedAddition a = prepare_addition(file, given, corpus);
        for (const IngestProblem& p : a.report.problems) {
            if (p.info) continue;
            std::cerr << p.to_string() << (p.fatal ? " [skipped]" : " [warning]") << "\n";
        }
        if (!a.readable) {
            std::cerr << file << ": refused: cannot be read (above)\n";
            ++refused;
            continue;
        }
        const fs::path target = fs::path(library) / fs::path(file).filename();
        std::printf("%s -> %s%s (id %s, %d provision(s))\n", file.c_str(), target.string().c_str(),
                    a.own_metadata ? "" : " + sidecar", a.document_id.c_str(), a.provisions);
        print_table(a);
        if (!a.missing.empty()) {
            std::string list;
            for (const std::string& m : a.missing) list += (list.empty() ? "" : ", ") + m;
            std::cerr << file << ": refused: required metadata neither inferred nor given; give " << list << "\n";
            ++refused;
            continue;
        }
        if (!names.insert(target.filename().string()).second) {
            std::cerr << file << ": refused: another FILE of this run has the same name " << target.filename()
                      << " in the library\n";
            ++refused;
            continue;
        }
        std::error_code ec;
        if (fs::exists(target, ec)) std::printf("  replaces %s\n", target.string().c_str());
        accepted.emplace_back(std::move(a), target);
    }

    if (dry_run) {
        for (const auto& [a, target] : accepted) {
            if (a.own_metadata) continue;
            fs::path sidecar = target.parent_path() / (target.stem().string() + ".meta.xml");
            std::printf("\n--dry-run: would write %s:\n%s", sidecar.string().c_str(), a.sidecar_xml.c_str());
        }
        std::printf("--dry-run: nothing written, nothing indexed (%zu file(s) would be added, %d refused)\n",
                    accepted.size(), refused);
        return accepted.empty() ? 1 : refused > 0 ? 2 : 0;
    }
    if (accepted.empty()) {
        std::cerr << "himoya add: nothing added\n";
        return 1;
    }

    std::error_code ec;
    fs::create_directories(library, ec);
    if (ec) {
        std::cerr << "himoya add: cannot create the library folder " << library << ": " << ec.message() << "\n";
        return 1;
    }
    std::set<std::string> copies;
    for (const auto& [a, target] : accepted) {
        std::string error;
        // The sidecar first: the watcher (serve --watch) then never sees the file without it.
        if (!a.own_metadata) {
            fs::path sidecar = target.parent_path() / (target.stem().string() + ".meta.xml");
            if (!write_atomically(sidecar, a.sidecar_xml, error)) {
                std::cerr << a.source_path << ": refused: " << error << "\n";
                ++refused;
                continue;
            }
        }
        if (fs::equivalent(a.source_path, target, ec)) {
            std::printf("%s is in the library already; its sidecar was written\n", a.source_path.c_str());
        } else if (!copy_atomically(a.source_path, target, error)) {
            std::cerr << a.source_path << ": refused: " << error << "\n";
            ++refused;
            continue;
        }
        copies.insert(target.string());
    }
    if (copies.empty()) return 1;

    IngestReport report;
    IndexSummary s = index_library(corpus, library, db, 0, report);
    int elsewhere = 0, skipped_here = 0;
    for (const IngestProblem& p : report.problems) {
        if (p.info) continue;
        if (!copies.count(p.file) && p.file.rfind(library, 0) != 0) {
            ++elsewhere;
            continue;
        }
        // A file of the library skipped or cut by the indexer (an added one, or
        // one added before) is not wholly searchable: exit 2, as himoya index.
        if (p.fatal || p.truncated) ++skipped_here;
        std::cerr << p.to_string() << (p.truncated ? " [truncated]" : p.fatal ? " [skipped]" : p.kept ? " [kept]" : " [warning]")
                  << "\n";
    }
    if (!s.error.empty()) {
        std::cerr << "himoya add: indexing failed: " << s.error << " (the files are in " << library
                  << "; 'himoya index --incremental' with the same folders indexes them)\n";
        return 1;
    }
    if (elsewhere > 0)
        std::cerr << elsewhere << " problem(s) in other corpus files ('himoya index' lists them)\n";
    std::fprintf(stderr, "indexed into %s: %d document(s) added or replaced, %d deleted, %d unchanged", db.c_str(),
                 s.rewritten, s.deleted, s.unchanged);
    if (s.kept > 0) std::fprintf(stderr, ", %d kept at their previous version ([kept] above)", s.kept);
    std::fprintf(stderr, "%s\n", s.switched ? "" : "; index NOT switched");
    if (!s.switched) return 1;
    print_concepts(db, accepted);
    return refused > 0 || skipped_here > 0 ? 2 : 0;
}

}  // namespace himoya::cli
