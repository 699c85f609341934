#include "indexer/readers/xml_meta.h"

#include <array>
#include <set>
#include <string_view>

#include "analysis/facet_table.h"
#include "indexer/readers/reader_text.h"
#include "indexer/readers/xml_util.h"

namespace himoya {

namespace {

bool one_of(std::string_view value, std::initializer_list<std::string_view> allowed) {
    for (std::string_view a : allowed)
        if (a == value) return true;
    return false;
}

// Shared state while walking one <meta>, so each check is one line.
struct MetaReader {
    const std::string& file;
    const LineIndex& lines;
    IngestReport& report;

    void warn(pugi::xml_node n, const std::string& message) {
        report.warn(file, line_of(n, lines), message);
    }

    // Keeps the first occurrence; a repeat is a warning, not a silent overwrite.
    void set_once(pugi::xml_node n, std::string& field, std::set<std::string>& seen) {
        std::string name(local_name(n));
        if (!seen.insert(name).second) {
            warn(n, "repeated <" + name + ">; keeping the first");
            return;
        }
        field = node_text(n);
    }

    void read_list(pugi::xml_node list, const char* item, std::vector<std::string>& out,
                   bool ids) {
        for (pugi::xml_node c = list.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            if (local_name(c) != item) {
                warn(c, "unexpected <" + std::string(c.name()) + "> in <" + list.name() + ">");
                continue;
            }
            std::string v = node_text(c);
            if (ids && !is_valid_id(v)) {
                warn(c, "ignoring invalid " + std::string(item) + " id '" + v + "'");
                continue;
            }
            out.push_back(v);
        }
    }

    // <aliases><alias lang="ru">КоАП</alias>…</aliases>: a name needs its language.
    void read_aliases(pugi::xml_node list, std::vector<Document::Alias>& out) {
        for (pugi::xml_node c = list.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            if (local_name(c) != "alias") {
                warn(c, "unexpected <" + std::string(c.name()) + "> in <aliases>");
                continue;
            }
            std::string lang = c.attribute("lang").value(), name = node_text(c);
            if (lang.empty() || name.empty()) {
                warn(c, "ignoring <alias> without a lang attribute or a name");
                continue;
            }
            out.push_back({lang, name});
        }
    }

