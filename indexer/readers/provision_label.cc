#include "indexer/readers/provision_label.h"

#include "indexer/readers/reader_text.h"

namespace himoya {

namespace {

struct Noun {
    std::string_view kind, first, later;
};

// Capitalised form opens a label, lower-case forms follow a comma.
// Tajik nouns carry the izofat (-и) because a number follows them.
constexpr Noun kEnglish[] = {
    {"part", "Part", "part"},           {"chapter", "Chapter", "chapter"},
    {"section", "Section", "section"},  {"article", "Article", "article"},
    {"paragraph", "Paragraph", "paragraph"}, {"point", "Point", "point"},
    {"annex", "Annex", "annex"},        {"subsection", "Subsection", "subsection"},
    {"subparagraph", "Subparagraph", "subparagraph"}, {"clause", "Clause", "clause"},
    {"subclause", "Subclause", "subclause"}, {"title", "Title", "title"},
    {"book", "Book", "book"},           {"division", "Division", "division"},
    {"subdivision", "Subdivision", "subdivision"}, {"subpart", "Subpart", "subpart"},
    {"subchapter", "Subchapter", "subchapter"}, {"rule", "Rule", "rule"},
    {"subrule", "Subrule", "subrule"},  {"alinea", "Alinea", "alinea"},
    {"indent", "Indent", "indent"},     {"tome", "Tome", "tome"},
    {"level", "Level", "level"},
};
constexpr Noun kRussian[] = {
    {"part", "Часть", "часть"},         {"chapter", "Глава", "глава"},
    {"section", "Раздел", "раздел"},    {"article", "Статья", "статья"},
    {"paragraph", "Пункт", "пункт"},    {"point", "Подпункт", "подпункт"},
    {"annex", "Приложение", "приложение"},
};
constexpr Noun kTajik[] = {
    {"part", "Қисми", "қисми"},         {"chapter", "Боби", "боби"},
    {"section", "Фасли", "фасли"},      {"article", "Моддаи", "моддаи"},
    {"paragraph", "Банди", "банди"},    {"point", "Зербанди", "зербанди"},
    {"annex", "Замимаи", "замимаи"},
};

template <size_t N>
const Noun* find_noun(const Noun (&table)[N], std::string_view kind) {
    for (const Noun& n : table)
        if (n.kind == kind) return &n;
    return nullptr;
}

std::string noun_for(std::string_view kind, std::string_view language, bool first, bool has_num) {
    const Noun* n = nullptr;
    if (language == "ru") n = find_noun(kRussian, kind);
    else if (language == "tg") n = find_noun(kTajik, kind);
    if (!n) n = find_noun(kEnglish, kind);
    if (!n) return "";
    // Without a number the izofat has nothing to join: "Замима", not "Замимаи".
    if (!has_num && n == &kTajik[6]) return first ? "Замима" : "замима";
    return std::string(first ? n->first : n->later);
}

bool has_alnum(std::string_view s) {
    for (unsigned char c : s)
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c >= 0x80)
            return true;
    return false;
}

}  // namespace

std::string label_from_heading(std::string_view heading, std::string_view num) {
    const std::string n = label_num(num);
    if (n.empty()) return "";
    auto opens_with = [&](std::string_view noun) -> bool {
        const std::string prefix = std::string(noun) + " " + n;
        if (heading.substr(0, prefix.size()) != prefix) return false;
        if (heading.size() == prefix.size()) return true;
        const unsigned char after = static_cast<unsigned char>(heading[prefix.size()]);
        // "Article 7" and not "Article 70" or "Article 7a"
        return !((after >= '0' && after <= '9') || (after >= 'a' && after <= 'z') || (after >= 'A' && after <= 'Z') || after >= 0x80);
    };
    auto in = [&](const auto& table) -> std::string {
        for (const Noun& noun : table)
            if (opens_with(noun.first)) return std::string(noun.first) + " " + n;
        return "";
    };
    for (std::string cited : {in(kEnglish), in(kRussian), in(kTajik)})
        if (!cited.empty()) return cited;
    return "";
}

std::string label_num(std::string_view num) {
    std::string n = collapse_whitespace(num);
    while (!n.empty() && (n.back() == '.' || n.back() == ' ')) n.pop_back();
    // "SEC. 6", "Art. 5", "Artículo 3º": the noun is ours to add, keep the number.
    size_t space = n.rfind(' ');
    if (space != std::string::npos) n = n.substr(space + 1);
    // "–" and "•" are list bullets, not numbers.
    for (std::string_view bullet : {"–", "—", "•", "·", "-", "*"})
        if (n == bullet) return "";
    return has_alnum(n) ? n : "";
}

std::string make_label(const std::vector<UnitRef>& chain, std::string_view language) {
    if (chain.empty()) return "";
    size_t start = 0;
    bool anchored = false;
    for (std::string_view anchor : {"article", "section"}) {
        for (size_t i = chain.size(); i-- > 0;) {
            if (chain[i].kind == anchor) {
                start = i;
                anchored = true;
                break;
            }
        }
        if (anchored) break;
    }
    std::string label;
    for (size_t i = start; i < chain.size(); ++i) {
        std::string num = label_num(chain[i].num);
        bool self = i + 1 == chain.size();
        std::string noun = noun_for(chain[i].kind, language, label.empty(), !num.empty());
        // Unnumbered structure says nothing in a citation, and neither does a
        // number of an unnamed container ("1, 1.1") except the unit's own.
        // A lone "Annex" is the exception: documents usually have one.
        if (num.empty() && !(self && chain[i].kind == "annex")) continue;
        if (noun.empty() && !self) continue;
        std::string part = noun;
        if (!num.empty()) part += (part.empty() ? "" : " ") + num;
        if (!label.empty()) label += ", ";
        label += part;
    }
    return label;
}

std::string unit_abbrev(std::string_view kind) {
    if (kind == "chapter") return "chp";
    if (kind == "section") return "sec";
    if (kind == "article") return "art";
    if (kind == "paragraph") return "para";
    return std::string(kind);
}

std::string UnitIdSet::unique(const std::string& id, const std::string& file, int line,
                              IngestReport& report) {
    int& count = seen_[id];
    if (++count == 1) return id;
    std::string candidate = id + "_" + std::to_string(count);
    while (seen_.count(candidate)) candidate = id + "_" + std::to_string(++count);
    seen_[candidate] = 1;
    report.warn(file, line, "duplicate unit id '" + id + "'; using '" + candidate + "'");
    return candidate;
}

}  // namespace himoya
