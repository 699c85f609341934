// References between legal texts, found in the words legal texts use in each
// language (issue "knowledge base round 2", connected provisions):
//   "моддаи 93² Кодекси ҳуқуқвайронкунии маъмурӣ", "статья 93² КоАП",
//   "статьёй 117 Уголовного кодекса", "Article 52 of the Convention",
//   "Articles 8–12", "§ 741.28", and acts named without an article
//   ("the Criminal Code", "Кодекси оила", "the Istanbul Convention").
// This file only reads text; which provision a reference points at is decided
// over the whole index (search/references.h), where the acts are known.
//
// What is recognised, per language:
//   article words  en article(s), art., section(s), §; ru статья in every case,
//                  ст.; tg модда, моддаи, моддаҳои (also typed without ҳ);
//   numbers        7, 93², 143¹ (superscripts read as 93-2, 143-1), 93-1,
//                  130-1, 741.28; lists and ranges ("8–12", "25 to 27",
//                  "93¹ и 93²", "174 ва 175"), a range expanded up to 50 numbers;
//   named acts     a law, decree, resolution or constitution by its number,
//                  date or year, without an article: "Law No. 761 of 4 May
//                  2017", "Law of the Republic of Tajikistan No. 613",
//                  "постановлением № 433", "қонуни соли 2013". A date is the
//                  act's only with "of"/"от"/"аз" or the Tajik izofat
//                  ("қонуни 22 июни"); "приняла закон 4 февраля", "Қонунро 4
//                  феврали … қабул карданд", "Қонун аз 22 марти … татбиқ
//                  мешавад" tell when the act was adopted or applies: no
//                  reference ("Қонун аз 15 марти соли 2016, № 1290", with its
//                  number, is one);
//   titled acts    an act noun (law, code, convention, regulation, programme,
//                  strategy, instruction …) with its title: in quotes («…»,
//                  "…") or after on/о/об/дар бораи/оид ба, past the words of
//                  a state ("Закон Республики Таджикистан «О …»"), with the
//                  year after it ("Закон о защите от насилия в семье 2013
//                  года": act_year);
//   instruments    resolutions and general recommendations by number
//                  ("resolution 34/180", "Resolution 1325", "Общая
//                  рекомендация № 19", "Тавсияи умумии № 33"); optional and
//                  additional protocols; an instrument named by a proper noun
//                  beside it ("Rome Statute", "Женевские конвенции",
//                  "Оинномаи Рим", "Violent Crime Control … Act"); CEDAW and
//                  КЛДЖ alone (not "CEDAW Committee", not "CEDAW/C/…");
//   not references gazette items ("Ахбори …, 2013, №3, ст. 197": an article
//                  word right after an issue number);
//   the act        what follows the numbers: this/настоящий/ҳамин (the text's
//                  own act), a criminal, administrative-offences or family code,
//                  the Istanbul Convention, CEDAW, a convention unnamed, or
//                  another act (a law, the constitution), with its title when
//                  one follows ("Article 7 of the Law on the Prevention of
//                  Violence in the Family", "статьи 7 Закона Республики
//                  Таджикистан «О …»"); the same/того же/ҳамон + act noun: the
//                  act named before it in the text; nothing: implied. The
//                  article's own title in quotes may come between the numbers
//                  and the act ("Article 126-1 "Family (domestic) violence" to
//                  the Criminal Code"), and a code may come before an article
//                  it is supplemented with ("дополнил Уголовный кодекс статьёй
//                  126-1", "Кодекси ҷиноятиро бо моддаи 126-1").
// A Tajik izofat after a number ("93²-и") is skipped.
//
// Thread-safe: pure functions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace himoya {

// Which act a reference names. `implied`: an article with no act after it
// (inside a law: that law). `convention`: "the Convention", unnamed.
enum class ActKind {
    implied,
    self,
    criminal_code,
    admin_code,
    family_code,
    istanbul_convention,
    cedaw,
    convention,
    other,
};

// "implied", "self", "criminal-code", "admin-code", "family-code",
// "istanbul-convention", "cedaw", "convention", "other" (the API's names).
const char* act_name(ActKind act);

