#include "indexer/readers/text_encoding.h"

#include <unicode/ucnv.h>
#include <unicode/ucsdet.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <array>
#include <cctype>
#include <memory>
#include <string>
#include <unordered_set>
#include <vector>

#include "analysis/utf32.h"
#include "analysis/utf8.h"
#include "indexer/readers/legacy_tajik.h"
#include "indexer/readers/reader_text.h"
#include "indexer/source_file.h"

namespace himoya {

namespace {

// KOI8-T (Tajik KOI8), bytes 0x80-0xFF; 0 where the byte is undefined. ICU 72
// has no converter for it (`uconv -l` lists KOI8-R and KOI8-U only). Table
// confirmed with the `search` tool from GNU libiconv, lib/koi8_t.h
// (koi8_t_2uni; read in github.com/koron/libiconv), which Python's koi8_t
// codec also follows (its header cites libiconv's tests/KOI8-T.TXT). The
// Cyrillic half 0xC0-0xFF is KOI8-R's; 0x80-0xBF hold the Tajik letters
// (қ ғ ҳ ҷ Қ Ғ Ҳ Ҷ ӯ Ӯ ӣ Ӣ), ё Ё and punctuation.
constexpr std::array<char32_t, 128> kKoi8T{
    // 0x80
    0x049B, 0x0493, 0x201A, 0x0492, 0x201E, 0x2026, 0x2020, 0x2021,
    0, 0x2030, 0x04B3, 0x2039, 0x04B2, 0x04B7, 0x04B6, 0,
    // 0x90
    0x049A, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0, 0x2122, 0, 0x203A, 0, 0, 0, 0,
    // 0xA0
    0, 0x04EF, 0x04EE, 0x0451, 0x00A4, 0x04E3, 0x00A6, 0x00A7,
    0, 0, 0, 0x00AB, 0x00AC, 0x00AD, 0x00AE, 0,
    // 0xB0
    0x00B0, 0x00B1, 0x00B2, 0x0401, 0, 0x04E2, 0x00B6, 0x00B7,
    0, 0x2116, 0, 0x00BB, 0, 0, 0, 0x00A9,
    // 0xC0
    0x044E, 0x0430, 0x0431, 0x0446, 0x0434, 0x0435, 0x0444, 0x0433,
    0x0445, 0x0438, 0x0439, 0x043A, 0x043B, 0x043C, 0x043D, 0x043E,
    // 0xD0
    0x043F, 0x044F, 0x0440, 0x0441, 0x0442, 0x0443, 0x0436, 0x0432,
    0x044C, 0x044B, 0x0437, 0x0448, 0x044D, 0x0449, 0x0447, 0x044A,
    // 0xE0
    0x042E, 0x0410, 0x0411, 0x0426, 0x0414, 0x0415, 0x0424, 0x0413,
    0x0425, 0x0418, 0x0419, 0x041A, 0x041B, 0x041C, 0x041D, 0x041E,
    // 0xF0
    0x041F, 0x042F, 0x0420, 0x0421, 0x0422, 0x0423, 0x0416, 0x0412,
    0x042C, 0x042B, 0x0417, 0x0428, 0x042D, 0x0429, 0x0427, 0x042A,
};

// The charsets always tried besides ICU's proposals: those Russian and Tajik
// offices saved text in.
constexpr const char* kCyrillicCharsets[] = {"windows-1251", "KOI8-R", "KOI8-T"};

// How much of a file the detector and the word check look at.
constexpr size_t kSampleBytes = 256 * 1024;

// Frequent Russian words (two letters or more): a right reading of Russian
// text is full of them, a wrong one has none. Tajik words: legacy_tajik.h.
const std::unordered_set<std::u32string>& common_russian_words() {
    static const std::unordered_set<std::u32string> words = [] {
        const char* list[] = {
            "не", "на", "что", "по", "из", "для", "от", "или", "как", "это", "его", "при", "так",
            "же", "все", "только", "если", "может", "также", "которые", "который", "которая",
            "после", "более", "между", "без", "до", "об", "со", "во", "их", "он", "она", "они",
            "закон", "закона", "законом", "статья", "статьи", "семье", "семьи", "насилия",
            "насилие", "республики", "таджикистан", "таджикистана", "права", "прав", "органы",
            "органов", "лица", "лицо", "года", "году", "помощь", "защиты", "защита", "меры", "мер",
        };
        std::unordered_set<std::u32string> set;
        for (const char* w : list) set.insert(utf8_to_u32(w));
        return set;
    }();
    return words;
}

struct ConverterCloser {
    void operator()(UConverter* c) const { ucnv_close(c); }
};
using Converter = std::unique_ptr<UConverter, ConverterCloser>;

// A converter that stops at the first byte sequence not valid in `charset`.
Converter open_strict(std::string_view charset) {
    UErrorCode status = U_ZERO_ERROR;
    Converter c(ucnv_open(std::string(charset).c_str(), &status));
    if (U_FAILURE(status) || !c) return nullptr;
    ucnv_setToUCallBack(c.get(), UCNV_TO_U_CALLBACK_STOP, nullptr, nullptr, nullptr, &status);
    if (U_FAILURE(status)) return nullptr;
    return c;
}

bool is_koi8t(std::string_view charset) {
    std::string l = ascii_lower(charset);
    return l == "koi8-t" || l == "koi8t" || l == "koi8_t";
}

// The byte → code point table of a single-byte charset (0: undefined), or
// nullopt when `charset` is unknown or not single-byte.
std::optional<std::array<char32_t, 256>> single_byte_table(std::string_view charset) {
    std::array<char32_t, 256> table{};
    if (is_koi8t(charset)) {
        for (int b = 0; b < 0x80; ++b) table[static_cast<size_t>(b)] = static_cast<char32_t>(b);
        for (int b = 0x80; b < 0x100; ++b) table[static_cast<size_t>(b)] = kKoi8T[static_cast<size_t>(b - 0x80)];
        return table;
    }
    Converter c = open_strict(charset);
    if (!c || ucnv_getMaxCharSize(c.get()) != 1) return std::nullopt;
    for (int b = 0; b < 0x100; ++b) {
        ucnv_resetToUnicode(c.get());
        UErrorCode status = U_ZERO_ERROR;
        UChar out[4];
        char byte = static_cast<char>(b);
        int32_t n = ucnv_toUChars(c.get(), out, 4, &byte, 1, &status);
        table[static_cast<size_t>(b)] = (U_FAILURE(status) || n != 1) ? 0 : static_cast<char32_t>(out[0]);
    }
    return table;
}

// A code unit of plain text: what UTF-16 text in our languages is made of.
bool plausible_unit(char16_t u) {
    return u == 0x09 || u == 0x0A || u == 0x0D || (u >= 0x20 && u < 0x7F) || (u >= 0xA0 && u < 0x250) ||
           (u >= 0x0400 && u < 0x0530) || (u >= 0x2000 && u < 0x2070) || (u >= 0x20A0 && u < 0x20D0) ||
           (u >= 0x2100 && u < 0x2150) || u == 0xFEFF;
}

// Share (0..1) of the code units of `bytes` read as UTF-16 in one byte order
// that are plain text.
double utf16_text_share(std::string_view bytes, bool little_endian) {
    size_t units = bytes.size() / 2, ok = 0;
    if (units == 0) return 0;
    for (size_t i = 0; i + 1 < bytes.size(); i += 2) {
        auto lo = static_cast<unsigned char>(bytes[little_endian ? i : i + 1]);
        auto hi = static_cast<unsigned char>(bytes[little_endian ? i + 1 : i]);
        if (plausible_unit(static_cast<char16_t>(lo | (hi << 8)))) ++ok;
    }
    return static_cast<double>(ok) / static_cast<double>(units);
}

bool blank(std::string_view text) { return text.find_first_not_of(" \t\r\n\f\v") == std::string_view::npos; }

// What one reading of the bytes looks like as text.
struct Reading {
    std::string charset;
    int icu_confidence = 0;
    std::string text;
    int words = 0;    // words holding a non-ASCII letter
    int known = 0;    // common Russian or Tajik words
    int odd = 0;      // words no real text has, and control characters
    int score() const { return known - odd; }
};

bool is_letter(char32_t c) { return u_isalpha(static_cast<UChar32>(c)); }
bool is_cyrillic(char32_t c) { return c >= 0x0400 && c < 0x0530; }
bool is_latin(char32_t c) { return c < 0x250 && is_letter(c); }

// A sign that cannot touch a letter in real text: box drawing and block
// elements (KOI8-R's 0x80-0xBF), other symbols, C1 controls.
bool glue_sign(char32_t c) {
    if ((c >= 0x2500 && c < 0x25A0) || (c >= 0x80 && c < 0xA0)) return true;
    int8_t type = u_charType(static_cast<UChar32>(c));
    return type == U_MATH_SYMBOL || type == U_OTHER_SYMBOL;
}

void assess(Reading& r) {
    const std::u32string u = utf8_to_u32(r.text);
    const auto& russian = common_russian_words();
    for (char32_t c : u)
        if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v') || (c >= 0x80 && c < 0xA0) ||
            c == 0xFFFD)
            ++r.odd;
    size_t i = 0;
    while (i < u.size()) {
        while (i < u.size() && !is_letter(u[i])) ++i;
        size_t start = i;
        bool non_ascii = false, cyr = false, lat = false, case_break = false, lower_seen = false;
        while (i < u.size() && is_letter(u[i])) {
            char32_t c = u[i];
            non_ascii = non_ascii || c >= 0x80;
            cyr = cyr || is_cyrillic(c);
            lat = lat || is_latin(c);
            if (u_isupper(static_cast<UChar32>(c)) && lower_seen) case_break = true;
            if (u_islower(static_cast<UChar32>(c))) lower_seen = true;
            ++i;
        }
        if (i == start || !non_ascii) continue;
        ++r.words;
        std::u32string word = u.substr(start, i - start);
        bool glued = (start > 0 && glue_sign(u[start - 1])) || (i < u.size() && glue_sign(u[i]));
        if ((cyr && lat) || case_break || glued) {
            ++r.odd;
            continue;
        }
        for (char32_t& c : word) c = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
        if (word.size() >= 2 && russian.count(word)) ++r.known;
        else if (count_common_tajik_words(u32_to_utf8(word), true) > 0) ++r.known;
    }
}

std::string percent(double share) { return std::to_string(static_cast<int>(share * 100 + 0.5)) + "%"; }

std::optional<DecodedText> skip(IngestReport& report, const std::string& name, std::string_view bytes,
                                size_t at, const std::string& message) {
    int line = at == std::string_view::npos ? 0 : LineIndex(bytes).line_at(static_cast<std::ptrdiff_t>(at));
    report.skip(name, line, message);
    return std::nullopt;
}

std::string byte_hex(unsigned char b) {
    const char* digits = "0123456789ABCDEF";
    return std::string("0x") + digits[b >> 4] + digits[b & 0xF];
}

// Steps 4 and 5 of the header, for bytes that are neither UTF-8 nor UTF-16.
std::optional<DecodedText> detect(std::string_view bytes, const std::string& name, IngestReport& report) {
    const size_t first_bad = find_invalid_utf8(bytes);
    const std::string not_utf8 = "not valid UTF-8 (byte " + std::to_string(first_bad) + ")";

    // Candidates are judged on the first 256 KiB (the words of a long file
    // tell no more); the winner then converts the whole file.
    const std::string_view sample = bytes.substr(0, kSampleBytes);
    std::vector<Reading> candidates;
    auto add = [&](std::string charset, int confidence) {
        for (const Reading& r : candidates)
            if (ascii_lower(r.charset) == ascii_lower(charset)) return;
        std::optional<std::string> text = convert_to_utf8(sample, charset);
        if (!text) return;
        for (const Reading& r : candidates)
            if (r.text == *text) return;  // the same reading under another name (KOI8-R/KOI8-T without Tajik letters)
        Reading r;
        r.charset = std::move(charset);
        r.icu_confidence = confidence;
        r.text = std::move(*text);
        assess(r);
        candidates.push_back(std::move(r));
    };

    UErrorCode status = U_ZERO_ERROR;
    UCharsetDetector* detector = ucsdet_open(&status);
    if (U_SUCCESS(status)) {
        ucsdet_setText(detector, sample.data(), static_cast<int32_t>(sample.size()), &status);
        int32_t found = 0;
        const UCharsetMatch** matches = ucsdet_detectAll(detector, &found, &status);
        for (int32_t i = 0; U_SUCCESS(status) && i < found && i < 8; ++i) {
            UErrorCode s = U_ZERO_ERROR;
            std::string charset = ucsdet_getName(matches[i], &s);
            int confidence = ucsdet_getConfidence(matches[i], &s);
            if (U_FAILURE(s) || confidence < 10) continue;
            std::string lower = ascii_lower(charset);
            if (lower.rfind("utf-", 0) == 0) continue;  // UTF-8 is invalid; UTF-16/32 were tried
            add(charset, confidence);
        }
    }
    ucsdet_close(detector);
    for (const char* charset : kCyrillicCharsets) add(charset, 0);

    const Reading* best = nullptr;
    const Reading* second = nullptr;
    for (const Reading& r : candidates) {
        bool better = !best || r.score() > best->score() ||
                      (r.score() == best->score() && r.icu_confidence > best->icu_confidence);
        if (better) {
            second = best;
            best = &r;
        } else if (!second || r.score() > second->score()) {
            second = &r;
        }
    }
    if (!best)
        return skip(report, name, bytes, first_bad,
                    not_utf8 + ", and no charset reads it; convert the file to UTF-8");
    const int second_known = second ? second->known : 0;
    const int second_score = second ? second->score() : -1;
    std::string evidence = "best guess " + best->charset + ", ICU confidence " + std::to_string(best->icu_confidence) +
                           ", " + std::to_string(best->known) + " of " + std::to_string(best->words) +
                           " words known";
    if (best->words < 10)
        return skip(report, name, bytes, first_bad,
                    not_utf8 + ", and too little text to tell its encoding (" + evidence +
                        "); convert the file to UTF-8");
    // Known words must be a tenth of the words at least, impossible ones a
    // tenth at most: noise read in some charset makes a few words by chance.
    bool by_words = best->known >= 3 && best->known >= 2 * second_known && best->score() > second_score &&
                    10 * best->known >= best->words && 10 * best->odd <= best->words;
    bool by_icu = best->icu_confidence >= 50 && best->odd == 0 && best->score() > second_score;
    if (!by_words && !by_icu)
        return skip(report, name, bytes, first_bad,
                    not_utf8 + ", and its encoding cannot be told with confidence (" + evidence +
                        (second ? "; next " + second->charset + ", " + std::to_string(second->known) + " known" : "") +
                        "); convert the file to UTF-8");
    DecodedText out;
    if (sample.size() == bytes.size()) {
        out.text = best->text;
    } else {
        size_t bad = std::string_view::npos;
        std::optional<std::string> whole = convert_to_utf8(bytes, best->charset, &bad);
        if (!whole)
            return skip(report, name, bytes, bad,
                        not_utf8 + ", and though its start reads as " + best->charset +
                            ", a later byte is not valid in it; convert the file to UTF-8");
        out.text = std::move(*whole);
    }
    out.charset = best->charset;
    out.how = "detected";
    out.confidence = best->icu_confidence;
    out.known_words = best->known;
    out.words = best->words;
    return out;
}

}  // namespace

