#include "analysis/record_codec.h"

#include <charconv>
#include <cstdint>
#include <initializer_list>

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

// An index written before the binary format (index format 11 and older).
std::optional<StoredRecord> decode_json_record(std::string_view stored) {
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

// The binary format (record_codec.h): a marker byte, then fields, each a tag,
// its length (LEB128) and its bytes. Nested fields (legal status, relation,
// alias, source) hold fields of their own, numbered from 1.
enum Tag : unsigned char {
    kEnd = 0,  // the last field, empty: a record cut short is told from a short record
    kId = 1, kKind, kDocumentId, kTitle, kJurisdiction, kLang, kType, kYear, kDate, kBody, kBodyId, kTextStatus,
    kWorkId, kOriginal, kLegalStatus, kTopic, kText, kIndexed, kUpdated, kUnitId, kUnitKind, kNum, kHeading, kLabel,
    kMention, kTextLang, kAudience, kAlias, kTranslationOf, kFormat, kProvisionCount, kSource,
    kConceptsAutomatic, kExtent, kNotHeld
};
constexpr char kBinaryMarker = '\x01';  // a JSON record begins with '{'

void put_varint(std::string& out, uint64_t n) {
    while (n >= 0x80) {
        out += static_cast<char>((n & 0x7f) | 0x80);
        n >>= 7;
    }
    out += static_cast<char>(n);
}

void put(std::string& out, unsigned char tag, std::string_view bytes) {
    out += static_cast<char>(tag);
    put_varint(out, bytes.size());
    out.append(bytes);
}

// An empty string is not written: it decodes as empty anyway.
void put_text(std::string& out, unsigned char tag, std::string_view bytes) {
    if (!bytes.empty()) put(out, tag, bytes);
}

// Reads fields in order; false at the first that runs past the end.
class FieldReader {
public:
    explicit FieldReader(std::string_view in) : in_(in) {}
    // The next field, or false at the end (ok() tells a clean end from a broken one).
    bool next(unsigned char& tag, std::string_view& bytes) {
        if (in_.empty()) return false;
        tag = static_cast<unsigned char>(in_[0]);
        in_.remove_prefix(1);
        uint64_t n = 0;
        for (int shift = 0;; shift += 7) {
            if (in_.empty() || shift > 35) return broken();
            const auto b = static_cast<unsigned char>(in_[0]);
            in_.remove_prefix(1);
            n |= static_cast<uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80)) break;
        }
        if (n > in_.size()) return broken();
        bytes = in_.substr(0, n);
        in_.remove_prefix(n);
        return true;
    }
    bool ok() const { return ok_; }

private:
    bool broken() {
        ok_ = false;
        in_ = {};
        return false;
    }
    std::string_view in_;
    bool ok_ = true;
};

// A whole field of decimal digits (the year, the provision count).
std::optional<size_t> number(std::string_view bytes) {
    size_t n = 0;
    const auto [end, error] = std::from_chars(bytes.data(), bytes.data() + bytes.size(), n);
    if (bytes.empty() || error != std::errc() || end != bytes.data() + bytes.size()) return std::nullopt;
    return n;
}

std::string encode_nested(std::initializer_list<std::string_view> fields) {
    std::string out;
    unsigned char tag = 1;
    for (std::string_view f : fields) put_text(out, tag++, f);
    return out;
}

// The fields of a nested value, by tag (1..size); false if it is broken.
bool decode_nested(std::string_view bytes, std::vector<std::string>& fields) {
    FieldReader reader(bytes);
    unsigned char tag = 0;
    std::string_view value;
    while (reader.next(tag, value))
        if (tag >= 1 && tag <= fields.size()) fields[tag - 1] = std::string(value);
    return reader.ok();
}

// The fields that are one string, by the kind of record that has them: one
// table for writing and for reading them.
struct TextField {
    Tag tag;
    std::string StoredRecord::*member;
};
constexpr TextField kEveryRecordText[] = {{kDocumentId, &StoredRecord::document_id}, {kText, &StoredRecord::text}};
// A provision's come from its document record (fill_document_fields).
constexpr TextField kDocumentText[] = {
    {kTitle, &StoredRecord::title},           {kJurisdiction, &StoredRecord::jurisdiction},
    {kLang, &StoredRecord::lang},             {kType, &StoredRecord::type},
    {kDate, &StoredRecord::date},             {kBody, &StoredRecord::body},
    {kBodyId, &StoredRecord::body_id},        {kTextStatus, &StoredRecord::text_status},
    {kWorkId, &StoredRecord::work_id},        {kIndexed, &StoredRecord::indexed},
    {kUpdated, &StoredRecord::updated},       {kTranslationOf, &StoredRecord::translation_of},
    {kFormat, &StoredRecord::format},         {kExtent, &StoredRecord::extent}};
constexpr TextField kProvisionText[] = {
    {kUnitId, &StoredRecord::unit_id}, {kUnitKind, &StoredRecord::unit_kind}, {kNum, &StoredRecord::num},
    {kHeading, &StoredRecord::heading}, {kLabel, &StoredRecord::label},     {kTextLang, &StoredRecord::text_lang}};
// Lists: the field repeated, once per element.
struct ListField {
    Tag tag;
    std::vector<std::string> StoredRecord::*member;
};
constexpr ListField kLists[] = {
    {kTopic, &StoredRecord::topics}, {kMention, &StoredRecord::mentions}, {kAudience, &StoredRecord::audience},
    {kNotHeld, &StoredRecord::not_held}};

