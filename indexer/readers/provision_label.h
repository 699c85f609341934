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
// "" when nothing printable is known. A num naming several units (a range
// "29-31", "c-f" whose ends ascend, or a list "3, 27") takes the plural noun
// and prints ranges with an en dash: "Paragraphs 29–31", "Статья 3, пункты
// c–f", "Бандҳои 1–3"; "143-1" is one number (article 143-1).
std::string make_label(const std::vector<UnitRef>& chain, std::string_view language);

// The label a unit's own heading gives it, when the heading opens with a
// citation noun (any of the three languages', singular or plural) and the
// unit's own number, or ends with them in brackets: "Article 7 and state
// programmes" on a <section num="7"> is "Article 7", "Пункт 2. Координатор"
// is "Пункт 2", "Қисми 1: …" is "Қисми 1", "Paragraphs 1–3. …" on num "1-3"
// is "Paragraphs 1–3", "Purpose of the update (paragraphs 3 and 27)" on num
// "3, 27" is "Paragraphs 3 and 27". Numbers compare with a hyphen and a dash
// alike, and a comma and and/и/ва alike; a plural noun may go on past the
// unit's number ("Articles 1–2" on num "1", "Articles 40 and 42" on num "40":
// the unit is numbered by its first article). The numbers are kept as the
// heading writes them. The heading says how the source cites the unit,
// whatever element the editor chose; "" when it does not say.
std::string label_from_heading(std::string_view heading, std::string_view num);

// The number as it should appear in a label: "SEC. 6 ." -> "6", "(a)" -> "(a)",
// "3, 27" -> "3, 27" (words before the number are dropped, not the list),
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
