#include "indexer/readers/image_reader.h"

#include <memory>
#include <string_view>
#include <vector>

#include <leptonica/allheaders.h>

#include "indexer/readers/ocr.h"
#include "indexer/readers/sidecar.h"
#include "indexer/readers/text_sections.h"

namespace himoya {

namespace {

// A multi-page TIFF longer than this is read up to here, and the rest reported.
constexpr int kMaxImagePages = 2000;

struct PixDeleter {
    void operator()(Pix* pix) const { pixDestroy(&pix); }
};
using PixPtr = std::unique_ptr<Pix, PixDeleter>;

bool is_tiff(l_int32 format) { return L_FORMAT_IS_TIFF(format); }

// The pixels of `pix` as 8-bit gray, row after row (Leptonica keeps bytes in
// 32-bit words, so they are copied out one by one).
std::vector<unsigned char> gray_bytes(Pix* pix, int& width, int& height) {
    PixPtr gray(pixConvertTo8(pix, 0));
    std::vector<unsigned char> out;
    if (!gray) return out;
    width = pixGetWidth(gray.get());
    height = pixGetHeight(gray.get());
    const l_int32 wpl = pixGetWpl(gray.get());
    const l_uint32* data = pixGetData(gray.get());
    out.resize(static_cast<size_t>(width) * static_cast<size_t>(height));
    for (int y = 0; y < height; ++y) {
        const l_uint32* row = data + static_cast<size_t>(y) * static_cast<size_t>(wpl);
        for (int x = 0; x < width; ++x) out[static_cast<size_t>(y) * width + x] = GET_DATA_BYTE(row, x);
    }
    return out;
}

std::optional<Document> read(ReaderInput& input, IngestReport& report) {
    const std::string& path = input.path();
    Document doc;
    doc.source_path = path;
    doc.format = "image";
    doc.position_unit = "page";
    if (!read_sidecar(path, doc, report)) return std::nullopt;
    std::optional<std::string_view> bytes = input.bytes(report);
    if (!bytes) return std::nullopt;
    const auto* data = reinterpret_cast<const l_uint8*>(bytes->data());
    l_int32 format = IFF_UNKNOWN, w = 0, h = 0, bps = 0, spp = 0, cmap = 0;
    if (bytes->size() < 12 || findFileFormatBuffer(data, &format) != 0 || format == IFF_UNKNOWN ||
        pixReadHeaderMem(data, bytes->size(), &format, &w, &h, &bps, &spp, &cmap) != 0) {
        report.skip(path, 0, "not an image Leptonica can read (PNG, JPEG or TIFF expected)");
        return std::nullopt;
    }
    if (w <= 0 || h <= 0 || static_cast<long long>(w) * h > kMaxImagePixels) {
        report.skip(path, 0, "image of " + std::to_string(w) + "×" + std::to_string(h) + " pixels, over the limit of " +
                                 std::to_string(kMaxImagePixels / 1'000'000) + " million: not decoded");
        return std::nullopt;
    }
    OcrSession ocr(path, doc.language);
    std::vector<std::string> texts;  // `lines` point into them: reserved, never reallocated
    texts.reserve(kMaxImagePages);
    std::vector<PageLine> lines;
    std::vector<int> no_text;
    int pages = 0;
    bool more_pages = false;
    for (int n = 0; n < kMaxImagePages; ++n) {
        PixPtr pix(is_tiff(format) ? pixReadMemTiff(data, bytes->size(), n) : pixReadMem(data, bytes->size()));
        if (!pix) {
            if (n == 0) {
                report.skip(path, 0, "image cannot be decoded (damaged?)");
                return std::nullopt;
            }
            break;  // the last page of a TIFF
        }
        const int number = ++pages;
        int width = 0, height = 0;
        if (static_cast<long long>(pixGetWidth(pix.get())) * pixGetHeight(pix.get()) > kMaxImagePixels) {
            no_text.push_back(number);
            report.warn(path, 0, "page " + std::to_string(number) + ": over the limit of " +
                                     std::to_string(kMaxImagePixels / 1'000'000) + " million pixels: not decoded");
        } else {
            std::vector<unsigned char> gray = gray_bytes(pix.get(), width, height);
            OcrImage image;
            image.pixels = gray.data();
            image.width = width;
            image.height = height;
            image.bytes_per_line = width;
            const l_int32 dpi = pixGetXRes(pix.get());
            image.dpi = dpi >= 70 && dpi <= 2400 ? dpi : 300;  // unset or absurd: assume a 300 dpi scan
            std::optional<OcrResult> result = gray.empty() ? std::nullopt : ocr.recognise(image, number, report);
            if (!result) {
                no_text.push_back(number);
            } else {
                texts.push_back(std::move(result->text));
                append_page_lines(texts.back(), number, lines);
            }
        }
        if (!is_tiff(format)) break;
    }
    if (is_tiff(format) && pages == kMaxImagePages) more_pages = PixPtr(pixReadMemTiff(data, bytes->size(), pages)) != nullptr;
    if (static_cast<int>(no_text.size()) == pages) {
        report.skip(path, 0, pages == 1 ? std::string("OCR found no text in the image")
                                        : "OCR found no text on any of its " + std::to_string(pages) + " pages");
        return std::nullopt;
    }
    bool cut = false;
    if (!no_text.empty()) {
        std::string list;
        for (int p : no_text) list += (list.empty() ? "" : ", ") + std::to_string(p);
        report.cut(path, (no_text.size() == 1 ? "page " : "pages ") + list + ": OCR found no text: not indexed");
        cut = true;
    }
    if (more_pages) {
        report.cut(path, "TIFF pages after " + std::to_string(kMaxImagePages) + " not read");
        cut = true;
    }
    if (cut) ++report.documents_truncated;
    SectionBuilder sections(doc, report);
    build_paged_sections(lines, sections);
    if (doc.provisions.empty()) report.warn(path, 0, "no text found");
    return doc;
}

}  // namespace

const Reader& image_reader() {
    static const Reader reader{"image", {".png", ".jpg", ".jpeg", ".tif", ".tiff"}, "", {".meta.xml"}, &read};
    return reader;
}

std::optional<Document> read_image_document(const std::string& path, IngestReport& report) {
    return read_with(image_reader(), ReaderInput(path), report);
}

}  // namespace himoya
