#include "indexer/readers/ocr_cache.h"

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <mutex>
#include <sstream>
#include <system_error>
#include <thread>

#include <unistd.h>

#include <tesseract/baseapi.h>

namespace himoya {
namespace fs = std::filesystem;

namespace {

constexpr const char* kMagic = "himoya-ocr 2";

// A check of an entry's text (FNV-1a 64, hex): an entry cut short (a crash
// between write and rename on a file system that reorders them, a hand edit)
// counts as absent, not as a page that says less.
std::string text_check(const std::string& text) {
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return std::to_string(text.size()) + " " + out;
}

// Two independent 64-bit hashes (FNV-1a and a multiply-xorshift mix), fed the
// same bytes: 128 bits, so distinct pages do not share an entry in practice.
struct Hash128 {
    uint64_t a = 1469598103934665603ULL, b = 0x9e3779b97f4a7c15ULL;
    void bytes(const unsigned char* p, size_t n) {
        for (size_t i = 0; i < n; ++i) a = (a ^ p[i]) * 1099511628211ULL;
        size_t i = 0;
        for (; i + 8 <= n; i += 8) {
            uint64_t w = 0;
            for (int k = 0; k < 8; ++k) w |= static_cast<uint64_t>(p[i + k]) << (8 * k);
            mix(w);
        }
        uint64_t tail = n;
        for (int k = 0; i < n; ++i, ++k) tail ^= static_cast<uint64_t>(p[i]) << (8 * k);
        mix(tail);
    }
    void mix(uint64_t w) {
        b ^= w + 0x9e3779b97f4a7c15ULL + (b << 6) + (b >> 2);
        b *= 0xff51afd7ed558ccdULL;
        b ^= b >> 33;
    }
    void text(const std::string& s) {
        bytes(reinterpret_cast<const unsigned char*>(s.data()), s.size());
        mix(s.size());
    }
    std::string hex() const {
        char out[33];
        std::snprintf(out, sizeof out, "%016llx%016llx", static_cast<unsigned long long>(a),
                      static_cast<unsigned long long>(b));
        return out;
    }
};

// "size mtime" of a model file OCR may load, "-" when it is not there.
std::string model_signature(const std::string& model) {
    const fs::path file = fs::path(tessdata_dir()) / (model + ".traineddata");
    std::error_code ec;
    const auto size = fs::file_size(file, ec);
    if (ec) return "-";
    const auto time = fs::last_write_time(file, ec);
    if (ec) return "-";
    return std::to_string(size) + " " + std::to_string(time.time_since_epoch().count());
}

std::string one_line(std::string s) {
    for (char& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

std::mutex g_current_mutex;
std::shared_ptr<const OcrCache> g_current;

}  // namespace

OcrCache::OcrCache(fs::path directory, bool read_only) : directory_(std::move(directory)), read_only_(read_only) {}

std::string OcrCache::key(const OcrImage& image, const std::string& language) {
    Hash128 h;
    h.text("page");
    h.text(language);
    h.text(tesseract::TessBaseAPI::Version());
    for (const char* model : {"tgk", "rus", "eng"}) h.text(model_signature(model));
    h.text(std::to_string(image.width) + "x" + std::to_string(image.height) + "@" + std::to_string(image.dpi));
    if (image.pixels && image.width > 0)
        for (int y = 0; y < image.height; ++y)
            h.bytes(image.pixels + static_cast<size_t>(y) * image.bytes_per_line, static_cast<size_t>(image.width));
    return h.hex();
}

fs::path OcrCache::path(const std::string& key) const { return directory_ / (key.substr(0, 2)) / (key + ".ocr"); }

std::optional<CachedOcr> OcrCache::find(const std::string& key) const {
    const fs::path file = path(key);
    std::ifstream in(file, std::ios::binary);
    if (!in) return std::nullopt;
    std::string line;
    if (!std::getline(in, line) || line != kMagic) return std::nullopt;
    CachedOcr entry;
    std::string check;
    bool text_follows = false;
    while (std::getline(in, line)) {
        const size_t space = line.find(' ');
        const std::string name = line.substr(0, space);
        const std::string value = space == std::string::npos ? "" : line.substr(space + 1);
        try {
            if (name == "found") entry.found = value == "1";
            else if (name == "models") entry.result.models = value;
            else if (name == "how") entry.how = value;
            else if (name == "confidence") entry.result.confidence = std::stoi(value);
            else if (name == "words") entry.result.words = std::stoi(value);
            else if (name == "check") check = value;
            else if (name == "text") {
                text_follows = true;
                break;
            } else return std::nullopt;
        } catch (const std::exception&) {
            return std::nullopt;
        }
    }
    if (!text_follows) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    entry.result.text = text.str();
    if (check != text_check(entry.result.text)) return std::nullopt;
    if (entry.found && (entry.result.words <= 0 || entry.result.text.empty())) return std::nullopt;
    {
        std::lock_guard lock(stored_mutex_);
        entry.earlier = stored_.count(key) == 0;
    }
    // Used by this run: prune keeps it.
    std::error_code ec;
    if (!read_only_) fs::last_write_time(file, fs::file_time_type::clock::now(), ec);
    return entry;
}

void OcrCache::store(const std::string& key, const CachedOcr& entry) const {
    if (read_only_) return;
    const fs::path file = path(key);
    std::error_code ec;
    fs::create_directories(file.parent_path(), ec);
    if (ec) return;
    std::ostringstream unique;
    unique << file.string() << ".tmp-" << ::getpid() << "-" << std::this_thread::get_id();
    const fs::path temp = unique.str();
    {
        std::ofstream out(temp, std::ios::binary | std::ios::trunc);
        if (!out) return;
        out << kMagic << '\n'
            << "found " << (entry.found ? 1 : 0) << '\n'
            << "models " << one_line(entry.result.models) << '\n'
            << "how " << one_line(entry.how) << '\n'
            << "confidence " << entry.result.confidence << '\n'
            << "words " << entry.result.words << '\n'
            << "check " << text_check(entry.result.text) << '\n'
            << "text\n"
            << entry.result.text;
        out.flush();
        if (!out) {
            out.close();
            fs::remove(temp, ec);
            return;
        }
    }
    fs::rename(temp, file, ec);
    if (ec) {
        fs::remove(temp, ec);
        return;
    }
    std::lock_guard lock(stored_mutex_);
    stored_.insert(key);
}

size_t OcrCache::prune(fs::file_time_type since) const {
    size_t removed = 0;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(directory_, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const auto time = fs::last_write_time(it->path(), ec);
        if (ec) {
            ec.clear();
            continue;
        }
        std::error_code remove_ec;
        if (time < since && fs::remove(it->path(), remove_ec)) ++removed;
    }
    return removed;
}

std::shared_ptr<const OcrCache> current_ocr_cache() {
    std::lock_guard lock(g_current_mutex);
    return g_current;
}

void set_current_ocr_cache(std::shared_ptr<const OcrCache> cache) {
    std::lock_guard lock(g_current_mutex);
    g_current = std::move(cache);
}

ScopedOcrCache::ScopedOcrCache(std::shared_ptr<const OcrCache> cache) : previous_(current_ocr_cache()) {
    set_current_ocr_cache(std::move(cache));
}

ScopedOcrCache::~ScopedOcrCache() { set_current_ocr_cache(std::move(previous_)); }

}  // namespace himoya
