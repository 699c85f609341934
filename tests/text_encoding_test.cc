// Text and HTML files in legacy encodings (indexer/readers/text_encoding.h):
// each fixture in tests/data/encodings reads with its language and text and a
// note naming the charset; declarations, byte-order marks and KOI8-T (not in
// ICU) work; files that cannot be read are a clear skip, never garbage.
#include <doctest/doctest.h>

#include <unicode/unistr.h>

#include <string>

#include "indexer/readers/text_encoding.h"
#include "indexer/readers/text_reader.h"
#include "reader_fixtures.h"
#include "temp_dir.h"

using namespace himoya;
using namespace himoya::testing;
using himoya::testing::TempDir;
using himoya::testing::write_file;

namespace {

const std::string& kDir = kEncodings;

std::string meta(const std::string& language) { return sidecar_xml(language); }

bool has_fatal(const IngestReport& r, const std::string& needle) {
    for (const IngestProblem& p : r.problems)
        if (p.fatal && p.message.find(needle) != std::string::npos) return true;
    return false;
}

std::string utf16le(const std::string& utf8) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
    std::string out;
    for (int32_t i = 0; i < u.length(); ++i) {
        out += static_cast<char>(u.charAt(i) & 0xFF);
        out += static_cast<char>(u.charAt(i) >> 8);
    }
    return out;
}

}  // namespace

TEST_CASE("a windows-1251 Russian text is detected, converted and noted") {
    IngestReport r;
    auto d = read_text_document(kDir + "ru-windows-1251.txt", r);
    REQUIRE_MESSAGE(d, (r.problems.empty() ? "" : r.problems[0].to_string()));
    CHECK(r.documents_skipped == 0);
    CHECK(d->language == "ru");
    CHECK(all_text(*d).find("органы внутренних дел могут выдать лицу, совершившему насилие, охранный ордер") !=
          std::string::npos);
    CHECK(all_text(*d).find("«Ахбори Маджлиси Оли") != std::string::npos);
    CHECK_MESSAGE(notes(r).find("read as windows-1251 (detected") != std::string::npos, notes(r));
}

TEST_CASE("a KOI8-R Russian text is detected, converted and noted") {
    IngestReport r;
    auto d = read_text_document(kDir + "ru-koi8-r.txt", r);
    REQUIRE(d);
    CHECK(all_text(*d).find("Насилие в семье - умышленное противоправное деяние") != std::string::npos);
    CHECK_MESSAGE(notes(r).find("read as KOI8-R (detected") != std::string::npos, notes(r));
}

TEST_CASE("a UTF-16LE Tajik text without a byte-order mark is read by its structure") {
    IngestReport r;
    auto d = read_text_document(kDir + "tg-utf-16le.txt", r);
    REQUIRE(d);
    CHECK(d->language == "tg");
    CHECK(all_text(*d).find("ордери ҳимоявӣ") != std::string::npos);
    CHECK(all_text(*d).find("Ҷабрдидагони зӯроварӣ дар оила ҳуқуқ доранд") != std::string::npos);
    CHECK_MESSAGE(notes(r).find("read as UTF-16LE (no byte-order mark") != std::string::npos, notes(r));
}

TEST_CASE("a KOI8-T Tajik text is read with our table (ICU has no KOI8-T)") {
    IngestReport r;
    auto d = read_text_document(kDir + "tg-koi8-t.txt", r);
    REQUIRE(d);
    CHECK(all_text(*d).find("Қонуни Ҷумҳурии Тоҷикистон") != std::string::npos);
    CHECK(all_text(*d).find("кӯмаки тиббӣ, равонӣ ва ҳуқуқӣ") != std::string::npos);
    CHECK_MESSAGE(notes(r).find("read as KOI8-T (detected: a charset ICU does not know") != std::string::npos,
                  notes(r));
}

TEST_CASE("UTF-16 with a byte-order mark, either byte order") {
    TempDir dir("encoding-bom");
    const std::string text = "Охранный ордер запрещает приближаться к пострадавшей.\n";
    std::string le = "\xFF\xFE" + utf16le(text);
    std::string be = "\xFE\xFF";
    for (size_t i = 2; i + 1 < le.size(); i += 2) {
        be += le[i + 1];
        be += le[i];
    }
    for (const auto& [name, bytes] : {std::pair<std::string, std::string>{"le", le}, {"be", be}}) {
        write_file(dir.path / (name + ".meta.xml"), meta("ru"));
        write_file(dir.path / (name + ".txt"), bytes);
        IngestReport r;
        auto d = read_text_document((dir.path / (name + ".txt")).string(), r);
        REQUIRE(d);
        CHECK(all_text(*d).find("Охранный ордер запрещает") != std::string::npos);
        CHECK(notes(r).find(name == "le" ? "UTF-16LE (byte-order mark)" : "UTF-16BE (byte-order mark)") !=
              std::string::npos);
    }
}

TEST_CASE("valid UTF-8 reads as before, with nothing to note") {
    TempDir dir("encoding-utf8");
    write_file(dir.path / "a.meta.xml", meta("tg"));
    write_file(dir.path / "a.txt", "\xEF\xBB\xBFҚонуни Ҷумҳурии Тоҷикистон\n");
    IngestReport r;
    auto d = read_text_document((dir.path / "a.txt").string(), r);
    REQUIRE(d);
    CHECK(r.problems.empty());
    CHECK(d->provisions.at(0).text == "Қонуни Ҷумҳурии Тоҷикистон");
}

