#include "indexer/readers/akn_reader.h"

#include <algorithm>
#include <ctime>
#include <map>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "analysis/facet_table.h"
#include "indexer/readers/provision_label.h"
#include "indexer/readers/reader_text.h"
#include "indexer/readers/xml_meta.h"
#include "indexer/readers/xml_util.h"
#include "indexer/source_file.h"

namespace himoya {

namespace {

using NameSet = std::unordered_set<std::string_view>;

// Final 3.0 namespace, or a draft of it (".../3.0/WD17", ".../3.0/CSD02").
bool is_akn_namespace(std::string_view ns) {
    std::string_view base = kAknNamespace;
    return ns == base || (ns.size() > base.size() && ns.substr(0, base.size()) == base &&
                          ns[base.size()] == '/');
}

bool is_akn(pugi::xml_node n) { return is_akn_namespace(namespace_uri(n)); }

// First AKN element child with this local name.
pugi::xml_node akn_child(pugi::xml_node parent, std::string_view local) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling())
        if (c.type() == pugi::node_element && local_name(c) == local && is_akn(c)) return c;
    return {};
}

// First AKN descendant with this local name, in document order.
pugi::xml_node akn_descendant(pugi::xml_node parent, std::string_view local) {
    for (pugi::xml_node c = parent.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        if (local_name(c) == local && is_akn(c)) return c;
        if (pugi::xml_node d = akn_descendant(c, local)) return d;
    }
    return {};
}

std::string attr(pugi::xml_node n, const char* name) { return n.attribute(name).value(); }

std::string element_id(pugi::xml_node n) {
    std::string id = attr(n, "eId");
    return id.empty() ? attr(n, "id") : id;
}

// Hierarchical containers: the things a law is cited by.
const NameSet& unit_names() {
    static const NameSet names{
        "alinea",     "article",   "book",       "chapter",      "clause",     "division",
        "indent",     "level",     "paragraph",  "part",         "point",      "proviso",
        "rule",       "section",   "subchapter", "subclause",    "subdivision", "subparagraph",
        "subpart",    "subrule",   "subsection", "subtitle",     "title",      "tome",
        "transitional", "hcontainer", "tblock",  "annex"};
    return names;
}

// Elements inside running text; everything else starts a new line.
const NameSet& inline_names() {
    static const NameSet names{
        "a", "abbr", "affectedDocument", "b", "change", "concept", "date", "def", "del",
        "docAuthority", "docCommittee", "docDate", "docIntroducer", "docJurisdiction",
        "docNumber", "docProponent", "docPurpose", "docStage", "docStatus", "docTitle",
        "docType", "entity", "event", "fillIn", "i", "ins", "inline", "judge", "lawyer",
        "legislature", "location", "mmod", "mod", "mref", "noteRef", "object", "omissis",
        "organization", "party", "person", "placeholder", "process", "quantity",
        "quotedText", "recordedTime", "ref", "relatedDocument", "role", "rref", "session",
        "shortTitle", "signature", "span", "sub", "sup", "term", "time", "u", "vote", "num"};
    return names;
}

bool in(const NameSet& set, std::string_view name) { return set.count(name) != 0; }

// "eng" -> "en" for the languages Himoya analyses; others kept.
std::string map_language(std::string code) {
    code = ascii_lower(code);
    if (code == "tgk" || code == "tjk") return "tg";
    if (code == "rus") return "ru";
    if (code == "eng") return "en";
    return code;
}

class AknReader {
public:
    AknReader(Document& doc, const LineIndex& lines, IngestReport& report)
        : doc_(doc), lines_(lines), report_(report) {}

