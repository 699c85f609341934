#include "indexer/text_reader.h"

#include <exception>
#include <filesystem>
#include <string_view>

#include "indexer/html_text.h"
#include "indexer/reader_text.h"
#include "indexer/source_file.h"
#include "indexer/text_sections.h"
#include "indexer/xml_meta.h"
#include "indexer/xml_util.h"

namespace himoya {

namespace {

namespace fs = std::filesystem;

// Fills metadata from the sidecar; false after a skip.
bool read_sidecar(const std::string& path, const std::string& sidecar, Document& doc,
                  IngestReport& report) {
    std::error_code ec;
    if (!fs::exists(sidecar, ec)) {
        report.skip(path, 0,
                    "missing sidecar metadata file " + fs::path(sidecar).filename().string() +
                        " (a <meta xmlns=\"urn:himoya:corpus:1\"> file, see docs/corpus-format.md)");
        return false;
    }
    std::string xml;
    if (!load_source_file(sidecar, xml, report) || !check_source_text(xml, sidecar, report))
        return false;
    std::string_view text = strip_bom(xml);
    LineIndex lines(text);
    pugi::xml_document xdoc;
    if (!parse_xml(text, xdoc, sidecar, lines, report)) return false;
    pugi::xml_node root = xdoc.document_element();
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
    if (id.empty()) id = slugify(fs::path(path).stem().string());
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

// Plain text: headings on their own lines, paragraphs separated by blank lines.
void split_text(std::string_view text, SectionBuilder& out) {
    std::string paragraph;
    int paragraph_line = 0, line_no = 0;
    auto flush = [&] {
        if (!paragraph.empty()) out.paragraph(paragraph, paragraph_line);
        paragraph.clear();
    };
    size_t pos = 0;
    while (pos <= text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos) end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        ++line_no;
        pos = end + 1;
        if (line.find_first_not_of(" \t\r\f\v") == std::string_view::npos) {
            flush();
        } else if (match_heading(line)) {
            flush();
            out.heading(line, line_no, false);
        } else {
            if (paragraph.empty()) paragraph_line = line_no;
            else paragraph += ' ';
            paragraph += line;
        }
        if (end == text.size()) break;
    }
    flush();
    out.finish();
}

void split_html(std::string_view html, SectionBuilder& out) {
    LineIndex lines(html);
    for (const HtmlBlock& b : html_blocks(html)) {
        int line = lines.line_at(static_cast<std::ptrdiff_t>(b.offset));
        if (b.heading) out.heading(b.text, line, true);
        else out.paragraph(b.text, line);
    }
    out.finish();
}

std::optional<Document> read(const std::string& path, IngestReport& report) {
    std::string ext = ascii_lower(fs::path(path).extension().string());
    bool html = ext == ".html" || ext == ".htm";
    if (!html && ext != ".txt") {
        report.skip(path, 0, "not a .txt, .html or .htm file");
        return std::nullopt;
    }
    Document doc;
    doc.source_path = path;
    doc.format = html ? "html" : "text";
    // Metadata first: without a sidecar the file is not read at all.
    if (!read_sidecar(path, sidecar_path(path), doc, report)) return std::nullopt;

    std::string content;
    if (!load_source_file(path, content, report) || !check_source_text(content, path, report))
        return std::nullopt;
    SectionBuilder sections(doc, report);
    if (html) split_html(strip_bom(content), sections);
    else split_text(strip_bom(content), sections);
    if (doc.provisions.empty()) report.warn(path, 0, "no text found");

    ++report.documents_read;
    return doc;
}

}  // namespace

std::string sidecar_path(const std::string& path) {
    fs::path p(path);
    return (p.parent_path() / (p.stem().string() + ".meta.xml")).string();
}

std::optional<Document> read_text_document(const std::string& path, IngestReport& report) {
    // The reader boundary: whatever goes wrong inside becomes a problem.
    try {
        return read(path, report);
    } catch (const std::exception& e) {
        report.skip(path, 0, std::string("internal error while reading: ") + e.what());
    } catch (...) {
        report.skip(path, 0, "internal error while reading");
    }
    return std::nullopt;
}

}  // namespace himoya
