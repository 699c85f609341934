// libFuzzer target: the document readers on arbitrary bytes. Both the corpus
// XML reader and the Akoma Ntoso reader must turn any input into a Document
// or problems in the report (file:line), never crash, hang or throw; the RTF
// text layer must turn any input into blocks of text or an error.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>

#include "indexer/readers/akn_reader.h"
#include "indexer/readers/corpus_reader.h"
#include "indexer/readers/doc_text.h"
#include "indexer/readers/rtf_text.h"

namespace {
void require(bool ok) {
    if (!ok) std::abort();
}

void check(const std::optional<himoya::Document>& doc, const himoya::IngestReport& report) {
    // a skipped document is reported; a read one has an id
    require(doc.has_value() || report.documents_skipped > 0);
    if (doc) require(!doc->document_id.empty());
    for (const auto& p : report.problems) require(p.line >= 0 && !p.message.empty());
}
}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string xml(reinterpret_cast<const char*>(data), size);
    {
        himoya::IngestReport report;
        auto doc = himoya::read_corpus_xml_string(xml, "fuzz.xml", report);
        check(doc, report);
    }
    {
        himoya::IngestReport report;
        auto doc = himoya::read_akn_string(xml, "fuzz.akn.xml", report);
        check(doc, report);
    }
    {
        himoya::RtfText rtf = himoya::read_rtf_text(xml);
        require(rtf.error.empty() || rtf.blocks.empty());
        for (const auto& b : rtf.blocks) require(!b.text.empty());
    }
    for (const auto& b : himoya::blocks_of_wv_html(xml)) require(!b.text.empty());
    return 0;
}