struct TextReference {
    size_t begin = 0, end = 0;           // byte range of the reference in the text
    std::vector<std::string> articles;   // normalised numbers ("93-2"), chapters as "chapter-61"; empty: the whole act
    ActKind act = ActKind::implied;
    // An act named by its number or year ("Law No. 196 of 28 July 2016",
    // "постановление № 478", "the 2013 Law", "қонуни соли 2013"): what
    // identifies it, for resolution; empty otherwise.
    std::string act_number;  // "196"
    int act_year = 0;        // 2013
    std::string act_date;    // "2016-07-28" when a full date is given
    bool bare_law = false;   // the act is only "the Law" / "Закона" / "Қонуни", unnamed
    // An instrument cited by its number among others ("General Recommendations
    // No. 19 and 35", "resolutions 1820 (2008), 1888 (2009)"): the numbers
    // after act_number.
    std::vector<std::string> more_numbers;
    // An act named by its title ("Закон «О браке и семье»", "Law on marriage
    // and family", "Қонун дар бораи никоҳ ва оила"): the title's words, lower
    // case, for resolution; empty otherwise.
    std::string act_title;
    // "resolution" or "recommendation" when a numbered UN instrument is cited
    // ("resolution 34/180", "General Recommendation No. 19"): the work type it
    // is looked up in, across jurisdictions.
    std::string instrument;
    // The kind of act a title or name was given with, for resolution: "law",
    // "code", "convention", "programme", "regulation", "decree", "declaration"
    // ("" when not said).
    std::string act_noun;
    // "paragraph 1 of Article 13", "части 2 статьи 13", "қисми 2-и моддаи 13":
    // the paragraph, when one article is cited with it ("" otherwise).
    std::string paragraph;
    // A law of another place by its year: "Republika Srpska law of 2012",
    // "закон Республики Сербской 2012 года", "қонуни ФБиҲ аз соли 2013",
    // "қонуни соли 2012-и Ҷумҳурии Серб" (the place after the year, joined by
    // the izofat): the words naming the place, as written, for resolution ("" otherwise).
    std::string act_place;
    // An act named again: "Article 73 of the same Code", "статье 73 того же
    // Кодекса", "ҳамон Кодекс". Its act is the one named by the earlier
    // reference `antecedent` (copied here), else `other`: never the citing act.
    bool same_act = false;
    // The earlier reference (an index into find_references' result) that
    // names an act of the same noun ("the Code of Administrative Offences"
    // before "the same Code", or before "ҳамин Кодекс", which is "this Code"
    // or "that same Code": the resolver reads it as the citing act only when
    // the citing act is of that kind); -1 when none.
    int antecedent = -1;

    // Takes the act `before` names (kind, number, year, date, title, place):
    // an act named again ("the same Code") is the act named before.
    void take_act_of(const TextReference& before) {
        act = before.act;
        act_number = before.act_number;
        act_year = before.act_year;
        act_date = before.act_date;
        act_title = before.act_title;
        act_place = before.act_place;
        bare_law = before.bare_law;
    }
};

// Every reference in `text` (UTF-8), in order. `lang` (tg ru en) is a hint
// only: the words of all three languages are recognised in any text.
std::vector<TextReference> find_references(std::string_view text, std::string_view lang = "");

// The act a title names ("Criminal Code of the Republic of Tajikistan …" →
// criminal_code; "Council of Europe Convention on preventing and combating
// violence against women …" → istanbul_convention); implied when none.
ActKind act_of_title(std::string_view title);

// The paragraphs a unit covers when it is a paragraph of an article: its
// id names the article ("art_13_2") and its number is not that article's
// ("2-4": paragraphs 2 to 4). Empty for a whole article or any other unit.
std::vector<std::string> paragraphs_of_unit(std::string_view num, std::string_view unit_id);

// The articles a unit covers, from its number, its id and the opening of its
// label and heading: num "7", id "arts_174_175", heading "Articles 8–12.
// Definitions", "Моддаи 93¹. …". Normalised as in TextReference.
std::vector<std::string> articles_of_unit(std::string_view num, std::string_view unit_id, std::string_view label,
                                          std::string_view heading);

// A number as references store it: superscript digits become "-N"
// ("93²" → "93-2"), a trailing dot is dropped.
std::string normalise_article_number(std::string_view number);

}  // namespace himoya
