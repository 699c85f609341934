#include "search/query_tree.h"

#include <set>

#include <algorithm>
#include <unordered_set>

#include "analysis/language.h"
#include "analysis/normalizer.h"
#include "search/search_types.h"

namespace himoya {
namespace {

enum class Lex { kWord, kPhrase, kOr, kAnd, kNot, kOpen, kClose };

struct Lexeme {
    Lex kind;
    std::string text;    // word or phrase text
    size_t start = 0;    // byte offset of text in the query
    bool title = false;  // title: field
    bool prefix = false; // word*: any word that begins so
    int sign = 0;        // -1 for -word, +1 for +word
};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::vector<Lexeme> lex(std::string_view q) {
    std::vector<Lexeme> out;
    size_t i = 0;
    while (i < q.size()) {
        char c = q[i];
        if (is_space(c)) { ++i; continue; }
        if (c == '(') { out.push_back({Lex::kOpen, "", i}); ++i; continue; }
        if (c == ')') { out.push_back({Lex::kClose, "", i}); ++i; continue; }
        Lexeme lx{Lex::kWord, "", i};
        if ((c == '-' || c == '+') && i + 1 < q.size() && !is_space(q[i + 1])) {
            lx.sign = c == '-' ? -1 : 1;
            ++i;
            // "-(order OR ban)" negates the group, as "NOT (…)" does ("+(" is a group).
            if (q[i] == '(') {
                if (lx.sign < 0) out.push_back({Lex::kNot, "NOT", i - 1});
                continue;
            }
        }
        if (q.substr(i, 6) == "title:" && i + 6 < q.size() && !is_space(q[i + 6])) {
            lx.title = true;
            i += 6;
        }
        if (i < q.size() && q[i] == '"') {
            size_t close = q.find('"', i + 1);
            if (close == std::string_view::npos) close = q.size();  // forgive an unclosed quote
            lx.kind = Lex::kPhrase;
            lx.start = i + 1;
            lx.text = std::string(q.substr(i + 1, close - i - 1));
            i = close + 1;
        } else {
            size_t end = i;
            while (end < q.size() && !is_space(q[end]) && q[end] != '(' && q[end] != ')' && q[end] != '"') ++end;
            lx.start = i;
            lx.text = std::string(q.substr(i, end - i));
            i = end;
            // "viol*": a prefix of at least three letters (a shorter one would
            // stand for most of the vocabulary).
            if (lx.text.size() > 1 && lx.text.back() == '*') {
                std::string stem = lx.text.substr(0, lx.text.size() - 1);
                size_t letters = 0;
                for (unsigned char c : stem) letters += (c & 0xC0) != 0x80;
                if (letters >= 3 && stem.find('*') == std::string::npos) {
                    lx.text = std::move(stem);
                    lx.prefix = true;
                }
            }
            if (!lx.title && lx.sign == 0) {
                if (lx.text == "OR") lx.kind = Lex::kOr;
                else if (lx.text == "AND") lx.kind = Lex::kAnd;
                else if (lx.text == "NOT") lx.kind = Lex::kNot;
            }
        }
        if (lx.kind == Lex::kWord && lx.text.empty()) continue;
        out.push_back(std::move(lx));
    }
    return out;
}

// Recursive descent over the lexemes: or_expr := and_expr (OR and_expr)*;
// and_expr := (NOT* primary)*; primary := ( or_expr ) | word | phrase.
class Parser {
public:
    Parser(std::vector<Lexeme> lexemes, Analyzer& analyzer, QueryTree& tree)
        : lx_(std::move(lexemes)), analyzer_(analyzer), tree_(tree) {}

    QueryNode parse() {
        QueryNode q = or_expr(0);
        // Stray ')' or trailing operators are forgiven: what follows is ANDed on.
        while (pos_ < lx_.size()) {
            ++pos_;
            QueryNode more = or_expr(0);
            if (more.children.empty()) continue;
            if (q.children.empty()) { q = std::move(more); continue; }
            QueryNode both;
            both.kind = QueryNode::Kind::kAnd;
            both.children.push_back(std::move(q));
            both.children.push_back(std::move(more));
            q = std::move(both);
        }
        if (q.kind != QueryNode::Kind::kAnd && q.kind != QueryNode::Kind::kOr) {
            QueryNode root;
            root.children.push_back(std::move(q));
            q = std::move(root);
        }
        return q;
    }

private:
    bool at(Lex k) const { return pos_ < lx_.size() && lx_[pos_].kind == k; }

    static void check_depth(int depth) {
        if (depth > QueryTree::kMaxDepth) throw BadRequest({"query nests too deeply", "в запросе слишком глубокая вложенность скобок или отрицаний",
                                                                  "дар дархост қавсҳо ё инкорҳо аз ҳад зиёд дар дохили ҳамдигаранд"});
    }

