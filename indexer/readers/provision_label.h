// How a provision is named to people and in ids: "Article 5, paragraph 2"
// (or "Статья 5, пункт 2", "Моддаи 5, қисми 2") and "art_5__para_2".
// Shared by all readers so one law reads the same whatever its format.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/ingest_report.h"

namespace himoya {

struct UnitRef {
    std::string kind;  // element name: article, paragraph, subsection ...
    std::string num;   // as printed
};

// Citation label for the last unit of `chain` (outermost first), in the
// document's language (tg, ru; anything else gets English nouns). Starts at
// the innermost article (else section) because that is how laws are cited;
// "" when nothing printable is known.
std::string make_label(const std::vector<UnitRef>& chain, std::string_view language);

// The label a unit's own heading gives it, when the heading opens with a
// citation noun (any of the three languages') and the unit's own number:
// "Article 7 and state programmes" on a <section num="7"> is "Article 7",
// "Пункт 2. Координатор" is "Пункт 2", "Қисми 1: …" is "Қисми 1". The heading
// says how the source cites the unit, whatever element the editor chose;
// "" when it does not open so.
std::string label_from_heading(std::string_view heading, std::string_view num);

// The number as it should appear in a label: "SEC. 6 ." -> "6", "(a)" -> "(a)",
// bullets -> "".
std::string label_num(std::string_view num);

// Id part of a unit kind: article -> art, chapter -> chp, section -> sec ...
std::string unit_abbrev(std::string_view kind);

// Keeps unit ids unique inside one document: a repeat gets a warning and
// a "_2", "_3" ... suffix.
class UnitIdSet {
public:
    std::string unique(const std::string& id, const std::string& file, int line,
                       IngestReport& report);

private:
    std::map<std::string, int> seen_;
};

}  // namespace himoya
