#include "indexer/readers/text_reader.h"

#include <filesystem>
#include <string_view>

#include "indexer/readers/html_text.h"
#include "indexer/readers/reader_text.h"
#include "indexer/readers/text_sections.h"
#include "indexer/readers/xml_meta.h"
#include "indexer/readers/xml_util.h"
#include "indexer/source_file.h"

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

std::optional<Document> read(ReaderInput& input, IngestReport& report) {
    const std::string& path = input.path();
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

    std::optional<std::string_view> content = input.text(report);
    if (!content) return std::nullopt;
    SectionBuilder sections(doc, report);
    if (html) split_html(*content, sections);
    else split_text(*content, sections);
    if (doc.provisions.empty()) report.warn(path, 0, "no text found");

    return doc;
}

}  // namespace

std::string sidecar_path(const std::string& path) {
    fs::path p(path);
    return (p.parent_path() / (p.stem().string() + ".meta.xml")).string();
}

const Reader& text_reader() {
    static const Reader reader{"text", {".txt", ".html", ".htm"}, "", {".meta.xml"}, &read};
    return reader;
}

std::optional<Document> read_text_document(const std::string& path, IngestReport& report) {
    return read_with(text_reader(), ReaderInput(path), report);
}

}  // namespace himoya
