#include "indexer/readers/xml_util.h"

#include "indexer/readers/reader_text.h"

namespace himoya {

namespace {

// The first element nested deeper than `limit` levels (walked without
// recursion), or a null node when there is none.
pugi::xml_node too_deep(pugi::xml_node root, int limit) {
    int depth = 0;
    pugi::xml_node n = root.first_child();
    while (n) {
        if (n.type() == pugi::node_element && depth + 1 > limit) return n;
        if (n.first_child()) {
            n = n.first_child();
            ++depth;
            continue;
        }
        while (n && !n.next_sibling() && n != root) {
            n = n.parent();
            --depth;
        }
        if (!n || n == root) break;
        n = n.next_sibling();
    }
    return {};
}

void append_text(pugi::xml_node node, TextBuilder& out) {
    for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
        if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) out.append(c.value());
        else if (c.type() == pugi::node_element) append_text(c, out);
    }
}

}  // namespace

bool parse_xml(std::string_view text, pugi::xml_document& doc, const std::string& name,
               const LineIndex& lines, IngestReport& report) {
    // parse_doctype keeps the DOCTYPE as a node so we can refuse it;
    // parse_ws_pcdata keeps the spaces between inline elements.
    unsigned options = pugi::parse_default | pugi::parse_doctype | pugi::parse_ws_pcdata;
    pugi::xml_parse_result result =
        doc.load_buffer(text.data(), text.size(), options, pugi::encoding_utf8);
    if (!result) {
        report.skip(name, lines.line_at(result.offset),
                    std::string("malformed XML: ") + result.description());
        return false;
    }
    for (pugi::xml_node n = doc.first_child(); n; n = n.next_sibling()) {
        if (n.type() == pugi::node_doctype) {
            report.skip(name, line_of(n, lines),
                        "DOCTYPE declarations are not supported (entities would not be expanded); "
                        "remove the DOCTYPE");
            return false;
        }
    }
    if (!doc.document_element()) {
        report.skip(name, 0, "no root element");
        return false;
    }
    if (pugi::xml_node deep = too_deep(doc, kMaxXmlDepth)) {
        report.skip(name, line_of(deep, lines),
                    "elements nested deeper than " + std::to_string(kMaxXmlDepth) + " levels");
        return false;
    }
    return true;
}

bool parse_xml_input(ReaderInput& input, ParsedXml& out, IngestReport& report) {
    std::optional<std::string_view> text = input.text(report);
    if (!text) return false;
    out.lines = LineIndex(*text);
    return parse_xml(*text, out.doc, input.path(), out.lines, report);
}

std::string_view local_name(pugi::xml_node node) {
    std::string_view n = node.name();
    size_t colon = n.find(':');
    return colon == std::string_view::npos ? n : n.substr(colon + 1);
}

std::string namespace_uri(pugi::xml_node node) {
    std::string_view n = node.name();
    size_t colon = n.find(':');
    std::string attr = colon == std::string_view::npos
                           ? std::string("xmlns")
                           : "xmlns:" + std::string(n.substr(0, colon));
    for (pugi::xml_node e = node; e && e.type() == pugi::node_element; e = e.parent()) {
        if (pugi::xml_attribute a = e.attribute(attr.c_str())) return a.value();
    }
    return "";
}

pugi::xml_node child_named(pugi::xml_node parent, std::string_view local) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c) == local) return c;
    return {};
}

std::string node_text(pugi::xml_node node) {
    TextBuilder out;
    append_text(node, out);
    return out.take();
}

int line_of(pugi::xml_node node, const LineIndex& lines) {
    return lines.line_at(node.offset_debug());
}

}  // namespace himoya
