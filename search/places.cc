#include "search/places.h"

#include <algorithm>
#include <sstream>

#include <pugixml.hpp>

namespace himoya {

PlaceRecognizer::PlaceRecognizer(const std::string& xml, Analyzer& analyzer) {
    if (xml.empty()) return;
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size())) return;
    // The names matched exactly as concept labels are (stems in order, folded Tajik spellings).
    std::vector<NameMatcher::Entry> entries;
    int n = 0;
    for (pugi::xml_node j : doc.document_element().children()) {
        std::string_view element = j.name();
        bool locality = element.find("locality") != std::string_view::npos;
        if (element.find("jurisdiction") == std::string_view::npos && !locality) continue;
        NameMatcher::Entry entry{"place-" + std::to_string(n++), {}};
        locality_[entry.id] = locality;
        std::istringstream codes(j.attribute("codes").value());
        for (std::string code; codes >> code;) codes_[entry.id].push_back(code);
        for (pugi::xml_node name : j.children()) entry.names.emplace_back(name.attribute("lang").value(), name.text().get());
        entries.push_back(std::move(entry));
    }
    if (!codes_.empty()) names_ = std::make_unique<NameMatcher>(entries, analyzer);
}

std::vector<PlaceSpan> PlaceRecognizer::find(Analyzer& analyzer, std::string_view query,
                                             std::string_view language, bool latin_tajik) const {
    std::vector<PlaceSpan> out;
    if (empty()) return out;
    for (const NameMatcher::Match& m : names_->find(analyzer, query, language, latin_tajik)) {
        PlaceSpan span;
        span.jurisdictions = codes_.at(m.id);
        span.start = m.start;
        span.end = m.end;
        span.locality = locality_.at(m.id);
        for (const LabelPattern* p : names_->patterns_of(m.id)) span.name_stems.push_back(p->stems);
        out.push_back(std::move(span));
    }
    return out;
}

std::string without_spans(std::string_view query, const std::vector<PlaceSpan>& spans) {
    std::string out(query);
    for (const PlaceSpan& s : spans)
        for (size_t i = s.start; i < s.end && i < out.size(); ++i) out[i] = ' ';
    return out;
}

}  // namespace himoya
