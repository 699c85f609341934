// Works named in a query by the popular names they are known by ("VAWA",
// "КоАП", "Istanbul Convention", "Резолюция 1325", "Конвенсияи Истанбул"):
// the corpus's <aliases> (docs/corpus-format.md), read from the index's
// document records. A query naming a work asks about that work: its texts
// gain a fixed weight (QueryBuilder::kWorkBonus) above others with the same
// words; the words stay in the query (a work's records hold its aliases as
// title words, so they still match).
//
// Names are matched like thesaurus labels and place names (name_matcher.h).
// Built once per database state and shared by every thread (of()); immutable
// after construction, find() uses the caller's Analyzer.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "search/name_matcher.h"
#include "search/query_tree.h"  // NamedWork

namespace himoya {

class WorkNameRecognizer {
public:
    // From the aliases of the document records of `db` (none: recognises nothing).
    explicit WorkNameRecognizer(const Xapian::Database& db);
    // The recognizer of `db`'s current state, built on first use and shared.
    static std::shared_ptr<const WorkNameRecognizer> of(const Xapian::Database& db);

    bool empty() const { return !names_ || names_->empty(); }
    // Non-overlapping work names in `query`, longest first, read in `language`
    // and, when that is unknown, as Tajik and Russian too; in query order. A
    // name several works share gives one NamedWork for each of them.
    // `latin_tajik`: Latin words are also read as Tajik (NameMatcher::find).
    std::vector<NamedWork> find(Analyzer& analyzer, std::string_view query, std::string_view language,
                                bool latin_tajik = false) const;
    // The work's title in `lang` (a document of the work in that language), or
    // in any language when it has none; "" for an unknown work.
    std::string title(const std::string& work_id, const std::string& lang) const;

private:
    std::unique_ptr<NameMatcher> names_;                                 // one entry per (lang, alias)
    std::map<std::string, std::vector<std::string>> works_of_;           // entry id → the works of that name
    std::map<std::string, std::map<std::string, std::string>> titles_;  // work id → lang → title
};

}  // namespace himoya
