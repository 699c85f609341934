// OCR of scanned pages (indexer/readers/ocr.h) through the PDF reader and the
// image reader (indexer/readers/image_reader.h), on the scans of
// tests/data/office made by make_scans.py: the text of an image-only page is
// read, cut into provisions labelled with their page, noted with its
// confidence, found by a search after indexing; missing language data and
// undecodable images are reported, never thrown. Also prints the OCR word
// accuracy per language (bench/ocr_accuracy.sh), asserting only a floor.
#include <doctest/doctest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "indexer/readers/document_reader.h"
#include "indexer/readers/image_reader.h"
#include "indexer/readers/ocr.h"
#include "indexer/readers/ocr_cache.h"
#include "indexer/readers/pdf_reader.h"
#include "process.h"
#include "reader_fixtures.h"
#include "temp_dir.h"

using namespace himoya;
using namespace himoya::testing;
using himoya::testing::TempDir;
using himoya::testing::write_file;
namespace fs = std::filesystem;

namespace {

// The notes saying a page was read by OCR.
std::vector<std::string> ocr_notes(const IngestReport& r) {
    std::vector<std::string> out;
    for (const IngestProblem& p : r.problems)
        if (p.info && p.message.find("read by OCR") != std::string::npos) out.push_back(p.message);
    return out;
}

// Case-folded words (runs of letters and digits) of a UTF-8 text.
std::vector<std::string> words(const std::string& text) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    u.foldCase();
    std::vector<std::string> out;
    icu::UnicodeString word;
    auto flush = [&] {
        if (!word.isEmpty()) {
            std::string s;
            word.toUTF8String(s);
            out.push_back(s);
            word.remove();
        }
    };
    for (int32_t i = 0; i < u.length();) {
        UChar32 c = u.char32At(i);
        if (u_isalnum(c) || u_getCombiningClass(c) > 0) word.append(c);
        else flush();
        i += U16_LENGTH(c);
    }
    flush();
    return out;
}

// Share of the source's words (counted with repeats) found in the OCR text.
double word_accuracy(const std::string& source, const std::string& ocr) {
    std::map<std::string, int> have;
    for (const std::string& w : words(ocr)) ++have[w];
    int total = 0, found = 0;
    for (const std::string& w : words(source)) {
        ++total;
        auto it = have.find(w);
        if (it != have.end() && it->second > 0) {
            --it->second;
            ++found;
        }
    }
    return total ? static_cast<double>(found) / total : 0;
}

// Sets an environment variable for one scope, then puts the old value back.
struct ScopedEnv {
    std::string name;
    std::optional<std::string> old;
    ScopedEnv(std::string n, const std::string& value) : name(std::move(n)) {
        if (const char* v = std::getenv(name.c_str())) old = v;
        setenv(name.c_str(), value.c_str(), 1);
    }
    ~ScopedEnv() {
        if (old) setenv(name.c_str(), old->c_str(), 1);
        else unsetenv(name.c_str());
    }
};

}  // namespace

TEST_CASE("an image-only Tajik PDF page is read by OCR into article parts labelled with their page") {
    IngestReport r;
    auto d = read_pdf_document(kOffice + "tj-dv-law-tg-scan.pdf", r);
    REQUIRE_MESSAGE(d, problems(r));
    INFO(dump(*d));
    INFO(problems(r));
    CHECK(r.documents_truncated == 0);
    CHECK_FALSE(r.lost_anything());
    // "Моддаи 1" heading then parts "4." and "5." on the scan.
    const Provision* part4 = find(*d, "art_1__para_4");
    REQUIRE(part4);
    CHECK(part4->label == "Моддаи 1, банди 4, саҳ. 1");
    CHECK(part4->text.find("шантаж") != std::string::npos);
    const Provision* part5 = find(*d, "art_1__para_5");
    REQUIRE(part5);
    CHECK(part5->label == "Моддаи 1, банди 5, саҳ. 1");
    // One note for the one page, with the model (from the sidecar's tg) and the confidence.
    std::vector<std::string> notes = ocr_notes(r);
    REQUIRE(notes.size() == 1);
    CHECK(notes[0].rfind("page 1 read by OCR (Tesseract tgk): ", 0) == 0);
    CHECK(notes[0].find("mean word confidence") != std::string::npos);
    for (const IngestProblem& p : r.problems) CHECK_MESSAGE(p.info, p.to_string());  // no warning: a clean scan
}

