#include "indexer/readers/text_reader.h"

#include <filesystem>
#include <string_view>

#include "indexer/readers/html_text.h"
#include "indexer/readers/legacy_tajik.h"
#include "indexer/readers/reader_text.h"
#include "indexer/readers/sidecar.h"
#include "indexer/readers/text_encoding.h"
#include "indexer/readers/text_sections.h"
#include "indexer/source_file.h"

namespace himoya {

namespace {

namespace fs = std::filesystem;

// Plain text: headings on their own lines, paragraphs separated by blank
// lines; each line of a paragraph keeps its line number (a source mark), so
// that `himoya add` can name the line a date stands on.
void split_text(std::string_view text, SectionBuilder& out) {
    std::string paragraph;
    std::vector<Provision::SourceMark> marks;
    int paragraph_line = 0, line_no = 0;
    auto flush = [&] {
        if (!paragraph.empty()) out.paragraph(paragraph, paragraph_line, marks);
        paragraph.clear();
        marks.clear();
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
            // Collapsed as the section builder would, so the offsets hold.
            const std::string collapsed = collapse_whitespace(line);
            if (paragraph.empty()) paragraph_line = line_no;
            else paragraph += ' ';
            marks.push_back({paragraph.size(), line_no});
            paragraph += collapsed;
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
    doc.position_unit = html ? "block-line" : "line";
    // Metadata first: without a sidecar the file is not read at all.
    if (!read_sidecar(path, doc, report)) return std::nullopt;

    // Any encoding, decided per file (text_encoding.h); then a legacy Tajik
    // font, decided per document (legacy_tajik.h). Both are noted when used.
    std::optional<std::string_view> bytes = input.bytes(report);
    if (!bytes) return std::nullopt;
    std::optional<DecodedText> content = decode_text_bytes(*bytes, path, html, report);
    if (!content) return std::nullopt;
    if (content->converted()) report.note(path, content->note());
    LegacyTajikDecision legacy = fix_legacy_tajik(content->text, doc.language, &doc.title);
    if (legacy.worth_a_note()) report.note(path, legacy.note());

    SectionBuilder sections(doc, report);
    if (html) split_html(content->text, sections);
    else split_text(content->text, sections);
    if (doc.provisions.empty()) report.warn(path, 0, "no text found");

    return doc;
}

}  // namespace

const Reader& text_reader() {
    static const Reader reader{"text", {".txt", ".html", ".htm"}, "", {".meta.xml"}, &read};
    return reader;
}

std::optional<Document> read_text_document(const std::string& path, IngestReport& report) {
    return read_with(text_reader(), ReaderInput(path), report);
}

}  // namespace himoya