    QueryNode or_expr(int depth) {
        check_depth(depth);
        QueryNode first = and_expr(depth);
        if (!at(Lex::kOr)) return first;
        QueryNode any;
        any.kind = QueryNode::Kind::kOr;
        if (!first.children.empty()) any.children.push_back(std::move(first));
        while (at(Lex::kOr)) {
            ++pos_;
            QueryNode next = and_expr(depth);
            if (!next.children.empty()) any.children.push_back(std::move(next));
        }
        if (any.children.size() == 1) return std::move(any.children.front());
        return any;
    }

    QueryNode and_expr(int depth) {
        QueryNode all;
        all.kind = QueryNode::Kind::kAnd;
        while (pos_ < lx_.size() && !at(Lex::kOr) && !at(Lex::kClose)) {
            if (at(Lex::kAnd)) { ++pos_; continue; }
            bool negated = false;
            int nots = 0;
            while (at(Lex::kNot)) { ++pos_; negated = !negated; check_depth(depth + ++nots); }
            if (pos_ >= lx_.size() || at(Lex::kOr) || at(Lex::kClose)) break;
            if (lx_[pos_].sign < 0) negated = !negated;
            QueryNode child = primary(depth);
            bool empty = (child.kind == QueryNode::Kind::kAnd || child.kind == QueryNode::Kind::kOr) &&
                         child.children.empty();
            if (empty) continue;
            child.negated = negated;
            all.children.push_back(std::move(child));
        }
        return all;
    }

    QueryNode primary(int depth) {
        const Lexeme& lx = lx_[pos_];
        ++pos_;
        if (lx.kind == Lex::kOpen) {
            QueryNode inner = or_expr(depth + 1);
            if (at(Lex::kClose)) ++pos_;  // forgive a missing ')'
            return inner;
        }
        QueryNode node;
        if (lx.kind != Lex::kWord && lx.kind != Lex::kPhrase) return node;  // a stray operator: nothing
        node.kind = lx.kind == Lex::kPhrase ? QueryNode::Kind::kPhrase : QueryNode::Kind::kWord;
        node.text = lx.text;
        node.start = lx.start;
        node.end = lx.start + lx.text.size();
        node.title = lx.title;
        node.sign = lx.sign;
        node.prefix = lx.prefix;
        size_t too_long = 0;
        node.tokens = analyzer_.analyze(lx.text, tree_.language, 1, &too_long);
        tree_.too_long_words += too_long;
        return node;
    }

