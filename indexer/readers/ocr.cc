#include "indexer/readers/ocr.h"

#include <cstdlib>
#include <filesystem>
#include <system_error>

#include <tesseract/baseapi.h>

#include "analysis/language.h"
#include "indexer/readers/ocr_cache.h"

namespace himoya {

namespace {

// All three, for a document whose language the sidecar does not give.
constexpr const char* kAllModels = "tgk+rus+eng";

std::vector<std::string> split_models(const std::string& models) {
    std::vector<std::string> out;
    size_t pos = 0;
    while (pos <= models.size()) {
        size_t end = models.find('+', pos);
        if (end == std::string::npos) end = models.size();
        if (end > pos) out.push_back(models.substr(pos, end - pos));
        pos = end + 1;
    }
    return out;
}

std::string join_models(const std::vector<std::string>& models) {
    std::string out;
    for (const std::string& m : models) {
        if (!out.empty()) out += '+';
        out += m;
    }
    return out;
}

bool blank(const std::string& s) { return s.find_first_not_of(" \t\r\n\f") == std::string::npos; }

}  // namespace

std::string tesseract_model(const std::string& language) {
    if (language == "tg") return "tgk";
    if (language == "ru") return "rus";
    if (language == "en") return "eng";
    return "";
}

std::string tessdata_dir() {
    const char* env = std::getenv("TESSDATA_PREFIX");
    std::string dir = env && *env ? env : "/usr/share/tesseract-ocr/5/tessdata";
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    return dir;
}

// One initialised Tesseract for one model combination; `api` is null when
// none of its models could be loaded.
struct OcrSession::Engine {
    std::string requested;  // what was asked for: "tgk+rus+eng"
    std::string models;     // what was loaded: "rus+eng" when tgk is missing
    std::unique_ptr<tesseract::TessBaseAPI> api;
};

OcrSession::OcrSession(std::string file, std::string language)
    : file_(std::move(file)), language_(std::move(language)) {}

OcrSession::~OcrSession() {
    for (auto& e : engines_)
        if (e->api) e->api->End();
}

OcrSession::Engine* OcrSession::engine(const std::string& requested, int page, IngestReport& report) {
    for (auto& e : engines_)
        if (e->requested == requested) return e->api ? e.get() : nullptr;
    auto e = std::make_unique<Engine>();
    e->requested = requested;
    // Check the model files ourselves: Tesseract would only print to stderr.
    const std::string dir = tessdata_dir();
    std::vector<std::string> present;
    for (const std::string& model : split_models(requested)) {
        const std::string file = dir + "/" + model + ".traineddata";
        std::error_code ec;
        if (std::filesystem::is_regular_file(file, ec)) {
            present.push_back(model);
            continue;
        }
        bool said = false;
        for (const std::string& m : missing_reported_) said = said || m == model;
        if (said) continue;
        missing_reported_.push_back(model);
        report.warn(file_, 0,
                    "page " + std::to_string(page) + ": OCR language data for '" + model + "' is missing (" + file +
                        " not found; Debian package tesseract-ocr-" + model + ")");
    }
    if (!present.empty()) {
        e->models = join_models(present);
        auto api = std::make_unique<tesseract::TessBaseAPI>();
        if (api->Init(dir.c_str(), e->models.c_str(), tesseract::OEM_LSTM_ONLY) == 0) {
            api->SetPageSegMode(tesseract::PSM_AUTO);  // columns, paragraphs: a whole page
            e->api = std::move(api);
        } else {
            report.warn(file_, 0,
                        "page " + std::to_string(page) + ": Tesseract could not load OCR language data '" +
                            e->models + "' from " + dir);
        }
    }
    engines_.push_back(std::move(e));
    return engines_.back()->api ? engines_.back().get() : nullptr;
}

std::optional<OcrResult> OcrSession::run(Engine& engine, const OcrImage& image) {
    tesseract::TessBaseAPI& api = *engine.api;
    api.SetImage(image.pixels, image.width, image.height, 1, image.bytes_per_line);
    api.SetSourceResolution(image.dpi > 0 ? image.dpi : 300);
    if (api.Recognize(nullptr) != 0) {
        api.Clear();
        return std::nullopt;
    }
    OcrResult result;
    result.models = engine.models;
    std::unique_ptr<char[]> text(api.GetUTF8Text());
    if (text) result.text = text.get();
    std::unique_ptr<int[]> confidences(api.AllWordConfidences());
    long sum = 0;
    if (confidences)
        for (const int* c = confidences.get(); *c >= 0; ++c) {
            sum += *c;
            ++result.words;
        }
    result.confidence = result.words > 0 ? static_cast<int>((sum + result.words / 2) / result.words) : 0;
    api.Clear();
    if (result.words == 0 || blank(result.text)) return std::nullopt;
    return result;
}

std::optional<OcrResult> OcrSession::recognise(const OcrImage& image, int page, IngestReport& report) {
    if (!image.pixels || image.width <= 0 || image.height <= 0) return std::nullopt;
    // A page read before (ocr_cache.h) is not read again: same notes, same text.
    const std::shared_ptr<const OcrCache> cache = current_ocr_cache();
    const std::string key = cache ? OcrCache::key(image, language_) : std::string();
    std::optional<CachedOcr> cached = cache ? cache->find(key) : std::nullopt;
    std::optional<OcrResult> result;
    std::string how;
    if (cached) {
        if (cached->found) result = std::move(cached->result);
        how = std::move(cached->how);
    } else {
        bool complete = true;  // every model asked for was loaded
        auto use = [&](const std::string& models) {
            Engine* e = engine(models, page, report);
            if (!e || e->models != models) complete = false;
            return e;
        };
        const std::string declared = tesseract_model(language_);
        if (!declared.empty()) {
            if (Engine* e = use(declared)) result = run(*e, image);
            // The document's model is missing: the others may still read the page.
            else if (Engine* all = use(kAllModels)) result = run(*all, image);
        } else if (Engine* all = use(kAllModels)) {
            result = run(*all, image);
            // A second pass with the one model of the language read, if it helps.
            const std::string guessed = result ? tesseract_model(identify_language(result->text).lang) : "";
            if (!guessed.empty() && guessed != result->models) {
                if (Engine* one = use(guessed)) {
                    std::optional<OcrResult> second = run(*one, image);
                    if (second && second->confidence >= result->confidence) {
                        how = ", chosen after a first pass with " + result->models + " at " +
                              std::to_string(result->confidence) + "%";
                        result = std::move(second);
                    }
                }
            }
        }
        if (cache && complete) cache->store(key, CachedOcr{result.has_value(), result.value_or(OcrResult{}), how});
    }
    if (!result) return std::nullopt;
    const std::string at = "page " + std::to_string(page);
    report.note(file_, at + " read by OCR (Tesseract " + result->models + how + (cached && cached->earlier ? ", kept from an earlier reading" : "") +
                           "): " + std::to_string(result->words) + (result->words == 1 ? " word" : " words") +
                           ", mean word confidence " + std::to_string(result->confidence) + "%");
    if (result->confidence < kLowOcrConfidence)
        report.warn(file_, 0,
                    at + ": OCR mean word confidence " + std::to_string(result->confidence) + "% is very low (under " +
                        std::to_string(kLowOcrConfidence) + "%): its text is likely wrong; check the scan");
    return result;
}

}  // namespace himoya
