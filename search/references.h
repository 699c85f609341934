// Connected provisions: which provisions a provision refers to, and which
// refer to it (issue "knowledge base round 2", point 4). References are found
// in each language version's text (analysis/references.h) and resolved here,
// where every act of the index is known:
//   - an article with no act, or of "this Law", points into the citing work
//     when that work is an act (law, code, convention …), else it is unresolved;
//     in an act whose title says it amends a code ("… amending the Family
//     Code", "об изменениях в Семейный кодекс"), into that code;
//   - a criminal, administrative-offences or family code: the work of the
//     citing document's jurisdiction whose title names that code;
//   - the Istanbul Convention or CEDAW: the works whose titles name them (the
//     Istanbul Convention is split over two works here); "the Convention"
//     unnamed: the citing work when it is a convention, else the convention
//     its title names (a general recommendation on CEDAW);
//   - an act named by its title ("Закон «О браке и семье»", "Article 7 of
//     the Law on the Prevention of Violence in the Family"): the citing work
//     when its own title (or alias) holds it and its type fits the noun (a
//     programme is not the "Law on …" its title echoes), else the work of the
//     citing jurisdiction, or an international one, whose titles or aliases
//     hold every word of it (title_matches), when only one does; a year
//     given with the title ("Закон о защите от насилия в семье 2013 года")
//     admits only a work of that year, the citing one included;
//   - "the same Code" ("того же Кодекса", "ҳамон Кодекс"), and "this Code" /
//     "ҳамин Кодекс" in an act that is not a code: the act named before it in
//     the text (TextReference::antecedent), else unresolved — never the
//     citing act;
//   - a law named with another place and a year ("Republika Srpska law of
//     2012", "қонуни ФБиҲ аз соли 2013"): the one law of that place and year;
//   - a numbered UN instrument ("resolution 1325", "General Recommendation
//     No. 35"): a work of that type whose source number holds the number;
//   - the provisions of the target work that cover one of the articles
//     (num, unit id, the opening of label or heading: articles_of_unit);
//     an article the citing act does not hold, with no act named ("§ 741.30"
//     in Chapter 741's summary), is the one work of the jurisdiction whose
//     title names that article ("Florida Statutes § 741.30"), as a whole.
// A reference whose act or article is not in the index is kept, unresolved,
// and listed as such — never guessed. A provision's reference to itself
// ("Article 7 lists …" inside Article 7) is dropped.
//
// Built once per database state (like search/facet_columns.h) from the stored
// records: one pass over every provision, shared by all threads. Immutable
// once built.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include <xapian.h>

#include "analysis/references.h"
#include "search/places.h"

namespace himoya {

// One language version of one provision, as the graph needs it.
struct ReferenceUnit {
    std::string provision_id, document_id, work_id, unit_id, lang, jurisdiction, type, title;
    bool original = false;
    std::string date;    // the document's (YYYY-MM-DD): "the 2013 Law" is found by its year
    std::string number;  // the document's source number: "Decree No. 294" finds "No. 294 of 3 May 2014" 
    std::string num, label, heading, text;
    std::vector<std::string> aliases;  // the work's popular names (<aliases>): matched like its titles
};

struct ResolvedReference {
    std::string surface;                // the words of the text that make the reference
    std::vector<std::string> articles;  // normalised; empty: the act as a whole
    ActKind act = ActKind::implied;     // as named (implied: no act named)
    std::vector<std::string> works;     // the works pointed at (an act kept as several); empty when not in the index
    std::vector<std::string> targets;   // provision ids (a version per unit), empty when unresolved
    // The article cited is a work as a whole: "§ 741.30" is the work "Florida
    // Statutes § 741.30", whose units are its subsections.
    bool whole_work = false;
    bool resolved() const { return !targets.empty() || ((articles.empty() || whole_work) && !works.empty()); }
};

class ReferenceGraph {
public:
    // `places` (may be null) reads the place a law is named with ("Republika
    // Srpska law of 2012"), through `analyzer`; both are used only here.
    explicit ReferenceGraph(std::vector<ReferenceUnit> units, const PlaceRecognizer* places = nullptr,
                            Analyzer* analyzer = nullptr);

    // The graph of `db` as it is now, built on first use and kept per
    // database state. Safe from many threads.
    static std::shared_ptr<const ReferenceGraph> of(const Xapian::Database& db);

    // What the provision version refers to, in text order.
    const std::vector<ResolvedReference>& refers_to(const std::string& provision_id) const;
    // The provisions that refer to it: for each citing unit, its version in
    // `provision_id`'s language when there is one, else its original.
    std::vector<std::string> referred_by(const std::string& provision_id) const;
    // The document version of `work` in `lang`, else its original ("" if none).
    std::string document_of(const std::string& work, const std::string& lang) const;
    // A document's title ("" if unknown).
    std::string title_of(const std::string& document_id) const;

    size_t reference_count() const { return references_; }

    // Where a provision version stands, for showing a link to it.
    struct UnitInfo {
        std::string document_id, unit_id, label, heading;
    };
    const UnitInfo* unit(const std::string& provision_id) const;

private:
    struct Work {
        std::string jurisdiction, type, number, date;
        std::vector<std::string> number_groups;  // the digit runs of its source number ("S/RES/1325 (2000)": 1325, 2000)
        std::vector<std::u32string> title_words;  // word prefixes of all its versions' titles and aliases (title_matches)
        std::vector<std::string> title_articles;  // the article its title names it by ("Florida Statutes § 741.30": 741.30)
        int year = 0;
        ActKind act = ActKind::implied;
        // The convention its title names when it is not one itself ("CEDAW
        // General Recommendation No. 35": CEDAW): what "the Convention" means in it.
        ActKind title_convention = ActKind::implied;
        // The code or convention an amending act's title names ("Law No. 613
        // … amending the Family Code"): what its bare article numbers mean.
        ActKind amends = ActKind::implied;
        std::map<std::string, std::string> documents;  // lang → document id
        std::string original_document;
        std::vector<std::string> groups;  // its units (version groups), in order
    };
    struct Group {
        std::string work;
        std::vector<std::string> articles;
        std::vector<std::string> paragraphs;            // when it is a paragraph of an article (paragraphs_of_unit)
        std::map<std::string, std::string> versions;  // lang → provision id
        std::string original;                          // provision id of the original version
    };
    std::string version_of(const Group& g, const std::string& lang) const;

    std::map<std::string, Work> works_;
    std::map<std::string, Group> groups_;                          // work/unit → group
    std::map<std::string, std::string> group_of_;                  // provision id → group
    std::map<std::string, UnitInfo> units_;                        // provision id → where it stands
    std::map<std::string, std::string> titles_;                    // document id → title
    std::map<std::string, std::vector<ResolvedReference>> refers_; // provision id → references
    std::map<std::string, std::vector<std::string>> cited_by_;     // group → citing groups
    size_t references_ = 0;
};

}  // namespace himoya
