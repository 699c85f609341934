#include "indexer/readers/document_caps.h"

#include <tuple>

namespace himoya {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }
bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

std::string size_text(size_t bytes) {
    if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0) return std::to_string(bytes / (1024 * 1024)) + " MiB";
    if (bytes >= 1024 && bytes % 1024 == 0) return std::to_string(bytes / 1024) + " KiB";
    return std::to_string(bytes) + " bytes";
}

}  // namespace

std::string cut_text(const std::string& text, size_t max_bytes) {
    if (text.size() <= max_bytes) return text;
    size_t end = max_bytes;
    // Back to the start of a character: never split a UTF-8 sequence.
    while (end > 0 && is_continuation(static_cast<unsigned char>(text[end]))) --end;
    // Back to a space, if there is one near: never split a word.
    size_t floor = end > kWordSearchBytes ? end - kWordSearchBytes : 0;
    for (size_t i = end; i > floor; --i) {
        if (is_space(text[i])) {
            end = i;
            break;
        }
    }
    while (end > 0 && is_space(text[end - 1])) --end;
    return text.substr(0, end);
}

bool apply_document_caps(Document& document, const std::string& file, IngestReport& report) {
    bool cut = false;
    if (document.provisions.size() > kMaxProvisionsPerDocument) {
        size_t dropped = document.provisions.size() - kMaxProvisionsPerDocument;
        std::string message = std::to_string(document.provisions.size());
        message += " provisions, over the limit of ";
        message += std::to_string(kMaxProvisionsPerDocument);
        message += " per document: the last ";
        message += std::to_string(dropped);
        message += " (from ";
        message += document.provisions[kMaxProvisionsPerDocument].unit_id;
        message += ") not indexed";
        report.cut(file, message);
        document.provisions.resize(kMaxProvisionsPerDocument);
        cut = true;
    }
    // One line per field, however many provisions it cut (an inherited heading repeats).
    for (auto [member, limit, what] : {std::tuple{&Provision::text, kMaxProvisionTextBytes, "text"},
                                       std::tuple{&Provision::heading, kMaxHeadingBytes, "heading"}}) {
        size_t count = 0;
        std::string first;
        for (Provision& p : document.provisions) {
            std::string& field = p.*member;
            if (field.size() <= limit) continue;
            if (count++ == 0) {
                first = p.unit_id;
                first += ", ";
                first += std::to_string(field.size());
                first += " bytes";
            }
            field = cut_text(field, limit);
        }
        if (count == 0) continue;
        std::string message = std::to_string(count);
        message += count == 1 ? " provision " : " provisions' ";
        message += what;
        message += " over the limit of ";
        message += size_text(limit);
        message += ", cut at a word boundary (first: ";
        message += first;
        message += ")";
        report.cut(file, message);
        cut = true;
    }
    return cut;
}

}  // namespace himoya
