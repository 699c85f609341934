#include "indexer/label_tables.h"

#include <filesystem>

#include <pugixml.hpp>

#include "indexer/source_file.h"
#include "indexer/readers/xml_util.h"

namespace himoya {
namespace {

// Reads <ROOT><ITEM KEY="..."><LABEL lang="..">text</LABEL>...</ITEM>...</ROOT>.
std::optional<LabelTable> read_table(const std::string& path, const char* root_name, const char* item,
                                     const char* key, const char* label, IngestReport& report) {
    std::string xml;
    if (!load_source_file(path, xml, report)) return std::nullopt;
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size());
    LineIndex lines(xml);
    if (!parsed) {
        report.skip(path, lines.line_at(static_cast<size_t>(parsed.offset)),
                    std::string("label table not used: ") + parsed.description());
        return std::nullopt;
    }
    pugi::xml_node root = doc.document_element();
    if (local_name(root) != root_name) {
        report.skip(path, 1, std::string("label table not used: root element must be <") + root_name + ">");
        return std::nullopt;
    }
    LabelTable table;
    for (pugi::xml_node n = root.first_child(); n; n = n.next_sibling()) {
        if (n.type() != pugi::node_element || local_name(n) != item) continue;
        std::string value = n.attribute(key).value();
        if (value.empty()) {
            report.warn(path, line_of(n, lines), std::string("<") + item + "> without " + key + "; ignored");
            continue;
        }
        auto& labels = table[value];
        for (pugi::xml_node l = n.first_child(); l; l = l.next_sibling())
            if (l.type() == pugi::node_element && local_name(l) == label) {
                std::string text = node_text(l);
                if (!text.empty()) labels[l.attribute("lang").value()] = text;
            }
        for (const char* lang : {"en", "ru", "tg"})
            if (!labels.count(lang))
                report.warn(path, line_of(n, lines), value + " has no label in '" + lang + "'");
    }
    return table;
}

}  // namespace

std::optional<LabelTable> read_bodies(const std::string& path, IngestReport& report) {
    return read_table(path, "bodies", "body", "id", "label", report);
}

std::optional<LabelTable> read_istanbul_articles(const std::string& path, IngestReport& report) {
    return read_table(path, "articles", "article", "num", "title", report);
}

std::string find_table(const std::vector<std::string>& dirs, const std::string& name) {
    for (const auto& dir : dirs) {
        std::filesystem::path candidate = std::filesystem::path(dir) / name;
        std::error_code ec;
        // Any type: reading it reports one that is not a regular file (load_source_file).
        if (std::filesystem::exists(candidate, ec)) return candidate.string();
    }
    return "";
}

}  // namespace himoya
