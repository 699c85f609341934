// The topics service: the thesaurus concepts with how many texts are about
// each (/api/topics), and one concept with its provisions by jurisdiction
// (/api/topics/{id}), over one IndexView (index_view.h). The results are
// plain values (copies, not references into the view); server/api_json.h
// encodes them.
//
// Uses the view alone while it runs: not thread-safe, as the view is not.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analysis/thesaurus.h"
#include "search/index_view.h"
#include "search/search_types.h"

namespace himoya {

struct TopicCount {
    Concept topic;
    long count = 0;  // texts about it
};

struct TopicList {
    std::vector<TopicCount> concepts;  // in the thesaurus's order
    std::vector<std::string> top;      // ids of the concepts without a broader one
};

// A text about the concept, in the version shown.
struct TopicText {
    SearchHit hit;                // no snippet, no score
    std::string text;             // the provision's whole text
    bool in_ui_language = false;  // shown in the interface language
    // It says the law has no provision on the concept (markup `absent`): about
    // the subject, yet no coverage of it (compare counts it as a stated gap).
    bool states_absence = false;
    // A passage of a law's text reporting how the law is applied (unit role
    // "practice"): about the subject, but the law's practice, not its
    // coverage (compare and the matrix count it with practice).
    bool reports_practice = false;
    struct Version {
        std::string id, lang;
    };
    std::vector<Version> other_versions;
};

struct TopicJurisdiction {
    std::string jurisdiction, label;
    long count = 0;                // texts about the concept there (all, not only those listed)
    long stated_absent = 0;        // of them, texts saying the law there has no provision on it
    long practice = 0;             // of them, passages of a law's text reporting its practice
    std::vector<TopicText> texts;  // up to per_jurisdiction of them
};

struct TopicPage {
    Concept topic;
    long total = 0;              // texts
    size_t total_versions = 0;   // records
    std::vector<TopicJurisdiction> by_jurisdiction;  // by jurisdiction code
};

// Thesaurus concepts with their counts; nullopt when the index has no thesaurus.
std::optional<TopicList> list_topics(IndexView& view);

// One concept with up to `per_jurisdiction` of its texts per jurisdiction, each
// in the interface language when that version exists; nullopt for an unknown
// concept or an index without a thesaurus.
std::optional<TopicPage> topic_page(IndexView& view, const std::string& concept_id, int per_jurisdiction,
                                    UiLanguage ui_lang = UiLanguage::en);

}  // namespace himoya
