// Getting a file's bytes into memory safely before any reader parses them:
// size limit, emptiness and UTF-8 checks, and byte offset -> line numbers
// for problem reports.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "indexer/ingest_report.h"

namespace himoya {

// Larger files are skipped unread: no real law is this big, and reading
// one would only waste memory.
inline constexpr std::uintmax_t kMaxSourceBytes = 64u * 1024u * 1024u;

// Reads `path` into `out`. On a missing/unreadable/oversized file, or one that
// is not a regular file (a FIFO, socket or device: checked before opening, so
// it cannot block), records a skip and returns false. Does not validate the content.
bool load_source_file(const std::string& path, std::string& out, IngestReport& report);

// Skips (and returns false) when `text` is empty or not valid UTF-8; the
// problem names the line of the first bad byte.
bool check_source_text(std::string_view text, const std::string& name, IngestReport& report);

// Drops a leading UTF-8 byte-order mark.
std::string_view strip_bom(std::string_view text);

// 1-based line of a byte offset. The newline table is built on first use,
// so documents without problems never pay for it.
class LineIndex {
public:
    explicit LineIndex(std::string_view text) : text_(text) {}
    int line_at(std::ptrdiff_t offset) const;

private:
    std::string_view text_;
    mutable std::vector<size_t> newlines_;
    mutable bool built_ = false;
};

}  // namespace himoya