TEST_CASE("an image file with a sidecar is read by OCR, its language found by a first pass when not given") {
    IngestReport r;
    auto d = read_document_file(kOffice + "tj-dv-law-tg-scan-image.png", r);
    REQUIRE_MESSAGE(d, problems(r));
    INFO(dump(*d));
    INFO(problems(r));
    CHECK(d->format == "image");
    CHECK(d->language == "und");  // as the sidecar says
    CHECK(r.documents_read == 1);
    std::vector<std::string> notes = ocr_notes(r);
    REQUIRE(notes.size() == 1);
    // The first pass with all three models reads Tajik; the tgk pass is kept
    // unless it was less sure, and either way the note names what was used.
    CHECK((notes[0].find("(Tesseract tgk, chosen after a first pass with tgk+rus+eng") != std::string::npos ||
           notes[0].find("(Tesseract tgk+rus+eng)") != std::string::npos));
    bool found = false;
    for (const Provision& p : d->provisions) found = found || p.text.find("дахлнопазирии") != std::string::npos;
    CHECK(found);
}

TEST_CASE("the registry reads the image extensions with the image reader") {
    const ReaderRegistry& registry = ReaderRegistry::builtin();
    for (const char* name : {"скан.png", "scan.JPG", "scan.jpeg", "scan.tif", "SCAN.TIFF"}) {
        const Reader* reader = registry.choose(name);
        REQUIRE_MESSAGE(reader, name);
        CHECK(reader->name == "image");
        CHECK(registry.is_document_name(name));
    }
    CHECK_FALSE(registry.is_document_name("scan.meta.xml"));
}

TEST_CASE("missing Tesseract language data is a problem naming the file, the page and the data file") {
    TempDir empty("ocr-no-tessdata");
    ScopedEnv env("TESSDATA_PREFIX", empty.path.string());
    IngestReport r;
    auto d = read_pdf_document(kOffice + "tj-dv-law-tg-scan.pdf", r);
    CHECK_FALSE(d);  // its only page could not be read
    CHECK(r.documents_skipped == 1);
    const std::string expected = "page 1: OCR language data for 'tgk' is missing (" + empty.path.string() +
                                 "/tgk.traineddata not found; Debian package tesseract-ocr-tgk)";
    bool named = false;
    for (const IngestProblem& p : r.problems)
        named = named || (p.file == kOffice + "tj-dv-law-tg-scan.pdf" && p.message == expected);
    CHECK_MESSAGE(named, problems(r));
}

