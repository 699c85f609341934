#include "analysis/term_scheme.h"

#include <cstdint>

#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace himoya::terms {
namespace {

// Xapian terms are limited to 245 bytes; cut on a UTF-8 character boundary.
void cut_utf8(std::string& s, size_t max_bytes) {
    if (s.size() <= max_bytes) return;
    size_t cut = max_bytes;
    while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
    s.resize(cut);
}

}  // namespace

std::string slug(std::string_view value) {
    // Lower-case with ICU so that Cyrillic body names slug as well as Latin ones.
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(
        icu::StringPiece(value.data(), static_cast<int32_t>(value.size())));
    u.toLower(icu::Locale::getRoot());
    std::string lower;
    u.toUTF8String(lower);
    std::string out;
    bool dash = false;
    for (unsigned char c : lower) {
        bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80 || c == '.' || c == '_';
        if (keep) {
            if (dash && !out.empty()) out += '-';
            dash = false;
            out += static_cast<char>(c);
        } else {
            dash = true;  // runs of spaces and punctuation become one '-'
        }
    }
    cut_utf8(out, 200);
    return out;
}

std::string boolean_term(std::string_view prefix, std::string_view value) {
    std::string term(prefix);
    term += slug(value);
    return term;
}

namespace {

uint64_t fnv1a64(std::string_view s) {
    uint64_t h = 0xcbf29ce484222325ULL;
    for (unsigned char c : s) {
        h ^= c;
        h *= 0x100000001b3ULL;
    }
    return h;
}

}  // namespace

std::string_view work_of_group(std::string_view group) {
    // Ids never contain '/' (docs/corpus-format.md), so the first one ends the work id.
    return group.substr(0, group.find('/'));
}

std::string version_key(std::string_view group) {
    const uint64_t text = fnv1a64(group);
    const uint64_t work = fnv1a64(work_of_group(group));
    std::string key(kVersionKeyBytes, '\0');
    for (int i = 0; i < 8; ++i) key[i] = static_cast<char>(text >> (8 * i));
    for (int i = 0; i < 4; ++i) key[8 + i] = static_cast<char>(work >> (8 * i));
    return key;
}

std::string unique_id_term(std::string_view id) {
    std::string term(kUniqueId);
    term += id;
    return term;
}

std::string version_group_term(std::string_view group) {
    std::string term(kVersionGroup);
    term += group;
    cut_utf8(term, 240);
    return term;
}

std::string encode_label_table(const LabelTable& table) {
    std::string out;
    auto clean = [](std::string v) {
        for (char& c : v)
            if (c == '\t' || c == '\n') c = ' ';
        return v;
    };
    for (const auto& [value, labels] : table)
        for (const auto& [lang, label] : labels) out += clean(value) + '\t' + clean(lang) + '\t' + clean(label) + '\n';
    return out;
}

LabelTable decode_label_table(std::string_view text) {
    LabelTable table;
    while (!text.empty()) {
        size_t end = text.find('\n');
        std::string_view line = text.substr(0, end);
        text.remove_prefix(end == std::string_view::npos ? text.size() : end + 1);
        size_t a = line.find('\t');
        size_t b = a == std::string_view::npos ? a : line.find('\t', a + 1);
        if (b == std::string_view::npos) continue;
        table[std::string(line.substr(0, a))][std::string(line.substr(a + 1, b - a - 1))] = std::string(line.substr(b + 1));
    }
    return table;
}

}  // namespace himoya::terms
