#include "search/query_builder.h"

#include "analysis/language.h"
#include "analysis/normalizer.h"
#include "analysis/stopwords.h"
#include "analysis/term_scheme.h"
#include "search/search_types.h"

namespace himoya {
namespace {

enum class Kind { kWord, kPhrase, kOr, kAnd, kNot, kOpen, kClose };

struct Lexeme {
    Kind kind;
    std::string text;     // word or phrase text
    size_t start = 0;     // byte offset of text in the query
    bool title = false;   // title: field
    int sign = 0;         // -1 for -word, +1 for +word
};

// Weight of the folded-layer alternative relative to the exact forms.
constexpr double kFoldedWeight = 0.5;

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

std::vector<Lexeme> lex(std::string_view q) {
    std::vector<Lexeme> out;
    size_t i = 0;
    while (i < q.size()) {
        char c = q[i];
        if (is_space(c)) { ++i; continue; }
        if (c == '(') { out.push_back({Kind::kOpen, "", i}); ++i; continue; }
        if (c == ')') { out.push_back({Kind::kClose, "", i}); ++i; continue; }
        Lexeme lx{Kind::kWord, "", i};
        if ((c == '-' || c == '+') && i + 1 < q.size() && !is_space(q[i + 1])) {
            lx.sign = c == '-' ? -1 : 1;
            ++i;
        }
        if (q.substr(i, 6) == "title:" && i + 6 < q.size() && !is_space(q[i + 6])) {
            lx.title = true;
            i += 6;
        }
        if (i < q.size() && q[i] == '"') {
            size_t close = q.find('"', i + 1);
            if (close == std::string_view::npos) close = q.size();  // forgive an unclosed quote
            lx.kind = Kind::kPhrase;
            lx.start = i + 1;
            lx.text = std::string(q.substr(i + 1, close - i - 1));
            i = close + 1;
        } else {
            size_t end = i;
            while (end < q.size() && !is_space(q[end]) && q[end] != '(' && q[end] != ')' && q[end] != '"') ++end;
            lx.start = i;
            lx.text = std::string(q.substr(i, end - i));
            i = end;
            if (!lx.title && lx.sign == 0) {
                if (lx.text == "OR") lx.kind = Kind::kOr;
                else if (lx.text == "AND") lx.kind = Kind::kAnd;
                else if (lx.text == "NOT") lx.kind = Kind::kNot;
            }
        }
        if (lx.kind == Kind::kWord && lx.text.empty()) continue;
        out.push_back(std::move(lx));
    }
    return out;
}

class Parser {
public:
    Parser(std::vector<Lexeme> lexemes, Analyzer& analyzer, std::string_view language, BuiltQuery& out,
           const Xapian::Database* vocabulary)
        : lx_(std::move(lexemes)), analyzer_(analyzer), language_(language), out_(out), vocabulary_(vocabulary) {}

    Xapian::Query parse() {
        Xapian::Query q = or_expr(0);
        // Stray ')' or trailing operators are forgiven: parse what follows too.
        while (pos_ < lx_.size()) {
            ++pos_;
            Xapian::Query more = or_expr(0);
            if (!more.empty()) q = q.empty() ? more : Xapian::Query(Xapian::Query::OP_AND, q, more);
        }
        return q;
    }

    bool saw_only_stopwords() const { return content_ == 0 && stopwords_ > 0; }
    void keep_stopwords() { keep_stopwords_ = true; }

private:
    bool at(Kind k) const { return pos_ < lx_.size() && lx_[pos_].kind == k; }

    void check_depth(int depth) const {
        if (depth > QueryBuilder::kMaxDepth) throw BadRequest("query nests too deeply");
    }

    Xapian::Query or_expr(int depth) {
        check_depth(depth);
        Xapian::Query left = and_expr(depth);
        while (at(Kind::kOr)) {
            ++pos_;
            Xapian::Query right = and_expr(depth);
            if (left.empty()) left = right;
            else if (!right.empty()) left = Xapian::Query(Xapian::Query::OP_OR, left, right);
        }
        return left;
    }