    void read_metadata(pugi::xml_node doc_element) {
        pugi::xml_node meta = akn_child(doc_element, "meta");
        pugi::xml_node ident = akn_child(meta, "identification");
        pugi::xml_node work = akn_child(ident, "FRBRWork");
        pugi::xml_node expr = akn_child(ident, "FRBRExpression");

        // <act name="law">, <doc name="manual">: the name says what kind of act or doc it is
        // when it is a type of ours; else the element is the type (act, bill, doc, ...).
        doc_.type = std::string(local_name(doc_element));
        if (const std::string name = attr(doc_element, "name");
            (doc_.type == "act" || doc_.type == "doc") && is_document_type(name))
            doc_.type = name;
        doc_.jurisdiction = ascii_upper(attr(akn_child(work, "FRBRcountry"), "value"));
        if (doc_.jurisdiction.empty()) warn(work, "no FRBRWork/FRBRcountry; jurisdiction unknown");

        doc_.language = map_language(attr(akn_child(expr, "FRBRlanguage"), "language"));
        if (doc_.language.empty()) {
            warn(expr ? expr : ident, "no FRBRExpression/FRBRlanguage; language set to 'und'");
            doc_.language = "und";
        }

        pugi::xml_node frbr_date = akn_child(work, "FRBRdate");
        doc_.date = attr(frbr_date, "date");
        if (!is_valid_date(doc_.date)) {
            // "2011-11-29T10:00:00" still has a usable day.
            std::string day = doc_.date.substr(0, 10);
            if (!doc_.date.empty()) warn(work, "FRBRdate '" + doc_.date + "' is not YYYY[-MM[-DD]]");
            doc_.date = is_valid_date(day) ? day : "";
        }
        // xsd:date has no year or month alone: a name ending in "-year" or "-month"
        // ("enactment-year", as our export writes) says only that much is known.
        const std::string date_name = ascii_lower(attr(frbr_date, "name"));
        auto ends_with = [&](std::string_view suffix) {
            return date_name.size() >= suffix.size() &&
                   std::string_view(date_name).substr(date_name.size() - suffix.size()) == suffix;
        };
        if (doc_.date.size() == 10 && ends_with("-year")) doc_.date.resize(4);
        else if (doc_.date.size() == 10 && ends_with("-month")) doc_.date.resize(7);
        else if (date_name == "himoya-indexed") doc_.date.clear();  // not the act's date: none is known

        std::string work_uri = attr(akn_child(work, "FRBRuri"), "value");
        std::string expr_uri = attr(akn_child(expr, "FRBRuri"), "value");
        doc_.source.url = work_uri;
        doc_.source.number = attr(akn_child(work, "FRBRnumber"), "value");
        doc_.document_id = slugify(!expr_uri.empty() ? expr_uri : work_uri);
        doc_.work_id = slugify(work_uri);
        if (doc_.work_id.empty()) doc_.work_id = doc_.document_id;

        for (pugi::xml_node c = akn_child(meta, "classification").first_child(); c;
             c = c.next_sibling()) {
            if (local_name(c) != "keyword") continue;
            std::string topic = slugify(attr(c, "value"));
            if (!topic.empty() && std::find(doc_.topics.begin(), doc_.topics.end(), topic) ==
                                      doc_.topics.end())
                doc_.topics.push_back(topic);
        }

        doc_.title = find_title(doc_element, work);
        doc_.source.official_title = doc_.title;
        doc_.issuing_body = find_issuing_body(meta, work);
        doc_.source.publisher = attr(akn_child(meta, "publication"), "showAs");
        doc_.text_status = "official";
        read_lifecycle(meta);
        read_proprietary(meta);
    }

