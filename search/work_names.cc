#include "search/work_names.h"

#include <algorithm>

#include "analysis/record_codec.h"
#include "analysis/term_scheme.h"
#include "search/database_state.h"
#include "search/stored_records.h"

namespace himoya {

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
    // One entry per name: a name several works share ("Istanbul Convention",
    // the Convention's full text and its articles' summaries) names them all,
    // and all their texts gain the bonus, not only those of the first.
    std::map<std::pair<std::string, std::string>, std::vector<std::string>> works_named;
    for (const auto& [work, list] : aliases)
        for (const auto& alias : list) works_named[alias].push_back(work);
    std::vector<NameMatcher::Entry> entries;
    for (const auto& [alias, works] : works_named) {
        NameMatcher::Entry entry{"name-" + std::to_string(entries.size()), {alias}};
        works_of_[entry.id] = works;
        entries.push_back(std::move(entry));
    }
    if (entries.empty()) return;
    Analyzer analyzer;  // the names are analysed once, here
    names_ = std::make_unique<NameMatcher>(entries, analyzer);
}

std::shared_ptr<const WorkNameRecognizer> WorkNameRecognizer::of(const Xapian::Database& db) {
    struct Tag {};
    return shared_per_state<Tag, WorkNameRecognizer>(db, [&] { return std::make_shared<const WorkNameRecognizer>(db); });
}

std::vector<NamedWork> WorkNameRecognizer::find(Analyzer& analyzer, std::string_view query,
                                                std::string_view language, bool latin_tajik) const {
    std::vector<NamedWork> out;
    if (empty()) return out;
    for (const NameMatcher::Match& m : names_->find(analyzer, query, language, latin_tajik))
        for (const std::string& work : works_of_.at(m.id)) out.push_back({work, m.name, m.start, m.end});
    return out;
}

std::string WorkNameRecognizer::title(const std::string& work_id, const std::string& lang) const {
    auto it = titles_.find(work_id);
    if (it == titles_.end() || it->second.empty()) return "";
    auto in_lang = it->second.find(lang);
    return in_lang != it->second.end() ? in_lang->second : it->second.begin()->second;
}

}  // namespace himoya