    void read_legal_status(pugi::xml_node node, LegalStatus& status) {
        if (!status.state.empty()) {
            warn(node, "repeated <legal-status>; keeping the first");
            return;
        }
        std::string state = node.attribute("state").value();
        if (!terms::is_legal_state(state)) {
            warn(node, "ignoring <legal-status> with unknown state '" + state + "'");
            return;
        }
        status.state = state;
        status.since = node.attribute("since").value();
        if (!status.since.empty() && !is_valid_date(status.since)) {
            warn(node, "legal-status since '" + status.since + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
            status.since.clear();
        }
        for (pugi::xml_node c = node.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            if (local_name(c) != "relation") {
                warn(c, "unexpected <" + std::string(c.name()) + "> in <legal-status>");
                continue;
            }
            LegalRelation rel{c.attribute("type").value(), c.attribute("work").value(),
                              c.attribute("date").value(), c.attribute("url").value(), node_text(c)};
            if (!one_of(rel.type, {"repealed-by", "repeals", "amended-by", "amends", "replaced-by", "replaces"})) {
                warn(c, "ignoring relation of unknown type '" + rel.type + "'");
                continue;
            }
            if (!rel.work.empty() && !is_valid_id(rel.work)) {
                warn(c, "ignoring invalid relation work id '" + rel.work + "'");
                rel.work.clear();
            }
            if (!rel.date.empty() && !is_valid_date(rel.date)) {
                warn(c, "relation date '" + rel.date + "' is not YYYY, YYYY-MM or YYYY-MM-DD");
                rel.date.clear();
            }
            status.relations.push_back(std::move(rel));
        }
    }

    void read_source(pugi::xml_node source, Document& doc) {
        std::set<std::string> seen;
        std::string note;
        for (pugi::xml_node c = source.first_child(); c; c = c.next_sibling()) {
            if (c.type() != pugi::node_element) continue;
            std::string_view n = local_name(c);
            if (n == "official-title") set_once(c, doc.source.official_title, seen);
            else if (n == "number") set_once(c, doc.source.number, seen);
            else if (n == "url") set_once(c, doc.source.url, seen);
            else if (n == "publisher") set_once(c, doc.source.publisher, seen);
            else if (n == "note") set_once(c, note, seen);  // for people, not indexed
            else warn(c, "unknown element <" + std::string(c.name()) + "> in <source>");
        }
    }
};

}  // namespace

bool read_corpus_meta(pugi::xml_node meta, Document& doc, const std::string& file,
                      const LineIndex& lines, IngestReport& report) {
    MetaReader r{file, lines, report};
    std::set<std::string> seen;
    pugi::xml_node source;
    for (pugi::xml_node c = meta.first_child(); c; c = c.next_sibling()) {
        if (c.type() != pugi::node_element) continue;
        std::string_view n = local_name(c);
        if (n == "title") r.set_once(c, doc.title, seen);
        else if (n == "jurisdiction") r.set_once(c, doc.jurisdiction, seen);
        else if (n == "language") r.set_once(c, doc.language, seen);
        else if (n == "type") r.set_once(c, doc.type, seen);
        else if (n == "date") r.set_once(c, doc.date, seen);
        else if (n == "issuing-body") {
            r.set_once(c, doc.issuing_body, seen);
            std::string ref = c.attribute("ref").value();
            if (!ref.empty() && is_valid_id(ref)) doc.issuing_body_ref = ref;
            else if (!ref.empty()) r.warn(c, "ignoring invalid issuing-body ref '" + ref + "'");
        }
        else if (n == "legal-status") r.read_legal_status(c, doc.legal_status);
        else if (n == "work") r.set_once(c, doc.work_id, seen);
        else if (n == "text-status") r.set_once(c, doc.text_status, seen);
        else if (n == "extent") r.set_once(c, doc.extent, seen);
        else if (n == "not-held") r.read_list(c, "topic", doc.not_held, true);
        else if (n == "translation-of") r.set_once(c, doc.translation_of, seen);
        else if (n == "topics") r.read_list(c, "topic", doc.topics, true);
        else if (n == "audience") r.read_list(c, "group", doc.audience, false);
        else if (n == "aliases") r.read_aliases(c, doc.aliases);
        else if (n == "source") {
            if (source) r.warn(c, "repeated <source>; keeping the first");
            else source = c;
        } else {
            r.warn(c, "unknown element <" + std::string(c.name()) + "> in <meta>");
        }
    }
    if (source) r.read_source(source, doc);

    const std::array<std::pair<const char*, const std::string*>, 8> required{{
        {"title", &doc.title},
        {"jurisdiction", &doc.jurisdiction},
        {"language", &doc.language},
        {"type", &doc.type},
        {"date", &doc.date},
        {"issuing-body", &doc.issuing_body},
        {"text-status", &doc.text_status},
        {"source/official-title", &doc.source.official_title},
    }};
    for (const auto& [name, value] : required) {
        if (value->empty()) {
            report.skip(file, line_of(meta, lines),
                        std::string("missing required metadata <") + name + "> in <meta>");
            return false;
        }
    }

    // Values that break a pattern still leave a usable document: warn only.
    if (!is_iso_jurisdiction(doc.jurisdiction))
        r.warn(meta, "jurisdiction '" + doc.jurisdiction + "' is not ISO 3166 or INT");
    if (!is_iso_language(doc.language))
        r.warn(meta, "language '" + doc.language + "' is not an ISO 639 code");
    if (!is_valid_date(doc.date))
        r.warn(meta, "date '" + doc.date + "' is not a day, month or year as YYYY-MM-DD, YYYY-MM or YYYY");
    if (!is_document_type(doc.type)) r.warn(meta, "unknown document type '" + doc.type + "'");
    if (!one_of(doc.text_status,
                {"official", "official-translation", "unofficial-translation", "summary"}))
        r.warn(meta, "unknown text-status '" + doc.text_status + "'");
    if (!doc.extent.empty() && !one_of(doc.extent, {"whole", "selected"})) {
        r.warn(meta, "unknown extent '" + doc.extent + "' (whole or selected); taking the default for its text-status");
        doc.extent.clear();
    }
    if (!doc.not_held.empty() && doc.extent_or_default() == "whole")
        r.warn(meta, "<not-held> in a text whose extent is whole: a whole text holds every part");
    if (!doc.work_id.empty() && !is_valid_id(doc.work_id)) {
        r.warn(meta, "ignoring invalid work id '" + doc.work_id + "'");
        doc.work_id.clear();
    }
    if (!doc.translation_of.empty() && !is_valid_id(doc.translation_of)) {
        r.warn(meta, "ignoring invalid translation-of id '" + doc.translation_of + "'");
        doc.translation_of.clear();
    }
    return true;
}

}  // namespace himoya
