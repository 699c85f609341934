#include "search/facet_values.h"

#include <algorithm>
#include <cctype>

#include <xapian.h>

#include <unicode/uchar.h>

#include "analysis/facet_table.h"
#include "analysis/normalizer.h"
#include "analysis/utf32.h"
#include "analysis/term_scheme.h"
#include "search/facets.h"
#include "search/index_view.h"
#include "search/search_types.h"

namespace himoya {

namespace {

// A refusal lists at most this many values: the topics and bodies of a large
// collection would make the message a page (GET /api/topics and /api/labels
// list them all).
constexpr size_t kListedValues = 40;

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

// Whether `value` is one the facet can take on this index.
bool known(IndexView& view, const FacetSpec& facet, const std::string& value) {
    if (facet.name == "status") return terms::is_legal_state(value);  // validate() has said which are not
    if (facet.name == "topic" && view.thesaurus() && view.thesaurus()->find(value)) return true;
    return view.db().term_exists(terms::boolean_term(facet.term_prefix, value));
}

}  // namespace

std::vector<std::string> indexed_facet_values(IndexView& view, const std::string& name) {
    std::vector<std::string> out;
    const FacetSpec* facet = find_facet(name);
    if (!facet) return out;
    const std::string& prefix = facet->term_prefix;
    Xapian::Database& db = view.db();
    for (auto it = db.allterms_begin(prefix); it != db.allterms_end(prefix); ++it) {
        std::string value = (*it).substr(prefix.size());
        out.push_back(name == "jurisdiction" ? upper(std::move(value)) : std::move(value));
    }
    std::sort(out.begin(), out.end());
    return out;
}

namespace {

// A label or typed value as compared: lower case, Tajik letters folded.
std::string label_key(const std::string& text) {
    std::u32string u = utf8_to_u32(text);
    for (char32_t& c : u) c = fold_tajik_letter(static_cast<char32_t>(u_tolower(static_cast<UChar32>(c))));
    return u32_to_utf8(u);
}

}  // namespace

void resolve_facet_labels(IndexView& view, std::map<std::string, std::vector<std::string>>& filters) {
    const auto& tables = view.labels().all();
    for (auto& [name, values] : filters) {
        const FacetSpec* facet = find_facet(name);
        auto table = tables.find(name);
        if (!facet || table == tables.end()) continue;
        for (std::string& value : values) {
            if (known(view, *facet, value)) continue;
            const std::string typed = label_key(value);
            std::string found;
            size_t matches = 0;
            for (const auto& [id, by_lang] : table->second) {
                bool named = false;
                for (const auto& [lang, label] : by_lang) named = named || label_key(label) == typed;
                if (named && known(view, *facet, id)) {
                    found = id;
                    ++matches;
                }
            }
            if (matches == 1) value = found;
        }
    }
}

void check_facet_values(IndexView& view, const std::map<std::string, std::vector<std::string>>& filters) {
    for (const auto& [name, values] : filters) {
        const FacetSpec* facet = find_facet(name);
        if (!facet) continue;
        for (const std::string& value : values) {
            if (known(view, *facet, value)) continue;
            const std::vector<std::string> have = indexed_facet_values(view, name);
            std::string list;
            for (size_t i = 0; i < have.size() && i < kListedValues; ++i) list += (i ? ", " : "") + have[i];
            const std::string more = have.size() > kListedValues ? std::to_string(have.size() - kListedValues) : "";
            const std::string where = name == "topic" ? "GET /api/topics" : "GET /api/labels";
            throw BadRequest(
                {"no text of the collection has " + name + " '" + value + "' (it has: " + list +
                     (more.empty() ? "" : " … and " + more + " more, see " + where) + ")",
                 "ни у одного текста собрания нет значения «" + value + "» фильтра " + name + " (есть: " + list +
                     (more.empty() ? "" : " … и ещё " + more + ", см. " + where) + ")",
                 "ягон матни маҷмӯа қимати «" + value + "»-и филтри " + name + " надорад (ҳастанд: " + list +
                     (more.empty() ? "" : " … ва боз " + more + ", нигаред: " + where) + ")"});
        }
    }
}

}  // namespace himoya
