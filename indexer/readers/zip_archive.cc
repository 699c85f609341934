#include "indexer/readers/zip_archive.h"

#include <zip.h>

#include <vector>

namespace himoya {

ZipArchive::~ZipArchive() {
    if (zip_) zip_discard(zip_);
}

std::string ZipArchive::open(std::string_view bytes) {
    if (zip_) {
        zip_discard(zip_);
        zip_ = nullptr;
    }
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
        zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!zip_) zip_source_free(source);  // on success the archive owns the source
    }
    std::string message = zip_ ? "" : zip_error_strerror(&error);
    zip_error_fini(&error);
    return message;
}

ZipEntry ZipArchive::read(std::string_view name, std::size_t max_bytes) const {
    ZipEntry entry;
    if (!zip_) {
        entry.error = "archive not open";
        return entry;
    }
    const std::string key(name);
    zip_stat_t st;
    zip_stat_init(&st);
    if (zip_stat(zip_, key.c_str(), 0, &st) != 0) {
        entry.status = ZipEntry::Status::missing;
        return entry;
    }
    if (st.valid & ZIP_STAT_SIZE) entry.size = st.size;
    if (entry.size > max_bytes) {
        entry.status = ZipEntry::Status::too_large;
        return entry;
    }
    zip_file_t* file = zip_fopen(zip_, key.c_str(), 0);
    if (!file) {
        entry.error = zip_error_strerror(zip_get_error(zip_));
        return entry;
    }
    // The declared size may lie: read in chunks and stop one byte past the cap.
    std::vector<char> chunk(64 * 1024);
    while (true) {
        zip_int64_t n = zip_fread(file, chunk.data(), chunk.size());
        if (n < 0) {
            entry.error = zip_error_strerror(zip_file_get_error(file));
            zip_fclose(file);
            return entry;
        }
        if (n == 0) break;
        if (entry.data.size() + static_cast<std::size_t>(n) > max_bytes) {
            entry.status = ZipEntry::Status::too_large;
            entry.data.clear();
            zip_fclose(file);
            return entry;
        }
        entry.data.append(chunk.data(), static_cast<std::size_t>(n));
    }
    zip_fclose(file);
    entry.status = ZipEntry::Status::ok;
    return entry;
}

}  // namespace himoya
