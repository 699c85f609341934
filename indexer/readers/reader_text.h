// Small string helpers every reader needs: whitespace collapsing, ids and
// slugs. Byte-oriented on purpose: all the characters they treat specially
// are ASCII, so UTF-8 text passes through untouched.
#pragma once

#include <string>
#include <string_view>

namespace himoya {

// Builds plain text from many pieces in one pass (linear, no re-copying):
// runs of whitespace become one space, break_line() starts a new line,
// empty lines and edge spaces never appear.
class TextBuilder {
public:
    void append(std::string_view piece);
    void break_line();
    bool empty() const { return out_.empty(); }
    // The text so far, trimmed.
    std::string take();

private:
    std::string out_;
    bool pending_space_ = false;
    bool pending_break_ = false;
};

std::string collapse_whitespace(std::string_view text);

std::string ascii_lower(std::string_view text);
std::string ascii_upper(std::string_view text);

// A word processor's paragraph style name that marks a heading, in the
// names Word and LibreOffice give them in en/ru/tg: "heading 2", "Title",
// "Заголовок 1", "Название", "Сарлавҳа 1" (case of the first letter either).
bool is_heading_style_name(std::string_view name);

// [a-z0-9]+ runs joined by '-'; other bytes (including non-ASCII) separate
// runs. A leading "http://" or "https://" is dropped. "" when nothing is left.
std::string slugify(std::string_view text);

// Corpus id rule: [a-z0-9][a-z0-9._-]*
bool is_valid_id(std::string_view id);

// YYYY, YYYY-MM or YYYY-MM-DD
bool is_valid_date(std::string_view date);

// Keeps only [a-z0-9] of a lower-cased unit number: "5(2)" -> "52", "IV" -> "iv".
std::string sanitize_num(std::string_view num);

}  // namespace himoya
