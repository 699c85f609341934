#include "search/spelling_suggestion.h"

#include <algorithm>
#include <bit>
#include <string_view>
#include <vector>

#include <unicode/uchar.h>

#include "analysis/analyzer.h"
#include "analysis/language.h"
#include "analysis/normalizer.h"
#include "analysis/term_scheme.h"
#include "analysis/utf32.h"

namespace himoya {
namespace {

// Of the corpus words that differ from `word` only in Tajik letters and their
// keyboard substitutes (зӯровари, зӯроварӣ), the commonest: a suggestion in
// the spelling the texts use most, never a rare variant that is itself a slip.
std::string commonest_spelling(const Xapian::Database& db, const std::string& word) {
    if (word.empty()) return word;
    std::string key = std::string(terms::kFoldedSpelling) + fold_tajik_letters_utf8(word);
    std::string best = word;
    Xapian::doccount best_frequency = db.get_termfreq(word);
    for (auto it = db.synonyms_begin(key); it != db.synonyms_end(key); ++it) {
        Xapian::doccount frequency = db.get_termfreq(*it);
        if (frequency > best_frequency) {
            best_frequency = frequency;
            best = *it;
        }
    }
    return best;
}

// Letters in a UTF-8 word (continuation bytes not counted).
size_t letters(const std::string& word) {
    return static_cast<size_t>(std::count_if(word.begin(), word.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// How many edits a suggestion may be from a word of `n` letters: two edits
// make almost any short word into another ("ҳукм" into "ук", "ҳукми" into
// the ordinal ending "уми"), so words up to five letters get one, and words
// of two letters or fewer none.
unsigned max_edits(size_t n) { return n <= 2 ? 0 : n <= 5 ? 1 : 2; }

// Whether the word is in the texts under another spelling of its Tajik
// letters ("химояви" for "ҳимоявӣ"): the suggestion is that spelling, not the
// nearest word by edits ("ҳимоявии").
bool known_folded(const Xapian::Database& db, const std::string& word) {
    const std::string key = std::string(terms::kFoldedSpelling) + fold_tajik_letters_utf8(word);
    return db.synonyms_begin(key) != db.synonyms_end(key);
}

// Whether some Tajik text writes the word as typed: then it is Tajik as
// typed (давлати, the izofat of давлат, beside the commoner давлатӣ) and
// never respelled. "никох" is in the index only from a Russian text that
// transliterates никоҳ.
bool in_tajik_text(const Xapian::Database& db, const std::string& word) {
    Xapian::Enquire enquire(db);
    enquire.set_query(Xapian::Query(Xapian::Query::OP_FILTER, Xapian::Query(word),
                                    Xapian::Query(terms::boolean_term(terms::kLanguage, "tg"))));
    enquire.set_weighting_scheme(Xapian::BoolWeight());
    return enquire.get_mset(0, 0, 1).get_matches_lower_bound() > 0;
}

// A Tajik word typed with keyboard substitutes in a form no text has
// ("чабрдидахоро", "тачовузи"), whose folded stem is a corpus word's: of the
// corpus words of that folded stem, the one sharing the longest start with
// it (then the commonest), in its Tajik letters; "" when there is none.
std::string same_folded_stem_word(const Xapian::Database& db, Analyzer& analyzer, const std::string& word) {
    constexpr size_t kMaxKeys = 200;  // keys beginning with one stem: a few dozen at most in practice
    const std::string stem = analyzer.folded_stem(word);
    if (stem.empty()) return {};
    const std::string prefix = std::string(terms::kFoldedSpelling) + stem;
    std::string best;
    size_t best_shared = 0;
    Xapian::doccount best_frequency = 0;
    size_t seen = 0;
    for (auto key = db.synonym_keys_begin(prefix); key != db.synonym_keys_end(prefix) && seen < kMaxKeys; ++key, ++seen) {
        const std::string folded = (*key).substr(terms::kFoldedSpelling.size());
        if (analyzer.folded_stem(folded) != stem) continue;  // another word that begins so
        const auto shared = static_cast<size_t>(
            std::mismatch(folded.begin(), folded.end(), word.begin(), word.end()).first - folded.begin());
        const std::string spelling = commonest_spelling(db, *db.synonyms_begin(*key));
        const Xapian::doccount frequency = db.get_termfreq(spelling);
        if (shared > best_shared || (shared == best_shared && frequency > best_frequency)) {
            best = spelling;
            best_shared = shared;
            best_frequency = frequency;
        }
    }
    return best;
}

// The Tajik letter a keyboard substitute stands for (х → ҳ), or 0: the
// inverse of the one folding table (analysis/normalizer.h).
char32_t tajik_letter(char32_t c) {
    for (char32_t t : {U'ҷ', U'ҳ', U'қ', U'ғ', U'ӯ', U'ӣ'})
        if (fold_tajik_letter(t) == c) return t;
    return 0;
}

// `typed` in the Tajik letters of `model`, another form of its stem:
// restore_tajik_letters along the start they share, then, past it (the
// ending `model` does not have: "чабрдидахоро" after ҷабрдида), the fewest
// substitutes made Tajik letters that give the form the Tajik stem of
// `model` — the Tajik stemmer knows the endings (-ҳо, -ро, -и, -ӣ …).
std::string tajik_form_of(Analyzer& analyzer, const std::string& typed, const std::string& model) {
    constexpr size_t kMaxLetters = 4;  // substitutes tried in the ending: 16 forms at most
    const std::string restored = restore_tajik_letters(typed, model);
    const std::string stem = analyzer.stem(model, "tg");
    if (analyzer.stem(restored, "tg") == stem) return restored;
    const std::u32string r = utf8_to_u32(restored);
    const std::u32string m = utf8_to_u32(model);
    size_t shared = 0;
    while (shared < r.size() && shared < m.size() && fold_tajik_letter(r[shared]) == fold_tajik_letter(m[shared])) ++shared;
    std::vector<size_t> at;
    for (size_t i = shared; i < r.size() && at.size() < kMaxLetters; ++i)
        if (tajik_letter(r[i]) && (r[i] != U'и' || i + 1 == r.size())) at.push_back(i);  // ӣ ends a word
    for (unsigned n = 1; n <= at.size(); ++n)
        for (unsigned mask = 1; mask < (1u << at.size()); ++mask) {
            if (static_cast<unsigned>(std::popcount(mask)) != n) continue;
            std::u32string form = r;
            for (size_t b = 0; b < at.size(); ++b)
                if (mask & (1u << b)) form[at[b]] = tajik_letter(form[at[b]]);
            const std::string candidate = u32_to_utf8(form);
            if (analyzer.stem(candidate, "tg") == stem) return candidate;
        }
    return restored;
}

// A word the index does not hold as typed, typed without its Tajik letters,
// given them back: the commonest corpus spelling of the same letters
// ("тачовуз": таҷовуз), else the form typed of a corpus word of the same
// folded stem; "" when neither is found.
std::string tajik_letters_back(const Xapian::Database& db, Analyzer& analyzer, const std::string& word) {
    if (known_folded(db, word)) return commonest_spelling(db, word);
    const std::string model = same_folded_stem_word(db, analyzer, word);
    return model.empty() ? model : tajik_form_of(analyzer, word, model);
}

// The spelling suggested for a word the index does not know, or "" for none.
// `substitute`: the word may be Tajik typed with keyboard substitutes (a
// Tajik query, no Tajik letter typed).
std::string respelling(const Xapian::Database& db, Analyzer& analyzer, const std::string& word, bool substitute) {
    if (known_folded(db, word)) return commonest_spelling(db, word);  // its Tajik letters, as the texts write them
    if (substitute)
        if (std::string model = same_folded_stem_word(db, analyzer, word); !model.empty())
            return tajik_form_of(analyzer, word, model);  // a form of a corpus word: only its letters given back
    const unsigned edits = max_edits(letters(word));
    if (edits == 0) return {};
    // A word the word lexicon knows is a word, spelled right, though no text
    // writes it so: its translations are searched ("мезанад" is not
    // "мекунад", "невестка" not "повестка").
    for (const char* lang : {"tg", "ru", "en"}) {
        const std::string key = std::string(terms::kTranslation) + analyzer.stem(word, lang);
        if (db.synonyms_begin(key) != db.synonyms_end(key)) return {};
    }
    std::string nearest = db.get_spelling_suggestion(word, edits);
    if (nearest.empty()) return {};
    // Slips seldom fall on a word's first letter: two edits that change it
    // make another word ("кайнона" is no slip for "занона"), so a change of
    // the first letter is taken one edit away only.
    if (edits > 1 && utf8_to_u32(nearest).front() != utf8_to_u32(word).front()) {
        nearest = db.get_spelling_suggestion(word, 1);
        if (nearest.empty()) return {};
    }
    // A word of a query that is not Tajik is not made a Tajik word: "избили
    // жену" is no slip for "қабили" (a Tajik word the texts hold).
    if (!substitute && has_foldable_letter(nearest) && !has_foldable_letter(word)) return {};
    // Another form of the word's own stem: the word is spelled right (the
    // index finds it through the stem), it is only a form no text has. A
    // suggestion that rewrote its ending would correct the reader's grammar.
    // The Tajik letters it was typed without are still given back.
    if (same_stem(analyzer, word, nearest))
        return substitute && has_foldable_letter(nearest) ? tajik_form_of(analyzer, word, nearest) : word;
    return commonest_spelling(db, nearest);
}

// `word` (a canonical, lower-case spelling) in the case the reader typed
// `raw` in: "Точикистон" → Тоҷикистон, "ОБСЕ" stays in capitals.
std::string in_typed_case(const std::string& raw, const std::string& word) {
    const std::u32string typed = utf8_to_u32(raw);
    auto upper = [](char32_t c) { return u_isupper(static_cast<UChar32>(c)) != 0; };
    auto letter = [](char32_t c) { return u_isalpha(static_cast<UChar32>(c)) != 0; };
    const size_t letters = static_cast<size_t>(std::count_if(typed.begin(), typed.end(), letter));
    const bool all = letters >= 2 && static_cast<size_t>(std::count_if(typed.begin(), typed.end(), upper)) == letters;
    if (typed.empty() || (!all && !upper(typed.front()))) return word;
    std::u32string out = utf8_to_u32(word);
    for (size_t i = 0; i < out.size() && (all || i == 0); ++i) out[i] = static_cast<char32_t>(u_toupper(static_cast<UChar32>(out[i])));
    return u32_to_utf8(out);
}

struct Respelled {
    size_t start = 0, end = 0;  // bytes of the query replaced
    std::string text;
};

// The Tajik letters typed somewhere in `query`: its writer has them on the
// keyboard, so a substitute of one of them typed elsewhere is meant as typed
// ("телефони боварӣ": whoever types ӣ in боварӣ means the izofat и of
// телефони, not телефонӣ).
std::u32string tajik_letters_typed(const std::string& query) {
    std::u32string out;
    for (char32_t c : utf8_to_u32(query)) {
        const char32_t lower = static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
        if (std::u32string_view(U"ҷҳқғӯӣ").find(lower) != std::u32string_view::npos && out.find(lower) == std::u32string::npos)
            out.push_back(lower);
    }
    return out;
}

// `better` with each Tajik letter of `typed_letters` put back to the
// substitute `typed` has there, when `better` only gives `typed` its letters
// back (the two are one word once folded): a letter the writer could type
// and did not is not restored.
std::string keep_substitutes_meant(const std::string& typed, const std::string& better, const std::u32string& typed_letters) {
    if (typed_letters.empty()) return better;
    const std::u32string t = utf8_to_u32(typed);
    std::u32string b = utf8_to_u32(better);
    if (t.size() != b.size()) return better;
    for (size_t i = 0; i < t.size(); ++i)
        if (fold_tajik_letter(t[i]) != fold_tajik_letter(b[i])) return better;  // a correction, not letters given back
    for (size_t i = 0; i < t.size(); ++i)
        if (b[i] != t[i] && typed_letters.find(b[i]) != std::u32string::npos) b[i] = t[i];
    return u32_to_utf8(b);
}

}  // namespace

bool same_stem(Analyzer& analyzer, const std::string& typed, const std::string& candidate) {
    if (typed == candidate) return true;
    for (std::string_view lang : {"en", "ru", "tg"}) {
        const std::string t = analyzer.stem(typed, lang);
        const std::string c = analyzer.stem(candidate, lang);
        if (t == c || t == candidate || c == typed) return true;
    }
    return (has_foldable_letter(typed) || has_foldable_letter(candidate)) &&
           analyzer.folded_stem(typed) == analyzer.folded_stem(candidate);
}

std::string restore_tajik_letters(const std::string& typed, const std::string& model) {
    constexpr char32_t kFinalI = U'\u04E3';  // ӣ
    std::u32string t = utf8_to_u32(typed);
    const std::u32string m = utf8_to_u32(model);
    for (size_t i = 0; i < t.size() && i < m.size(); ++i) {
        if (fold_tajik_letter(t[i]) != fold_tajik_letter(m[i])) break;
        if (t[i] == m[i] || t[i] != fold_tajik_letter(m[i])) continue;  // as typed, or typed with the Tajik letter
        if (m[i] == kFinalI && (i + 1 != m.size() || i + 1 != t.size())) continue;
        t[i] = m[i];
    }
    return u32_to_utf8(t);
}

std::optional<std::string> spelling_suggestion(const Xapian::Database& db, Analyzer& analyzer, const BuiltQuery& built,
                                               const std::string& query) {
    // A Tajik query (as the language identifier reads it, or with a Tajik
    // letter typed): its words without Tajik letters may be Tajik typed with
    // keyboard substitutes, and each gets its letters back.
    const bool tajik = identify_language(query).lang == "tg" ||
                       std::any_of(built.words.begin(), built.words.end(),
                                   [](const QueryWord& w) { return has_foldable_letter(w.term); });
    const std::u32string typed_letters = tajik_letters_typed(query);
    std::vector<Respelled> changes;
    for (const QueryWord& w : built.words) {
        const bool substitute = tajik && may_be_substitute_spelling(w.term);
        const bool known = db.term_exists(w.term);
        std::string better;
        if (known || w.in_label) {
            // Spelled right — in the index as typed, or a thesaurus label's
            // word ("bride kidnapping" is no slip for "bring kidnapping") —
            // but maybe Tajik typed without its letters, which it gets back.
            // "никох" is in the index from a Russian text; the Tajik texts
            // write никоҳ ("тачовуз дар никох"). A word some Tajik text writes
            // as typed is Tajik as typed (давлати beside давлатӣ).
            if (!substitute) continue;
            if (!known) {
                better = tajik_letters_back(db, analyzer, w.term);
            } else if (known_folded(db, w.term) && !in_tajik_text(db, w.term)) {
                better = commonest_spelling(db, w.term);
            }
        } else if (std::any_of(w.reading_terms.begin(), w.reading_terms.end(),
                               [&](const std::string& t) { return db.term_exists(t); })) {
            continue;  // "tojikiston" is known as тоҷикистон
        } else {
            better = respelling(db, analyzer, w.term, substitute);
        }
        better = keep_substitutes_meant(w.term, better, typed_letters);
        if (better.empty() || better == w.term) continue;
        changes.push_back({w.start, w.end, in_typed_case(w.raw, better)});
    }
    if (changes.empty()) return std::nullopt;
    std::sort(changes.begin(), changes.end(), [](const Respelled& a, const Respelled& b) { return a.start < b.start; });
    std::string suggestion;
    size_t cursor = 0;
    for (const Respelled& c : changes) {
        if (c.start < cursor) continue;  // a word's pieces ("e-mail") overlap no other word; never cut back
        suggestion += query.substr(cursor, c.start - cursor) + c.text;
        cursor = c.end;
    }
    return suggestion + query.substr(cursor);
}

bool names_more_concepts(const BuiltQuery& typed, const BuiltQuery& suggested) {
    return std::any_of(suggested.matched_concepts.begin(), suggested.matched_concepts.end(),
                       [&](const std::string& c) { return typed.matched_concepts.count(c) == 0; });
}

}  // namespace himoya
