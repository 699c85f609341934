#include "analysis/english_spelling.h"

#include <array>
#include <string_view>

namespace himoya {
namespace {

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Words in -ize whose z is not the suffix's (size, seize, prize …) or whose
// British form keeps the z.
constexpr std::array<std::string_view, 14> kZWords{"size", "seiz", "prize", "capsiz", "maize", "baize", "assiz",
                                                    "downsiz", "oversiz", "resiz", "citiz", "denizen", "bizarre",
                                                    "glaz"};

// Stems that take -our in British spelling, and the words beginning alike
// that do not ("laboratory", "honorary", "humorous", "vigorous", "coloration").
struct OurStem {
    std::string_view us, uk;
};
constexpr std::array<OurStem, 8> kOur{{{"behavior", "behaviour"},
                                       {"labor", "labour"},
                                       {"favor", "favour"},
                                       {"neighbor", "neighbour"},
                                       {"honor", "honour"},
                                       {"color", "colour"},
                                       {"endeavor", "endeavour"},
                                       {"harbor", "harbour"}}};
constexpr std::array<std::string_view, 4> kNotOur{"laborator", "honorar", "honorific", "coloration"};

// Whole words (and their -s plural) spelt otherwise.
struct Word {
    std::string_view us, uk;
};
constexpr std::array<Word, 16> kWords{{{"program", "programme"},
                                       {"programs", "programmes"},
                                       {"center", "centre"},
                                       {"centers", "centres"},
                                       {"centered", "centred"},
                                       {"defense", "defence"},
                                       {"defenses", "defences"},
                                       {"offense", "offence"},
                                       {"offenses", "offences"},
                                       {"license", "licence"},
                                       {"licenses", "licences"},
                                       {"judgment", "judgement"},
                                       {"judgments", "judgements"},
                                       {"enrollment", "enrolment"},
                                       {"fulfill", "fulfil"},
                                       {"practise", "practice"}}};

}  // namespace

std::string british_spelling(const std::string& word) {
    for (const Word& w : kWords)
        if (word == w.us) return std::string(w.uk);
    // counselor, counseling, counseled → counsellor, counselling, counselled
    if (starts_with(word, "counsel") && word.size() > 7 && word[7] != 'l') return "counsell" + word.substr(7);
    for (const OurStem& s : kOur) {
        if (!starts_with(word, s.us)) continue;
        bool excluded = false;
        for (std::string_view n : kNotOur) excluded = excluded || starts_with(word, n);
        if (!excluded) return std::string(s.uk) + word.substr(s.us.size());
    }
    // -ize, -izes, -ized, -izing, -ization(s), -izer(s) → -is-; -yze → -yse.
    static constexpr std::array<std::string_view, 9> kZEndings{"ize", "izes", "ized", "izing", "ization", "izations",
                                                                 "izer", "izers", "izable"};
    for (std::string_view e : kZEndings) {
        if (!ends_with(word, e) || word.size() < e.size() + 3) continue;
        bool excluded = false;
        for (std::string_view z : kZWords) excluded = excluded || starts_with(word, z);
        if (excluded) return word;
        std::string out = word;
        out[word.size() - e.size() + 1] = 's';  // the z after the i
        return out;
    }
    static constexpr std::array<std::string_view, 5> kYze{"yze", "yzes", "yzed", "yzing", "yzer"};
    for (std::string_view e : kYze) {
        if (!ends_with(word, e) || word.size() < e.size() + 2) continue;
        std::string out = word;
        out[word.size() - e.size() + 1] = 's';
        return out;
    }
    return word;
}

}  // namespace himoya
