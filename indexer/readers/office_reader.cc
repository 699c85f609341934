#include "indexer/readers/office_reader.h"

#include <string_view>
#include <unordered_map>
#include <vector>

#include <pugixml.hpp>

#include "indexer/readers/doc_text.h"
#include "indexer/readers/legacy_tajik.h"
#include "indexer/readers/reader_text.h"
#include "indexer/readers/rtf_text.h"
#include "indexer/readers/sidecar.h"
#include "indexer/readers/text_sections.h"
#include "indexer/readers/xml_util.h"
#include "indexer/readers/zip_archive.h"

namespace himoya {

namespace {

// One paragraph of the body, in order.
struct Block {
    enum class Kind { paragraph, heading, table_row };
    Kind kind = Kind::paragraph;
    std::string text;  // whitespace collapsed, never empty
};

// What a format's files are called in messages: "DOCX", "ODT".
struct Format {
    const char* name;
    const char* doc_format;  // Document::format
};
constexpr Format kDocx{"DOCX", "docx"};
constexpr Format kOdt{"ODT", "odt"};
constexpr Format kRtf{"RTF", "rtf"};
constexpr Format kDoc{"DOC", "doc"};

// The local name of an attribute ("w:val" -> "val"): office XML is read by
// local names, so an unusual prefix does not matter.
pugi::xml_attribute attr(pugi::xml_node node, std::string_view local) {
    for (pugi::xml_attribute a = node.first_attribute(); a; a = a.next_attribute()) {
        std::string_view name = a.name();
        size_t colon = name.find(':');
        if (colon != std::string_view::npos) name.remove_prefix(colon + 1);
        if (name == local) return a;
    }
    return {};
}

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

// An XML part of the archive, loaded and parsed. Its bytes live here, as
// pugixml's nodes point into its own copy.
struct Part {
    pugi::xml_document xml;
    bool present = false;
};

// Loads and parses one part. A required part that is missing, too large,
// unreadable or malformed is a skip of the file (false); an optional one is
// a warning and `part.present` stays false.
bool load_part(const ZipArchive& zip, std::string_view name, bool required, const Format& format,
               const std::string& path, Part& part, IngestReport& report) {
    ZipEntry entry = zip.read(name, kMaxOfficePartBytes);
    std::string what = std::string(name);
    auto problem = [&](const std::string& message) {
        if (required) report.skip(path, 0, message);
        else report.warn(path, 0, message + "; read without it");
        return !required;
    };
    switch (entry.status) {
        case ZipEntry::Status::missing:
            if (!required) return true;
            return problem(std::string("not a valid ") + format.name + " (no " + what + " in the archive)");
        case ZipEntry::Status::too_large:
            return problem(what + " is larger than " + std::to_string(kMaxOfficePartBytes / (1024 * 1024)) +
                           " MiB uncompressed (" + std::to_string(entry.size) +
                           " bytes declared; a zip bomb?): not read");
        case ZipEntry::Status::error:
            return problem(std::string("not a valid ") + format.name + " (zip error reading " + what + ": " +
                           entry.error + ")");
        case ZipEntry::Status::ok:
            break;
    }
    // The XML helpers' problems name the file and a line of the part: say
    // which part, under the archive's name.
    IngestReport scratch;
    std::string_view text = strip_bom(entry.data);
    bool ok = check_source_text(text, what, scratch);
    if (ok) {
        LineIndex text_lines(text);
        ok = parse_xml(text, part.xml, what, text_lines, scratch);
    }
    if (!ok) {
        const IngestProblem& p = scratch.problems.front();
        std::string where = what + (p.line > 0 ? " line " + std::to_string(p.line) : "");
        return problem(std::string("not a valid ") + format.name + " (" + where + ": " + p.message + ")");
    }
    part.present = true;
    return true;
}

// ---- DOCX -------------------------------------------------------------------

enum class StyleKind { normal, heading, toc };

StyleKind kind_of_style_name(std::string_view name) {
    std::string lower = ascii_lower(name);
    if (lower == "title" || starts_with(lower, "heading")) return StyleKind::heading;
    if (starts_with(lower, "toc")) return StyleKind::toc;
    return StyleKind::normal;
}

// Outline levels 0-8 make a heading; 9 is body text.
bool is_outline_level(pugi::xml_node ppr) {
    pugi::xml_attribute level = attr(child_named(ppr, "outlineLvl"), "val");
    return level && level.as_int(9) >= 0 && level.as_int(9) < 9;
}

// Paragraph style id -> what it is, from word/styles.xml: by its name
// ("heading 1", "Title", "toc 1": ids are localised, names are not), its
// outline level, or the style it is based on.
std::unordered_map<std::string, StyleKind> docx_styles(const pugi::xml_document& styles) {
    struct Raw {
        StyleKind kind;
        std::string based_on;
    };
    std::unordered_map<std::string, Raw> raw;
    for (pugi::xml_node s : styles.document_element().children()) {
        if (local_name(s) != "style" || std::string_view(attr(s, "type").value()) != "paragraph") continue;
        StyleKind kind = kind_of_style_name(attr(child_named(s, "name"), "val").value());
        if (kind == StyleKind::normal && is_outline_level(child_named(s, "pPr"))) kind = StyleKind::heading;
        raw[attr(s, "styleId").value()] = {kind, attr(child_named(s, "basedOn"), "val").value()};
    }
    std::unordered_map<std::string, StyleKind> out;
    for (const auto& [id, r] : raw) {
        StyleKind kind = r.kind;
        std::string base = r.based_on;
        for (int hops = 0; kind == StyleKind::normal && !base.empty() && hops < 16; ++hops) {
            auto it = raw.find(base);
            if (it == raw.end()) break;
            kind = it->second.kind;
            base = it->second.based_on;
        }
        out[id] = kind;
    }
    return out;
}

// The text of a paragraph (or of anything inside one): w:t runs, tabs and
// breaks as spaces; deleted text, field codes and alternate renderings not.
void docx_text(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        std::string_view name = local_name(c);
        if (name == "t") {
            for (pugi::xml_node t = c.first_child(); t; t = t.next_sibling())
                if (t.type() == pugi::node_pcdata || t.type() == pugi::node_cdata) out += t.value();
        } else if (name == "tab" || name == "br" || name == "cr" || name == "ptab") {
            out += ' ';
        } else if (name == "noBreakHyphen") {
            out += '-';
        } else if (name == "delText" || name == "instrText" || name == "delInstrText" || name == "Fallback" ||
                   name == "pPr" || name == "rPr") {
            continue;
        } else {
            docx_text(c, out);
        }
    }
}

void docx_table(pugi::xml_node table, std::vector<Block>& out);

// A table cell's text: its paragraphs (and nested tables' rows) in order.
void docx_cell_text(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node c : node.children()) {
        std::string_view name = local_name(c);
        if (name == "p") {
            std::string text;
            docx_text(c, text);
            out += ' ';
            out += text;
        } else if (name == "tbl") {
            std::vector<Block> rows;
            docx_table(c, rows);
            for (const Block& b : rows) out += ' ' + b.text;
        } else if (name != "tcPr" && name != "tblPr") {
            docx_cell_text(c, out);
        }
    }
}

