#include "search/references.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <mutex>
#include <set>

#include <unicode/uchar.h>

#include "analysis/utf32.h"
#include "search/database_state.h"
#include "search/stored_records.h"

namespace himoya {
namespace {

// Document types that are acts: a bare "Article 7" in them means their own article.
bool is_act_type(const std::string& type) {
    static const std::set<std::string> acts{"law", "code", "convention", "declaration", "resolution", "regulation",
                                            "programme", "decree", "constitution", "treaty", "statute", "bylaw"};
    return acts.count(type) > 0;
}

bool is_convention(ActKind k) { return k == ActKind::istanbul_convention || k == ActKind::cedaw; }

// An act's own number from its source number field, when the field opens
// with it ("No. 294 of 3 May 2014" gives "294"); a field that opens with a
// gazette ("Akhbori Majlisi Oli 2013, No. 3 ...") gives none.
// "3143-IIs" and "3143" are one number.
std::string leading_number(const std::string& n) {
    size_t end = 0;
    while (end < n.size() && std::isdigit(static_cast<unsigned char>(n[end]))) ++end;
    return end ? n.substr(0, end) : n;
}

std::string own_number(const std::string& field) {
    size_t at = 0;
    const std::string sign = "\u2116";
    if (field.rfind("No.", 0) == 0) at = 3;
    else if (field.rfind(sign, 0) == 0) at = sign.size();
    else return "";
    while (at < field.size() && field[at] == ' ') ++at;
    size_t end = at;
    while (end < field.size() && (std::isalnum(static_cast<unsigned char>(field[end])) || field[end] == '-')) ++end;
    return field.substr(at, end - at);
}

// The number a UN instrument is cited by, from its source number: its digit
// runs joined by "/", a year in brackets left out: "S/RES/1325 (2000)" →
// 1325, "A/RES/48/104" → 48/104, "CEDAW/C/GC/35" → 35.
std::vector<std::string> digit_groups(const std::string& number) {
    std::vector<std::string> runs;
    std::string run;
    for (char c : number.substr(0, number.find('(')) + " ") {
        if (std::isdigit(static_cast<unsigned char>(c))) {
            run += c;
        } else if (!run.empty()) {
            runs.push_back(run);
            run.clear();
        }
    }
    std::string joined;
    for (const std::string& r : runs) joined += (joined.empty() ? "" : "/") + r;
    return joined.empty() ? std::vector<std::string>{} : std::vector<std::string>{joined};
}

// Title words are compared by their first letters (at most 5, one fewer
// than the word): "браке" and "брака", "prevention" and "preventing" agree.
// Words under 4 letters (on, о, ба, дар, the) are not compared.
std::u32string title_key(const std::u32string& word) { return word.substr(0, std::min<size_t>(5, word.size() - 1)); }

std::vector<std::u32string> title_keys(const std::string& title) {
    std::vector<std::u32string> out;
    std::u32string word;
    for (char32_t c : utf8_to_u32(title) + U" ") {
        if (u_isalpha(static_cast<UChar32>(c))) {
            word += static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)));
        } else {
            if (word.size() >= 4) out.push_back(title_key(word));
            word.clear();
        }
    }
    return out;
}

// A title of an act that amends another: "amending", "об изменениях",
// "дополнениях", "дар бораи тағйирот / тағйиру иловаҳо".
bool is_amending_title(const std::string& title) {
    std::string lower;
    for (char32_t c : utf8_to_u32(title)) lower += u32_to_utf8(std::u32string(1, static_cast<char32_t>(u_tolower(static_cast<UChar32>(c)))));
    for (const char* word : {"amending", "amendments to", "изменени", "дополнени", "тағйир"})
        if (lower.find(word) != std::string::npos) return true;
    return false;
}

// A work of this type can be an act named with this noun ("law", "code" …:
// TextReference::act_noun); a noun not said fits any type.
bool type_fits(const std::string& noun, const std::string& type) {
    if (noun.empty()) return true;
    if (noun == "law" || noun == "code") return type == "law" || type == "code";
    if (noun == "convention") return type == "treaty";
    if (noun == "programme") return type == "programme";
    if (noun == "declaration") return type == "resolution" || type == "treaty";
    return type == "regulation" || type == "decree" || type == "instruction";
}

