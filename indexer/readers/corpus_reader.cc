#include "indexer/readers/corpus_reader.h"

#include <sstream>
#include <string_view>
#include <vector>

#include "indexer/readers/provision_label.h"
#include "indexer/readers/reader_text.h"
#include "indexer/readers/xml_meta.h"
#include "indexer/readers/xml_util.h"
#include "indexer/source_file.h"

namespace himoya {

namespace {

bool is_unit(std::string_view name) {
    for (std::string_view u : {"part", "chapter", "section", "article", "paragraph", "point", "annex"})
        if (name == u) return true;
    return false;
}

// 1-based position among same-named siblings: the id of an unnumbered unit.
int sibling_index(pugi::xml_node node) {
    int i = 1;
    for (pugi::xml_node s = node.previous_sibling(); s; s = s.previous_sibling())
        if (s.type() == pugi::node_element && std::string_view(s.name()) == node.name()) ++i;
    return i;
}

// Walks <body>, turning every unit with <p> children into a Provision.
class UnitWalker {
public:
    UnitWalker(Document& doc, const LineIndex& lines, IngestReport& report)
        : doc_(doc), lines_(lines), report_(report) {}

    // False (after a skip) when units nest deeper than kMaxUnitDepth.
    bool walk_children(pugi::xml_node parent, const std::string& parent_id,
                       const std::string& heading) {
        for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view n = local_name(c);
            if (is_unit(n)) {
                if (!walk_unit(c, parent_id, heading)) return false;
                continue;
            }
            // <heading> and <p> belong to units; anything else is a typo.
            bool allowed_here = parent != body_ && (n == "heading" || n == "p");
            if (!allowed_here) {
                warn(c, "unknown element <" + std::string(c.name()) + "> in <" +
                            std::string(parent.name()) + ">; ignored");
            }
        }
        return true;
    }

    void set_body(pugi::xml_node body) { body_ = body; }

private:
    bool walk_unit(pugi::xml_node unit, const std::string& parent_id,
                   const std::string& inherited_heading) {
        if (static_cast<int>(chain_.size()) >= kMaxUnitDepth) {
            report_.skip(doc_.source_path, line_of(unit, lines_),
                         "units nested deeper than " + std::to_string(kMaxUnitDepth) + " levels");
            return false;
        }
        std::string kind(local_name(unit));
        std::string num = collapse_whitespace(unit.attribute("num").value());
        std::string id = unit_id(unit, kind, num, parent_id);
        std::string heading = node_text(child_named(unit, "heading"));
        if (heading.empty()) heading = inherited_heading;
        chain_.push_back({kind, num});

        TextBuilder text;
        for (pugi::xml_node p = unit.first_child(); p; p = p.next_sibling()) {
            if (p.type() != pugi::node_element || local_name(p) != "p") continue;
            text.break_line();
            text.append(node_text(p));
        }
        if (!text.empty()) {
            Provision prov;
            prov.unit_id = id;
            prov.provision_id = doc_.document_id + "/" + id;
            prov.kind = kind;
            prov.num = num;
            prov.heading = heading;
            prov.label = make_label(chain_, doc_.language);
            // A unit cited alone ("Section 7", not "Article 3, paragraph a") whose heading says how
            // the source cites it ("Article 7 …", "… (paragraphs 3 and 27)").
            if (!prov.label.empty() && prov.label == make_label({chain_.back()}, doc_.language))
                if (std::string cited = label_from_heading(heading, num); !cited.empty()) prov.label = cited;
            if (prov.label.empty()) prov.label = heading.empty() ? id : heading;
            prov.text = text.take();
            prov.topics = topics(unit);
            prov.absent = topics(unit, "absent");
            prov.role = unit.attribute("role").value();
            prov.ordinal = static_cast<int>(doc_.provisions.size());
            doc_.provisions.push_back(std::move(prov));
        }
        bool ok = walk_children(unit, id, heading);
        chain_.pop_back();
        return ok;
    }

