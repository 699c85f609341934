#include "indexer/readers/sidecar.h"

#include <filesystem>
#include <system_error>

#include "indexer/readers/reader_text.h"
#include "indexer/readers/registry.h"
#include "indexer/readers/xml_meta.h"
#include "indexer/readers/xml_util.h"

namespace himoya {

namespace fs = std::filesystem;

namespace {
thread_local bool sidecar_not_required = false;
}  // namespace

SidecarNotRequired::SidecarNotRequired() : previous_(sidecar_not_required) { sidecar_not_required = true; }
SidecarNotRequired::~SidecarNotRequired() { sidecar_not_required = previous_; }

std::optional<Document> read_document_without_sidecar(const std::string& path, IngestReport& report,
                                                      const ReaderRegistry& registry) {
    SidecarNotRequired scope;
    ReaderInput input(path);
    ++report.files_seen;
    return registry.read(input, report);
}

std::string sidecar_path(const std::string& path) {
    fs::path p(path);
    return (p.parent_path() / (p.stem().string() + ".meta.xml")).string();
}

bool read_sidecar(const std::string& path, Document& doc, IngestReport& report) {
    if (sidecar_not_required) {
        doc.document_id = id_from_file_name(fs::path(path).stem().string());
        if (doc.document_id.empty()) {
            report.skip(path, 0, "cannot make a document id from the file name; give one (--id)");
            return false;
        }
        doc.work_id = doc.document_id;
        doc.language = "und";
        return true;
    }
    const std::string sidecar = sidecar_path(path);
    std::error_code ec;
    if (!fs::exists(sidecar, ec)) {
        report.skip(path, 0,
                    "missing sidecar metadata file " + fs::path(sidecar).filename().string() +
                        " (a <meta xmlns=\"urn:himoya:corpus:1\"> file, see docs/corpus-format.md)");
        return false;
    }
    ReaderInput input(sidecar);
    ParsedXml xml;
    if (!parse_xml_input(input, xml, report)) return false;
    const LineIndex& lines = xml.lines;
    pugi::xml_node root = xml.doc.document_element();
    if (local_name(root) != "meta" || namespace_uri(root) != kCorpusNamespace) {
        report.skip(sidecar, line_of(root, lines),
                    "sidecar root must be <meta xmlns=\"" + std::string(kCorpusNamespace) +
                        "\">, found <" + root.name() + ">");
        return false;
    }
    if (!read_corpus_meta(root, doc, sidecar, lines, report)) return false;

    std::string id = root.attribute("id").value();
    if (!id.empty() && !is_valid_id(id)) {
        report.skip(sidecar, line_of(root, lines),
                    "invalid document id '" + id + "' (must match [a-z0-9][a-z0-9._-]*)");
        return false;
    }
    if (id.empty()) id = id_from_file_name(fs::path(path).stem().string());
    if (id.empty()) {
        report.skip(path, 0,
                    "cannot make a document id from the file name; add id=\"...\" to the "
                    "sidecar's <meta>");
        return false;
    }
    doc.document_id = id;
    if (doc.work_id.empty()) doc.work_id = id;
    return true;
}

}  // namespace himoya