// The citing work is the act "this X" names when X is its kind: "this Code"
// in a code, "ҳамин Кодекс" not in a law (there it is the code named before);
// a noun not said fits any.
bool is_own_kind(const std::string& noun, const std::string& type) {
    if (noun.empty()) return true;
    if (noun == "law") return type == "law";
    if (noun == "code") return type == "code";
    return type_fits(noun, type);
}

// The words of a cited title are in the work's titles (in any of its
// languages): all of them, or its first three when the text runs on past
// the title ("о предупреждении насилия в семье действует …": a title
// without quotes has no end the detector can see). One word names no act.
bool title_matches(const std::vector<std::u32string>& cited, const std::vector<std::u32string>& work_title) {
    if (cited.size() < 2) return false;
    size_t run = 0;
    while (run < cited.size() && std::find(work_title.begin(), work_title.end(), cited[run]) != work_title.end()) ++run;
    return run == cited.size() || run >= 3;
}

}  // namespace

ReferenceGraph::ReferenceGraph(std::vector<ReferenceUnit> units, const PlaceRecognizer* places, Analyzer* analyzer) {
    // Works, their acts and their units.
    for (const ReferenceUnit& u : units) {
        Work& w = works_[u.work_id];
        w.jurisdiction = u.jurisdiction;
        w.type = u.type;
        if (w.number.empty()) w.number = own_number(u.number);
        if (w.number_groups.empty()) w.number_groups = digit_groups(u.number);
        if (titles_.find(u.document_id) == titles_.end()) {
            for (std::u32string& k : title_keys(u.title)) w.title_words.push_back(std::move(k));
            // Its popular names are names of it too ("Law on the Prevention of Violence in the Family").
            for (const std::string& alias : u.aliases)
                for (std::u32string& k : title_keys(alias)) w.title_words.push_back(std::move(k));
        }
        if (w.date.empty()) w.date = u.date;
        if (w.year == 0 && u.date.size() >= 4 && std::isdigit(static_cast<unsigned char>(u.date[0])))
            w.year = std::atoi(u.date.substr(0, 4).c_str());
        w.documents.emplace(u.lang, u.document_id);
        if (u.original) w.original_document = u.document_id;
        // The act a title names, once per document (not per provision).
        if (w.act == ActKind::implied && titles_.find(u.document_id) == titles_.end()) w.act = act_of_title(u.title);
        if (titles_.find(u.document_id) == titles_.end()) {
            const bool amending = is_amending_title(u.title);
            for (const TextReference& t : find_references(u.title, u.lang)) {
                // "Florida Statutes § 741.30": the work is that section.
                if (t.act == ActKind::implied && !t.articles.empty() && w.title_articles.empty()) w.title_articles = t.articles;
                if (w.title_convention == ActKind::implied &&
                    (t.act == ActKind::cedaw || t.act == ActKind::istanbul_convention))
                    w.title_convention = t.act;
                if (amending && w.amends == ActKind::implied && t.articles.empty() &&
                    (t.act == ActKind::criminal_code || t.act == ActKind::admin_code || t.act == ActKind::family_code))
                    w.amends = t.act;
            }
        }
        const std::string group = u.work_id + "/" + u.unit_id;
        Group& g = groups_[group];
        if (g.work.empty()) {
            g.work = u.work_id;
            w.groups.push_back(group);
        }
        for (const std::string& a : articles_of_unit(u.num, u.unit_id, u.label, u.heading))
            if (std::find(g.articles.begin(), g.articles.end(), a) == g.articles.end()) g.articles.push_back(a);
        if (g.paragraphs.empty()) g.paragraphs = paragraphs_of_unit(u.num, u.unit_id);
        g.versions.emplace(u.lang, u.provision_id);
        if (u.original) g.original = u.provision_id;
        group_of_[u.provision_id] = group;
        units_[u.provision_id] = {u.document_id, u.unit_id, u.label, u.heading};
        titles_.emplace(u.document_id, u.title);
    }
    // The works of each act, and of each jurisdiction, in work-id order: what
    // a reference's act is looked up in (not a scan of every work per reference).
    std::map<std::pair<ActKind, std::string>, std::vector<std::string>> by_act_and_place;
    std::map<ActKind, std::vector<std::string>> by_act;
    std::map<std::string, std::vector<std::string>> by_place;
    for (auto& [id, w] : works_) {
        if (w.original_document.empty() && !w.documents.empty()) w.original_document = w.documents.begin()->second;
        if (w.act != ActKind::implied) {
            by_act_and_place[{w.act, w.jurisdiction}].push_back(id);
            by_act[w.act].push_back(id);
        }
        by_place[w.jurisdiction].push_back(id);
    }
    static const std::vector<std::string> no_works;
    auto lookup = [](const auto& index, const auto& key) -> const std::vector<std::string>& {
        auto it = index.find(key);
        return it == index.end() ? no_works : it->second;
    };

    // Each version's references, resolved.
    for (const ReferenceUnit& u : units) {
        const std::string& own_group = group_of_[u.provision_id];
        const Work& own = works_[u.work_id];
        std::vector<ResolvedReference>& out = refers_[u.provision_id];
        const std::vector<TextReference> found = find_references(u.text, u.lang);
        for (TextReference t : found) {
            // "ҳамин Кодекс", "this Code" in an act of another kind (a law): the code named before it
            // in the text, else an act not known — never the citing act.
            if (t.act == ActKind::self && !is_own_kind(t.act_noun, own.type)) {
                if (t.antecedent >= 0 && found[static_cast<size_t>(t.antecedent)].act != ActKind::self) {
                    t.take_act_of(found[static_cast<size_t>(t.antecedent)]);
                } else {
                    t.act = ActKind::other;
                }
            }
            ResolvedReference r;
            r.surface = u.text.substr(t.begin, t.end - t.begin);
            r.articles = t.articles;
            r.act = t.act;
            // The works the act names.
            std::vector<std::string> works;
            ActKind act = t.act;
            if (t.bare_law && own.type == "law") act = ActKind::self;  // "Article 7 of the Law" inside a law
            switch (act) {
                case ActKind::self:
                case ActKind::implied:
                    if (!t.articles.empty() && own.amends != ActKind::implied) {
                        works = lookup(by_act_and_place, std::make_pair(own.amends, own.jurisdiction));
                        break;
                    }
                    if (is_act_type(own.type) || own.act != ActKind::implied) {
                        works.push_back(u.work_id);
                        // An act kept as several works here (the Istanbul Convention's two).
                        if (own.act != ActKind::implied)
                            for (const std::string& id : lookup(by_act_and_place, std::make_pair(own.act, own.jurisdiction)))
                                if (id != u.work_id) works.push_back(id);
                    }
                    break;
                case ActKind::convention:
                    if (is_convention(own.act)) works.push_back(u.work_id);
                    else if (own.title_convention != ActKind::implied) works = lookup(by_act, own.title_convention);
                    break;
                case ActKind::criminal_code:
                case ActKind::admin_code:
                case ActKind::family_code:
                    works = lookup(by_act_and_place, std::make_pair(t.act, u.jurisdiction));
                    break;
                case ActKind::istanbul_convention:
                case ActKind::cedaw:
                    works = lookup(by_act, t.act);
                    break;
                case ActKind::other: {
                    // A law of a place named with it, by its year: the one law of that place and year.
                    if (!t.act_place.empty() && t.act_year && t.articles.empty()) {
                        std::vector<std::string> codes;
                        if (places && analyzer)
                            for (const PlaceSpan& span : places->find(*analyzer, t.act_place, u.lang))
                                if (!span.locality) codes.insert(codes.end(), span.jurisdictions.begin(), span.jurisdictions.end());
                        std::vector<std::string> fit;
                        for (const std::string& code : codes)
                            for (const std::string& id : lookup(by_place, code)) {
                                const Work& w = works_.at(id);
                                if (w.year == t.act_year && (w.type == "law" || w.type == "code")) fit.push_back(id);
                            }
                        if (fit.size() == 1) works = fit;
                        break;
                    }
                    // A numbered UN instrument: a work of that type holding one of the numbers.
                    if (!t.instrument.empty()) {
                        std::vector<std::string> numbers{t.act_number};
                        numbers.insert(numbers.end(), t.more_numbers.begin(), t.more_numbers.end());
                        for (const auto& [id, w] : works_) {
                            if (w.type != t.instrument) continue;
                            bool holds = std::any_of(numbers.begin(), numbers.end(), [&](const std::string& n) {
                                return std::find(w.number_groups.begin(), w.number_groups.end(), n) != w.number_groups.end();
                            });
                            if (holds) works.push_back(id);
                        }
                        break;
                    }
                    // An act by its title: the citing work itself, else the one work
                    // of this jurisdiction or an international one whose title holds it.
                    if (!t.act_title.empty()) {
                        const std::vector<std::u32string> cited = title_keys(t.act_title);
                        // A year given with the title ("Закон о защите от насилия в семье 2013 года") names
                        // the act of that year: the citing act only when it is of that year too.
                        auto year_fits = [&](const Work& w) { return t.act_year == 0 || w.year == t.act_year; };
                        if (type_fits(t.act_noun, own.type) && year_fits(own) && title_matches(cited, own.title_words)) {
                            works.push_back(u.work_id);
                            break;
                        }
                        std::vector<std::string> fit;
                        for (const std::string& place : {u.jurisdiction, std::string("INT")})
                            for (const std::string& id : lookup(by_place, place))
                                if (id != u.work_id && type_fits(t.act_noun, works_.at(id).type) &&
                                    year_fits(works_.at(id)) && title_matches(cited, works_.at(id).title_words))
                                    fit.push_back(id);
                        if (fit.size() == 1) works = fit;
                        break;
                    }
                    // A law or decree by its own number or its year, in the citing
                    // document's jurisdiction; only when one work fits.
                    if (!t.articles.empty() || (t.act_number.empty() && t.act_year == 0)) break;
                    // The citing act naming itself ("Law No. 89", "the Law of 19 March 2013") is no reference.
                    if ((!t.act_number.empty() && leading_number(own.number) == leading_number(t.act_number)) ||
                        (!t.act_date.empty() && t.act_date == own.date) ||
                        (t.act_number.empty() && t.act_date.empty() && t.act_year == own.year))
                        works.push_back(u.work_id);
                    std::vector<std::string> fit;
                    for (const std::string& id : lookup(by_place, u.jurisdiction)) {
                        const Work& w = works_.at(id);
                        if (id == u.work_id) continue;
                        bool match = !t.act_number.empty() ? leading_number(w.number) == leading_number(t.act_number)
                                     : !t.act_date.empty() ? w.date == t.act_date
                                                           : (w.year == t.act_year && w.type == "law");
                        if (match) fit.push_back(id);
                    }
                    if (works.empty() && fit.size() == 1) works = fit;
                    break;
                }
            }
            if (t.articles.empty()) {
                // An act named as a whole: its document; the citing act naming itself is no reference.
                if (std::find(works.begin(), works.end(), u.work_id) != works.end()) continue;
                r.works = works;
            } else {
                bool self_only = false;
                std::set<std::string> seen;
                std::vector<std::string> covering;
                for (const std::string& wid : works) {
                    for (const std::string& gid : works_[wid].groups) {
                        const Group& g = groups_[gid];
                        bool covers = std::any_of(t.articles.begin(), t.articles.end(), [&](const std::string& a) {
                            return std::find(g.articles.begin(), g.articles.end(), a) != g.articles.end();
                        });
                        if (!covers) continue;
                        if (gid == own_group) {
                            self_only = true;
                            continue;
                        }
                        if (seen.insert(gid).second) covering.push_back(gid);
                    }
                }
                // A paragraph cited: the units of that paragraph, when the article is kept by paragraphs.
                if (!t.paragraph.empty()) {
                    std::vector<std::string> narrowed;
                    for (const std::string& gid : covering) {
                        const auto& ps = groups_[gid].paragraphs;
                        if (std::find(ps.begin(), ps.end(), t.paragraph) != ps.end()) narrowed.push_back(gid);
                    }
                    if (!narrowed.empty()) covering = narrowed;
                }
                for (const std::string& gid : covering) r.targets.push_back(version_of(groups_[gid], u.lang));
                if (r.targets.empty() && self_only) continue;  // the provision describing itself
                r.works = works;
                // An article the citing act does not hold, no act named: the one work of the
                // jurisdiction that is that article ("§ 741.30": "Florida Statutes § 741.30").
                if (r.targets.empty() && (act == ActKind::implied || act == ActKind::self)) {
                    std::vector<std::string> fit;
                    for (const std::string& id : lookup(by_place, u.jurisdiction)) {
                        const std::vector<std::string>& named = works_.at(id).title_articles;
                        if (id != u.work_id && std::any_of(t.articles.begin(), t.articles.end(), [&](const std::string& a) {
                                return std::find(named.begin(), named.end(), a) != named.end();
                            }))
                            fit.push_back(id);
                    }
                    if (fit.size() == 1) {
                        r.works = fit;
                        r.whole_work = true;
                    }
                }
                for (const std::string& target : r.targets) {
                    auto& citing = cited_by_[group_of_[target]];
                    if (std::find(citing.begin(), citing.end(), own_group) == citing.end()) citing.push_back(own_group);
                }
            }
            out.push_back(std::move(r));
            ++references_;
        }
    }
}