    Xapian::Query and_expr(int depth) {
        std::vector<Xapian::Query> positive, negative;
        while (pos_ < lx_.size() && !at(Kind::kOr) && !at(Kind::kClose)) {
            if (at(Kind::kAnd)) { ++pos_; continue; }
            bool negated = false;
            int nots = 0;
            while (at(Kind::kNot)) { ++pos_; negated = !negated; check_depth(depth + ++nots); }
            if (pos_ >= lx_.size() || at(Kind::kOr) || at(Kind::kClose)) break;
            if (lx_[pos_].sign < 0) negated = !negated;
            Xapian::Query q = primary(depth, negated);
            if (q.empty()) continue;
            (negated ? negative : positive).push_back(q);
        }
        Xapian::Query result;
        if (!positive.empty()) result = Xapian::Query(Xapian::Query::OP_AND, positive.begin(), positive.end());
        if (!negative.empty()) {
            Xapian::Query neg(Xapian::Query::OP_OR, negative.begin(), negative.end());
            result = Xapian::Query(Xapian::Query::OP_AND_NOT, result.empty() ? match_all() : result, neg);
        }
        return result;
    }

    Xapian::Query primary(int depth, bool negated) {
        const Lexeme& lx = lx_[pos_];
        if (lx.kind == Kind::kOpen) {
            ++pos_;
            Xapian::Query inner = or_expr(depth + 1);
            if (at(Kind::kClose)) ++pos_;  // forgive a missing ')'
            return inner;
        }
        ++pos_;
        if (lx.kind == Kind::kPhrase) return phrase(lx, negated);
        if (lx.kind == Kind::kWord) return word(lx, negated);
        return {};
    }

    // Prefix for positional (unstemmed) terms and for stems of this field.
    std::string raw_prefix(bool title) const { return title ? std::string(terms::kTitle) : std::string(); }
    std::string stem_prefix(bool title) const { return std::string(title ? terms::kTitleStem : terms::kStem); }

    Xapian::Query phrase(const Lexeme& lx, bool negated) {
        auto tokens = analyzer_.analyze(lx.text, language_);
        std::vector<Xapian::Query> parts;
        for (const Token& t : tokens) {
            parts.emplace_back(raw_prefix(lx.title) + t.term, 1, t.position);
            if (!negated) out_.highlight_terms.insert(t.term);
        }
        if (parts.empty()) return {};
        ++content_;
        if (parts.size() == 1) return parts.front();
        return Xapian::Query(Xapian::Query::OP_PHRASE, parts.begin(), parts.end(), static_cast<Xapian::termcount>(parts.size()));
    }

    Xapian::Query word(const Lexeme& lx, bool negated) {
        auto tokens = analyzer_.analyze(lx.text, language_);
        std::vector<Xapian::Query> parts;
        for (const Token& t : tokens) {
            bool stopword = t.stopword || (latin_tajik_ && t.lang == "en" &&
                                           is_stopword(analyzer_.canonical(analyzer_.latin_to_tajik(t.term))));
            if (stopword && !keep_stopwords_ && lx.sign <= 0) { ++stopwords_; continue; }
            // The exact word and its stems: a document with the exact form scores higher.
            std::vector<Xapian::Query> forms{Xapian::Query(raw_prefix(lx.title) + t.term)};
            for (const std::string& stem : analyzer_.query_stems(t, language_)) {
                forms.emplace_back(stem_prefix(lx.title) + stem);
                if (!negated) out_.highlight_stems.insert(stem);
            }
            // Substitute spellings (зуровари for зӯроварӣ) meet through the folded
            // layer, weighted down so that the exact spelling ranks first.
            std::string folded = lx.title ? std::string() : analyzer_.query_folded(t, language_);
            if (!folded.empty())
                forms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(std::string(terms::kFolded) + folded),
                                   kFoldedWeight);
            std::vector<std::string> readings;
            if (latin_tajik_ && t.lang == "en") readings = add_tajik_reading(t, lx.title, negated, forms);
            if (!t.folded.empty()) add_respellings(t, lx.title, negated, forms);
            parts.emplace_back(Xapian::Query::OP_OR, forms.begin(), forms.end());
            if (!negated) {
                out_.highlight_terms.insert(t.term);
                out_.words.push_back({t.raw, t.term, lx.start + t.start, lx.start + t.end, std::move(readings)});
            }
        }
        if (parts.empty()) return {};
        ++content_;
        if (parts.size() == 1) return parts.front();
        // "e-mail", "ҳимоя/ҷабрдида": pieces of one typed word must all occur.
        return Xapian::Query(Xapian::Query::OP_AND, parts.begin(), parts.end());
    }

