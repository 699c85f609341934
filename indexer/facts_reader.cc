#include "indexer/facts_reader.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include <pugixml.hpp>

namespace himoya {
namespace fs = std::filesystem;

namespace {

int line_at(const std::string& path, ptrdiff_t offset) {
    if (offset < 0) return 0;
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return 0;
    int line = 1;
    for (ptrdiff_t i = 0; i < offset; ++i) {
        int c = std::fgetc(f);
        if (c == EOF) break;
        if (c == '\n') ++line;
    }
    std::fclose(f);
    return line;
}

std::map<std::string, std::string> by_lang(pugi::xml_node node, const char* child) {
    std::map<std::string, std::string> out;
    for (pugi::xml_node n : node.children(child)) out[n.attribute("lang").value()] = n.text().get();
    return out;
}

}  // namespace

std::vector<std::string> list_fact_files(const std::vector<std::string>& corpus_dirs) {
    std::vector<std::string> out;
    for (const auto& dir : corpus_dirs) {
        fs::path facts = fs::path(dir) / "facts";
        std::error_code ec;
        for (const auto& e : fs::directory_iterator(facts, ec))
            if (e.path().extension() == ".xml") out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

std::optional<FactTable> read_fact_table(const std::string& path, IngestReport& report) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {  // checked first: a FIFO would block the read
        report.skip(path, 0, "not a regular file; fact table not used");
        return std::nullopt;
    }
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_file(path.c_str());
    if (!parsed) {
        report.skip(path, line_at(path, parsed.offset), std::string("malformed XML: ") + parsed.description());
        return std::nullopt;
    }
    pugi::xml_node root = doc.document_element();
    if (std::string(root.name()) != "facts" || std::string(root.attribute("topic").value()).empty()) {
        report.skip(path, line_at(path, root.offset_debug()), "expected <facts topic=\"...\">");
        return std::nullopt;
    }
    FactTable table;
    table.topic = root.attribute("topic").value();
    std::set<std::string> keys;
    for (pugi::xml_node field : root.children("field")) {
        table.fields.emplace_back(field.attribute("key").value(), by_lang(field, "label"));
        keys.insert(field.attribute("key").value());
        std::istringstream concepts(field.attribute("concepts").value());
        for (std::string c; concepts >> c;) table.field_concepts[field.attribute("key").value()].push_back(c);
    }
    for (pugi::xml_node j : root.children("jurisdiction")) {
        std::map<std::string, Fact> facts;
        for (pugi::xml_node f : j.children("fact")) {
            std::string key = f.attribute("field").value();
            if (!keys.count(key)) {
                report.warn(path, line_at(path, f.offset_debug()), "unknown fact field '" + key + "'; ignored");
                continue;
            }
            Fact fact{by_lang(f, "value"), {}};
            for (pugi::xml_node c : f.children("cite")) fact.citations.push_back(c.attribute("provision").value());
            facts[key] = fact;
        }
        table.jurisdictions.emplace_back(j.attribute("code").value(), facts);
    }
    return table;
}

nlohmann::json fact_table_json(const FactTable& table, const std::map<std::string, nlohmann::json>& provisions,
                               const std::string& path, IngestReport& report) {
    using nlohmann::json;
    json fields = json::array();
    for (const auto& [key, labels] : table.fields) {
        auto concepts = table.field_concepts.find(key);
        fields.push_back({{"key", key}, {"labels", labels},
                          {"concepts", concepts == table.field_concepts.end() ? std::vector<std::string>{} : concepts->second}});
    }
    json jurisdictions = json::array();
    for (const auto& [code, facts] : table.jurisdictions) {
        json out = json::object();
        for (const auto& [key, fact] : facts) {
            json citations = json::array();
            for (const auto& id : fact.citations) {
                auto it = provisions.find(id);
                if (it == provisions.end()) {
                    report.warn(path, 0, code + " " + key + ": cites unknown provision '" + id + "'; citation dropped");
                    continue;
                }
                // Two language versions of one text cited are one citation (the
                // provisions map gives both the same record).
                const bool cited = std::any_of(citations.begin(), citations.end(),
                                               [&](const json& c) { return c.value("id", "") == it->second.value("id", ""); });
                if (!cited) citations.push_back(it->second);
            }
            out[key] = {{"value", fact.value}, {"citations", citations}};
        }
        jurisdictions.push_back({{"code", code}, {"facts", out}});
    }
    return {{"topic", table.topic}, {"fields", fields}, {"jurisdictions", jurisdictions}};
}

}  // namespace himoya
