// The Atom 1.0 feed of a search (RFC 4287; GET /api/search.atom, docs/api.md):
// the hits of a SearchResult, newest in the index first, as entries with
// stable tag: ids, the document page as link, the snippet as plain-text
// summary and a category per concept. Written by hand with xml_escape
// (server/xml_text.h): the server links no XML library.
// Pure functions of their arguments: safe from any thread.
#pragma once

#include <map>
#include <string>
#include <string_view>

#include "search/search_types.h"

namespace himoya {

// The tag: URI authority of every id we mint (RFC 4151): stable across
// requests, runs and reindexing, so feed readers never see an entry twice.
inline constexpr const char* kTagAuthority = "tag:himoya,2026:";

// What the feed says besides its hits; every URL is relative to `base`.
struct FeedContext {
    std::string base;       // "http://host:port" (xml:base and absolute links); "" = links stay relative
    std::string self;       // the feed's own path and query: "/api/search.atom?q=x"
    std::string alternate;  // the search page with the same query: "/?q=x"
    std::string id;         // the feed's id (feed_id)
    std::string title;      // "Himoya: protection order"
    std::string now;        // RFC 3339: the feed's updated when no entry has a time
    std::map<std::string, std::string> concept_labels;  // concept id → label (category label)
};

// `text` with every byte a tag URI's specific part may not hold percent-encoded ("%XX",
// upper-case hex; '%' itself included), and every byte of `reserved` too: a key or value
// put between delimiters (feed_id: ";=&") cannot be read as one.
std::string tag_escape(std::string_view text, std::string_view reserved = {});

// tag:himoya,2026: + `specific`, with what a tag URI may not hold percent-encoded.
std::string tag_uri(const std::string& specific);

// The current UTC time, RFC 3339 with seconds ("2026-01-02T03:04:05Z").
std::string rfc3339_now();

// The Atom document.
std::string atom_feed(const SearchResult& result, const FeedContext& context);

}  // namespace himoya