    std::vector<Lexeme> lx_;
    Analyzer& analyzer_;
    QueryTree& tree_;
    size_t pos_ = 0;
};

// Question words, folded (Tajik letters to their plain look-alikes, ё → е),
// as the query side compares them. Interrogatives are dropped in any plain
// query; auxiliaries only in one that reads as a question, where "can",
// "does", "мекунад" carry no content.
const std::unordered_set<std::string>& interrogatives() {
    static const std::unordered_set<std::string> words{
        "how", "what", "who", "whom", "whose", "which", "when", "where", "why",
        "кто", "что", "когда", "где", "какой", "какая", "какое", "какие", "каких", "каким", "каком", "какую",
        "каков", "какова", "каково", "каковы", "как", "сколько", "почему", "зачем", "куда", "откуда", "чему",
        "кого", "кому", "ли",
        "ки", "чи", "кай", "кучо", "кадом", "кадомин", "чанд", "чаро", "ое", "чигуна", "кист", "чист", "кистанд",
        "чистанд",
        // with the copula fused on, as a question ends: куҷост, куҷоянд, кадомҳоянд, кадоманд
        "кучост", "кучоянд", "кадомаст", "кадоманд", "кадомхо", "кадомхоянд", "чандтоанд", "чигунаанд",
        // Tajik in Latin letters (Analyzer::latin_tajik_reading): none is an English word.
        "chi", "chist", "kist", "chand", "kadom", "kadomin", "charo", "chiguna", "kujo", "kay", "kujost", "kujoyand",
        "kadomand", "kadomhoyand"};
    return words;
}

const std::unordered_set<std::string>& question_auxiliaries() {
    static const std::unordered_set<std::string> words{
        "long", "many", "much", "does", "do", "did", "can", "could", "should", "would", "will", "must", "is", "are",
        "was", "were", "there", "happen", "happens", "happened", "say", "says", "said",
        "можно", "нужно", "должен", "должна", "должно", "должны", "может", "могут", "есть", "бывает", "говорит", "говорится",
        "сказано", "гласит", "следует", "надо", "делать", "делает", "делают", "сделать", "сделает", "сделают",
        "предпринять", "предпринимает", "принять", "принимает", "такой", "такая", "такое", "такие",
        "мекунад", "мешавад", "дорад", "шудааст", "метавонад", "аст", "мебошад", "тавр", "гуна", "кардааст",
        "кард", "карданд", "мекунанд", "шуд", "шуданд", "мешаванд", "доранд", "буд", "буданд", "метавонанд",
        "мегуяд", "мегуянд", "гуфта", "бояд", "кунад", "кунанд", "шавад", "шаванд",
        // Tajik in Latin letters
        "mekunad", "mekunand", "meshavad", "meshavand", "dorad", "dorand", "ast", "meboshad", "metavonad",
        "metavonand", "boyad", "meguyad", "shudaast"};
    return words;
}

// Words naming a kind of text, folded as above, in their usual forms.
const std::unordered_set<std::string>& text_kind_words() {
    static const std::unordered_set<std::string> words{
        "law", "laws", "code", "codes", "statute", "statutes", "convention", "conventions", "legislation",
        "закон", "закона", "закону", "законом", "законе", "законы", "законов", "законам", "законами", "законах",
        "кодекс", "кодекса", "кодексу", "кодексом", "кодексе", "кодексы", "кодексов",
        "конвенция", "конвенции", "конвенцию", "конвенцией",
        "законодательство", "законодательства", "законодательству", "законодательством", "законодательстве",
        "конун", "конуни", "конунхо", "конунхои", "конунро", "конунгузори", "конунгузории",
        "кодекси", "кодексхо", "конвенсия", "конвенсияи"};
    return words;
}

std::string folded(const std::string& canonical) { return fold_tajik_letters_utf8(canonical); }

bool in(const std::unordered_set<std::string>& set, const QueryNode& word) {
    if (word.tokens.empty()) return false;
    for (const Token& t : word.tokens)
        if (!set.count(folded(t.term))) return false;
    return true;
}

bool has_content(const QueryNode& n) {
    switch (n.kind) {
        case QueryNode::Kind::kWord:
        case QueryNode::Kind::kPhrase: return !n.tokens.empty();
        default:
            for (const QueryNode& c : n.children)
                if (!c.negated && has_content(c)) return true;
            return false;
    }
}

// Non-overlapping label matches, longest first at each position; matches of
// the same span (another concept, another reading) are all kept.
std::vector<ConceptMatch> choose_spans(std::vector<ConceptMatch> matches) {
    std::stable_sort(matches.begin(), matches.end(), [](const ConceptMatch& a, const ConceptMatch& b) {
        if (a.first_token != b.first_token) return a.first_token < b.first_token;
        return a.last_token > b.last_token;
    });
    std::vector<ConceptMatch> chosen;
    for (const auto& m : matches) {
        if (!chosen.empty() && m.first_token <= chosen.back().last_token) {
            if (m.first_token == chosen.back().first_token && m.last_token == chosen.back().last_token) chosen.push_back(m);
            continue;
        }
        chosen.push_back(m);
    }
    return chosen;
}

bool groupable(const QueryNode& n) { return n.kind == QueryNode::Kind::kWord && !n.negated && !n.title && n.sign == 0; }

// Replaces label spans among the run children[from, to) of an AND by kSpan nodes.
// The reading of Latin-script Tajik words that labels are matched against
// (Analyzer::latin_tajik_reading).
constexpr std::string_view kLatinTajikReading = "tg-latin";
// The same with a z/k/s + "ho" plural read as -ҳо (Analyzer::latin_tajik_spellings).
constexpr std::string_view kLatinTajikPluralReading = "tg-latin-plural";

void group_run(std::vector<QueryNode>& children, size_t from, size_t to, const ConceptTagger& tagger,
               Analyzer& analyzer, const std::string& language, bool latin_tajik) {
    std::vector<std::string> readings{language};
    if (language != "tg" && language != "ru" && language != "en") readings = {language, "tg", "ru"};
    if (latin_tajik) {
        readings.emplace_back(kLatinTajikReading);
        for (size_t c = from; c < to; ++c)
            if (analyzer.latin_tajik_spellings(children[c].text).size() > 1) {
                readings.emplace_back(kLatinTajikPluralReading);
                break;
            }
    }
    std::vector<ConceptMatch> matches;
    std::vector<size_t> word_of, first_of;  // token index → child index; child → its first token
    for (const std::string& reading : readings) {
        std::vector<Token> tokens;
        std::vector<size_t> owner, first;
        for (size_t c = from; c < to; ++c) {
            first.push_back(tokens.size());
            auto t = reading == language             ? children[c].tokens
                     : reading == kLatinTajikReading ? analyzer.latin_tajik_reading(children[c].text)
                     : reading == kLatinTajikPluralReading
                         ? analyzer.latin_tajik_reading(children[c].text, true)
                         : analyzer.analyze(children[c].text, reading);
            for (auto& token : t) {
                tokens.push_back(std::move(token));
                owner.push_back(c);
            }
        }
        auto found = tagger.match(tokens);
        if (reading == language) {
            word_of = owner;
            first_of = first;
        } else if (owner != word_of) {
            continue;  // segmentation differs: token indices would not agree
        }
        matches.insert(matches.end(), found.begin(), found.end());
    }
    auto spans = choose_spans(std::move(matches));
    if (spans.empty()) return;
    std::vector<QueryNode> rebuilt;
    size_t c = from;
    for (size_t s = 0; s < spans.size();) {
        size_t e = s + 1;
        while (e < spans.size() && spans[e].first_token == spans[s].first_token) ++e;
        size_t first_word = word_of[spans[s].first_token], last_word = word_of[spans[s].last_token];
        bool aligned = first_of[first_word - from] == spans[s].first_token &&
                       (last_word + 1 == to ? spans[s].last_token + 1 == word_of.size()
                                            : first_of[last_word + 1 - from] == spans[s].last_token + 1);
        if (aligned && first_word >= c) {
            for (; c < first_word; ++c) rebuilt.push_back(std::move(children[c]));
            QueryNode span;
            span.kind = QueryNode::Kind::kSpan;
            for (size_t i = s; i < e; ++i)
                if (std::find(span.concepts.begin(), span.concepts.end(), spans[i].concept_id) == span.concepts.end())
                    span.concepts.push_back(spans[i].concept_id);
            if (spans[s].pattern) span.label_lang = spans[s].pattern->lang;
            for (; c <= last_word; ++c) span.children.push_back(std::move(children[c]));
            span.start = span.children.front().start;
            span.end = span.children.back().end;
            rebuilt.push_back(std::move(span));
        }
        s = e;
    }
    for (; c < to; ++c) rebuilt.push_back(std::move(children[c]));
    std::vector<QueryNode> out;
    for (size_t i = 0; i < from; ++i) out.push_back(std::move(children[i]));
    for (auto& n : rebuilt) out.push_back(std::move(n));
    for (size_t i = to; i < children.size(); ++i) out.push_back(std::move(children[i]));
    children = std::move(out);
}

void group_spans_in(QueryNode& node, const ConceptTagger& tagger, Analyzer& analyzer, const std::string& language,
                    bool latin_tajik) {
    for (QueryNode& c : node.children)
        if (c.kind == QueryNode::Kind::kAnd || c.kind == QueryNode::Kind::kOr)
            group_spans_in(c, tagger, analyzer, language, latin_tajik);
    if (node.kind != QueryNode::Kind::kAnd) return;
    // Runs of groupable words; each run is grouped, indices shift as spans replace words.
    size_t i = 0;
    while (i < node.children.size()) {
        if (!groupable(node.children[i])) { ++i; continue; }
        size_t j = i;
        while (j < node.children.size() && groupable(node.children[j])) ++j;
        size_t before = node.children.size();
        group_run(node.children, i, j, tagger, analyzer, language, latin_tajik);
        j -= before - node.children.size();
        i = j;
    }
}

}  // namespace

bool QueryNode::only_stopwords() const {
    if (tokens.empty()) return false;
    for (const Token& t : tokens)
        if (!t.stopword) return false;
    return true;
}

std::vector<const QueryNode*> QueryTree::units() const {
    std::vector<const QueryNode*> out;
    if (root.kind != QueryNode::Kind::kAnd) return out;
    for (const QueryNode& c : root.children) {
        if (c.negated) continue;
        if (c.kind == QueryNode::Kind::kWord && (c.tokens.empty() || c.only_stopwords() || c.ranks_only)) continue;
        out.push_back(&c);
    }
    return out;
}

bool is_plain(std::string_view q) {
    for (char c : q)
        if (c == '"' || c == '(' || c == ')' || c == ':' || c == '*') return false;
    for (std::string_view op : {"OR", "AND", "NOT"}) {
        size_t at = q.find(op);
        while (at != std::string_view::npos) {
            bool start = at == 0 || q[at - 1] == ' ';
            bool end = at + op.size() == q.size() || q[at + op.size()] == ' ';
            if (start && end) return false;
            at = q.find(op, at + 1);
        }
    }
    // -word and +word change meaning too
    for (size_t i = 0; i < q.size(); ++i)
        if ((q[i] == '-' || q[i] == '+') && (i == 0 || q[i - 1] == ' ')) return false;
    return true;
}

namespace {
// Sets QueryNode::year on every word that is a year.
void mark_years(QueryNode& n) {
    if (n.kind == QueryNode::Kind::kWord && !n.title && n.tokens.size() == 1) {
        const std::string& t = n.tokens.front().term;
        if (t.size() == 4 && std::all_of(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; })) {
            int year = std::stoi(t);
            if (year >= 1900 && year <= 2099) n.year = year;
        }
    }
    for (QueryNode& c : n.children) mark_years(c);
}
// Facet filters written in the query ("jurisdiction:TJ", "lang:ru",
// "year:2013"): a facet's name, a colon and a value, standing alone. Each is
// recorded in `filters` and blanked out (offsets kept), so the rest reads as
// the query it would be without it: "jurisdiction:TJ shelter" is the plain
// query "shelter" under the filter.
std::string take_field_filters(std::string_view query, std::map<std::string, std::vector<std::string>>& filters,
                               std::map<std::string, std::vector<std::string>>& excluded) {
    std::string rest(query);
    size_t i = 0;
    // Where the word before this one starts and ends, when it is "NOT".
    size_t not_start = std::string::npos, not_end = 0;
    while (i < rest.size()) {
        if (is_space(rest[i])) { ++i; continue; }
        size_t end = i;
        while (end < rest.size() && !is_space(rest[end])) ++end;
        std::string_view token = std::string_view(rest).substr(i, end - i);
        // "-jurisdiction:TJ" and "NOT jurisdiction:TJ" leave the value's texts out.
        const bool minus = token.size() > 1 && token.front() == '-';
        if (minus) token.remove_prefix(1);
        const size_t colon = token.find(':');
        bool taken = false;
        if (colon != std::string_view::npos && colon + 1 < token.size()) {
            const std::string_view name = token.substr(0, colon), value = token.substr(colon + 1);
            const bool facet = std::find(facet_names().begin(), facet_names().end(), name) != facet_names().end();
            const bool plain_value = value.find_first_of("\"():") == std::string_view::npos;
            if (facet && plain_value) {
                const bool negated = minus || not_start != std::string::npos;
                (negated ? excluded : filters)[std::string(name)].emplace_back(value);
                std::fill(rest.begin() + static_cast<std::ptrdiff_t>(i), rest.begin() + static_cast<std::ptrdiff_t>(end), ' ');
                if (not_start != std::string::npos && !minus)
                    std::fill(rest.begin() + static_cast<std::ptrdiff_t>(not_start),
                              rest.begin() + static_cast<std::ptrdiff_t>(not_end), ' ');
                taken = true;
            }
        }
        const bool is_not = !taken && !minus && token == "NOT";
        not_start = is_not ? i : std::string::npos;
        not_end = is_not ? end : 0;
        i = end;
    }
    return rest;
}

// A word, phrase or group typed again beside itself changes no match, but
// each copy is compiled, expanded and matched again: 61 copies of "protection
// order" cost 2 s a search and 8 s a comparison. Only the first copy of a
// top-level child is kept (same kind, sign, field and words).
void drop_repeated_words(QueryNode& root) {
    if (root.kind != QueryNode::Kind::kAnd) return;
    auto key = [](const QueryNode& n) {
        std::string k = std::to_string(static_cast<int>(n.kind)) + (n.negated ? "-" : "+") + (n.title ? "t" : "") +
                        (n.prefix ? "*" : "") + std::to_string(n.sign) + "|";
        if (n.kind == QueryNode::Kind::kWord || n.kind == QueryNode::Kind::kPhrase) {
            for (const Token& t : n.tokens) k += t.term + " ";
        } else {
            return std::string();  // groups: kept as typed
        }
        return k;
    };
    std::set<std::string> seen;
    std::vector<QueryNode> kept;
    for (QueryNode& c : root.children) {
        const std::string k = key(c);
        if (!k.empty() && !c.tokens.empty() && !seen.insert(k).second) continue;
        kept.push_back(std::move(c));
    }
    root.children = std::move(kept);
}

}  // namespace

