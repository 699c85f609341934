// A light suffix-stripping stemmer for Tajik (Cyrillic), as a
// Xapian::StemImplementation so it plugs into Xapian::Stem like Snowball.
//
// It strips inflection only, outermost first: clitic -у/-ю/-ву, accusative
// -ро, izofat -и (-ии → -ӣ), indefinite -е, possessives -амон -атон -ашон
// -аш (-ям -ят -яш ... after vowels), plurals -ҳо -он -гон -ён -ҷот -от -ин,
// comparatives -тар -тарин. Derivation (-ӣ, -гар, -ист ...) is kept, so
// давлат "state" and давлатӣ "state's/public" stay apart.
//
// Verbs: the present/future (ме- or наме- + present stem + personal ending)
// becomes ме- + stem, and so does the subjunctive (stem + ending, negated
// на-) when its stem is on a list of present stems seen with ме- in our
// texts: медиҳад, намедиҳад, диҳанд, надиҳад → медиҳ. The ме- stays on, so a
// verb never meets a noun spelled like its stem (мезанад "beats", зан
// "woman"). Nouns are safe because ме- alone is never stripped (мева,
// меъёр), -ӣ after ме- needs a listed stem (меъёрӣ), and -анд/-ад without
// ме- need one too (фарзанд, мақсад). би- is left alone.
//
// Two modes. kCanonical reads correctly spelled words. kFolded reads words
// whose Tajik letters were folded to keyboard substitutes (ҳ→х, ӣ→и ...,
// see fold_tajik_letters): -хо is a plural there, and since ӣ and и are one
// letter, a final -и/-ии is dropped altogether. The folded term layer uses it.
//
// Thread-safety: stateless after construction; Xapian::Stem copies share it,
// and Xapian::Stem itself is not thread-safe, so use one per thread.
#pragma once

#include <string>

#include <xapian.h>

namespace himoya {

class TajikStemmer : public Xapian::StemImplementation {
public:
    enum class Mode { kCanonical, kFolded };
    // Stems shorter than this many letters are never produced.
    static constexpr size_t kMinStem = 3;

    explicit TajikStemmer(Mode mode = Mode::kCanonical) : mode_(mode) {}

    std::string operator()(const std::string& word) override;
    std::string get_description() const override;

private:
    Mode mode_;
};

// The base of a word under a personal possessive the stemmer keeps: -ам "my"
// and -ат "your" (-ям, -ят after a vowel), also before the object ending -ро
// (шавҳарам, шавҳаратро, занамро → шавҳар, зан). They end too many nouns
// (давлат, қалам, олам) to be stripped from every word, so the query side
// tries the base only for a word the index does not know, and only when the
// index knows the base (search/query_builder.cc). Empty when the word has no
// such ending or the base would be shorter than TajikStemmer::kMinStem. The
// word is expected lower-cased; keyboard substitutes are read as typed.
std::string tajik_possessive_base(const std::string& word);

}  // namespace himoya
