// What OCR read from a page, kept on disk beside the index, so that a page is
// recognised once and not on every run.
//
// Why: every indexing run reads every file twice (the concept plan's pass and
// the indexing pass, indexer.cc), and an incremental run (himoya add, a
// watched folder) reads the whole collection again to find what changed. For
// a scan that meant Tesseract again, 1-3 s a page, twice per run: a watched
// folder holding six scanned pages took 18 s to take in a one-line text file.
// With the cache a run pays Tesseract once per new page image.
//
// Key: a 128-bit hash of the page's pixels (8-bit gray, row by row, without
// row padding), its size and resolution, the document's language (which picks
// the models, ocr.h), the Tesseract version, and the size and time of each
// model file OCR may load. A page is the same page whatever file it came in;
// another scan, another language, another Tesseract or an updated model is
// another key. Only complete readings are kept: a page read while a model
// file was missing is read again next time (and reported again).
//
// Entries: one small file per page in the cache folder (`ocr-cache/` in the
// index folder), written to a temporary name and renamed, so a reader never
// sees half an entry; an unreadable or malformed entry counts as absent. A hit
// touches the entry; after a successful run the indexer removes the entries
// no file of that run used (prune), so the folder holds the pages of the
// collection indexed last. Writing is best effort: a full disk or a read-only
// folder costs OCR time next run, never a document.
//
// Thread-safety: find/store/prune may run from many threads and processes at
// once (distinct files per key; rename(2) is atomic). The process-wide
// current cache (set_current_ocr_cache) is set by the indexer for a run,
// before its threads start, and read by OcrSession.
#pragma once

#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_set>

#include "indexer/readers/ocr.h"

namespace himoya {

// One page as OCR left it: `found` false when OCR ran and found no text.
struct CachedOcr {
    bool found = false;
    OcrResult result;
    std::string how;  // how the models were chosen (ocr.cc), for the note
    // Found, and read by an earlier run (not by this cache's own store(): a
    // run reads every file twice, and its second reading is no news).
    bool earlier = false;
};

class OcrCache {
public:
    // `read_only`: find() only (himoya add --dry-run writes nothing).
    explicit OcrCache(std::filesystem::path directory, bool read_only = false);

    const std::filesystem::path& directory() const { return directory_; }

    // The key of a page recognised for a document in `language` ("tg", "",
    // ...): hex, 32 characters.
    static std::string key(const OcrImage& image, const std::string& language);

    std::optional<CachedOcr> find(const std::string& key) const;
    void store(const std::string& key, const CachedOcr& entry) const;
    // Removes entries neither written nor found since `since`; returns how many.
    size_t prune(std::filesystem::file_time_type since) const;

private:
    std::filesystem::path path(const std::string& key) const;
    std::filesystem::path directory_;
    bool read_only_ = false;
    mutable std::mutex stored_mutex_;
    mutable std::unordered_set<std::string> stored_;  // keys store() wrote
};

// The cache OcrSession uses (nullptr: none, every page is recognised).
std::shared_ptr<const OcrCache> current_ocr_cache();
void set_current_ocr_cache(std::shared_ptr<const OcrCache> cache);

// Sets the current cache for its lifetime, then restores the one before.
class ScopedOcrCache {
public:
    explicit ScopedOcrCache(std::shared_ptr<const OcrCache> cache);
    ~ScopedOcrCache();
    ScopedOcrCache(const ScopedOcrCache&) = delete;
    ScopedOcrCache& operator=(const ScopedOcrCache&) = delete;

private:
    std::shared_ptr<const OcrCache> previous_;
};

}  // namespace himoya
