// A ZIP archive read from memory, for the office readers (DOCX and ODT are
// ZIP files of XML parts): one entry at a time, by name, never more than a
// cap of uncompressed bytes, so a zip bomb (a few KB that inflate to GBs)
// costs at most the cap. Wraps libzip; errors are values (the libzip message),
// never exceptions.
//
// Ownership: the archive refers to the bytes given to open() without copying
// them; they must outlive it. Thread-safety: one ZipArchive per file read,
// used by one thread (libzip archives are not shared between threads).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

struct zip;  // libzip's zip_t, kept out of the readers' headers

namespace himoya {

struct ZipEntry {
    enum class Status { ok, missing, too_large, error };
    Status status = Status::error;
    std::string data;        // the uncompressed bytes (ok only)
    std::uint64_t size = 0;  // the size the archive declares, uncompressed
    std::string error;       // libzip's message (error only)
};

class ZipArchive {
public:
    ZipArchive() = default;
    ~ZipArchive();
    ZipArchive(const ZipArchive&) = delete;
    ZipArchive& operator=(const ZipArchive&) = delete;

    // Opens the archive held in `bytes`. "" on success, else libzip's
    // message ("Not a zip archive", "Zip archive inconsistent" ...).
    std::string open(std::string_view bytes);

    // The entry called `name` ("word/document.xml"), uncompressed. An entry
    // whose declared size is over `max_bytes`, or which inflates to more than
    // `max_bytes` whatever it declares, is too_large and is not read further.
    ZipEntry read(std::string_view name, std::size_t max_bytes) const;

private:
    ::zip* zip_ = nullptr;
};

}  // namespace himoya
