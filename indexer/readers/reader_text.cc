#include "indexer/readers/reader_text.h"

#include <algorithm>
#include <memory>

#include <unicode/locid.h>
#include <unicode/translit.h>
#include <unicode/unistr.h>

#include "analysis/transliterator.h"

namespace himoya {

namespace {

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

bool is_alnum_lower(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

}  // namespace

void TextBuilder::append(std::string_view piece) {
    for (char c : piece) {
        if (is_space(c)) {
            pending_space_ = true;
            continue;
        }
        if (!out_.empty()) {
            if (pending_break_) out_ += '\n';
            else if (pending_space_) out_ += ' ';
        }
        pending_break_ = pending_space_ = false;
        out_ += c;
    }
}

void TextBuilder::break_line() {
    // A break replaces any pending space; it only shows if text follows.
    if (!out_.empty()) pending_break_ = true;
    pending_space_ = false;
}

std::string TextBuilder::take() {
    pending_break_ = pending_space_ = false;
    return std::move(out_);
}

std::string collapse_whitespace(std::string_view text) {
    TextBuilder b;
    b.append(text);
    return b.take();
}

std::string ascii_lower(std::string_view text) {
    std::string out(text);
    for (char& c : out) c = lower(c);
    return out;
}

std::string ascii_upper(std::string_view text) {
    std::string out(text);
    for (char& c : out)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return out;
}

std::string slugify(std::string_view text) {
    for (std::string_view scheme : {"https://", "http://"}) {
        if (ascii_lower(text.substr(0, scheme.size())) == scheme) {
            text.remove_prefix(scheme.size());
            break;
        }
    }
    std::string out;
    bool dash = false;
    for (char c : text) {
        c = lower(c);
        if (is_alnum_lower(c)) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += c;
        } else {
            dash = true;
        }
    }
    return out;
}

bool is_valid_id(std::string_view id) {
    if (id.empty() || !is_alnum_lower(id[0])) return false;
    for (char c : id)
        if (!is_alnum_lower(c) && c != '.' && c != '_' && c != '-') return false;
    return true;
}

bool is_valid_date(std::string_view d) {
    if (d.size() != 4 && d.size() != 7 && d.size() != 10) return false;
    for (size_t i = 0; i < d.size(); ++i) {
        bool dash_here = i == 4 || i == 7;
        if (dash_here ? d[i] != '-' : (d[i] < '0' || d[i] > '9')) return false;
    }
    auto number = [&](size_t at, size_t n) {
        int v = 0;
        for (size_t i = at; i < at + n; ++i) v = v * 10 + (d[i] - '0');
        return v;
    };
    if (d.size() >= 7) {
        const int month = number(5, 2);
        if (month < 1 || month > 12) return false;
        if (d.size() == 10) {
            const int year = number(0, 4), day = number(8, 2);
            const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
            static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
            const int last = month == 2 && leap ? 29 : kDays[month - 1];
            if (day < 1 || day > last) return false;
        }
    }
    return true;
}

std::string id_from_file_name(std::string_view stem) {
    const bool ascii = std::all_of(stem.begin(), stem.end(), [](char c) { return (c & 0x80) == 0; });
    if (ascii) return slugify(stem);
    // Tajik and Russian letters by the Tajik rules (қ → q, ҷ → j, ҳ → h, ӯ → ū),
    // then whatever is left by ICU's Any-Latin and Latin-ASCII (ū → u). ICU
    // transliterators keep state while running: one of each per thread,
    // built on the first name outside ASCII.
    thread_local TajikTransliterator tajik;
    std::string text = tajik.to_latin(stem);
    thread_local std::unique_ptr<icu::Transliterator> latin = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII", UTRANS_FORWARD, status));
        return U_SUCCESS(status) ? std::move(t) : nullptr;
    }();
    if (latin) {
        icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
        latin->transliterate(u);
        text.clear();
        u.toUTF8String(text);
    }
    return slugify(text);
}

namespace {

bool in_icu_list(const char* const* list, std::string_view code) {
    for (; list && *list; ++list)
        if (code == *list) return true;
    return false;
}

}  // namespace

bool is_iso_language(std::string_view code) {
    return code.size() >= 2 && code.size() <= 3 &&
           std::all_of(code.begin(), code.end(), [](char c) { return c >= 'a' && c <= 'z'; }) &&
           in_icu_list(icu::Locale::getISOLanguages(), code);
}

bool is_document_type(std::string_view type) {
    for (std::string_view known : {"law", "code", "bylaw", "programme", "standard", "manual", "report", "news", "treaty",
                                   "recommendation", "resolution", "guide", "training", "act", "bill", "doc"})
        if (type == known) return true;
    return false;
}

bool is_iso_jurisdiction(std::string_view code) {
    if (code == "INT") return true;
    if (code.size() < 2 || !in_icu_list(icu::Locale::getISOCountries(), code.substr(0, 2))) return false;
    if (code.size() == 2) return true;
    return code[2] == '-' && code.size() >= 4 && code.size() <= 6 &&
           std::all_of(code.begin() + 3, code.end(), [](char c) { return (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); });
}

std::string sanitize_num(std::string_view num) {
    std::string out;
    for (char c : num) {
        c = lower(c);
        if (is_alnum_lower(c)) out += c;
    }
    return out;
}

bool is_heading_style_name(std::string_view name) {
    const std::string lower = ascii_lower(name);
    for (std::string_view prefix : {"heading", "title", "заголовок", "Заголовок", "название", "Название", "сарлавҳа",
                                    "Сарлавҳа"})
        if (std::string_view(lower).substr(0, prefix.size()) == prefix) return true;
    return false;
}

}  // namespace himoya