void docx_table(pugi::xml_node table, std::vector<Block>& out) {
    for (pugi::xml_node row : table.children()) {
        if (local_name(row) != "tr") continue;
        std::string line;
        for (pugi::xml_node cell : row.children()) {
            if (local_name(cell) != "tc") continue;
            std::string text;
            docx_cell_text(cell, text);
            text = collapse_whitespace(text);
            if (text.empty()) continue;
            if (!line.empty()) line += " | ";
            line += text;
        }
        if (!line.empty()) out.push_back({Block::Kind::table_row, std::move(line)});
    }
}

void docx_blocks(pugi::xml_node parent, const std::unordered_map<std::string, StyleKind>& styles,
                 std::vector<Block>& out) {
    for (pugi::xml_node c : parent.children()) {
        if (c.type() != pugi::node_element) continue;
        std::string_view name = local_name(c);
        if (name == "p") {
            pugi::xml_node ppr = child_named(c, "pPr");
            std::string style = attr(child_named(ppr, "pStyle"), "val").value();
            StyleKind kind = StyleKind::normal;
            if (!style.empty()) {
                auto it = styles.find(style);
                kind = it != styles.end() ? it->second : kind_of_style_name(style);  // "Heading1", "TOC1"
            }
            if (kind == StyleKind::toc) continue;
            if (kind == StyleKind::normal && is_outline_level(ppr)) kind = StyleKind::heading;
            std::string text;
            docx_text(c, text);
            text = collapse_whitespace(text);
            if (text.empty()) continue;
            out.push_back({kind == StyleKind::heading ? Block::Kind::heading : Block::Kind::paragraph, std::move(text)});
        } else if (name == "tbl") {
            docx_table(c, out);
        } else if (name == "sectPr" || name == "sdtPr" || name == "sdtEndPr") {
            continue;
        } else {
            docx_blocks(c, styles, out);  // w:sdt / w:sdtContent, w:customXml, w:ins ...
        }
    }
}

