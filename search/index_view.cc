#include "search/index_view.h"

#include <filesystem>
#include <stdexcept>

#include <xapian.h>

#include "analysis/analyzer.h"
#include "analysis/concept_tagger.h"
#include "analysis/term_scheme.h"
#include "search/places.h"

namespace himoya {

IndexView::IndexView(const std::vector<std::string>& db_paths)
    : paths_(db_paths), db_(std::make_unique<Xapian::Database>()), analyzer_(std::make_unique<Analyzer>()) {
    if (db_paths.empty()) throw std::runtime_error("no index given");
    for (const auto& path : db_paths) {
        try {
            db_->add_database(Xapian::Database(path));
        } catch (const Xapian::Error& e) {
            // A folder of other files is no place to build one (himoya index refuses it).
            std::error_code ec;
            const bool others = std::filesystem::is_directory(path, ec) && !std::filesystem::is_empty(path, ec) &&
                                // kIndexLockName (indexer/index_location.h, which search/ does not include)
                                !std::filesystem::exists(std::filesystem::path(path) / "himoya-index.lock", ec);
            throw std::runtime_error("cannot open index '" + path + "': " + e.get_msg() +
                                     (others ? " (it is a folder of other files, not an index: build one in a new or "
                                               "empty folder with himoya index --db DIR)"
                                             : " (build it with: himoya index --db " + path + ")"));
        }
    }
    std::string xml = db_->get_metadata("thesaurus");
    if (!xml.empty()) {
        std::string error;
        thesaurus_ = Thesaurus::parse(xml, error);
        if (thesaurus_) tagger_ = std::make_unique<ConceptTagger>(*thesaurus_, *analyzer_);
    }
    if (thesaurus_) labels_.add_thesaurus(*thesaurus_);
    places_ = std::make_unique<PlaceRecognizer>(db_->get_metadata(std::string(terms::kPlaceNamesKey)), *analyzer_);
    labels_.add_table("body", terms::decode_label_table(db_->get_metadata(std::string(terms::kBodyLabelsKey))));
    labels_.add_table("istanbul", terms::decode_label_table(db_->get_metadata(std::string(terms::kIstanbulLabelsKey))));
}

IndexView::~IndexView() = default;

Xapian::Database* IndexView::counting_db() {
    if (counting_db_tried_) return counting_db_.get();
    counting_db_tried_ = true;
    if (paths_.size() != 1 || remote_) return nullptr;
    try {
        auto second = std::make_unique<Xapian::Database>(paths_[0]);
        // The same state: a generation switch between the two opens would
        // give the second handle other docids.
        if (second->size() == 1 && second->get_uuid() == db_->get_uuid() &&
            second->get_revision() == db_->get_revision())
            counting_db_ = std::move(second);
    } catch (const Xapian::Error&) {
        // no second handle: counts run on the searching thread
    }
    return counting_db_.get();
}

}  // namespace himoya