QueryTree parse_query(std::string_view typed, std::string_view language, Analyzer& analyzer) {
    QueryTree tree;
    tree.text = take_field_filters(typed, tree.filters, tree.excluded_filters);
    const std::string_view query = tree.text;
    tree.language = std::string(language);
    tree.plain = is_plain(query);
    // Latin words are tried as Tajik when the query reads as Latin-script
    // Tajik (language identifier) or the user said the query is Tajik.
    tree.latin_tajik = language == "tg" || (language != "en" && identify_language(query).latin_tajik);
    Parser parser(lex(query), analyzer, tree);
    tree.root = parser.parse();
    drop_repeated_words(tree.root);
    mark_years(tree.root);
    std::string_view trimmed = query;
    while (!trimmed.empty() && is_space(trimmed.back())) trimmed.remove_suffix(1);
    tree.question = !trimmed.empty() && trimmed.back() == '?';
    if (!tree.question && tree.plain) {
        // "who can file …", "кто выдаёт …": opens with an interrogative
        for (const QueryNode& c : tree.root.children)
            if (c.kind == QueryNode::Kind::kWord && !c.tokens.empty()) {
                tree.question = in(interrogatives(), c) ||
                                (tree.root.children.size() > 2 && in(question_auxiliaries(), c) &&
                                 folded(c.tokens.front().term) != "long");
                break;
            }
    }
    if (!tree.question && tree.plain) {
        // Tajik puts the verb last and the interrogative just before it:
        // "милиса … чӣ бояд кунад", "ордер кай дода мешавад", "… чӣ кор бояд
        // кунад". An interrogative among the last four words makes a question
        // too — but "ки", which is also the relative "that" of any noun phrase
        // ("шахсе, ки …").
        std::vector<const QueryNode*> words;
        for (const QueryNode& c : tree.root.children)
            if (c.kind == QueryNode::Kind::kWord && !c.tokens.empty()) words.push_back(&c);
        for (size_t i = words.size() > 4 ? words.size() - 4 : 0; i < words.size() && words.size() > 2; ++i)
            if (in(interrogatives(), *words[i]) && folded(words[i]->tokens.front().term) != "ки") tree.question = true;
    }
    return tree;
}