// ---- ODT --------------------------------------------------------------------

// Paragraph style name -> parent style name, from office:automatic-styles
// and office:styles of content.xml and styles.xml.
void odt_style_parents(const pugi::xml_document& xml, std::unordered_map<std::string, std::string>& parents,
                       std::unordered_map<std::string, bool>& outlined) {
    for (pugi::xml_node group : xml.document_element().children()) {
        std::string_view g = local_name(group);
        if (g != "automatic-styles" && g != "styles") continue;
        for (pugi::xml_node s : group.children()) {
            if (local_name(s) != "style" || std::string_view(attr(s, "family").value()) != "paragraph") continue;
            std::string name = attr(s, "name").value();
            parents[name] = attr(s, "parent-style-name").value();
            if (attr(s, "default-outline-level")) outlined[name] = true;
        }
    }
}

bool odt_heading_style(std::string name, const std::unordered_map<std::string, std::string>& parents,
                       const std::unordered_map<std::string, bool>& outlined) {
    for (int hops = 0; !name.empty() && hops < 16; ++hops) {
        if (kind_of_style_name(name) == StyleKind::heading || outlined.count(name)) return true;
        auto it = parents.find(name);
        if (it == parents.end()) return false;
        name = it->second;
    }
    return false;
}

// Inline text of a paragraph: spans, links, spaces (text:s), tabs and line
// breaks; footnotes, comments and change marks are not text of the paragraph.
void odt_text(pugi::xml_node node, std::string& out) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
            out += c.value();
            continue;
        }
        if (c.type() != pugi::node_element) continue;
        std::string_view name = local_name(c);
        if (name == "s" || name == "tab" || name == "line-break") out += ' ';
        else if (name == "note" || name == "annotation" || name == "ruby-text" || name == "change" ||
                 name == "change-start" || name == "change-end")
            continue;
        else odt_text(c, out);
    }
}

void odt_blocks(pugi::xml_node parent, const std::unordered_map<std::string, std::string>& parents,
                const std::unordered_map<std::string, bool>& outlined, std::vector<Block>& out);

