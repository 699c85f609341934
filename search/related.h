// The related service: law ↔ practice links (/api/related) — the passages of
// manuals, reports and trainings that share concepts with a provision, and
// the law provisions that share concepts with a passage — over one IndexView
// (index_view.h). Other versions of the same work are not "related".
// server/api_json.h encodes the result.
//
// Uses the view alone while it runs: not thread-safe, as the view is not.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "search/compare.h"  // ConceptLabel
#include "search/index_view.h"
#include "search/search_types.h"  // BadRequest

namespace himoya {

struct RelatedPassages {
    std::string id;                     // the provision asked about
    std::vector<ConceptLabel> concepts;  // its concepts, labelled in the interface language
    std::vector<SearchHit> practice;    // manuals, reports, trainings … sharing them, best first
    std::vector<SearchHit> law;         // law provisions sharing them, best first
};

// Up to `limit` (1..50, else BadRequest) practice passages and law provisions
// sharing concepts with the provision, concepts labelled in `ui_lang`;
// nullopt for an unknown provision id.
std::optional<RelatedPassages> related_passages(IndexView& view, const std::string& provision_id, int limit,
                                               UiLanguage ui_lang);

}  // namespace himoya