std::string DecodedText::note() const {
    std::string s = "read as " + charset + " (" + how;
    if (how == "detected") {
        s += confidence > 0 ? ": ICU confidence " + std::to_string(confidence)
                            : ": a charset ICU does not know, chosen by its words";
        s += "; " + std::to_string(known_words) + " of " + std::to_string(words) + " words known";
    }
    return s + ")";
}

std::optional<std::string> convert_to_utf8(std::string_view bytes, std::string_view charset, size_t* bad_offset) {
    if (bad_offset) *bad_offset = std::string_view::npos;
    if (std::optional<std::array<char32_t, 256>> table = single_byte_table(charset)) {
        std::u32string u;
        u.reserve(bytes.size());
        for (size_t i = 0; i < bytes.size(); ++i) {
            char32_t c = (*table)[static_cast<unsigned char>(bytes[i])];
            if (c == 0 && bytes[i] != '\0') {
                if (bad_offset) *bad_offset = i;
                return std::nullopt;
            }
            u += c;
        }
        return u32_to_utf8(u);
    }
    Converter c = open_strict(charset);
    if (!c) return std::nullopt;
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString text(bytes.data(), static_cast<int32_t>(bytes.size()), c.get(), status);
    if (U_FAILURE(status)) return std::nullopt;
    std::string out;
    text.toUTF8String(out);
    return out;
}