void odt_table(pugi::xml_node node, const std::unordered_map<std::string, std::string>& parents,
               const std::unordered_map<std::string, bool>& outlined, std::vector<Block>& out) {
    for (pugi::xml_node c : node.children()) {
        std::string_view name = local_name(c);
        if (name == "table-row") {
            std::string line;
            for (pugi::xml_node cell : c.children()) {
                if (local_name(cell) != "table-cell") continue;  // covered cells are spanned over
                std::vector<Block> inner;
                odt_blocks(cell, parents, outlined, inner);
                std::string text;
                for (const Block& b : inner) text += ' ' + b.text;
                text = collapse_whitespace(text);
                if (text.empty()) continue;
                if (!line.empty()) line += " | ";
                line += text;
            }
            if (!line.empty()) out.push_back({Block::Kind::table_row, std::move(line)});
        } else if (name == "table-header-rows" || name == "table-rows" || name == "table-row-group") {
            odt_table(c, parents, outlined, out);
        }
    }
}

void odt_blocks(pugi::xml_node parent, const std::unordered_map<std::string, std::string>& parents,
                const std::unordered_map<std::string, bool>& outlined, std::vector<Block>& out) {
    for (pugi::xml_node c : parent.children()) {
        if (c.type() != pugi::node_element) continue;
        std::string_view name = local_name(c);
        if (name == "p" || name == "h") {
            std::string text;
            odt_text(c, text);
            text = collapse_whitespace(text);
            if (text.empty()) continue;
            bool heading = name == "h" || odt_heading_style(attr(c, "style-name").value(), parents, outlined);
            out.push_back({heading ? Block::Kind::heading : Block::Kind::paragraph, std::move(text)});
        } else if (name == "table") {
            odt_table(c, parents, outlined, out);
        } else if (name == "tracked-changes" || name == "table-of-content" || name == "illustration-index" ||
                   name == "table-index" || name == "object-index" || name == "user-index" ||
                   name == "alphabetical-index" || name == "bibliography" || name == "sequence-decls" ||
                   name == "variable-decls" || name == "user-field-decls" || name == "forms" ||
                   name == "annotation") {
            continue;
        } else {
            odt_blocks(c, parents, outlined, out);  // text:list, text:list-item, text:section ...
        }
    }
}

// ---- both -------------------------------------------------------------------

// The length of the number that opens a long paragraph ("1. Насилие в семье
// — ...": "1."; "Моддаи 5. ...": "Моддаи 5."), 0 when it opens with none. match_heading takes only short lines (a line of a
// .txt), but a word processor's paragraph holds a numbered part whole.
size_t leading_number(std::string_view text) {
    size_t end = 0;
    for (int tokens = 0; tokens < 2; ++tokens) {
        end = text.find(' ', text.find_first_not_of(' ', end));
        if (end == std::string_view::npos) return 0;
        // Only a number closed by "." or ":" ("Статья 7 Закона ..." is text).
        if ((text[end - 1] == '.' || text[end - 1] == ':') && match_heading(text.substr(0, end))) return end;
    }
    return 0;
}

// Tajik typed in a legacy font (legacy_tajik.h), decided once for the whole
// document from all its paragraphs, then converted paragraph by paragraph.
void fix_legacy_font(std::vector<Block>& blocks, Document& doc, const std::string& path, IngestReport& report) {
    std::string all;
    for (const Block& b : blocks) all += b.text + '\n';
    LegacyTajikDecision legacy = fix_legacy_tajik(all, doc.language, &doc.title);
    if (legacy.worth_a_note()) report.note(path, legacy.note());
    if (legacy.converted == 0) return;
    size_t from = 0;
    for (Block& b : blocks) {
        size_t end = all.find('\n', from);
        b.text = all.substr(from, end - from);
        from = end + 1;
    }
}

// Blocks -> provisions: styled headings are headings whatever their words,
// other paragraphs when they read like one (or open with a number: the
// number is then the heading and the rest its text); table rows are text.
void feed(const std::vector<Block>& blocks, SectionBuilder& out) {
    int number = 0;
    for (const Block& b : blocks) {
        ++number;
        if (b.kind == Block::Kind::heading) {
            out.heading(b.text, number, true);
        } else if (b.kind == Block::Kind::paragraph && match_heading(b.text)) {
            out.heading(b.text, number, false);
        } else if (size_t head = b.kind == Block::Kind::paragraph ? leading_number(b.text) : 0) {
            out.heading(std::string_view(b.text).substr(0, head), number, false);
            out.paragraph(std::string_view(b.text).substr(head + 1), number);
        } else {
            out.paragraph(b.text, number);
        }
    }
    out.finish();
}

