#include "indexer/source_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "analysis/utf8.h"

namespace himoya {

bool load_source_file(const std::string& path, std::string& out, IngestReport& report) {
    // The type is checked before opening (a FIFO would block a plain open) and
    // again on the open descriptor (O_NONBLOCK: never waits for a writer).
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) {
        report.skip(path, 0, std::string("cannot read file: ") + std::strerror(errno));
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        report.skip(path, 0, "not a regular file; not read");
        return false;
    }
    // Check the size before reading so a huge file costs nothing.
    if (static_cast<std::uintmax_t>(st.st_size) > kMaxSourceBytes) {
        report.skip(path, 0, "file is " + std::to_string(st.st_size) + " bytes, over the 64 MiB limit");
        return false;
    }
    int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        report.skip(path, 0, std::string("cannot open file: ") + std::strerror(errno));
        return false;
    }
    struct Closer {
        int fd;
        ~Closer() { ::close(fd); }
    } closer{fd};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        report.skip(path, 0, "not a regular file; not read");
        return false;
    }
    if (static_cast<std::uintmax_t>(st.st_size) > kMaxSourceBytes) {
        report.skip(path, 0, "file is " + std::to_string(st.st_size) + " bytes, over the 64 MiB limit");
        return false;
    }
    out.assign(static_cast<size_t>(st.st_size), '\0');
    size_t got = 0;
    while (got < out.size()) {
        ssize_t n = ::read(fd, out.data() + got, out.size() - got);
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            report.skip(path, 0, std::string("read error: ") + std::strerror(errno));
            return false;
        }
        if (n == 0) break;  // the file shrank while being read
        got += static_cast<size_t>(n);
    }
    out.resize(got);
    return true;
}

bool check_source_text(std::string_view text, const std::string& name, IngestReport& report) {
    if (strip_bom(text).find_first_not_of(" \t\r\n") == std::string_view::npos) {
        report.skip(name, 0, "file is empty");
        return false;
    }
    size_t bad = find_invalid_utf8(text);
    if (bad != std::string_view::npos) {
        report.skip(name, LineIndex(text).line_at(static_cast<std::ptrdiff_t>(bad)),
                    "not valid UTF-8 (byte " + std::to_string(bad) + "); convert the file to UTF-8");
        return false;
    }
    return true;
}

std::string_view strip_bom(std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    return text;
}

int LineIndex::line_at(std::ptrdiff_t offset) const {
    if (offset < 0) return 0;
    if (!built_) {
        for (size_t i = text_.find('\n'); i != std::string_view::npos; i = text_.find('\n', i + 1))
            newlines_.push_back(i);
        built_ = true;
    }
    // Line = 1 + number of newlines strictly before the offset.
    auto it = std::lower_bound(newlines_.begin(), newlines_.end(), static_cast<size_t>(offset));
    return 1 + static_cast<int>(it - newlines_.begin());
}

}  // namespace himoya