    // Walks every body of the document (collections and attachments carry
    // several), making provisions. False after a skip.
    bool read_bodies(pugi::xml_node node) {
        for (pugi::xml_node c = node.first_child(); c && !failed_; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view n = local_name(c);
            if (n == "meta") continue;
            if ((n == "body" || n == "mainBody" || n == "judgmentBody" || n == "debateBody" ||
                 n == "amendmentBody" || n == "portionBody") && is_akn(c))
                read_body(c);
            else
                read_bodies(c);
        }
        return !failed_;
    }

private:
    // Legal status from <lifecycle>: a repeal event (type="repeal", or an event
    // that refers to a TLCEvent whose id or name says repeal) dated today or
    // earlier makes the act repealed; else an expiry (a TLCEvent that says
    // expir) expired; else amendment events make it amended; else an entry into
    // force (a TLCEvent that says force or commencement) in force, or not yet in
    // force when it is dated after today. An act whose lifecycle says none of
    // these gets no status: we do not know.
    void read_lifecycle(pugi::xml_node meta) {
        pugi::xml_node lifecycle = akn_child(meta, "lifecycle");
        if (!lifecycle) return;
        std::map<std::string, std::string> event_names;  // TLCEvent eId → eId + showAs, lower-cased
        for (pugi::xml_node r = akn_child(meta, "references").first_child(); r; r = r.next_sibling()) {
            if (local_name(r) != "TLCEvent") continue;
            // Built piece by piece: `"#" + std::string` temporaries make GCC 12 at -O3 warn (-Wrestrict).
            std::string key = "#", name = attr(r, "eId");
            key += name;
            name += ' ';
            name += attr(r, "showAs");
            event_names[key] = ascii_lower(name);
        }
        const std::string today = today_iso();
        std::string repealed, expired, amended, in_force, future_force;
        for (pugi::xml_node e = lifecycle.first_child(); e; e = e.next_sibling()) {
            if (local_name(e) != "eventRef") continue;
            std::string type = ascii_lower(attr(e, "type"));
            std::string refers = event_names.count(attr(e, "refersTo")) ? event_names[attr(e, "refersTo")] : "";
            std::string date = attr(e, "date");
            if (date.empty()) continue;
            bool repeal = type == "repeal" || refers.find("repeal") != std::string::npos;
            bool amendment = type == "amendment" || refers.find("amend") != std::string::npos;
            bool expiry = !repeal && refers.find("expir") != std::string::npos;
            bool entry = !repeal && !amendment && !expiry &&
                         (refers.find("force") != std::string::npos || refers.find("commenc") != std::string::npos);
            if (repeal && date <= today && (repealed.empty() || date < repealed)) repealed = date;
            if (expiry && date <= today && (expired.empty() || date < expired)) expired = date;
            if (amendment && date <= today && date > amended) amended = date;
            if (entry && date <= today && (in_force.empty() || date < in_force)) in_force = date;
            if (entry && date > today && (future_force.empty() || date < future_force)) future_force = date;
        }
        if (!repealed.empty()) doc_.legal_status = {"repealed", repealed, {}};
        else if (!expired.empty()) doc_.legal_status = {"expired", expired, {}};
        else if (!amended.empty()) doc_.legal_status = {"amended", amended, {}};
        else if (!in_force.empty()) doc_.legal_status = {"in-force", in_force, {}};
        else if (!future_force.empty()) doc_.legal_status = {"not-yet-in-force", future_force, {}};
    }

    // <proprietary> elements in the corpus format's namespace (our export writes them:
    // server/akn_export.h): the type, date, text status, extent and legal status as the
    // corpus format has them, taken over what the rest of the AKN says. A value the format
    // does not accept is warned about and left out.
    void read_proprietary(pugi::xml_node meta) {
        for (pugi::xml_node p = meta.first_child(); p; p = p.next_sibling()) {
            if (local_name(p) != "proprietary" || !is_akn(p)) continue;
            for (pugi::xml_node c = p.first_child(); c; c = c.next_sibling()) {
                if (c.type() != pugi::node_element || namespace_uri(c) != kCorpusNamespace) continue;
                const std::string_view n = local_name(c);
                const std::string value = node_text(c);
                if (n == "type") {
                    if (is_document_type(value)) doc_.type = value;
                    else warn(c, "unknown document type '" + value + "' in <proprietary>");
                } else if (n == "date") {
                    if (is_valid_date(value)) doc_.date = value;
                    else warn(c, "date '" + value + "' in <proprietary> is not YYYY, YYYY-MM or YYYY-MM-DD");
                } else if (n == "text-status") {
                    if (value == "official" || value == "official-translation" || value == "unofficial-translation" ||
                        value == "summary")
                        doc_.text_status = value;
                    else
                        warn(c, "unknown text-status '" + value + "' in <proprietary>");
                } else if (n == "extent") {
                    if (value == "whole" || value == "selected") doc_.extent = value;
                    else warn(c, "unknown extent '" + value + "' in <proprietary>");
                } else if (n == "legal-status") {
                    read_proprietary_status(c);
                }
            }
        }
    }