void set_aside_places(QueryTree& tree, const PlaceRecognizer& places, Analyzer& analyzer) {
    if (!tree.plain || places.empty() || tree.root.kind != QueryNode::Kind::kAnd) return;
    // The query text the words came from, rebuilt with their offsets.
    size_t length = 0;
    for (const QueryNode& c : tree.root.children) length = std::max(length, c.end);
    std::string text(length, ' ');
    for (const QueryNode& c : tree.root.children)
        if (c.kind == QueryNode::Kind::kWord) text.replace(c.start, c.text.size(), c.text);
    std::vector<PlaceSpan> spans = places.find(analyzer, text, tree.language, tree.latin_tajik);
    if (spans.empty()) return;
    // The span each word lies in, if any.
    std::vector<const PlaceSpan*> inside(tree.root.children.size(), nullptr);
    bool rest_has_content = false;
    for (size_t i = 0; i < tree.root.children.size(); ++i) {
        const QueryNode& c = tree.root.children[i];
        // The word's letters, without punctuation around them ("Таджикистане?").
        size_t from = c.tokens.empty() ? c.start : c.start + c.tokens.front().start;
        size_t to = c.tokens.empty() ? c.end : c.start + c.tokens.back().end;
        for (const PlaceSpan& s : spans)
            if (c.kind == QueryNode::Kind::kWord && from >= s.start && to <= s.end) inside[i] = &s;
        bool kept = !inside[i] || inside[i]->locality;
        // (Function words alone are no content: "дар Тоҷикистон" asks for the place.)
        if (kept && !c.negated && has_content(c) && !(c.kind == QueryNode::Kind::kWord && c.only_stopwords()))
            rest_has_content = true;
    }
    // A query that is only places ("Georgia", "Амрико", "Тоҷикистон") asks
    // for them: each is a span satisfied by any of its names in any
    // language, as a locality is, and its texts come first. Searched as a
    // word, a name no text writes found nothing ("Амрико", then "corrected"
    // to "Амри", Moldova's emergency orders).
    const bool only_places = !rest_has_content;
    std::vector<QueryNode> kept;
    for (size_t i = 0; i < tree.root.children.size(); ++i) {
        const PlaceSpan* place = inside[i];
        if (!place && only_places && !tree.root.children[i].negated) {
            continue;  // the function words around the places ("дар Тоҷикистон", "in Georgia") ask nothing
        } else if (!place) {
            kept.push_back(std::move(tree.root.children[i]));
        } else if (place->locality || only_places) {
            // Consecutive words of one locality become one span.
            if (kept.empty() || kept.back().kind != QueryNode::Kind::kSpan || kept.back().names != place->name_stems ||
                i == 0 || inside[i - 1] != place) {
                QueryNode span;
                span.kind = QueryNode::Kind::kSpan;
                span.names = place->name_stems;
                span.start = tree.root.children[i].start;
                kept.push_back(std::move(span));
            }
            kept.back().end = tree.root.children[i].end;
            kept.back().children.push_back(std::move(tree.root.children[i]));
        } else {
            tree.place_words.push_back(std::move(tree.root.children[i]));
        }
    }
    tree.root.children = std::move(kept);
    for (const PlaceSpan& span : spans) {
        for (const std::string& code : span.jurisdictions)
            if (std::find(tree.jurisdictions.begin(), tree.jurisdictions.end(), code) == tree.jurisdictions.end())
                tree.jurisdictions.push_back(code);
        if (!span.locality) tree.place_names.insert(tree.place_names.end(), span.name_stems.begin(), span.name_stems.end());
        QueryTree::Place place{span.jurisdictions, span.locality ? std::vector<std::vector<std::string>>{} : span.name_stems};
        bool named_before = false;
        for (const QueryTree::Place& p : tree.places)
            named_before = named_before || p.jurisdictions == place.jurisdictions;
        if (!named_before && !place.jurisdictions.empty()) tree.places.push_back(std::move(place));
    }
}

