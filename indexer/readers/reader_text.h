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
    // The byte offset in the text where the first character of `piece`
    // that is not a space would stand if it were appended now.
    size_t offset_of_next(std::string_view piece) const {
        if (out_.empty()) return 0;
        const bool space = pending_break_ || pending_space_ ||
                           (!piece.empty() && (piece[0] == ' ' || piece[0] == '\t' || piece[0] == '\n' ||
                                               piece[0] == '\r' || piece[0] == '\f' || piece[0] == '\v'));
        return out_.size() + (space ? 1 : 0);
    }
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

// A document id from a file's name (without extension): its letters in Latin
// (Tajik and Russian by the Tajik rules, the rest by ICU: "Закон о защите
// 2020" → "zakon-o-zashchite-2020", "Қонун" → "qonun"), then slugify. A name
// of ASCII letters only is slugified as it is. "" when nothing is left.
std::string id_from_file_name(std::string_view stem);

// Corpus id rule: [a-z0-9][a-z0-9._-]*
bool is_valid_id(std::string_view id);

// YYYY, YYYY-MM or YYYY-MM-DD, and a day of the calendar (no 2013-13-45,
// 2023-02-29).
bool is_valid_date(std::string_view date);

// A language code of ISO 639 (two or three letters, lower case), as ICU lists
// them: "tg", "ru", "en", "bs"; not "xx".
bool is_iso_language(std::string_view code);

// A jurisdiction code of the corpus: INT, or a country of ISO 3166-1 (as ICU
// lists them) optionally followed by '-' and 1-3 letters or digits of a
// subdivision (BA-SRP, US-FL); not "ZZ".
bool is_iso_jurisdiction(std::string_view code);

// The document types of the corpus format (docs/corpus-format.md).
bool is_document_type(std::string_view type);

// Keeps only [a-z0-9] of a lower-cased unit number: "5(2)" -> "52", "IV" -> "iv".
std::string sanitize_num(std::string_view num);

}  // namespace himoya
