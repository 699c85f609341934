#include "search/work_names.h"

#include <algorithm>
#include <deque>
#include <mutex>

#include "analysis/record_codec.h"
#include "analysis/term_scheme.h"
#include "search/database_state.h"
#include "search/stored_records.h"

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

WorkNameRecognizer::WorkNameRecognizer(const Xapian::Database& db) {
    // work id → (lang, alias), in document order, each alias once.
    std::map<std::string, std::vector<std::pair<std::string, std::string>>> aliases;
    const std::string documents = detail::record_term("document");
    for (auto it = db.postlist_begin(documents); it != db.postlist_end(documents); ++it) {
        std::optional<StoredRecord> record = decode_record(db.get_document(*it).get_data());
        if (!record || record->work_id.empty()) continue;
        if (!record->title.empty()) titles_[record->work_id].emplace(record->lang, record->title);
        auto& list = aliases[record->work_id];
        for (const auto& alias : record->aliases)
            if (std::find(list.begin(), list.end(), alias) == list.end()) list.push_back(alias);
    }
    std::string thesaurus = "<thesaurus>";
    int n = 0;
    for (const auto& [work, list] : aliases) {
        if (list.empty()) continue;
        std::string id = "work-" + std::to_string(n++);
        work_of_[id] = work;
        thesaurus += "<concept id=\"" + id + "\">";
        for (const auto& [lang, name] : list) {
            thesaurus += "<altLabel lang=\"" + xml_escape(lang) + "\">" + xml_escape(name) + "</altLabel>";
            names_of_[id].push_back(name);
        }
        thesaurus += "</concept>";
    }
    thesaurus += "</thesaurus>";
    if (work_of_.empty()) return;
    std::string error;
    names_ = Thesaurus::parse(thesaurus, error);
    Analyzer analyzer;  // the labels are analysed once, here
    if (names_) tagger_ = std::make_unique<ConceptTagger>(*names_, analyzer);
}

std::shared_ptr<const WorkNameRecognizer> WorkNameRecognizer::of(const Xapian::Database& db) {
    // A server holds one generation (two while switching); tests and tools a few.
    constexpr size_t kKept = 4;
    static std::mutex m;
    static std::deque<std::pair<std::string, std::shared_ptr<const WorkNameRecognizer>>> kept;
    const std::string state = database_state(db);
    {
        std::lock_guard lock(m);
        for (const auto& [s, names] : kept)
            if (s == state) return names;
    }
    // Built outside the lock: two threads may both build it the first time; both are right.
    auto names = std::make_shared<const WorkNameRecognizer>(db);
    std::lock_guard lock(m);
    kept.emplace_back(state, names);
    if (kept.size() > kKept) kept.pop_front();
    return names;
}

std::vector<NamedWork> WorkNameRecognizer::find(Analyzer& analyzer, std::string_view query,
                                                std::string_view language) const {
    std::vector<NamedWork> out;
    if (!tagger_) return out;
    struct Candidate {
        size_t start, end;
        std::string id, name;
    };
    std::vector<Candidate> found;
    std::vector<std::string> readings{std::string(language)};
    if (language != "tg" && language != "ru" && language != "en") readings = {std::string(language), "tg", "ru"};
    for (const std::string& reading : readings) {
        auto tokens = analyzer.analyze(query, reading);
        for (const ConceptMatch& m : tagger_->match(tokens))
            found.push_back({tokens[m.first_token].start, tokens[m.last_token].end, m.concept_id,
                             m.pattern ? m.pattern->label : std::string()});
    }
    // Longest first, then leftmost; a name overlapping a chosen one is dropped.
    std::sort(found.begin(), found.end(), [](const Candidate& a, const Candidate& b) {
        if (a.end - a.start != b.end - b.start) return a.end - a.start > b.end - b.start;
        return a.start < b.start;
    });
    for (const Candidate& c : found) {
        bool overlaps = false;
        for (const NamedWork& w : out) overlaps = overlaps || (c.start < w.end && w.start < c.end);
        if (overlaps) continue;
        out.push_back({work_of_.at(c.id), c.name, c.start, c.end});
    }
    std::sort(out.begin(), out.end(), [](const NamedWork& a, const NamedWork& b) { return a.start < b.start; });
    return out;
}

std::string WorkNameRecognizer::title(const std::string& work_id, const std::string& lang) const {
    auto it = titles_.find(work_id);
    if (it == titles_.end() || it->second.empty()) return "";
    auto in_lang = it->second.find(lang);
    return in_lang != it->second.end() ? in_lang->second : it->second.begin()->second;
}

}  // namespace himoya
