#include "indexer/source_file.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <system_error>

#include "analysis/utf8.h"

namespace himoya {

bool load_source_file(const std::string& path, std::string& out, IngestReport& report) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {
        report.skip(path, 0, "not a readable file");
        return false;
    }
    // Check the size before reading so a huge file costs nothing.
    std::uintmax_t size = fs::file_size(path, ec);
    if (ec) {
        report.skip(path, 0, "cannot read file size: " + ec.message());
        return false;
    }
    if (size > kMaxSourceBytes) {
        report.skip(path, 0, "file is " + std::to_string(size) + " bytes, over the 64 MiB limit");
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        report.skip(path, 0, "cannot open file");
        return false;
    }
    out.assign(static_cast<size_t>(size), '\0');
    in.read(out.data(), static_cast<std::streamsize>(size));
    out.resize(static_cast<size_t>(in.gcount()));
    if (in.bad()) {
        report.skip(path, 0, "read error");
        return false;
    }
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
