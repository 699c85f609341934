// /api/search.atom: the Atom feed of a search (server/atom_feed.h) — the same
// parameters as /api/search, newest texts in the index first.
#include "server/api/routes.h"

#include <algorithm>
#include <string_view>
#include <utility>
#include <vector>

#include "search/engine.h"
#include "search/search_service.h"
#include "server/api/responses.h"
#include "server/atom_feed.h"
#include "server/request_params.h"

namespace himoya {
namespace {

// Parameters that choose a page or an order, not what the feed is about:
// left out of the feed's id.
bool is_paging(const std::string& key) { return key == "page" || key == "per_page" || key == "sort"; }

// "http://host:port" from the Host header when it is a plain host[:port], else "" (links stay relative).
std::string base_url(const HttpRequest& req) {
    std::optional<std::string> host = req.header("Host");
    if (!host || host->empty() || host->size() > 255) return "";
    for (char c : *host)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-' ||
              c == ':' || c == '[' || c == ']'))
            return "";
    return "http://" + *host;
}

// The query string as sent ("" when none).
std::string query_string(const HttpRequest& req) {
    size_t q = req.target.find('?');
    return q == std::string::npos ? "" : req.target.substr(q + 1);
}

// The feed's id: what it is about, in a canonical order, so that one search
// always has one id whatever the order or paging of its parameters. The
// delimiters ';' and '=' (and '&', '%') are percent-encoded inside keys and
// values, so distinct parameter sets never share an id (q="violence;ui=ru" is
// "q=violence%3Bui%3Dru"); ids of parameters without them are as before.
std::string feed_id(const QueryParams& params) {
    static constexpr std::string_view kDelimiters = ";=&";
    std::vector<std::pair<std::string, std::string>> pairs;
    for (const auto& [k, v] : params)
        if (!is_paging(k) && !v.empty()) pairs.emplace_back(k, v);
    std::sort(pairs.begin(), pairs.end());
    std::string specific = "search";
    char sep = '?';
    for (const auto& [k, v] : pairs) {
        specific += sep;
        specific += tag_escape(k, kDelimiters);
        specific += '=';
        specific += tag_escape(v, kDelimiters);
        sep = ';';
    }
    return kTagAuthority + specific;  // already escaped: tag_uri would encode each '%' again
}

}  // namespace

void register_feed_routes(Router& router, SearchEngine& engine) {
    SearchEngine* e = &engine;
    router.get("/api/search.atom", [e](const HttpRequest& req, HttpResponse& res) {
        guarded(req, res, [&] {
            SearchRequest request = search_request_from_params(req.params);
            request.sort = SortOrder::indexed;
            request.page = 1;
            request.facets = false;
            request.suggest = false;
            if (req.params.find("per_page") == req.params.end()) request.per_page = kDefaultFeedEntries;
            FeedContext context;
            auto result = e->with_view([&](IndexView& v) {
                SearchResult r = run_search(v, request);
                if (const Thesaurus* thesaurus = v.thesaurus())
                    for (const SearchHit& h : r.hits)
                        for (const std::string& topic : h.topics)
                            if (const Concept* c = thesaurus->find(topic))
                                context.concept_labels[topic] = c->label(std::string(name(request.ui_lang)));
                return r;
            });
            const std::string query = query_string(req);
            context.base = base_url(req);
            // Built piece by piece: `"?" + std::string` temporaries make GCC 12 at -O3 warn (-Wrestrict).
            std::string with_query;
            if (!query.empty()) {
                with_query = "?";
                with_query += query;
            }
            context.self = "/api/search.atom";
            context.self += with_query;
            context.alternate.reserve(with_query.size() + 1);
            context.alternate.push_back('/');
            context.alternate.append(with_query);
            context.id = feed_id(req.params);
            context.title = "Himoya: ";
            context.title += request.query.empty() ? std::string("newest texts") : request.query;
            context.now = rfc3339_now();
            res.status = 200;
            res.set_content(atom_feed(result, context), "application/atom+xml; charset=utf-8");
        });
    });
}

}  // namespace himoya