// The blocks of a document read from any of these formats, as its provisions.
Document provisions_from(Document doc, std::vector<Block>& blocks, IngestReport& report) {
    fix_legacy_font(blocks, doc, doc.source_path, report);
    doc.position_unit = "paragraph";  // feed's numbers: the Nth paragraph (or table row)
    SectionBuilder sections(doc, report);
    feed(blocks, sections);
    if (doc.provisions.empty()) report.warn(doc.source_path, 0, "no text found");
    return doc;
}

// Sidecar, then the file's bytes, then the format's own reading of them
// into blocks (`read_blocks(bytes, path, blocks, report)`, false: skipped).
template <typename ReadBlocks>
std::optional<Document> read_with_sidecar(ReaderInput& input, IngestReport& report, const Format& format,
                                          ReadBlocks&& read_blocks) {
    const std::string& path = input.path();
    Document doc;
    doc.source_path = path;
    doc.format = format.doc_format;
    // Metadata first: without a sidecar the file is not read at all.
    if (!read_sidecar(path, doc, report)) return std::nullopt;
    std::optional<std::string_view> bytes = input.bytes(report);
    if (!bytes) return std::nullopt;
    std::vector<Block> blocks;
    if (!read_blocks(*bytes, path, blocks, report)) return std::nullopt;
    return provisions_from(std::move(doc), blocks, report);
}

// Sidecar, archive, then the format's own reading of its parts.
template <typename ReadBody>
std::optional<Document> read_office(ReaderInput& input, IngestReport& report, const Format& format,
                                    ReadBody&& read_body) {
    return read_with_sidecar(input, report, format,
                             [&](std::string_view bytes, const std::string& path, std::vector<Block>& blocks,
                                 IngestReport& rep) {
                                 ZipArchive zip;
                                 std::string error = zip.open(bytes);
                                 if (!error.empty()) {
                                     rep.skip(path, 0, std::string("not a valid ") + format.name +
                                                           " (zip error: " + error + ")");
                                     return false;
                                 }
                                 return read_body(zip, path, blocks, rep);
                             });
}

bool docx_body(const ZipArchive& zip, const std::string& path, std::vector<Block>& blocks, IngestReport& report) {
    Part document, styles;
    if (!load_part(zip, "word/document.xml", true, kDocx, path, document, report)) return false;
    load_part(zip, "word/styles.xml", false, kDocx, path, styles, report);
    pugi::xml_node root = document.xml.document_element();
    pugi::xml_node body = child_named(root, "body");
    if (local_name(root) != "document" || !body) {
        report.skip(path, 0, std::string("not a valid DOCX (word/document.xml has <") + root.name() +
                                 "> and no <w:body>)");
        return false;
    }
    std::unordered_map<std::string, StyleKind> kinds;
    if (styles.present) kinds = docx_styles(styles.xml);
    docx_blocks(body, kinds, blocks);
    return true;
}

