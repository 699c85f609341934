#include "search/name_matcher.h"

#include <algorithm>

namespace himoya {
namespace {

std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '&') out += "&amp;";
        else if (c == '<') out += "&lt;";
        else if (c == '>') out += "&gt;";
        else if (c == '"') out += "&quot;";
        else out += c;
    }
    return out;
}

}  // namespace

NameMatcher::NameMatcher(const std::vector<Entry>& entries, Analyzer& analyzer) {
    std::string thesaurus = "<thesaurus>";
    bool any = false;
    for (const Entry& e : entries) {
        if (e.names.empty()) continue;
        any = true;
        thesaurus += "<concept id=\"" + xml_escape(e.id) + "\">";
        for (const auto& [lang, name] : e.names)
            thesaurus += "<altLabel lang=\"" + xml_escape(lang) + "\">" + xml_escape(name) + "</altLabel>";
        thesaurus += "</concept>";
    }
    thesaurus += "</thesaurus>";
    if (!any) return;
    std::string error;
    names_ = Thesaurus::parse(thesaurus, error);
    if (names_) tagger_ = std::make_unique<ConceptTagger>(*names_, analyzer);
}

std::vector<NameMatcher::Match> NameMatcher::find(Analyzer& analyzer, std::string_view query,
                                                  std::string_view language, bool latin_tajik) const {
    std::vector<Match> out;
    if (!tagger_) return out;
    std::vector<Match> found;
    std::vector<std::string> readings{std::string(language)};
    if (language != "tg" && language != "ru" && language != "en") readings = {std::string(language), "tg", "ru"};
    for (const std::string& reading : readings) {
        auto tokens = analyzer.analyze(query, reading);
        for (const ConceptMatch& m : tagger_->match(tokens))
            found.push_back({m.concept_id, m.pattern ? m.pattern->label : std::string(), tokens[m.first_token].start,
                             tokens[m.last_token].end});
    }
    if (latin_tajik) {
        // Each word's reading (Analyzer::latin_tajik_reading) at the word's own byte range.
        std::vector<Token> read;
        for (const Token& word : analyzer.analyze(query, "tg")) {
            auto reading = analyzer.latin_tajik_reading(query.substr(word.start, word.end - word.start));
            if (reading.size() != 1) {  // the reading split or lost the word: offsets would not agree
                read.clear();
                break;
            }
            reading[0].start = word.start;
            reading[0].end = word.end;
            read.push_back(std::move(reading[0]));
        }
        for (const ConceptMatch& m : tagger_->match(read))
            found.push_back({m.concept_id, m.pattern ? m.pattern->label : std::string(), read[m.first_token].start,
                             read[m.last_token].end});
    }
    // Longest first, then leftmost; a name overlapping a chosen one is dropped.
    std::sort(found.begin(), found.end(), [](const Match& a, const Match& b) {
        if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
        return a.start < b.start;
    });
    for (Match& c : found) {
        bool overlaps = false;
        for (const Match& s : out) overlaps = overlaps || (c.start < s.end && s.start < c.end);
        if (!overlaps) out.push_back(std::move(c));
    }
    std::sort(out.begin(), out.end(), [](const Match& a, const Match& b) { return a.start < b.start; });
    return out;
}

std::vector<const LabelPattern*> NameMatcher::patterns_of(const std::string& id) const {
    return tagger_ ? tagger_->patterns_of(id) : std::vector<const LabelPattern*>{};
}

}  // namespace himoya
