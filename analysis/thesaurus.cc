#include "analysis/thesaurus.h"

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include <pugixml.hpp>

namespace himoya {

std::vector<std::pair<std::string, std::string>> Concept::all_labels() const {
    std::vector<std::pair<std::string, std::string>> out;
    for (const auto& [lang, label] : pref_label) out.emplace_back(lang, label);
    for (const auto& [lang, labels] : alt_labels)
        for (const auto& l : labels) out.emplace_back(lang, l);
    return out;
}

std::string Concept::label(const std::string& lang) const {
    if (auto it = pref_label.find(lang); it != pref_label.end()) return it->second;
    if (auto it = pref_label.find("en"); it != pref_label.end()) return it->second;
    return pref_label.empty() ? id : pref_label.begin()->second;
}

namespace {

int line_of(const std::string& xml, ptrdiff_t offset) {
    if (offset < 0) return 0;
    return 1 + static_cast<int>(std::count(xml.begin(), xml.begin() + std::min<ptrdiff_t>(offset, static_cast<ptrdiff_t>(xml.size())), '\n'));
}

std::string trimmed(const char* s) {
    std::string out;
    bool space = false;
    for (const char* p = s; *p; ++p) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') { space = !out.empty(); continue; }
        if (space) out += ' ';
        space = false;
        out += *p;
    }
    return out;
}

}  // namespace

std::optional<Thesaurus> Thesaurus::parse(const std::string& xml, std::string& error) {
    pugi::xml_document doc;
    pugi::xml_parse_result parsed = doc.load_buffer(xml.data(), xml.size(), pugi::parse_default, pugi::encoding_utf8);
    if (!parsed) {
        error = "line " + std::to_string(line_of(xml, parsed.offset)) + ": " + parsed.description();
        return std::nullopt;
    }
    pugi::xml_node root = doc.document_element();
    if (std::string(root.name()) != "thesaurus") {
        error = "line " + std::to_string(line_of(xml, root.offset_debug())) + ": root element is not <thesaurus>";
        return std::nullopt;
    }
    Thesaurus t;
    for (pugi::xml_node node : root.children("concept")) {
        Concept c;
        c.id = node.attribute("id").value();
        if (c.id.empty() || t.index_.count(c.id)) {
            error = "line " + std::to_string(line_of(xml, node.offset_debug())) + ": concept without id or with a duplicate id '" + c.id + "'";
            return std::nullopt;
        }
        for (pugi::xml_node child : node.children()) {
            std::string name = child.name();
            std::string lang = child.attribute("lang").value();
            std::string text = trimmed(child.text().get());
            if (name == "prefLabel") c.pref_label[lang] = text;
            else if (name == "altLabel") c.alt_labels[lang].push_back(text);
            else if (name == "definition") c.definition[lang] = text;
            else if (name == "broader") c.broader.push_back(text);
            else if (name == "istanbul") c.istanbul.push_back(child.attribute("article").value());
        }
        t.index_[c.id] = t.concepts_.size();
        t.concepts_.push_back(std::move(c));
    }
    for (const Concept& c : t.concepts_) {
        for (const std::string& b : c.broader) {
            auto it = t.index_.find(b);
            if (it == t.index_.end()) {
                error = "concept '" + c.id + "' has unknown broader concept '" + b + "'";
                return std::nullopt;
            }
            t.concepts_[it->second].narrower.push_back(c.id);
        }
    }
    return t;
}

std::optional<Thesaurus> Thesaurus::load(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read " + path;
        return std::nullopt;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    auto t = parse(ss.str(), error);
    if (!t) error = path + ":" + error;
    return t;
}

const Concept* Thesaurus::find(const std::string& id) const {
    auto it = index_.find(id);
    return it == index_.end() ? nullptr : &concepts_[it->second];
}

std::vector<const Concept*> Thesaurus::top_concepts() const {
    std::vector<const Concept*> out;
    for (const Concept& c : concepts_)
        if (c.broader.empty()) out.push_back(&c);
    return out;
}

std::vector<std::string> Thesaurus::with_descendants(const std::string& id) const {
    std::vector<std::string> out;
    std::set<std::string> seen;
    std::vector<std::string> todo{id};
    while (!todo.empty()) {
        std::string next = todo.back();
        todo.pop_back();
        if (!seen.insert(next).second) continue;  // a concept under two broader ones
        const Concept* c = find(next);
        if (!c) continue;
        out.push_back(next);
        for (const auto& n : c->narrower) todo.push_back(n);
    }
    return out;
}

std::vector<std::string> Thesaurus::for_istanbul_article(const std::string& article) const {
    std::vector<std::string> out;
    for (const Concept& c : concepts_)
        if (std::find(c.istanbul.begin(), c.istanbul.end(), article) != c.istanbul.end()) out.push_back(c.id);
    return out;
}

std::vector<std::string> Thesaurus::istanbul_articles() const {
    std::set<std::string> all;
    for (const Concept& c : concepts_) all.insert(c.istanbul.begin(), c.istanbul.end());
    std::vector<std::string> out(all.begin(), all.end());
    std::sort(out.begin(), out.end(), [](const std::string& a, const std::string& b) {
        return std::atoi(a.c_str()) != std::atoi(b.c_str()) ? std::atoi(a.c_str()) < std::atoi(b.c_str()) : a < b;
    });
    return out;
}

}  // namespace himoya