std::string declared_html_charset(std::string_view html) {
    const std::string head = ascii_lower(html.substr(0, 4096));
    for (size_t at = head.find("<meta"); at != std::string::npos; at = head.find("<meta", at + 5)) {
        size_t end = head.find('>', at);
        if (end == std::string::npos) end = head.size();
        std::string_view tag = std::string_view(head).substr(at, end - at);
        size_t cs = tag.find("charset");
        if (cs == std::string_view::npos) continue;
        size_t i = cs + 7;
        while (i < tag.size() && (tag[i] == ' ' || tag[i] == '\t' || tag[i] == '\n' || tag[i] == '\r')) ++i;
        if (i >= tag.size() || tag[i] != '=') continue;
        ++i;
        while (i < tag.size() && (tag[i] == ' ' || tag[i] == '"' || tag[i] == '\'')) ++i;
        size_t start = i;
        while (i < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[i])) || tag[i] == '-' ||
                                  tag[i] == '_' || tag[i] == '.' || tag[i] == ':'))
            ++i;
        if (i > start) return std::string(tag.substr(start, i - start));
    }
    return "";
}

std::optional<DecodedText> decode_text_bytes(std::string_view bytes, const std::string& name, bool html,
                                             IngestReport& report) {
    auto decoded = [](std::string text, std::string charset, std::string how, int confidence) {
        DecodedText d;
        d.text = std::move(text);
        d.charset = std::move(charset);
        d.how = std::move(how);
        d.confidence = confidence;
        return d;
    };
    auto utf16 = [&](std::string_view body, const char* charset, std::string how,
                     int confidence) -> std::optional<DecodedText> {
        std::optional<std::string> text = convert_to_utf8(body, charset);
        if (!text)
            return skip(report, name, bytes, std::string_view::npos,
                        std::string("not valid ") + charset + " (" + how + "); convert the file to UTF-8");
        if (blank(*text)) return skip(report, name, bytes, std::string_view::npos, "file is empty");
        return decoded(std::move(*text), charset, std::move(how), confidence);
    };

    // 1. A byte-order mark.
    if (bytes.substr(0, 2) == "\xFF\xFE" && bytes.substr(0, 4) != std::string_view("\xFF\xFE\0\0", 4))
        return utf16(bytes.substr(2), "UTF-16LE", "byte-order mark", 100);
    if (bytes.substr(0, 2) == "\xFE\xFF") return utf16(bytes.substr(2), "UTF-16BE", "byte-order mark", 100);

    // 2. Valid UTF-8 without NULs: the file as it always was read.
    const bool has_nul = bytes.find('\0') != std::string_view::npos;
    if (!has_nul && find_invalid_utf8(bytes) == std::string_view::npos) {
        if (!check_source_text(bytes, name, report)) return std::nullopt;
        return decoded(std::string(strip_bom(bytes)), "UTF-8", "valid UTF-8", 100);
    }
    if (bytes.substr(0, 3) == "\xEF\xBB\xBF") {
        check_source_text(bytes, name, report);  // the UTF-8 mark, but bad bytes: its usual skip
        return std::nullopt;
    }

    // 3. NULs: UTF-16 without a byte-order mark, or binary.
    if (has_nul) {
        double le = utf16_text_share(bytes, true), be = utf16_text_share(bytes, false);
        bool even = bytes.size() % 2 == 0;
        if (even && le >= 0.95 && le - be >= 0.3)
            return utf16(bytes, "UTF-16LE", "no byte-order mark; " + percent(le) + " of its code units are text",
                         static_cast<int>(le * 100));
        if (even && be >= 0.95 && be - le >= 0.3)
            return utf16(bytes, "UTF-16BE", "no byte-order mark; " + percent(be) + " of its code units are text",
                         static_cast<int>(be * 100));
        return skip(report, name, bytes, bytes.find('\0'),
                    "holds NUL bytes and reads as neither UTF-16 nor any text encoding (UTF-16LE " + percent(le) +
                        " text, UTF-16BE " + percent(be) + "): binary data? convert the file to UTF-8");
    }

    // 4. A charset the page declares.
    if (html) {
        std::string declared = declared_html_charset(bytes);
        if (!declared.empty()) {
            if (declared == "utf-8" || declared == "utf8") {
                check_source_text(bytes, name, report);  // the declaration agrees: not valid UTF-8 is a skip
                return std::nullopt;
            }
            size_t bad = std::string_view::npos;
            if (std::optional<std::string> text = convert_to_utf8(bytes, declared, &bad)) {
                if (blank(*text)) return skip(report, name, bytes, std::string_view::npos, "file is empty");
                std::string charset = is_koi8t(declared) ? "KOI8-T" : declared;
                return decoded(std::move(*text), charset, "declared in the page", 100);
            }
            if (single_byte_table(declared) || open_strict(declared)) {
                std::string where = bad == std::string_view::npos
                                        ? std::string("a byte sequence")
                                        : "byte " + std::to_string(bad) + " (" +
                                              byte_hex(static_cast<unsigned char>(bytes[bad])) + ")";
                return skip(report, name, bytes, bad,
                            "the page declares charset " + declared + ", but " + where +
                                " is not valid in it; fix the declaration or convert the file to UTF-8");
            }
            // An unknown name: the detector decides, as without a declaration.
        }
    }

    // 5. ICU's detector and our word check.
    return detect(bytes, name, report);
}

}  // namespace himoya
