#include "analysis/record_codec.h"

#include <nlohmann/json.hpp>

namespace himoya {
namespace {

using nlohmann::json;

std::string string_at(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::map<std::string, std::string> string_map_at(const json& j, const char* key) {
    std::map<std::string, std::string> out;
    if (auto it = j.find(key); it != j.end() && it->is_object())
        for (const auto& [k, v] : it->items())
            if (v.is_string()) out[k] = v.get<std::string>();
    return out;
}

std::vector<std::string> strings_at(const json& j, const char* key) {
    std::vector<std::string> out;
    if (auto it = j.find(key); it != j.end() && it->is_array())
        for (const auto& v : *it)
            if (v.is_string()) out.push_back(v.get<std::string>());
    return out;
}

json legal_status_json(const std::optional<StoredLegalStatus>& status) {
    if (!status) return nullptr;
    json relations = json::array();
    for (const StoredRelation& r : status->relations)
        relations.push_back({{"type", r.type}, {"work", r.work}, {"date", r.date}, {"url", r.url}, {"citation", r.citation}});
    return {{"state", status->state}, {"since", status->since}, {"relations", relations}};
}

}  // namespace

std::string encode_record(const StoredRecord& r) {
    json data{{"document_id", r.document_id}};
    if (r.kind != "provision") {
        // A provision's document fields are its document record's (fill_document_fields).
        data.update(json{{"title", r.title}, {"jurisdiction", r.jurisdiction}, {"lang", r.lang}, {"type", r.type},
                         {"year", r.year}, {"date", r.date}, {"body", r.body}, {"body_id", r.body_id},
                         {"text_status", r.text_status}, {"work_id", r.work_id}, {"original", r.original},
                         {"legal_status", legal_status_json(r.legal_status)}, {"indexed", r.indexed},
                         {"updated", r.updated}});
    }
    data["id"] = r.id;
    data["kind"] = r.kind;
    data["topics"] = r.topics;
    data["text"] = r.text;
    if (r.kind == "document") {
        data["audience"] = r.audience;
        if (!r.aliases.empty()) {
            json aliases = json::array();
            for (const auto& [lang, name] : r.aliases) aliases.push_back(json{{"lang", lang}, {"name", name}});
            data["aliases"] = std::move(aliases);
        }
        data["translation_of"] = r.translation_of;
        data["format"] = r.format;
        data["provision_count"] = r.provision_count;
        data["source"] = json{{"official_title", r.source.official_title}, {"number", r.source.number},
                              {"url", r.source.url}, {"publisher", r.source.publisher}};
    } else {
        data["unit_id"] = r.unit_id;
        data["unit_kind"] = r.unit_kind;
        data["num"] = r.num;
        data["heading"] = r.heading;
        data["label"] = r.label;
        data["mentions"] = r.mentions;
        if (!r.text_lang.empty()) data["text_lang"] = r.text_lang;
    }
    return data.dump();
}

std::optional<StoredRecord> decode_record(std::string_view stored) {
    json data = json::parse(stored, nullptr, false);
    if (data.is_discarded() || !data.is_object()) return std::nullopt;
    StoredRecord r;
    r.id = string_at(data, "id");
    r.kind = string_at(data, "kind");
    r.document_id = string_at(data, "document_id");
    r.title = string_at(data, "title");
    r.jurisdiction = string_at(data, "jurisdiction");
    r.lang = string_at(data, "lang");
    r.type = string_at(data, "type");
    r.date = string_at(data, "date");
    r.body = string_at(data, "body");
    r.body_id = string_at(data, "body_id");
    r.text_status = string_at(data, "text_status");
    r.work_id = string_at(data, "work_id");
    if (auto it = data.find("year"); it != data.end() && it->is_number_integer()) r.year = it->get<int>();
    if (auto it = data.find("original"); it != data.end() && it->is_boolean()) r.original = it->get<bool>();
    if (auto it = data.find("legal_status"); it != data.end() && it->is_object()) {
        StoredLegalStatus status{string_at(*it, "state"), string_at(*it, "since"), {}};
        if (auto rel = it->find("relations"); rel != it->end() && rel->is_array())
            for (const auto& x : *rel)
                status.relations.push_back({string_at(x, "type"), string_at(x, "work"), string_at(x, "date"),
                                            string_at(x, "url"), string_at(x, "citation")});
        r.legal_status = std::move(status);
    }
    r.topics = strings_at(data, "topics");
    r.text = string_at(data, "text");
    r.indexed = string_at(data, "indexed");
    r.updated = string_at(data, "updated");
    r.unit_id = string_at(data, "unit_id");
    r.unit_kind = string_at(data, "unit_kind");
    r.num = string_at(data, "num");
    r.heading = string_at(data, "heading");
    r.label = string_at(data, "label");
    r.mentions = strings_at(data, "mentions");
    r.text_lang = string_at(data, "text_lang");
    r.audience = strings_at(data, "audience");
    if (auto it = data.find("aliases"); it != data.end() && it->is_array())
        for (const json& a : *it)
            if (a.is_object() && a.contains("lang") && a.contains("name") && a["lang"].is_string() && a["name"].is_string())
                r.aliases.emplace_back(a["lang"].get<std::string>(), a["name"].get<std::string>());
    r.translation_of = string_at(data, "translation_of");
    r.format = string_at(data, "format");
    if (auto it = data.find("provision_count"); it != data.end() && it->is_number_unsigned())
        r.provision_count = it->get<size_t>();
    if (auto it = data.find("source"); it != data.end() && it->is_object())
        r.source = {string_at(*it, "official_title"), string_at(*it, "number"), string_at(*it, "url"),
                    string_at(*it, "publisher")};
    return r;
}

std::optional<StoredFactTable> decode_fact_table(std::string_view stored) {
    json data = json::parse(stored, nullptr, false);
    if (data.is_discarded() || !data.is_object()) return std::nullopt;
    StoredFactTable table;
    table.topic = string_at(data, "topic");
    if (auto it = data.find("fields"); it != data.end() && it->is_array())
        for (const auto& f : *it) table.fields.push_back({string_at(f, "key"), string_map_at(f, "labels")});
    if (auto it = data.find("jurisdictions"); it != data.end() && it->is_array())
        for (const auto& j : *it) {
            StoredFactJurisdiction place{string_at(j, "code"), {}};
            if (auto facts = j.find("facts"); facts != j.end() && facts->is_object())
                for (const auto& [key, f] : facts->items()) {
                    StoredFact fact{string_map_at(f, "value"), {}};
                    if (auto c = f.find("citations"); c != f.end() && c->is_array())
                        for (const auto& x : *c)
                            fact.citations.push_back({string_at(x, "id"), string_at(x, "label"), string_at(x, "heading"),
                                                      string_at(x, "title"), string_at(x, "lang"),
                                                      string_at(x, "document_id"), string_at(x, "unit_id")});
                    place.facts[key] = std::move(fact);
                }
            table.jurisdictions.push_back(std::move(place));
        }
    return table;
}

void fill_document_fields(StoredRecord& provision, const StoredRecord& document) {
    provision.title = document.title;
    provision.jurisdiction = document.jurisdiction;
    provision.lang = document.lang;
    provision.type = document.type;
    provision.year = document.year;
    provision.date = document.date;
    provision.body = document.body;
    provision.body_id = document.body_id;
    provision.text_status = document.text_status;
    provision.work_id = document.work_id;
    provision.original = document.original;
    provision.legal_status = document.legal_status;
    provision.indexed = document.indexed;
    provision.updated = document.updated;
}

}  // namespace himoya