namespace {

void exclude_places_in(QueryNode& n, QueryTree& tree, const PlaceRecognizer& places, Analyzer& analyzer) {
    // "NOT (Tajikistan OR Georgia)" is "-Tajikistan -Georgia" (the same
    // match), so that each negated name is read as a place below.
    if (n.kind == QueryNode::Kind::kAnd) {
        // A branch of the OR is a one-word AND as the parser leaves it.
        auto word_of = [](QueryNode& g) -> QueryNode* {
            QueryNode* w = &g;
            if (w->kind == QueryNode::Kind::kAnd && w->children.size() == 1 && !w->negated) w = &w->children.front();
            const bool word_like = w->kind == QueryNode::Kind::kWord || w->kind == QueryNode::Kind::kPhrase;
            return word_like && !w->negated ? w : nullptr;
        };
        std::vector<QueryNode> children;
        for (QueryNode& c : n.children) {
            const bool words_only = c.negated && c.kind == QueryNode::Kind::kOr && !c.children.empty() &&
                                    std::all_of(c.children.begin(), c.children.end(),
                                                [&](QueryNode& g) { return word_of(g) != nullptr; });
            if (!words_only) {
                children.push_back(std::move(c));
                continue;
            }
            for (QueryNode& g : c.children) {
                QueryNode word = std::move(*word_of(g));
                word.negated = true;
                children.push_back(std::move(word));
            }
        }
        n.children = std::move(children);
    }
    for (QueryNode& c : n.children) exclude_places_in(c, tree, places, analyzer);
    const bool word_like = n.kind == QueryNode::Kind::kWord || n.kind == QueryNode::Kind::kPhrase;
    if (!n.negated || !word_like || n.title || n.tokens.empty()) return;
    std::vector<PlaceSpan> spans = places.find(analyzer, n.text, tree.language, tree.latin_tajik);
    // The whole word or phrase is one jurisdiction's name, nothing beside it.
    if (spans.size() != 1 || spans.front().locality || spans.front().jurisdictions.empty()) return;
    const PlaceSpan& span = spans.front();
    if (n.tokens.front().start < span.start || n.tokens.back().end > span.end) return;
    n.excluded_jurisdictions = span.jurisdictions;
    n.excluded_names = span.name_stems;
    for (const std::string& code : span.jurisdictions)
        if (std::find(tree.excluded_jurisdictions.begin(), tree.excluded_jurisdictions.end(), code) ==
            tree.excluded_jurisdictions.end())
            tree.excluded_jurisdictions.push_back(code);
}

}  // namespace