std::string ReferenceGraph::version_of(const Group& g, const std::string& lang) const {
    auto it = g.versions.find(lang);
    if (it != g.versions.end()) return it->second;
    if (!g.original.empty()) return g.original;
    return g.versions.empty() ? std::string() : g.versions.begin()->second;
}

const std::vector<ResolvedReference>& ReferenceGraph::refers_to(const std::string& provision_id) const {
    static const std::vector<ResolvedReference> none;
    auto it = refers_.find(provision_id);
    return it == refers_.end() ? none : it->second;
}

std::vector<std::string> ReferenceGraph::referred_by(const std::string& provision_id) const {
    std::vector<std::string> out;
    auto g = group_of_.find(provision_id);
    if (g == group_of_.end()) return out;
    auto citing = cited_by_.find(g->second);
    if (citing == cited_by_.end()) return out;
    // The language of the provision asked about.
    std::string lang;
    for (const auto& [l, id] : groups_.at(g->second).versions)
        if (id == provision_id) lang = l;
    for (const std::string& c : citing->second) out.push_back(version_of(groups_.at(c), lang));
    return out;
}

std::string ReferenceGraph::title_of(const std::string& document_id) const {
    auto it = titles_.find(document_id);
    return it == titles_.end() ? std::string() : it->second;
}