bool odt_body(const ZipArchive& zip, const std::string& path, std::vector<Block>& blocks, IngestReport& report) {
    // The first entry "mimetype" says which OpenDocument this is.
    ZipEntry mime = zip.read("mimetype", 256);
    if (mime.status == ZipEntry::Status::ok && mime.data != "application/vnd.oasis.opendocument.text") {
        report.skip(path, 0, "not an ODT text document (its mimetype is '" + collapse_whitespace(mime.data) + "')");
        return false;
    }
    Part content, styles;
    if (!load_part(zip, "content.xml", true, kOdt, path, content, report)) return false;
    load_part(zip, "styles.xml", false, kOdt, path, styles, report);
    pugi::xml_node root = content.xml.document_element();
    pugi::xml_node text = child_named(child_named(root, "body"), "text");
    if (local_name(root) != "document-content" || !text) {
        report.skip(path, 0, std::string("not a valid ODT (content.xml has <") + root.name() +
                                 "> and no <office:body><office:text>)");
        return false;
    }
    std::unordered_map<std::string, std::string> parents;
    std::unordered_map<std::string, bool> outlined;
    odt_style_parents(content.xml, parents, outlined);
    if (styles.present) odt_style_parents(styles.xml, parents, outlined);
    odt_blocks(text, parents, outlined, blocks);
    return true;
}

void append_blocks(std::vector<RtfBlock>& from, std::vector<Block>& blocks) {
    for (RtfBlock& b : from) {
        Block block;
        block.kind = b.kind == RtfBlock::Kind::heading     ? Block::Kind::heading
                     : b.kind == RtfBlock::Kind::table_row ? Block::Kind::table_row
                                                           : Block::Kind::paragraph;
        block.text = std::move(b.text);
        blocks.push_back(std::move(block));
    }
}

// RTF: sidecar, then the text layer (rtf_text.h) as blocks.
bool rtf_body(std::string_view bytes, const std::string& path, std::vector<Block>& blocks, IngestReport& report) {
    RtfText rtf = read_rtf_text(bytes);
    if (!rtf.error.empty()) {
        report.skip(path, 0, rtf.error);
        return false;
    }
    if (!rtf.warning.empty()) report.warn(path, 0, rtf.warning);
    append_blocks(rtf.blocks, blocks);
    return true;
}

// Legacy Word .doc: sidecar, then wvWare's reading of it (doc_text.h).
bool doc_body(std::string_view bytes, const std::string& path, std::vector<Block>& blocks, IngestReport& report) {
    DocText doc = read_doc_text(bytes);
    if (!doc.error.empty()) {
        report.skip(path, 0, doc.error);
        return false;
    }
    append_blocks(doc.blocks, blocks);
    return true;
}

std::optional<Document> read_doc(ReaderInput& input, IngestReport& report) {
    return read_with_sidecar(input, report, kDoc, doc_body);
}

std::optional<Document> read_rtf(ReaderInput& input, IngestReport& report) {
    return read_with_sidecar(input, report, kRtf, rtf_body);
}

std::optional<Document> read_docx(ReaderInput& input, IngestReport& report) {
    return read_office(input, report, kDocx, docx_body);
}

std::optional<Document> read_odt(ReaderInput& input, IngestReport& report) {
    return read_office(input, report, kOdt, odt_body);
}

}  // namespace

const Reader& docx_reader() {
    static const Reader reader{"docx", {".docx"}, "", {".meta.xml"}, &read_docx};
    return reader;
}

const Reader& odt_reader() {
    static const Reader reader{"odt", {".odt"}, "", {".meta.xml"}, &read_odt};
    return reader;
}

const Reader& rtf_reader() {
    static const Reader reader{"rtf", {".rtf"}, "", {".meta.xml"}, &read_rtf};
    return reader;
}

const Reader& doc_reader() {
    static const Reader reader{"doc", {".doc"}, "", {".meta.xml"}, &read_doc};
    return reader;
}

std::optional<Document> read_doc_document(const std::string& path, IngestReport& report) {
    return read_with(doc_reader(), ReaderInput(path), report);
}

std::optional<Document> read_rtf_document(const std::string& path, IngestReport& report) {
    return read_with(rtf_reader(), ReaderInput(path), report);
}

std::optional<Document> read_docx_document(const std::string& path, IngestReport& report) {
    return read_with(docx_reader(), ReaderInput(path), report);
}

std::optional<Document> read_odt_document(const std::string& path, IngestReport& report) {
    return read_with(odt_reader(), ReaderInput(path), report);
}

}  // namespace himoya
