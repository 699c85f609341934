// OCR of scanned pages and images with Tesseract (libtesseract), for the
// readers that meet a page with no text layer (pdf_reader.cc) or an image
// file (image_reader.h).
//
// Language: a document whose sidecar says tg, ru or en is recognised with
// that model alone (tgk, rus, eng): one pass, and the model that knows
// ғ ӣ қ ӯ ҳ ҷ is not second-guessed by the others. A document of another or
// undetermined language ("und", "mul") gets a first pass with all three
// ("tgk+rus+eng"); the language identifier (analysis/language.h) then names
// the language of what was read, and when it is tg, ru or en a second pass
// with that model alone is made and kept if its mean word confidence is at
// least the first's.
//
// Every page read is on the record: a note per page, `file: page 2 read by
// OCR (Tesseract rus): 24 words, mean word confidence 91%`, and a warning
// (naming the page) when that mean is under kLowOcrConfidence. Missing model
// files are a problem naming the file, the page and the .traineddata file
// looked for (a page is then read with the models that are there, or not at
// all), never a crash.
//
// Thread-safety and cost: an OcrSession belongs to one document read by one
// thread; it holds the TessBaseAPI instances it initialised (at most one per
// model combination) and frees them when it goes. Readers keep no state
// between calls, so nothing is shared between threads: separate TessBaseAPI
// instances are independent in Tesseract. Init measured on this machine
// (Debian bookworm, Tesseract 5.3.0, tessdata_fast models): tgk 9 ms, rus
// 35 ms, eng 160 ms cold, "tgk+rus+eng" 115 ms; recognising one A4 page at
// 300 dpi takes about 1-3 s. So Init is paid once per document and model,
// not per page, and a thread_local cache (which would keep ~100 MB of models
// per indexing thread alive for the whole run) is not worth it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "indexer/ingest_report.h"

namespace himoya {

// Mean word confidence (0-100) under which a page read by OCR is reported as
// likely wrong. Clean 300 dpi scans read at 85-95.
inline constexpr int kLowOcrConfidence = 50;

// One page to recognise: 8-bit grayscale pixels, row after row.
struct OcrImage {
    const unsigned char* pixels = nullptr;
    int width = 0, height = 0;
    int bytes_per_line = 0;
    int dpi = 300;  // the resolution it was scanned or rendered at
};

struct OcrResult {
    std::string text;       // UTF-8, lines as Tesseract found them, paragraphs split by blank lines
    int confidence = 0;     // mean word confidence, 0-100
    int words = 0;          // words recognised
    std::string models;     // the Tesseract models used: "rus", "tgk+rus+eng"
};

// The Tesseract model for a document language: tg → tgk, ru → rus, en → eng;
// "" for any other.
std::string tesseract_model(const std::string& language);

// Where Tesseract looks for NAME.traineddata: $TESSDATA_PREFIX when set,
// else Debian's /usr/share/tesseract-ocr/5/tessdata.
std::string tessdata_dir();

class OcrSession {
public:
    // `file` names the document in problems; `language` is its sidecar's.
    OcrSession(std::string file, std::string language);
    ~OcrSession();
    OcrSession(const OcrSession&) = delete;
    OcrSession& operator=(const OcrSession&) = delete;

    // Recognises one page (1-based `page`, for messages). nullopt when no
    // text was found or no model could be loaded (both reported: the caller
    // reports the page as not indexed). A note for every page read; a
    // warning when its confidence is low.
    std::optional<OcrResult> recognise(const OcrImage& image, int page, IngestReport& report);

private:
    struct Engine;
    Engine* engine(const std::string& models, int page, IngestReport& report);
    std::optional<OcrResult> run(Engine& engine, const OcrImage& image);

    std::string file_, language_;
    std::vector<std::unique_ptr<Engine>> engines_;
    std::vector<std::string> missing_reported_;  // each missing model file said once per document
};

}  // namespace himoya