// Reading: each tag's string or list member (or none: a field of its own kind).
struct MemberByTag {
    std::string StoredRecord::*text[256] = {};
    std::vector<std::string> StoredRecord::*list[256] = {};
    MemberByTag() {
        for (const TextField& f : kEveryRecordText) text[f.tag] = f.member;
        for (const TextField& f : kDocumentText) text[f.tag] = f.member;
        for (const TextField& f : kProvisionText) text[f.tag] = f.member;
        for (const ListField& f : kLists) list[f.tag] = f.member;
    }
};

bool decode_legal_status(std::string_view bytes, StoredLegalStatus& status) {
    FieldReader fields(bytes);
    unsigned char t = 0;
    std::string_view f;
    while (fields.next(t, f)) {
        if (t == 1) status.state = f;
        else if (t == 2) status.since = f;
        else if (t == 3) {
            std::vector<std::string> rel(5);
            if (!decode_nested(f, rel)) return false;
            status.relations.push_back({rel[0], rel[1], rel[2], rel[3], rel[4]});
        }
    }
    return fields.ok();
}

}  // namespace

std::string encode_record(const StoredRecord& r) {
    std::string out(1, kBinaryMarker);
    const bool provision = r.kind == "provision";
    const bool document = r.kind == "document";
    // A provision's id is its document's id and its unit's, as every reader makes it.
    if (!provision || r.id != r.document_id + "/" + r.unit_id) put_text(out, kId, r.id);
    put_text(out, kKind, provision ? "p" : document ? "d" : r.kind);
    for (const TextField& f : kEveryRecordText) put_text(out, f.tag, r.*f.member);
    for (const ListField& f : kLists)
        for (const std::string& v : r.*f.member) put(out, f.tag, v);
    if (!provision) {
        // A provision's document fields are its document record's (fill_document_fields).
        for (const TextField& f : kDocumentText) put_text(out, f.tag, r.*f.member);
        if (r.year) put(out, kYear, std::to_string(r.year));
        if (r.original) put(out, kOriginal, "");
        if (r.concepts_automatic) put(out, kConceptsAutomatic, "");
        if (r.legal_status) {
            std::string status = encode_nested({r.legal_status->state, r.legal_status->since});
            for (const StoredRelation& rel : r.legal_status->relations)
                put(status, 3, encode_nested({rel.type, rel.work, rel.date, rel.url, rel.citation}));
            put(out, kLegalStatus, status);
        }
    }
    if (document) {
        for (const auto& [lang, name] : r.aliases) put(out, kAlias, encode_nested({lang, name}));
        put(out, kProvisionCount, std::to_string(r.provision_count));
        put(out, kSource, encode_nested({r.source.official_title, r.source.number, r.source.url, r.source.publisher}));
    } else {
        for (const TextField& f : kProvisionText) put_text(out, f.tag, r.*f.member);
    }
    put(out, kEnd, "");
    return out;
}

std::optional<StoredRecord> decode_record(std::string_view stored) {
    if (stored.empty() || stored[0] != kBinaryMarker) return decode_json_record(stored);
    static const MemberByTag members;
    StoredRecord r;
    bool has_id = false, ended = false;
    FieldReader reader(stored.substr(1));
    unsigned char tag = 0;
    std::string_view v;
    while (!ended && reader.next(tag, v)) {
        if (auto text = members.text[tag]) {
            r.*text = v;
            continue;
        }
        if (auto list = members.list[tag]) {
            (r.*list).emplace_back(v);
            continue;
        }
        switch (tag) {
            case kEnd: ended = true; break;
            case kId: r.id = v; has_id = true; break;
            case kKind: r.kind = v == "p" ? "provision" : v == "d" ? "document" : std::string(v); break;
            case kOriginal: r.original = true; break;
            case kConceptsAutomatic: r.concepts_automatic = true; break;
            case kYear:
            case kProvisionCount: {
                const std::optional<size_t> n = number(v);
                if (!n) return std::nullopt;
                if (tag == kYear) r.year = static_cast<int>(*n);
                else r.provision_count = *n;
                break;
            }
            case kLegalStatus: {
                StoredLegalStatus status;
                if (!decode_legal_status(v, status)) return std::nullopt;
                r.legal_status = std::move(status);
                break;
            }
            case kAlias: {
                std::vector<std::string> alias(2);
                if (!decode_nested(v, alias)) return std::nullopt;
                r.aliases.emplace_back(alias[0], alias[1]);
                break;
            }
            case kSource: {
                std::vector<std::string> source(4);
                if (!decode_nested(v, source)) return std::nullopt;
                r.source = {source[0], source[1], source[2], source[3]};
                break;
            }
            default: break;  // a field of a later format: skipped
        }
    }
    if (!reader.ok() || !ended) return std::nullopt;
    if (!has_id && r.kind == "provision") r.id = r.document_id + "/" + r.unit_id;
    return r;
}

std::optional<StoredFactTable> decode_fact_table(std::string_view stored) {
    json data = json::parse(stored, nullptr, false);
    if (data.is_discarded() || !data.is_object()) return std::nullopt;
    StoredFactTable table;
    table.topic = string_at(data, "topic");
    if (auto it = data.find("fields"); it != data.end() && it->is_array())
        for (const auto& f : *it) {
            StoredFactField field{string_at(f, "key"), string_map_at(f, "labels"), {}};
            if (auto c = f.find("concepts"); c != f.end() && c->is_array())
                for (const auto& id : *c)
                    if (id.is_string()) field.concepts.push_back(id.get<std::string>());
            table.fields.push_back(std::move(field));
        }
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
    provision.extent = document.extent;
    provision.work_id = document.work_id;
    provision.original = document.original;
    provision.concepts_automatic = document.concepts_automatic;
    provision.legal_status = document.legal_status;
    provision.indexed = document.indexed;
    provision.updated = document.updated;
}

}  // namespace himoya
