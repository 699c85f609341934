#include "indexer/document.h"

#include "indexer/ingest_report.h"

namespace himoya {

std::string default_extent(const std::string& text_status) {
    return text_status == "summary" ? "selected" : "whole";
}

std::string Document::extent_or_default() const { return extent.empty() ? default_extent(text_status) : extent; }

int Document::year() const {
    // Only the YYYY prefix matters; anything else means "no usable date".
    if (date.size() < 4) return 0;
    int y = 0;
    for (int i = 0; i < 4; ++i) {
        char c = date[static_cast<size_t>(i)];
        if (c < '0' || c > '9') return 0;
        y = y * 10 + (c - '0');
    }
    if (date.size() > 4 && date[4] != '-') return 0;
    return y;
}

std::string IngestProblem::to_string() const {
    if (line > 0) return file + ":" + std::to_string(line) + ": " + message;
    return file + ": " + message;
}

}  // namespace himoya
