// Exact facet counts and facet filters.
//
// Counting: Xapian's own ValueCountMatchSpy reads each match's value slot (no
// document data is loaded) while the match runs with check_at_least = all
// documents, so every count is exact. Two spies, not one per facet: one over
// terms::kSlotFacetKey, which holds jurisdiction, language, type, year, body and
// audience in one value, and one over the topics slot. Each counts the distinct
// joined values; they are split into facet values when the counts are read,
// which stays exact (each record has one joined value). Built-in spies, not a
// custom one, so that remote shards (xapian-tcpsrv) count too. Multi-select: a facet that has a filter of its own is
// counted in a second pass that leaves that filter out, so ticking "TJ" still
// shows how many hits BA-BIH would add.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_set>
#include <vector>

#include <xapian.h>

#include "search/facet_columns.h"
#include "search/search_types.h"

namespace himoya {

// One facet of terms::kFacetTable (analysis/facet_table.h), as the search side uses it.
struct FacetSpec {
    std::string name;        // as in SearchRequest::filters
    unsigned slot;           // value slot holding the display value(s)
    bool multi_valued;       // values joined by terms::kMultiValueSeparator
    std::string term_prefix; // boolean prefix for filtering
    int key_field;           // field of terms::kSlotFacetKey holding it, or -1: counted from `slot`
};

const std::vector<FacetSpec>& facet_specs();  // terms::kFacetTable, in its order
const FacetSpec* find_facet(const std::string& name);

// Counts facet values once per text (version group) while a match runs: the
// first version of a text seen counts its values; the language facet counts
// every version (ticking "ru" gives the texts whose Russian version matches).
// The versions of a text share jurisdiction, type, year, body, status and
// concepts (the indexer makes them agree), so the counts are exact. A custom
// spy: it runs on local databases only. On one database it reads no value
// streams: each match's text, facet key and topics are array lookups in the
// database's FacetColumns, counted by code and turned into values once, at
// the end. On several (local shards) a spy sees each shard's own docids, so
// it reads the three values of each match instead (`columns` null).
//
// With `per_text` false (versions=separate: every record is a result) it
// counts every record, so its "texts" are records; with columns only.
class TextFacetCounter : public Xapian::MatchSpy {
public:
    explicit TextFacetCounter(std::shared_ptr<const FacetColumns> columns, bool per_text = true);
    void operator()(const Xapian::Document& doc, double weight) override;
    // Counts the record `did` (with columns only): what operator() does, for a
    // count made outside Xapian's matcher (search/match_walker.h).
    void count(Xapian::docid did);
    // After the match:
    const std::map<std::string, long>& keys() const;       // kSlotFacetKey value → texts
    const std::map<std::string, long>& topics() const;     // kSlotTopics value → texts
    const std::map<std::string, long>& languages() const;  // language → versions
    // With columns only: texts (or, `versions`, records) by the value of
    // one field of the facet key, and texts by single concept.
    bool has_columns() const { return columns_ != nullptr; }
    std::map<std::string, long> field_counts(size_t field, bool versions) const;
    std::map<std::string, long> concept_counts() const;

private:
    std::shared_ptr<const FacetColumns> columns_;
    bool per_text_ = true;
    std::vector<long> key_texts_, key_versions_, topic_texts_;  // by code; the last entry: no value
    std::vector<bool> seen_;                                    // by text code
    // Without columns: by value.
    std::map<std::string, long> key_text_values_, key_version_values_, topic_text_values_;
    std::unordered_set<std::string> seen_values_;
    // The counts by value, made once when first asked (after the match).
    mutable std::optional<std::map<std::string, long>> keys_, topics_, languages_;
};

class FacetSpy {
public:
    // per_text: count texts, not records (TextFacetCounter; local databases
    // only), from `columns` when given (one database); else records: from
    // `columns` when given, else through Xapian's built-in spies, which read
    // value streams (they also run on remote shards and several databases).
    explicit FacetSpy(std::vector<const FacetSpec*> facets, bool per_text = false,
                      std::shared_ptr<const FacetColumns> columns = nullptr);
    // Registers the counting spies on `enquire`, before get_mset; this object must
    // outlive the match.
    void attach(Xapian::Enquire& enquire);
    // Counts of one facet, highest first (years: newest first).
    std::vector<FacetCount> counts(const std::string& facet) const;
    // Whether count() may be called: the spy counts from columns.
    bool counts_by_docid() const { return text_counter_ && text_counter_->has_columns(); }
    // Counts the record `did` without a match running (search/match_walker.h);
    // only when counts_by_docid(). Do not attach() as well.
    void count(Xapian::docid did) { text_counter_->count(did); }

private:
    std::vector<const FacetSpec*> facets_;
    std::unique_ptr<Xapian::ValueCountMatchSpy> key_spy_;  // kSlotFacetKey, if a facet is counted from it
    std::map<unsigned, std::unique_ptr<Xapian::ValueCountMatchSpy>> slot_spies_;  // the others, by slot
    std::unique_ptr<TextFacetCounter> text_counter_;  // per_text: instead of the spies above
};

// Puts one facet's counts in display order: highest first, ties by value;
// years newest first.
void sort_facet_counts(const std::string& facet, std::vector<FacetCount>& counts);

// The filter for one facet's accepted values (OR), or an empty Query if none.
Xapian::Query facet_filter(const FacetSpec& facet, const std::vector<std::string>& values);

}  // namespace himoya