    void read_proprietary_status(pugi::xml_node node) {
        LegalStatus status;
        status.state = attr(node, "state");
        if (!terms::is_legal_state(status.state)) {
            warn(node, "unknown legal-status state '" + status.state + "' in <proprietary>");
            return;
        }
        status.since = attr(node, "since");
        if (!status.since.empty() && !is_valid_date(status.since)) {
            warn(node, "legal-status since '" + status.since + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
            status.since.clear();
        }
        for (pugi::xml_node r = node.first_child(); r; r = r.next_sibling()) {
            if (r.type() != pugi::node_element || local_name(r) != "relation") continue;
            const std::string type = attr(r, "type");
            if (type != "repealed-by" && type != "repeals" && type != "amended-by" && type != "amends" &&
                type != "replaced-by" && type != "replaces") {
                warn(r, "ignoring legal-status relation of unknown type '" + type + "' in <proprietary>");
                continue;
            }
            status.relations.push_back({attr(r, "type"), attr(r, "work"), attr(r, "date"), attr(r, "url"), node_text(r)});
        }
        doc_.legal_status = std::move(status);
    }

    static std::string today_iso() {
        std::time_t now = std::time(nullptr);
        std::tm tm{};
        gmtime_r(&now, &tm);
        char buf[11];
        std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
        return buf;
    }

    std::string find_title(pugi::xml_node doc_element, pugi::xml_node work) {
        for (const char* wanted : {"shortTitle", "docTitle"}) {
            for (const char* where : {"preface", "coverPage"}) {
                std::string t = node_text(akn_descendant(akn_child(doc_element, where), wanted));
                if (!t.empty()) return t;
            }
        }
        for (pugi::xml_node c = work.first_child(); c; c = c.next_sibling()) {
            std::string name = attr(c, "name");
            if (local_name(c) == "FRBRalias" && (name == "title" || name == "short") &&
                !attr(c, "value").empty())
                return attr(c, "value");
        }
        std::string name = attr(akn_child(work, "FRBRname"), "value");
        return !name.empty() ? name : attr(akn_child(work, "FRBRuri"), "value");
    }

    // FRBRauthor href="#senato" -> <TLCOrganization eId="senato" showAs=.../>.
    std::string find_issuing_body(pugi::xml_node meta, pugi::xml_node work) {
        for (pugi::xml_node a = work.first_child(); a; a = a.next_sibling()) {
            if (local_name(a) != "FRBRauthor") continue;
            std::string href = attr(a, "href");
            if (href.empty()) continue;
            std::string ref = href[0] == '#' ? href.substr(1) : "";
            for (pugi::xml_node refs = meta.first_child(); refs; refs = refs.next_sibling()) {
                if (local_name(refs) != "references") continue;
                for (pugi::xml_node t = refs.first_child(); t; t = t.next_sibling()) {
                    bool hit = ref.empty() ? attr(t, "href") == href : element_id(t) == ref;
                    if (hit && !attr(t, "showAs").empty()) return attr(t, "showAs");
                }
            }
        }
        return "unknown";
    }

    bool is_unit(pugi::xml_node n) {
        return in(unit_names(), local_name(n)) && !element_id(n).empty() && is_akn(n);
    }

    void read_body(pugi::xml_node body) {
        size_t before = doc_.provisions.size();
        find_units(body, "");
        if (failed_ || doc_.provisions.size() != before) return;
        // No cited units (a <doc> of plain paragraphs): the body is one provision.
        TextBuilder text;
        gather_text(body, text, false, false);
        if (text.empty()) return;
        std::string id = element_id(body);
        if (id.empty()) id = std::string(local_name(body));
        add_provision(body, id, std::string(local_name(body)), "", "", doc_.title, text.take());
    }

    // Looks for units below a non-unit element (content, list, intro ...).
    void find_units(pugi::xml_node node, const std::string& heading) {
        for (pugi::xml_node c = node.first_child(); c && !failed_; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view n = local_name(c);
            // Quoted law (amendments) and notes are text, never units of this law.
            if (n == "num" || n == "heading" || n == "subheading" || n == "authorialNote" ||
                n == "quotedStructure" || n == "embeddedStructure")
                continue;
            if (is_unit(c)) read_unit(c, heading);
            else find_units(c, heading);
        }
    }

    void read_unit(pugi::xml_node unit, const std::string& inherited_heading) {
        if (static_cast<int>(chain_.size()) >= kMaxUnitDepth) {
            report_.skip(doc_.source_path, line_of(unit, lines_),
                         "units nested deeper than " + std::to_string(kMaxUnitDepth) + " levels");
            failed_ = true;
            return;
        }
        std::string kind(local_name(unit));
        std::string num = node_text(akn_child(unit, "num"));
        std::string heading = node_text(akn_child(unit, "heading"));
        if (heading.empty()) heading = inherited_heading;
        chain_.push_back({kind, num});

        TextBuilder text;
        gather_text(unit, text, true, false);
        if (!text.empty()) {
            std::string label = make_label(chain_, doc_.language);
            add_provision(unit, element_id(unit), kind, num, heading, label, text.take());
        }
        find_units(unit, heading);
        chain_.pop_back();
    }

    // Text of `node` that belongs to it: stops at sub-units (they are their
    // own provisions) unless inside quoted structure, skips notes, and skips
    // the unit's own num/heading (kept in their fields).
    void gather_text(pugi::xml_node node, TextBuilder& out, bool top, bool quoted) {
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
            if (c.type() == pugi::node_pcdata || c.type() == pugi::node_cdata) {
                out.append(c.value());
                continue;
            }
            if (c.type() != pugi::node_element) continue;
            std::string_view n = local_name(c);
            if (top && (n == "num" || n == "heading" || n == "subheading")) continue;
            if (n == "authorialNote" || n == "meta") continue;
            if (n == "eol" || n == "br") {
                out.append(" ");
                continue;
            }
            if (!quoted && is_unit(c)) continue;
            bool q = quoted || n == "quotedStructure" || n == "embeddedStructure";
            if (in(inline_names(), n)) {
                gather_text(c, out, false, q);
            } else {
                out.break_line();
                gather_text(c, out, false, q);
                out.break_line();
            }
        }
    }

