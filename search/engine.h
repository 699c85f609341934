// SearchEngine: the thread-safe front of the search library, shared by the
// HTTP server's worker threads and the CLI.
//
// Each thread gets its own Searcher (Xapian databases are not thread-safe),
// opened on first use. When a rebuild switches the index (the XAPIANDB stub
// changes), each thread reopens on its next request: the hot reindex needs no
// restart and no lock on the search path.
#pragma once

#include <atomic>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

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
    std::optional<nlohmann::json> topic(const std::string& concept_id, int per_jurisdiction);
    nlohmann::json compare(const CompareRequest& request);
    nlohmann::json matrix(const MatrixRequest& request);
    std::optional<nlohmann::json> facts(const std::string& topic);
    std::optional<nlohmann::json> related(const std::string& provision_id, int limit, const std::string& ui_lang);

    // A token that changes whenever any index's stub names a new generation.
    std::string index_version() const;

private:
    template <typename Fn>
    auto with_searcher(Fn&& fn) -> decltype(fn(std::declval<Searcher&>()));

    std::vector<std::string> db_paths_;
    const unsigned long id_;  // tells engines apart in the per-thread cache
};

}  // namespace himoya