    // A Latin word of a query in Latin-script Tajik is also read as Tajik
    // Cyrillic ("zurovari" → "зуровари"), with the same forms a Cyrillic word gets.
    // Returns the index terms searched for the readings.
    std::vector<std::string> add_tajik_reading(const Token& latin, bool title, bool negated,
                                               std::vector<Xapian::Query>& forms) {
        std::vector<std::string> readings;
        for (const Token& t : analyzer_.analyze(analyzer_.latin_to_tajik(latin.term), "tg")) {
            readings.push_back(raw_prefix(title) + t.term);
            if (!title && !t.folded.empty()) readings.push_back(std::string(terms::kFolded) + t.folded);
            forms.emplace_back(raw_prefix(title) + t.term);
            forms.emplace_back(stem_prefix(title) + t.stem);
            if (!title && !t.folded.empty())
                forms.emplace_back(Xapian::Query::OP_SCALE_WEIGHT, Xapian::Query(std::string(terms::kFolded) + t.folded),
                                   kFoldedWeight);
            if (!negated) {
                out_.highlight_terms.insert(t.term);
                out_.highlight_stems.insert(t.stem);
            }
        }
        return readings;
    }

    // A Cyrillic word the index does not know, but whose folded spelling is a
    // corpus word's ("зуровари" for "зӯроварӣ"), gets that word's exact forms:
    // it then ranks as if typed correctly. Known words are left alone, so
    // давлати never pulls in давлатӣ.
    void add_respellings(const Token& t, bool title, bool negated, std::vector<Xapian::Query>& forms) {
        if (!vocabulary_ || vocabulary_->term_exists(t.term)) return;
        std::string key = std::string(terms::kFoldedSpelling) + fold_tajik_letters_utf8(t.term);
        // Of several correct spellings (ҳуқуқи, ҳуқуқӣ) the commonest is taken:
        // the folded layer still finds the others, at its lower weight.
        std::string word;
        Xapian::doccount best = 0;
        for (auto it = vocabulary_->synonyms_begin(key); it != vocabulary_->synonyms_end(key); ++it) {
            Xapian::doccount frequency = vocabulary_->get_termfreq(*it);
            if (frequency > best) { best = frequency; word = *it; }
        }
        if (!word.empty()) {
            std::string stem = analyzer_.stem(word, "tg");
            forms.emplace_back(raw_prefix(title) + word);
            forms.emplace_back(stem_prefix(title) + stem);
            if (!negated) {
                out_.highlight_terms.insert(word);
                out_.highlight_stems.insert(stem);
            }
        }
    }

    std::vector<Lexeme> lx_;
    Analyzer& analyzer_;
    std::string_view language_;
    BuiltQuery& out_;
    const Xapian::Database* vocabulary_;
    size_t pos_ = 0;
    int content_ = 0;
    int stopwords_ = 0;
    bool keep_stopwords_ = false;

public:
    bool latin_tajik_ = false;  // the query is Tajik written in Latin letters
};

}  // namespace

BuiltQuery QueryBuilder::build(std::string_view query, std::string_view language) {
    BuiltQuery out;
    auto lexemes = lex(query);
    Xapian::Query q;
    {
        // Latin words are tried as Tajik when the query reads as Latin-script
        // Tajik (language identifier) or the user said the query is Tajik.
        bool latin_tajik = language == "tg" || (language != "en" && identify_language(query).latin_tajik);
        Parser parser(lexemes, analyzer_, language, out, vocabulary_);
        parser.latin_tajik_ = latin_tajik;
        q = parser.parse();
        if (parser.saw_only_stopwords()) {
            // "the", "и", "дар": a query of stopwords alone searches for them.
            out = BuiltQuery{};
            Parser again(lexemes, analyzer_, language, out, vocabulary_);
            again.latin_tajik_ = latin_tajik;
            again.keep_stopwords();
            q = again.parse();
        }
    }
    out.empty = q.empty();
    out.query = out.empty ? match_all() : q;
    return out;
}

}  // namespace himoya