void exclude_negated_places(QueryTree& tree, const PlaceRecognizer& places, Analyzer& analyzer) {
    if (places.empty()) return;
    exclude_places_in(tree.root, tree, places, analyzer);
}

void drop_question_words(QueryTree& tree) {
    if (!tree.plain || tree.root.kind != QueryNode::Kind::kAnd) return;
    std::vector<bool> drop(tree.root.children.size(), false);
    bool rest_has_content = false;
    for (size_t i = 0; i < tree.root.children.size(); ++i) {
        const QueryNode& c = tree.root.children[i];
        drop[i] = c.kind == QueryNode::Kind::kWord &&
                  (in(interrogatives(), c) || (tree.question && in(question_auxiliaries(), c)));
        // "чӣ кор (бояд) кунад" is "what (must) he do": "кор" (work) there is
        // the noun of the verb "кор кардан", no word to search ("work" put
        // Florida's leave-from-work law first for a question about the police).
        if (tree.question && i > 0 && c.kind == QueryNode::Kind::kWord && !c.tokens.empty() &&
            folded(c.tokens.front().term) == "кор" && tree.root.children[i - 1].kind == QueryNode::Kind::kWord &&
            !tree.root.children[i - 1].tokens.empty() && folded(tree.root.children[i - 1].tokens.front().term) == "чи")
            drop[i] = true;
        // "чанд вақт", "сколько времени" are "how long": the time word is part
        // of the question, as "long" is of "how long" (a duration is asked
        // for, not texts naming time).
        if (i > 0 && c.kind == QueryNode::Kind::kWord && !c.tokens.empty() &&
            tree.root.children[i - 1].kind == QueryNode::Kind::kWord && !tree.root.children[i - 1].tokens.empty()) {
            const std::string before = folded(tree.root.children[i - 1].tokens.front().term);
            const std::string word = folded(c.tokens.front().term);
            if ((before == "чанд" && word == "вакт") || (before == "сколько" && word == "времени")) drop[i] = true;
        }
        if (!drop[i] && !c.negated && has_content(c) && !(c.kind == QueryNode::Kind::kWord && c.only_stopwords()))
            rest_has_content = true;
    }
    if (!rest_has_content) return;  // "how?": the words are all there is
    std::vector<QueryNode> kept;
    for (size_t i = 0; i < tree.root.children.size(); ++i) {
        if (drop[i]) {
            // The words as typed, without the punctuation around them ("делать," → "делать", "what/how" → two).
            const auto& tokens = tree.root.children[i].tokens;
            if (tokens.empty()) tree.question_words.push_back(tree.root.children[i].text);
            for (const Token& t : tokens) tree.question_words.push_back(t.raw);
        }
        else kept.push_back(std::move(tree.root.children[i]));
    }
    tree.root.children = std::move(kept);
}

void mark_work_spans(QueryTree& tree) {
    if (tree.works.empty() || tree.root.kind != QueryNode::Kind::kAnd) return;
    for (QueryNode& c : tree.root.children) {
        if (c.kind != QueryNode::Kind::kSpan || c.concepts.empty() || c.children.empty()) continue;
        const size_t start = c.children.front().start, end = c.children.back().end;
        for (const NamedWork& w : tree.works)
            if (start < w.end && w.start < end) c.names_work = true;
    }
}

