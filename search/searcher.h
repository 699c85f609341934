// Searcher: runs searches, fetches documents and reports index health over one
// open index. Not thread-safe (it owns a Xapian::Database and an Analyzer):
// use SearchEngine (engine.h) to share an index between threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/search_types.h"

namespace himoya {

struct IndexHealth {
    long documents = 0;
    long provisions = 0;
};

class Searcher {
public:
    // Opens the index at each path (a directory with a XAPIANDB stub, a Xapian
    // database, or a stub file); several paths are searched as one.
    // Throws std::runtime_error with a readable message if one cannot be opened.
    explicit Searcher(const std::vector<std::string>& db_paths);
    ~Searcher();
    Searcher(const Searcher&) = delete;
    Searcher& operator=(const Searcher&) = delete;

    // Throws BadRequest for invalid requests.
    SearchResult search(const SearchRequest& request);

    // The document with its metadata, other language versions and `limit` of
    // its provisions in document order from `offset`, with "provisions_page":
    // {offset, limit, total}; nullopt if there is no document with that id.
    std::optional<nlohmann::json> document(const std::string& document_id, size_t offset = 0,
                                           size_t limit = static_cast<size_t>(-1));

    IndexHealth health();

    // Thesaurus concepts with labels and provision counts (/api/topics);
    // nullopt when the index has no thesaurus.
    std::optional<nlohmann::json> topics();
    // One concept with its provisions grouped by jurisdiction (/api/topics/{id});
    // nullopt for an unknown concept.
    std::optional<nlohmann::json> topic(const std::string& concept_id, int per_jurisdiction,
                                        const std::string& ui_lang = "en");

    // Side-by-side comparison of jurisdictions on a topic (compare.h).
    nlohmann::json compare(const struct CompareRequest& request);
    // Coverage of Istanbul Convention articles or top concepts by jurisdiction (compare.h).
    nlohmann::json matrix(const struct MatrixRequest& request);

    // The fact table of a topic (/api/facts); nullopt if the index has none.
    std::optional<nlohmann::json> facts(const std::string& topic);
    // Practice passages and law provisions sharing concepts with a provision
    // (/api/related); nullopt for an unknown provision id.
    std::optional<nlohmann::json> related(const std::string& provision_id, int limit, const std::string& ui_lang);

    // Labels of every value the API emits, in tg/ru/en (labels.h).
    const class Labels& labels() const;

    // Every analysis stage of `text`, as /api/analyze shows it.
    nlohmann::json analyze(const std::string& text, const std::string& language);

private:
    // The query read once (query_tree.h): places set aside, question words
    // dropped, concept spans grouped, as the request allows.
    struct QueryTree read_query(const SearchRequest& request);
    // One search of a read query; `relaxed`: most of the words suffice (search()
    // decides). `in_place`, when given and the query names places: how many
    // matches lie there, counted up to a page (kRelaxBelow).
    SearchResult run_search(const SearchRequest& request, const struct QueryTree& tree, bool relaxed,
                            long* in_place = nullptr);
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace himoya
