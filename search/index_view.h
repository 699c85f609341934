// IndexView: one open index and everything read from it once per generation —
// the Xapian database, an Analyzer, the thesaurus and its ConceptTagger, the
// value labels and the place names stored in the index's metadata. The search
// services (search_service.h, document_service.h, topic_service.h, compare.h,
// facts.h, related.h, analysis_report.h) each take one.
//
// Not thread-safe: a view owns a Xapian::Database and an Analyzer, which serve
// one user at a time. SearchEngine (engine.h) keeps a pool of views, one per
// call running at once, and replaces them when the index switches generation.
// Everything a view holds is owned by it; references it hands out live as long
// as the view.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analysis/thesaurus.h"
#include "search/labels.h"

// Only the search library's own files see Xapian (the layering test): the
// database, the analyser, tagger and place names are declared here, defined
// in the headers index_view.cc includes.
namespace Xapian {
class Database;
}

namespace himoya {

class Analyzer;
class ConceptTagger;
class PlaceRecognizer;

class IndexView {
public:
    // Opens the index at each path (a directory with a XAPIANDB stub, a Xapian
    // database, or a stub file); several paths are searched as one.
    // Throws std::runtime_error with a readable message if one cannot be opened.
    explicit IndexView(const std::vector<std::string>& db_paths);
    IndexView(const IndexView&) = delete;
    IndexView& operator=(const IndexView&) = delete;
    ~IndexView();

    Xapian::Database& db() { return *db_; }
    // A second handle on the same database state as db(), for a count that
    // runs on another thread while db() ranks (a Xapian::Database serves one
    // thread at a time); opened on first use. Null when the view searches
    // several shards or a remote one, or when the index has changed since
    // db() was opened (the second handle would see another state).
    Xapian::Database* counting_db();
    Analyzer& analyzer() { return *analyzer_; }
    // The thesaurus stored with the index (metadata "thesaurus"), or null.
    const Thesaurus* thesaurus() const { return thesaurus_ ? &*thesaurus_ : nullptr; }
    // Tags thesaurus labels in analysed text; null when there is no thesaurus.
    ConceptTagger* tagger() { return tagger_.get(); }
    // Every value's label in tg/ru/en (labels.h).
    const Labels& labels() const { return labels_; }
    // Place names in queries (index metadata "places").
    const PlaceRecognizer& places() const { return *places_; }

    // A shard is remote: only Xapian's built-in match spies run there. Learnt
    // by the first search that tries our own spy (search_service.cc).
    bool remote() const { return remote_; }
    void set_remote() { remote_ = true; }

private:
    std::vector<std::string> paths_;
    std::unique_ptr<Xapian::Database> db_;
    std::unique_ptr<Xapian::Database> counting_db_;
    bool counting_db_tried_ = false;
    std::unique_ptr<Analyzer> analyzer_;
    std::optional<Thesaurus> thesaurus_;
    std::unique_ptr<ConceptTagger> tagger_;  // over thesaurus_, with analyzer_
    Labels labels_;
    std::unique_ptr<PlaceRecognizer> places_;
    bool remote_ = false;
};

}  // namespace himoya