    std::string unit_id(pugi::xml_node unit, const std::string& kind, const std::string& num,
                        const std::string& parent_id) {
        std::string given = unit.attribute("id").value();
        if (!given.empty() && !is_valid_id(given)) {
            warn(unit, "invalid unit id '" + given + "'; generating one");
            given.clear();
        }
        std::string id = given;
        if (id.empty()) {
            std::string n = sanitize_num(num);
            if (n.empty()) n = std::to_string(sibling_index(unit));
            id = unit_abbrev(kind) + "_" + n;
            if (!parent_id.empty()) id = parent_id + "__" + id;
        }
        return ids_.unique(id, doc_.source_path, line_of(unit, lines_), report_);
    }

    std::vector<std::string> topics(pugi::xml_node unit, const char* attribute = "topics") {
        std::vector<std::string> out;
        std::istringstream in(unit.attribute(attribute).value());
        for (std::string t; in >> t;) {
            if (is_valid_id(t)) out.push_back(t);
            else warn(unit, "ignoring invalid topic id '" + t + "'");
        }
        return out;
    }

    void warn(pugi::xml_node n, const std::string& message) {
        report_.warn(doc_.source_path, line_of(n, lines_), message);
    }

    Document& doc_;
    const LineIndex& lines_;
    IngestReport& report_;
    pugi::xml_node body_;
    UnitIdSet ids_;
    std::vector<UnitRef> chain_;
};

std::optional<Document> read(ReaderInput& input, IngestReport& report) {
    const std::string& name = input.path();
    ParsedXml xml;
    if (!parse_xml_input(input, xml, report)) return std::nullopt;
    const LineIndex& lines = xml.lines;

    pugi::xml_node root = xml.doc.document_element();
    if (local_name(root) != "document") {
        report.skip(name, line_of(root, lines),
                    "unknown root element <" + std::string(root.name()) + ">; expected <document>");
        return std::nullopt;
    }
    if (std::string ns = namespace_uri(root); ns != kCorpusNamespace) {
        report.skip(name, line_of(root, lines),
                    "<document> must be in namespace " + std::string(kCorpusNamespace) +
                        (ns.empty() ? " (no namespace given)" : " (found '" + ns + "')"));
        return std::nullopt;
    }

    Document doc;
    doc.source_path = name;
    doc.format = "himoya-xml";
    doc.document_id = root.attribute("id").value();
    if (!is_valid_id(doc.document_id)) {
        report.skip(name, line_of(root, lines),
                    doc.document_id.empty()
                        ? std::string("missing id attribute on <document>")
                        : "invalid document id '" + doc.document_id +
                              "' (must match [a-z0-9][a-z0-9._-]*)");
        return std::nullopt;
    }
    std::string version = root.attribute("version").value();
    if (version.empty()) {
        report.warn(name, line_of(root, lines), "missing version attribute; assuming 1");
    } else if (version != "1") {
        report.skip(name, line_of(root, lines), "unsupported corpus format version '" + version + "'");
        return std::nullopt;
    }

    pugi::xml_node meta = child_named(root, "meta");
    if (!meta) {
        report.skip(name, line_of(root, lines), "missing <meta>");
        return std::nullopt;
    }
    if (!read_corpus_meta(meta, doc, name, lines, report)) return std::nullopt;
    if (doc.work_id.empty()) doc.work_id = doc.document_id;

    pugi::xml_node body = child_named(root, "body");
    if (!body) {
        report.skip(name, line_of(root, lines), "missing <body>");
        return std::nullopt;
    }
    UnitWalker walker(doc, lines, report);
    walker.set_body(body);
    if (!walker.walk_children(body, "", "")) return std::nullopt;
    if (doc.provisions.empty())
        report.warn(name, line_of(body, lines), "document has no provisions (no unit has <p>)");

    return doc;
}

}  // namespace

const Reader& corpus_xml_reader() {
    // No root claimed: it also takes the .xml files no other reader claims,
    // and reports their unknown root with its line.
    static const Reader reader{"himoya-xml", {".xml"}, "", {}, &read};
    return reader;
}

std::optional<Document> read_corpus_xml_string(const std::string& xml, const std::string& name,
                                               IngestReport& report) {
    return read_with(corpus_xml_reader(), ReaderInput(name, xml), report);
}

}  // namespace himoya
