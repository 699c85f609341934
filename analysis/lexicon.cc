#include "analysis/lexicon.h"

#include <algorithm>

#include "analysis/term_scheme.h"

namespace himoya {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::vector<std::string_view> split(std::string_view s, std::string_view separator) {
    std::vector<std::string_view> parts;
    for (;;) {
        size_t at = s.find(separator);
        parts.push_back(s.substr(0, at));
        if (at == std::string_view::npos) return parts;
        s.remove_prefix(at + separator.size());
    }
}

// The stems of a form's content words, in order.
std::vector<std::string> content_stems(const std::string& form, const char* language, Analyzer& analyzer) {
    std::vector<std::string> stems;
    for (const Token& t : analyzer.analyze(form, language))
        if (!t.stopword) stems.push_back(t.stem);
    return stems;
}

}  // namespace

std::vector<LexiconRow> parse_lexicon(std::string_view text, std::vector<LexiconProblem>& problems) {
    std::vector<LexiconRow> rows;
    int line_number = 0;
    for (std::string_view line : split(text, "\n")) {
        ++line_number;
        std::string_view content = trim(line);
        if (content.empty() || content.front() == '#') continue;
        auto problem = [&](const std::string& what) {
            problems.push_back({line_number, what});
        };
        std::vector<std::string_view> cells = split(line, "\t");
        if (cells.size() != 3) {
            problem("expected 3 tab-separated cells (en, ru, tg), found " + std::to_string(cells.size()));
            continue;
        }
        LexiconRow row;
        row.line = line_number;
        bool ok = true;
        for (size_t c = 0; c < 3 && ok; ++c) {
            for (std::string_view form : split(cells[c], "|")) {
                form = trim(form);
                if (form.empty()) {
                    problem(std::string("empty form in the ") + LexiconRow::kLanguages[c] + " cell");
                    ok = false;
                    break;
                }
                row.forms[c].emplace_back(form);
            }
        }
        if (ok) rows.push_back(std::move(row));
    }
    return rows;
}

std::vector<std::pair<std::string, std::string>> translation_entries(const std::vector<LexiconRow>& rows,
                                                                     Analyzer& analyzer) {
    std::vector<std::pair<std::string, std::string>> entries;
    for (const LexiconRow& row : rows) {
        // Each form's stems, per column.
        std::array<std::vector<std::vector<std::string>>, 3> stems;
        for (size_t c = 0; c < 3; ++c)
            for (const std::string& form : row.forms[c])
                stems[c].push_back(content_stems(form, LexiconRow::kLanguages[c], analyzer));
        for (size_t from = 0; from < 3; ++from) {
            for (const auto& key_stems : stems[from]) {
                if (key_stems.size() != 1) continue;  // several words (or none): not a key
                std::string key = std::string(terms::kTranslation) + key_stems.front();
                for (size_t to = 0; to < 3; ++to) {
                    if (to == from) continue;
                    for (const auto& value_stems : stems[to]) {
                        if (value_stems.empty()) continue;
                        std::string value;
                        for (const std::string& s : value_stems) {
                            if (!value.empty()) value += ' ';
                            value += s;
                        }
                        if (value != key_stems.front()) entries.emplace_back(key, value);
                    }
                }
            }
        }
    }
    std::sort(entries.begin(), entries.end());
    entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
    return entries;
}

}  // namespace himoya