TEST_CASE("images that cannot be read are skipped with what is wrong, never thrown") {
    TempDir dir("ocr-bad-images");
    std::string meta;
    {
        std::ifstream in(kOffice + "tj-dv-law-tg-scan.meta.xml", std::ios::binary);
        meta.assign(std::istreambuf_iterator<char>(in), {});
    }
    SUBCASE("no sidecar") {
        write_file(dir.path / "alone.png", "\x89PNG\r\n\x1a\n");
        IngestReport r;
        CHECK_FALSE(read_image_document((dir.path / "alone.png").string(), r));
        CHECK_MESSAGE(problems(r).find("missing sidecar metadata file alone.meta.xml") != std::string::npos, problems(r));
    }
    SUBCASE("not an image") {
        write_file(dir.path / "a.meta.xml", meta);
        write_file(dir.path / "a.jpg", "<html>this is no JPEG</html>");
        IngestReport r;
        CHECK_FALSE(read_image_document((dir.path / "a.jpg").string(), r));
        CHECK(r.documents_skipped == 1);
        CHECK_MESSAGE(problems(r).find("not an image Leptonica can read") != std::string::npos, problems(r));
    }
    SUBCASE("a PNG cut short") {
        std::ifstream in(kOffice + "tj-dv-law-tg-scan-image.png", std::ios::binary);
        std::string png((std::istreambuf_iterator<char>(in)), {});
        write_file(dir.path / "a.meta.xml", meta);
        write_file(dir.path / "a.png", png.substr(0, 200));
        IngestReport r;
        CHECK_FALSE(read_image_document((dir.path / "a.png").string(), r));
        CHECK(r.documents_skipped == 1);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].file == (dir.path / "a.png").string());
    }
}

TEST_CASE("end to end: a word of a scanned page is found after indexing, in the provision of its page") {
    TempDir dir("ocr-index");
    fs::create_directories(dir.path / "corpus");
    for (const char* name : {"tj-dv-law-tg-scan.pdf", "tj-dv-law-tg-scan.meta.xml"})
        fs::copy_file(kOffice + name, dir.path / "corpus" / name);
    const std::string db = (dir.path / "index").string();
    auto indexed = himoya::testing::run({HIMOYA_BINARY, "index", "--corpus", (dir.path / "corpus").string(), "--db", db});
    CHECK_MESSAGE(indexed.status == 0, indexed.err);
    auto found = himoya::testing::run(
        {HIMOYA_BINARY, "search", "--db", db, "--json", "--versions", "separate", "дахлнопазирии ҷинсӣ"});
    REQUIRE_MESSAGE(found.status == 0, found.err);
    nlohmann::json hits = nlohmann::json::parse(found.out)["hits"];
    bool hit = false;
    for (const auto& h : hits)
        hit = hit || (h.value("document_id", "") == "tj-dv-law-tg-scan" && h.value("unit_id", "") == "art_1__para_5" &&
                      h.value("label", "") == "Моддаи 1, банди 5, саҳ. 1");
    CHECK_MESSAGE(hit, found.out);
}

// The entry files of an OCR cache folder.
static std::vector<fs::path> cache_entries(const fs::path& dir) {
    std::vector<fs::path> out;
    std::error_code ec;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); ++it)
        if (it->is_regular_file()) out.push_back(it->path());
    return out;
}

