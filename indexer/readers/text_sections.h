// Cuts unstructured text (a .txt or .html manual, a PDF's text layer, the
// paragraphs of a DOCX or ODT file) into provisions: at lines that look like
// headings ("Article 5", "Статья 5", "Моддаи 5", "Član 5", "Chapter 2",
// "Глава 2", "Боби 2", "Part 1", "Қисми 1", "Section 3", "Раздел 3",
// "Фасли 3", "1." / "1.2") and otherwise at paragraphs. Numbers may carry an
// inserted article's mark: "93¹", "143-1", "5a" (unit ids art_93_1, art_143_1,
// art_5a, so they never collide with articles 931 or 1431). One builder per
// document read, used by one thread; match_heading is a pure function.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/document.h"
#include "indexer/ingest_report.h"
#include "indexer/readers/provision_label.h"
#include "indexer/readers/reader_text.h"

namespace himoya {

struct HeadingMatch {
    std::string kind;   // article, chapter, part, section, or "numbered" for "1." / "1.2"
    std::string num;    // "5", "IV", "1.2", "93¹", "7-1" as written
    std::string title;  // what follows the number, e.g. "Basic concepts"
};

// Recognises a heading line; nullopt for ordinary text.
std::optional<HeadingMatch> match_heading(std::string_view line);

// Receives headings and paragraphs in order and appends Provisions to doc.
class SectionBuilder {
public:
    SectionBuilder(Document& doc, IngestReport& report) : doc_(doc), report_(report) {}

    // A heading line; `free_heading` allows one that match_heading does not
    // recognise (an HTML <h2>), which then names its section by its text.
    // `line`: where it stands in the source, counted as the reader's
    // Document::position_unit says (a line, a paragraph, a page).
    void heading(std::string_view text, int line, bool free_heading);
    // `marks`, when a paragraph joins several source lines: where each starts
    // in `text` (byte offset) and its position; empty: all of it at `line`.
    // They become the provision's source_marks.
    void paragraph(std::string_view text, int line, const std::vector<Provision::SourceMark>& marks = {});
    void finish();

    // For a paged source (PDF): the page (1-based) the following headings
    // and paragraphs are on. Each provision's label then ends with the pages
    // it spans, so a hit can be cited: "Моддаи 1, банди 2, саҳ. 3",
    // "Статья 1, с. 3–4", "Article 1, pp. 3–4". Never called (page 0): no page.
    void page(int number) { page_ = number; }

private:
    struct Section {
        std::string unit_id, kind, num, heading, heading_line;
        std::vector<UnitRef> chain;
        TextBuilder text;
        std::vector<Provision::SourceMark> marks;
        int line = 0;
        int heading_position = 0;  // `line` when the heading is the section's own
        int first_page = 0, last_page = 0;  // 0: not paged
    };
    void emit(Section& s);

    Document& doc_;
    IngestReport& report_;
    std::optional<Section> current_;
    std::string chapter_heading_;   // inherited by untitled sections after it
    std::string article_id_, article_num_, article_heading_;  // context for "1." inside an article
    int paragraphs_ = 0, free_headings_ = 0;
    int page_ = 0;
    UnitIdSet ids_;
};

// A paged text (a PDF's text layer, the OCR of a scanned page or image):
// its lines in order, each with its page (1-based). The views point into
// the caller's page texts, which must outlive the vector.
struct PageLine {
    std::string_view text;
    int page = 0;
};

// Appends the lines of one page's text (lines split at '\n'), leaving out a
// page number printed alone on its first or last non-blank line ("12", "- 12 -").
void append_page_lines(std::string_view page_text, int page, std::vector<PageLine>& lines);

// Lines of a paged text -> headings and paragraphs for `out`, each line's
// page its position (source mark), then
// out.finish(). A line that reads like a heading (match_heading) is one;
// other lines are joined into paragraphs (a word hyphenated across a line
// break is joined again); a paragraph ends at a blank line, a heading, or a
// line ending a sentence (. ! ? ; :). Each is given its page (out.page).
void build_paged_sections(const std::vector<PageLine>& lines, SectionBuilder& out);

}  // namespace himoya
