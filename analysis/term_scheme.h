// The term scheme: every term prefix and value slot Himoya writes, in one place.
//
// The indexer writes these and the search side reads them; both include this
// header and nothing else defines a prefix (docs/term-scheme.md explains each).
// Boolean values are stored lower-cased so that no value starts with an upper-case
// letter (Xapian's convention for telling a prefix from the term it prefixes).
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <string_view>

namespace himoya::terms {

// Free-text terms.
inline constexpr std::string_view kStem = "Z";        // stemmed word (no positions), Omega's STEM_SOME convention
inline constexpr std::string_view kTitle = "S";       // word of the document title (positions), for title:
inline constexpr std::string_view kTitleStem = "ZS";  // stemmed title word
// Folded Tajik stem (no positions): the word with ҷ ҳ қ ғ ӯ ӣ folded to the
// keyboard substitutes ч х к г у и, stemmed in TajikStemmer's folded mode
// (Analyzer Token::folded). Written for Tajik words only; queries OR it in at
// a lower weight so "зуровари", "зўроварї" and "зӯроварӣ" all find
// "зӯроварӣ" while the exact spelling still ranks first.
inline constexpr std::string_view kFolded = "XF";
// Synonym-table key (not a document term): "XV" + the folded spelling of a
// Tajik word of the corpus → its correct spellings ("XVзуровари" →
// "зӯроварӣ"). A query word the index does not know is respelled through it,
// so "зуровари" ranks exactly as "зӯроварӣ" does.
inline constexpr std::string_view kFoldedSpelling = "XV";
// Synonym-table key (not a document term): "XT" + the stem of a word of the
// word lexicon (analysis/lexicon.h) → the stems of its counterparts in the
// other languages, words of one counterpart separated by ' ' ("XTделегац" →
// "deleg", "ҳайат"). Query words are also searched as these, at a lower weight.
inline constexpr std::string_view kTranslation = "XT";

// Boolean filter terms (one per value; lower-cased value follows the prefix).
inline constexpr std::string_view kUniqueId = "Q";      // provision or document id
inline constexpr std::string_view kJurisdiction = "N";  // Omega: couNtry
inline constexpr std::string_view kLanguage = "L";      // Omega: Language
inline constexpr std::string_view kYear = "Y";          // Omega: Year
inline constexpr std::string_view kType = "XK";         // document kind: law, manual, ...
inline constexpr std::string_view kTopic = "XC";        // thesaurus Concept id: the provision is ABOUT it
                                                        // (on a document record: its metadata topics)
inline constexpr std::string_view kMention = "XM";      // concept the provision only Mentions
inline constexpr std::string_view kStatus = "XS";       // legal Status of the document: in-force, repealed, ...
inline constexpr std::string_view kBody = "XB";         // issuing Body, slugged
inline constexpr std::string_view kAudience = "XA";     // Audience group
inline constexpr std::string_view kWork = "XW";         // Work id shared by language versions
inline constexpr std::string_view kDocument = "XD";     // Document id (on its provisions and on itself)
inline constexpr std::string_view kRecord = "XR";       // record kind: "provision" or "document"
inline constexpr std::string_view kVersionGroup = "XG"; // the kSlotVersionGroup value: finds a hit's other language versions
inline constexpr std::string_view kExtent = "XE";       // document records: how much of its source the text holds (whole, selected)
inline constexpr std::string_view kNotHeld = "XH";      // document records: concept its source regulates in parts not Held
inline constexpr std::string_view kAbsent = "XN";       // provision records: concept the provision says the law has No provision on
inline constexpr std::string_view kUnitRole = "XU";     // provision records: the Unit's role when not the law's own text ("practice")

// Value slots.
enum Slot : unsigned {
    kSlotDate = 0,          // "YYYYMMDD" (missing parts "00") + document id: sorts by date, ties by document
    kSlotYear = 1,          // "YYYY": year range filters and the year facet
    kSlotOrdinal = 2,       // sortable_serialise(ordinal): document order of provisions
    // 3-6 and 8 (jurisdiction, language, type, issuing body, audience each in a
    // slot of its own) are retired: those facets are fields of kSlotFacetKey
    // only (docs/term-scheme.md). Not to be reused: an older index holds them.
    kSlotTopics = 7,        // ids of the concepts the record is about, joined by '\n' (multi-valued facet)
    kSlotDocumentId = 9,
    kSlotVersionGroup = 10, // work id, + '/' + unit id on a provision: equal across language versions
    kSlotFacetKey = 11,     // the single-valued facets and audience in one value (FacetKeyField order)
    kSlotVersionKey = 12,   // version_key(kSlotVersionGroup value): one hit per text, 12 bytes
    // When the document first entered the index, "YYYY-MM-DDTHH:MM:SS.mmmZ"
    // (UTC, fixed width, so bytes sort as times) + document id (ties, as in
    // kSlotDate). Kept across runs, incremental or full (indexer.cc); the
    // Atom feeds and sort=indexed order by it, newest first.
    kSlotIndexed = 13,
    // kSlotDate and kSlotIndexed again, on document records only: a list of
    // documents in date order (a browse, sort=date or sort=indexed at document
    // scope) reads the values of the documents, not those of every record
    // (at 1M records: 20k values read instead of 1M; docs/scaling.md).
    kSlotDocumentDate = 14,
    kSlotDocumentIndexed = 15,
};
// Width of the timestamp at the start of kSlotIndexed.
inline constexpr size_t kIndexedStampBytes = 24;

// Fields of kSlotFacetKey, joined by kFacetKeySeparator. Facet counting reads
// this one slot instead of one slot per facet: one value and one count per
// match instead of six (docs/scaling.md). Topics keep their own slot: their
// many combinations would make this value nearly unique per record.
enum FacetKeyField : int {
    kKeyJurisdiction = 0,
    kKeyLanguage,
    kKeyType,
    kKeyYear,
    kKeyBody,
    kKeyAudience,  // multi-valued: kMultiValueSeparator inside the field
    kKeyStatus,    // legal status ("" for practice documents)
    kFacetKeyFields
};
inline constexpr char kFacetKeySeparator = '\x1f';

// Separator inside multi-valued slots.
inline constexpr char kMultiValueSeparator = '\n';

// Positions: a gap between fields so that a phrase never spans title and text.
inline constexpr unsigned kFieldPositionGap = 100;

// Index metadata keys of the label tables (indexer/label_tables.h): each is
// a table of value → language → label, stored as lines "value\tlang\tlabel".
inline constexpr std::string_view kBodyLabelsKey = "labels:body";
inline constexpr std::string_view kIstanbulLabelsKey = "labels:istanbul";
// corpus/jurisdictions.xml as it is: the names by which queries name places (search/places.h).
inline constexpr std::string_view kPlaceNamesKey = "places";
// The folders the index was built from (absolute, one per line), so that
// `himoya add` and `serve --watch` index the same list (cli/library_index.h).
inline constexpr std::string_view kSourceFoldersKey = "source-folders";
using LabelTable = std::map<std::string, std::map<std::string, std::string>>;
std::string encode_label_table(const LabelTable& table);
LabelTable decode_label_table(std::string_view text);

// The boolean term for a prefix and a display value ("N" + "ba-srp").
std::string boolean_term(std::string_view prefix, std::string_view value);

// The work id in a version group ("work/unit" on provisions, "work" on documents).
std::string_view work_of_group(std::string_view group);

// A 12-byte digest of a version group ("work/unit"): 8 bytes of FNV-1a over the
// group, then 4 over its work id, so that one-hit-per-text search counts texts
// and crowds works from this one value, read while the match runs, without
// loading documents (search/text_matches.cc). Short enough for std::string to
// hold without allocating. Two groups of one work share a key with probability
// ~n²/2^65 (3e-8 for a million); a shared key would hide one text behind the other.
inline constexpr size_t kVersionKeyBytes = 12;
std::string version_key(std::string_view group);

// kVersionGroup + the group as it is (a slug could make two groups one), cut
// to Xapian's term length limit; readers compare the slot value as well.
std::string version_group_term(std::string_view group);

// The unique-id term of a provision or document record: `kUniqueId` + its id
// as it is (not slugged: ids are already ASCII slugs with '/' and '_').
std::string unique_id_term(std::string_view id);

// A value reduced to what boolean terms hold: ASCII lower-case, spaces to '-'.
std::string slug(std::string_view value);

}  // namespace himoya::terms