TEST_CASE("a page read by OCR is kept in the cache and not read again: the next reading takes the kept text and says so") {
    TempDir dir("ocr-cache");
    // One OcrCache per run, as the indexer makes them.
    std::optional<ScopedOcrCache> run;
    auto new_run = [&] {
        run.reset();
        run.emplace(std::make_shared<OcrCache>(dir.path / "cache"));
    };
    new_run();
    const std::string file = kOffice + "tj-dv-law-tg-scan.pdf";
    IngestReport first;
    auto d1 = read_pdf_document(file, first);
    REQUIRE_MESSAGE(d1, problems(first));
    std::vector<fs::path> entries = cache_entries(dir.path / "cache");
    REQUIRE(entries.size() == 1);  // one scanned page
    REQUIRE(ocr_notes(first).size() == 1);
    CHECK(ocr_notes(first)[0].find("kept from an earlier reading") == std::string::npos);

    // The same run reads the file again (the concept plan's pass, then the
    // indexing pass): Tesseract is not run again, and that is no news.
    IngestReport again;
    REQUIRE(read_pdf_document(file, again));
    REQUIRE(ocr_notes(again).size() == 1);
    CHECK(ocr_notes(again)[0].rfind("page 1 read by OCR (Tesseract tgk): ", 0) == 0);
    CHECK(cache_entries(dir.path / "cache").size() == 1);

    new_run();
    IngestReport second;
    auto d2 = read_pdf_document(file, second);
    REQUIRE_MESSAGE(d2, problems(second));
    REQUIRE(ocr_notes(second).size() == 1);
    CHECK(ocr_notes(second)[0].rfind("page 1 read by OCR (Tesseract tgk, kept from an earlier reading): ", 0) == 0);
    REQUIRE(d2->provisions.size() == d1->provisions.size());
    for (size_t i = 0; i < d1->provisions.size(); ++i) CHECK(d2->provisions[i].text == d1->provisions[i].text);

    // The text really comes from the entry: one edited by hand is what the reader returns.
    std::string entry;
    {
        std::ifstream in(entries[0], std::ios::binary);
        entry.assign(std::istreambuf_iterator<char>(in), {});
    }
    const size_t at = entry.find("шантаж");
    REQUIRE(at != std::string::npos);
    std::string edited = entry.substr(0, at) + "маркерикэш" + entry.substr(at + std::string("шантаж").size());
    // ... with its check line made to match the edited text (FNV-1a 64 of the text, and its length).
    const size_t text_at = edited.find("\ntext\n") + 6;
    const std::string text = edited.substr(text_at);
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : text) h = (h ^ c) * 1099511628211ULL;
    char hex[17];
    std::snprintf(hex, sizeof hex, "%016llx", static_cast<unsigned long long>(h));
    const size_t check_at = edited.find("\ncheck ") + 1;
    const size_t check_end = edited.find('\n', check_at);
    edited.replace(check_at, check_end - check_at, "check " + std::to_string(text.size()) + " " + hex);
    write_file(entries[0], edited);
    IngestReport third;
    auto d3 = read_pdf_document(file, third);
    REQUIRE(d3);
    bool marker = false;
    for (const Provision& p : d3->provisions) marker = marker || p.text.find("маркерикэш") != std::string::npos;
    CHECK(marker);

    // An entry cut short counts as absent: the page is read again and the entry rewritten.
    write_file(entries[0], entry.substr(0, entry.size() - 20));
    IngestReport cut;
    auto d_cut = read_pdf_document(file, cut);
    REQUIRE(d_cut);
    REQUIRE(ocr_notes(cut).size() == 1);
    CHECK(ocr_notes(cut)[0].find("kept from an earlier reading") == std::string::npos);
    // So does a damaged one.
    write_file(entries[0], "himoya-ocr 2\nfound 1\nwords many\n");
    IngestReport fourth;
    auto d4 = read_pdf_document(file, fourth);
    REQUIRE(d4);
    REQUIRE(ocr_notes(fourth).size() == 1);
    CHECK(ocr_notes(fourth)[0].find("kept from an earlier reading") == std::string::npos);
    new_run();
    IngestReport fifth;
    REQUIRE(read_pdf_document(file, fifth));
    CHECK(ocr_notes(fifth)[0].find("kept from an earlier reading") != std::string::npos);
}

TEST_CASE("the OCR cache key changes with the pixels, the size, the resolution and the document's language") {
    std::vector<unsigned char> pixels(64 * 32, 200);
    OcrImage image;
    image.pixels = pixels.data();
    image.width = 64;
    image.height = 32;
    image.bytes_per_line = 64;
    const std::string base = OcrCache::key(image, "tg");
    CHECK(base.size() == 32);
    CHECK(OcrCache::key(image, "tg") == base);
    CHECK(OcrCache::key(image, "ru") != base);
    CHECK(OcrCache::key(image, "") != base);
    image.dpi = 150;
    CHECK(OcrCache::key(image, "tg") != base);
    image.dpi = 300;
    pixels[17 * 64 + 5] = 0;  // one pixel darker
    CHECK(OcrCache::key(image, "tg") != base);
    pixels[17 * 64 + 5] = 200;
    image.width = 32;  // same bytes, another shape
    image.height = 64;
    image.bytes_per_line = 32;
    CHECK(OcrCache::key(image, "tg") != base);
    // Row padding is not part of the page.
    std::vector<unsigned char> padded(72 * 32, 7);
    for (int y = 0; y < 32; ++y)
        for (int x = 0; x < 64; ++x) padded[y * 72 + x] = 200;
    OcrImage with_padding = image;
    with_padding.pixels = padded.data();
    with_padding.width = 64;
    with_padding.height = 32;
    with_padding.bytes_per_line = 72;
    CHECK(OcrCache::key(with_padding, "tg") == base);
}

