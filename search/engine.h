// SearchEngine: the thread-safe front of the search library, shared by the
// HTTP server's worker threads and the CLI.
//
// Each thread gets its own Searcher (Xapian databases are not thread-safe),
// opened on first use. When a rebuild switches the index (the XAPIANDB stub
// changes), each thread reopens on its next request: the hot reindex needs no
// restart and no lock on the search path. Once any thread has seen a new
// generation, every other thread reopens before its next answer, so a client
// whose requests land on different threads never goes back to an older index.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "analysis/term_scheme.h"
#include "search/compare.h"
#include "search/search_types.h"
#include "search/searcher.h"

namespace himoya {

class SearchEngine {
public:
    // Opens the index once to check it; throws std::runtime_error if it cannot.
    explicit SearchEngine(std::vector<std::string> db_paths);

    SearchResult search(const SearchRequest& request);
    std::optional<nlohmann::json> document(const std::string& document_id);
    IndexHealth health();
    nlohmann::json analyze(const std::string& text, const std::string& language);
    std::optional<nlohmann::json> topics();
    std::optional<nlohmann::json> topic(const std::string& concept_id, int per_jurisdiction,
                                        const std::string& ui_lang = "en");
    nlohmann::json compare(const CompareRequest& request);
    nlohmann::json matrix(const MatrixRequest& request);
    std::optional<nlohmann::json> facts(const std::string& topic);
    std::optional<nlohmann::json> related(const std::string& provision_id, int limit, const std::string& ui_lang);
    // Every value label, by kind (labels.h); a copy, safe to keep.
    std::map<std::string, terms::LabelTable> labels();

    // A token that changes whenever any index's stub names a new generation.
    std::string index_version() const;

private:
    template <typename Fn>
    auto with_searcher(Fn&& fn) -> decltype(fn(std::declval<Searcher&>()));

    std::vector<std::string> db_paths_;
    const unsigned long id_;  // tells engines apart in the per-thread cache
    // Bumped by the first thread to open a new generation; a thread whose
    // Searcher is older reopens at once instead of after its next stub check.
    std::atomic<unsigned long> epoch_{0};
    std::mutex latest_mutex_;
    std::string latest_version_;  // guarded by latest_mutex_
};

}  // namespace himoya
