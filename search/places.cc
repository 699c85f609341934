#include "search/places.h"

#include <algorithm>
#include <sstream>

#include <pugixml.hpp>

namespace himoya {
namespace {

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else out += c;
    }
    return out;
}

}  // namespace

PlaceRecognizer::PlaceRecognizer(const std::string& xml, Analyzer& analyzer) {
    if (xml.empty()) return;
    pugi::xml_document doc;
    if (!doc.load_buffer(xml.data(), xml.size())) return;
    // The names as a thesaurus of their own, so that they are matched exactly
    // as concept labels are (stems in order, folded Tajik spellings).
    std::string thesaurus = "<thesaurus>";
    int n = 0;
    for (pugi::xml_node j : doc.document_element().children()) {
        std::string_view element = j.name();
        bool locality = element.find("locality") != std::string_view::npos;
        if (element.find("jurisdiction") == std::string_view::npos && !locality) continue;
        std::string id = "place-" + std::to_string(n++);
        locality_[id] = locality;
        std::istringstream codes(j.attribute("codes").value());
        for (std::string code; codes >> code;) codes_[id].push_back(code);
        thesaurus += "<concept id=\"" + id + "\">";
        for (pugi::xml_node name : j.children())
            thesaurus += "<altLabel lang=\"" + xml_escape(name.attribute("lang").value()) + "\">" +
                         xml_escape(name.text().get()) + "</altLabel>";
        thesaurus += "</concept>";
    }
    thesaurus += "</thesaurus>";
    std::string error;
    names_ = Thesaurus::parse(thesaurus, error);
    if (names_ && !codes_.empty()) tagger_ = std::make_unique<ConceptTagger>(*names_, analyzer);
}

std::vector<PlaceSpan> PlaceRecognizer::find(Analyzer& analyzer, std::string_view query,
                                             std::string_view language) const {
    std::vector<PlaceSpan> out;
    if (!tagger_) return out;
    struct Candidate {
        size_t start, end;
        std::string id;
    };
    std::vector<Candidate> found;
    std::vector<std::string> readings{std::string(language)};
    if (language != "tg" && language != "ru" && language != "en") readings = {std::string(language), "tg", "ru"};
    for (const std::string& reading : readings) {
        auto tokens = analyzer.analyze(query, reading);
        for (const ConceptMatch& m : tagger_->match(tokens))
            found.push_back({tokens[m.first_token].start, tokens[m.last_token].end, m.concept_id});
    }
    // Longest first, then leftmost; a span overlapping a chosen one is dropped.
    std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
        if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
        return a.start < b.start;
    });
    for (const Candidate& c : found) {
        bool overlaps = false;
        for (const PlaceSpan& s : out) overlaps = overlaps || (c.start < s.end && s.start < c.end);
        if (overlaps) continue;
        PlaceSpan span;
        span.jurisdictions = codes_.at(c.id);
        span.start = c.start;
        span.end = c.end;
        span.locality = locality_.at(c.id);
        for (const LabelPattern* p : tagger_->patterns_of(c.id)) span.name_stems.push_back(p->stems);
        out.push_back(std::move(span));
    }
    std::sort(out.begin(), out.end(), [](const PlaceSpan& a, const PlaceSpan& b) { return a.start < b.start; });
    return out;
}

std::string without_spans(std::string_view query, const std::vector<PlaceSpan>& spans) {
    std::string out(query);
    for (const PlaceSpan& s : spans)
        for (size_t i = s.start; i < s.end && i < out.size(); ++i) out[i] = ' ';
    return out;
}

}  // namespace himoya
