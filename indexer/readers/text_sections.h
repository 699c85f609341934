// Cuts unstructured text (a .txt or .html manual, a PDF's text layer, the
// paragraphs of a DOCX or ODT file) into provisions: at lines that look like
// headings ("Article 5", "Статья 5", "Моддаи 5", "Chapter 2", "Глава 2",
// "Боби 2", "1." / "1.2") and otherwise at paragraphs. One builder per
// document read, used by one thread.
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
    std::string kind;   // article, chapter, or "numbered" for "1." / "1.2"
    std::string num;    // "5", "IV", "1.2"
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
    void heading(std::string_view text, int line, bool free_heading);
    void paragraph(std::string_view text, int line);
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
        int line = 0;
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

}  // namespace himoya