TEST_CASE("an HTML page's declared charset wins; a byte not valid in it is a skip naming the byte") {
    TempDir dir("encoding-declared");
    CHECK(convert_to_utf8("\xF0\xD2\xC9", "KOI8-R") == std::optional<std::string>("При"));
    // The page in KOI8-R, declared with http-equiv.
    std::string page = "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=KOI8-R\"></head><body>"
                       "<h1>\xFA\xC1\xCB\xCF\xCE</h1>\n<p>\xF0\xD2\xC9 \xD3\xC5\xCD\xD8\xC5</p></body></html>";
    write_file(dir.path / "koi.meta.xml", meta("ru"));
    write_file(dir.path / "koi.html", page);
    IngestReport r;
    auto d = read_text_document((dir.path / "koi.html").string(), r);
    REQUIRE(d);
    CHECK(all_text(*d).find("Закон") != std::string::npos);
    CHECK(all_text(*d).find("При семье") != std::string::npos);
    CHECK_MESSAGE(notes(r).find("read as koi8-r (declared in the page)") != std::string::npos, notes(r));

    // Declared KOI8-T, but 0x88 is not a KOI8-T character.
    write_file(dir.path / "bad.meta.xml", meta("tg"));
    write_file(dir.path / "bad.html", "<meta charset=\"koi8-t\">\n<p>\xCF\xF0\xE8\n\x88</p>");
    IngestReport bad;
    CHECK_FALSE(read_text_document((dir.path / "bad.html").string(), bad));
    CHECK(bad.documents_skipped == 1);
    REQUIRE(bad.problems.size() == 1);
    CHECK(bad.problems[0].line == 3);
    CHECK(bad.problems[0].file.find("bad.html") != std::string::npos);
    CHECK_MESSAGE(bad.problems[0].message.find("declares charset koi8-t, but byte 31 (0x88) is not valid") !=
                      std::string::npos,
                  bad.problems[0].message);
}

TEST_CASE("declared_html_charset: <meta charset> and http-equiv, first 4 KiB only") {
    CHECK(declared_html_charset("<meta charset=\"windows-1251\">") == "windows-1251");
    CHECK(declared_html_charset("<META CHARSET=KOI8-T>") == "koi8-t");
    CHECK(declared_html_charset("<meta http-equiv='Content-Type' content='text/html; charset=cp1251'>") == "cp1251");
    CHECK(declared_html_charset("<p>charset=koi8-r</p>") == "");
    CHECK(declared_html_charset(std::string(5000, ' ') + "<meta charset=\"koi8-r\">") == "");
}

TEST_CASE("convert_to_utf8: KOI8-T by our table, strict about undefined bytes") {
    CHECK(convert_to_utf8("\x80\x81\x8A\x8D\xA1\xA5", "KOI8-T") == std::optional<std::string>("қғҳҷӯӣ"));
    CHECK(convert_to_utf8("\xEB\xCF\xCE\xD5\xCE", "koi8-t") == std::optional<std::string>("Конун"));
    size_t bad = 0;
    CHECK_FALSE(convert_to_utf8("ab\x88", "KOI8-T", &bad));  // 0x88 is undefined in KOI8-T
    CHECK(bad == 2);
    CHECK_FALSE(convert_to_utf8("x", "no-such-charset"));
}

TEST_CASE("files whose encoding cannot be told are a clear skip naming the file and the problem") {
    TempDir dir("encoding-undecodable");
    SUBCASE("binary data with NUL bytes") {
        std::string bytes;
        for (int i = 0; i < 512; ++i) bytes += static_cast<char>((i * 37) & 0xFF);
        write_file(dir.path / "blob.meta.xml", meta("ru"));
        write_file(dir.path / "blob.txt", bytes);
        IngestReport r;
        CHECK_FALSE(read_text_document((dir.path / "blob.txt").string(), r));
        CHECK(r.documents_skipped == 1);
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].file.find("blob.txt") != std::string::npos);
        CHECK_MESSAGE(has_fatal(r, "holds NUL bytes and reads as neither UTF-16 nor any text encoding"),
                      r.problems[0].message);
    }
    SUBCASE("high bytes that no charset reads as words") {
        std::string bytes;
        unsigned x = 12345;
        for (int i = 0; i < 2000; ++i) {
            x = x * 1103515245u + 12345u;
            unsigned char b = static_cast<unsigned char>(0x80 + ((x >> 16) % 0x80));
            bytes += static_cast<char>(b);
            if (i % 7 == 6) bytes += ' ';
        }
        write_file(dir.path / "noise.meta.xml", meta("ru"));
        write_file(dir.path / "noise.txt", bytes);
        IngestReport r;
        CHECK_FALSE(read_text_document((dir.path / "noise.txt").string(), r));
        CHECK(r.documents_skipped == 1);
        REQUIRE(r.problems.size() == 1);
        CHECK_MESSAGE(r.problems[0].message.find("not valid UTF-8 (byte ") !=
                          std::string::npos,
                      r.problems[0].message);
        CHECK(r.problems[0].message.find("and its encoding cannot be told with confidence") != std::string::npos);
        CHECK(r.problems[0].message.find("convert the file to UTF-8") != std::string::npos);
    }
    SUBCASE("too little text to tell") {
        write_file(dir.path / "short.meta.xml", meta("ru"));
        write_file(dir.path / "short.txt", "line one\n\xCF\xF0\xE8\xE2\xE5\xF2\n");
        IngestReport r;
        CHECK_FALSE(read_text_document((dir.path / "short.txt").string(), r));
        REQUIRE(r.problems.size() == 1);
        CHECK(r.problems[0].line == 2);
        CHECK(r.problems[0].message.find("too little text to tell its encoding") != std::string::npos);
    }
}