const ReferenceGraph::UnitInfo* ReferenceGraph::unit(const std::string& provision_id) const {
    auto it = units_.find(provision_id);
    return it == units_.end() ? nullptr : &it->second;
}

std::string ReferenceGraph::document_of(const std::string& work, const std::string& lang) const {
    auto w = works_.find(work);
    if (w == works_.end()) return "";
    auto d = w->second.documents.find(lang);
    return d != w->second.documents.end() ? d->second : w->second.original_document;
}

std::shared_ptr<const ReferenceGraph> ReferenceGraph::of(const Xapian::Database& db) {
    static std::mutex m;
    static std::string state;
    static std::shared_ptr<const ReferenceGraph> kept;
    const std::string now = database_state(db);
    {
        std::lock_guard lock(m);
        if (kept && state == now) return kept;
    }
    std::vector<ReferenceUnit> units;
    std::map<std::string, std::string> numbers;  // document id: its source number
    std::map<std::string, std::vector<std::string>> aliases;  // document id: its popular names
    const std::string term = detail::record_term("provision");
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        auto data = detail::stored_record(db, db.get_document(*it));
        if (!data) continue;
        ReferenceUnit u;
        u.provision_id = data->id;
        u.document_id = data->document_id;
        u.work_id = data->work_id.empty() ? data->document_id : data->work_id;
        u.unit_id = data->unit_id;
        u.lang = data->lang;
        u.jurisdiction = data->jurisdiction;
        u.type = data->type;
        u.title = data->title;
        u.original = data->original;
        u.date = data->date;
        auto number = numbers.find(u.document_id);
        if (number == numbers.end()) {
            auto d = detail::document_data(db, u.document_id);
            number = numbers.emplace(u.document_id, d ? d->source.number : std::string()).first;
            auto& names = aliases[u.document_id];
            if (d)
                for (const auto& alias : d->aliases) names.push_back(alias.second);
        }
        u.number = number->second;
        u.aliases = aliases[u.document_id];
        u.num = data->num;
        u.label = data->label;
        u.heading = data->heading;
        u.text = data->text;
        units.push_back(std::move(u));
    }
    Analyzer analyzer;
    const PlaceRecognizer places(db.get_metadata(std::string(terms::kPlaceNamesKey)), analyzer);
    auto graph = std::make_shared<const ReferenceGraph>(std::move(units), &places, &analyzer);
    std::lock_guard lock(m);
    state = now;
    kept = graph;
    return graph;
}

}  // namespace himoya