    void add_provision(pugi::xml_node node, const std::string& eid, const std::string& kind,
                       const std::string& num, const std::string& heading, std::string label,
                       std::string text) {
        Provision p;
        p.unit_id = ids_.unique(eid, doc_.source_path, line_of(node, lines_), report_);
        p.provision_id = doc_.document_id + "/" + p.unit_id;
        p.kind = kind;
        p.num = num;
        p.heading = heading;
        p.label = !label.empty() ? std::move(label) : (!heading.empty() ? heading : p.unit_id);
        p.text = std::move(text);
        p.ordinal = static_cast<int>(doc_.provisions.size());
        doc_.provisions.push_back(std::move(p));
    }

    void warn(pugi::xml_node n, const std::string& message) {
        report_.warn(doc_.source_path, n ? line_of(n, lines_) : 0, message);
    }

    Document& doc_;
    const LineIndex& lines_;
    IngestReport& report_;
    UnitIdSet ids_;
    std::vector<UnitRef> chain_;
    bool failed_ = false;
};

std::optional<Document> read(ReaderInput& input, IngestReport& report) {
    const std::string& name = input.path();
    ParsedXml xml;
    if (!parse_xml_input(input, xml, report)) return std::nullopt;
    const LineIndex& lines = xml.lines;

    pugi::xml_node root = xml.doc.document_element();
    if (local_name(root) != "akomaNtoso") {
        report.skip(name, line_of(root, lines),
                    "unknown root element <" + std::string(root.name()) + ">; expected <akomaNtoso>");
        return std::nullopt;
    }
    std::string ns = namespace_uri(root);
    if (!is_akn_namespace(ns)) {
        report.skip(name, line_of(root, lines),
                    "unsupported Akoma Ntoso namespace '" + ns + "'; expected " + kAknNamespace);
        return std::nullopt;
    }
    if (ns != kAknNamespace)
        report.warn(name, line_of(root, lines),
                    "draft Akoma Ntoso namespace '" + ns + "' read as " + kAknNamespace);

    pugi::xml_node doc_element;
    for (pugi::xml_node c = root.first_child(); c && !doc_element; c = c.next_sibling())
        if (c.type() == pugi::node_element && is_akn(c)) doc_element = c;
    if (!doc_element) {
        report.skip(name, line_of(root, lines), "<akomaNtoso> holds no document element");
        return std::nullopt;
    }
    pugi::xml_node work =
        akn_child(akn_child(akn_child(doc_element, "meta"), "identification"), "FRBRWork");
    if (!work) {
        report.skip(name, line_of(doc_element, lines),
                    "missing required metadata <meta>/<identification>/<FRBRWork>");
        return std::nullopt;
    }

    Document doc;
    doc.source_path = name;
    doc.format = "akn";
    AknReader reader(doc, lines, report);
    reader.read_metadata(doc_element);
    if (doc.document_id.empty()) {
        report.skip(name, line_of(work, lines), "no FRBRuri to make a document id from");
        return std::nullopt;
    }
    if (!reader.read_bodies(root)) return std::nullopt;
    if (doc.provisions.empty()) report.warn(name, 0, "document has no text in its body");

    return doc;
}

}  // namespace

const Reader& akn_reader() {
    static const Reader reader{"akn", {".xml"}, "akomaNtoso", {}, &read};
    return reader;
}

std::optional<Document> read_akn_string(const std::string& xml, const std::string& name,
                                        IngestReport& report) {
    return read_with(akn_reader(), ReaderInput(name, xml), report);
}

}  // namespace himoya