TEST_CASE("indexing keeps the OCR cache in the index folder, reads a scan once across runs, and drops pages no longer indexed") {
    TempDir dir("ocr-cache-index");
    const fs::path corpus = dir.path / "corpus";
    fs::create_directories(corpus);
    for (const char* name : {"tj-dv-law-tg-scan.pdf", "tj-dv-law-tg-scan.meta.xml", "tj-dv-law-ru-scan-image.png",
                             "tj-dv-law-ru-scan-image.meta.xml"})
        fs::copy_file(kOffice + name, corpus / name);
    const std::string db = (dir.path / "index").string();
    auto first = himoya::testing::run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db});
    REQUIRE_MESSAGE(first.status == 0, first.err);
    CHECK(cache_entries(fs::path(db) / "ocr-cache").size() == 2);

    auto again = himoya::testing::run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db});
    REQUIRE_MESSAGE(again.status == 0, again.err);
    const std::string all = again.out + again.err;
    size_t kept = 0;
    for (size_t at = all.find("kept from an earlier reading"); at != std::string::npos;
         at = all.find("kept from an earlier reading", at + 1))
        ++kept;
    CHECK_MESSAGE(kept >= 2, all);
    CHECK_MESSAGE(all.find("read by OCR (Tesseract tgk): ") == std::string::npos, all);

    fs::remove(corpus / "tj-dv-law-ru-scan-image.png");
    fs::remove(corpus / "tj-dv-law-ru-scan-image.meta.xml");
    auto fewer = himoya::testing::run({HIMOYA_BINARY, "index", "--corpus", corpus.string(), "--db", db});
    REQUIRE_MESSAGE(fewer.status == 0, fewer.err);
    CHECK(cache_entries(fs::path(db) / "ocr-cache").size() == 1);
}

TEST_CASE("OCR word accuracy on the scans of tests/data/office, per language (printed; only a floor asserted)") {
    std::ifstream in(kOffice + "scan-sources.tsv");
    REQUIRE(in);
    std::map<std::string, std::pair<int, int>> by_language;  // found, total words
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        std::istringstream fields(line);
        std::string file, language, source;
        std::getline(fields, file, '\t');
        std::getline(fields, language, '\t');
        std::getline(fields, source);
        IngestReport r;
        auto d = read_document_file(kOffice + file, r);
        REQUIRE_MESSAGE(d, problems(r));
        // What the reader made of the page: headings and numbers are in the
        // label and heading, the rest in the text.
        std::string ocr;
        for (const Provision& p : d->provisions) ocr += p.label + "\n" + p.heading + "\n" + p.text + "\n";
        const double accuracy = word_accuracy(source, ocr);
        const int total = static_cast<int>(words(source).size());
        MESSAGE(file << " (" << language << "): " << static_cast<int>(accuracy * total + 0.5) << "/" << total
                     << " words = " << accuracy);
        by_language[language].first += static_cast<int>(accuracy * total + 0.5);
        by_language[language].second += total;
        CHECK(accuracy >= 0.6);  // a broken OCR (no text, wrong script) is far below
    }
    CHECK(by_language.size() == 3);
    for (const auto& [language, counts] : by_language)
        MESSAGE("OCR word accuracy " << language << ": " << counts.first << "/" << counts.second << " = "
                                     << static_cast<double>(counts.first) / counts.second);
}