void mark_text_kind_words(QueryTree& tree) {
    if (!tree.plain || tree.root.kind != QueryNode::Kind::kAnd) return;
    auto kind_word = [](const QueryNode& c) {
        return c.kind == QueryNode::Kind::kWord && !c.negated && !c.title && in(text_kind_words(), c);
    };
    bool rest_has_content = false;
    for (const QueryNode& c : tree.root.children)
        if (!kind_word(c) && !c.negated && has_content(c) && !(c.kind == QueryNode::Kind::kWord && c.only_stopwords()))
            rest_has_content = true;
    if (!rest_has_content) return;  // "закон": the word is all there is
    for (QueryNode& c : tree.root.children)
        if (kind_word(c)) c.ranks_only = true;
}

void group_concept_spans(QueryTree& tree, const ConceptTagger& tagger, Analyzer& analyzer) {
    group_spans_in(tree.root, tagger, analyzer, tree.language, tree.latin_tajik);
}

namespace {

// The plain words of the query that are words of `m`'s label: a text about
// its concept answers them (QueryNode::answered_by).
void mark_answered_by(QueryTree& tree, const ConceptMatch& m) {
    for (QueryNode& c : tree.root.children) {
        if (c.kind != QueryNode::Kind::kWord || c.negated) continue;
        bool of_label = false;
        for (const Token& t : c.tokens)
            if (!t.stopword && std::find(m.pattern->stems.begin(), m.pattern->stems.end(), t.stem) != m.pattern->stems.end())
                of_label = true;
        if (of_label && std::find(c.answered_by.begin(), c.answered_by.end(), m.concept_id) == c.answered_by.end())
            c.answered_by.push_back(m.concept_id);
    }
}

}  // namespace

void find_scattered_concepts(QueryTree& tree, const ConceptTagger& tagger, const Thesaurus& thesaurus) {
    if (!tree.plain || tree.root.kind != QueryNode::Kind::kAnd) return;
    // The tokens of every positive word, inside spans too, and the unit each belongs to.
    std::vector<Token> tokens;
    std::vector<size_t> unit_of;
    std::set<std::string> span_concepts;
    for (size_t u = 0; u < tree.root.children.size(); ++u) {
        const QueryNode& c = tree.root.children[u];
        if (c.negated) continue;
        auto add = [&](const QueryNode& w) {
            if (w.kind != QueryNode::Kind::kWord) return;
            for (const Token& t : w.tokens) {
                tokens.push_back(t);
                unit_of.push_back(u);
            }
        };
        if (c.kind == QueryNode::Kind::kSpan) {
            span_concepts.insert(c.concepts.begin(), c.concepts.end());
            for (const QueryNode& w : c.children) add(w);
        } else {
            add(c);
        }
    }
    for (const ConceptMatch& m : tagger.match_scattered(tokens)) {
        if (span_concepts.count(m.concept_id)) continue;
        if (std::find(tree.scattered_concepts.begin(), tree.scattered_concepts.end(), m.concept_id) !=
            tree.scattered_concepts.end())
            continue;
        // Every label word in one unit is that unit's own reading, not a scatter.
        std::set<size_t> units;
        for (size_t j = 0; j < m.pattern->stems.size(); ++j)
            for (size_t i = 0; i < tokens.size(); ++i)
                if (!tokens[i].stopword && tokens[i].stem == m.pattern->stems[j]) units.insert(unit_of[i]);
        if (units.size() < 2) continue;
        // A span's words already say what they mean: only a narrower concept may reuse them.
        bool fits = true;
        for (size_t u : units) {
            const QueryNode& c = tree.root.children[u];
            if (c.kind != QueryNode::Kind::kSpan || c.concepts.empty()) continue;
            bool narrower = false;
            for (const std::string& id : c.concepts) {
                auto below = thesaurus.with_descendants(id);
                narrower = narrower || std::find(below.begin(), below.end(), m.concept_id) != below.end();
            }
            fits = fits && narrower;
        }
        if (fits) {
            tree.scattered_concepts.push_back(m.concept_id);
            mark_answered_by(tree, m);
        }
    }
    // A narrower concept named by a qualifier beside a broader concept's
    // label ("срок действия" beside "защитного предписания"): the qualifier's
    // words stand outside every span, whose words already say what they mean
    // ("центры" of "женские ресурсные центры" names no crisis centre).
    std::vector<Token> beside;
    for (size_t i = 0; i < tokens.size(); ++i)
        if (tree.root.children[unit_of[i]].kind != QueryNode::Kind::kSpan) beside.push_back(tokens[i]);
    for (const ConceptMatch& m : tagger.match_qualified(beside, span_concepts)) {
        if (std::find(tree.scattered_concepts.begin(), tree.scattered_concepts.end(), m.concept_id) ==
            tree.scattered_concepts.end())
            tree.scattered_concepts.push_back(m.concept_id);
        mark_answered_by(tree, m);
    }
}

}  // namespace himoya
