#include "server/atom_feed.h"

#include <algorithm>
#include <ctime>
#include <string_view>

#include "server/api_json.h"
#include "server/xml_text.h"

namespace himoya {
namespace {

// A stamp as RFC 3339, or "" when there is none: our stamps already are; a
// law's date ("2013", "2013-03") is completed to midnight UTC.
std::string rfc3339(const std::string& stamp, const std::string& date) {
    if (!stamp.empty()) return stamp;
    if (date.size() >= 4) {
        std::string day = date.substr(0, 10);
        if (day.size() == 4) day += "-01";
        if (day.size() == 7) day += "-01";
        return day + "T00:00:00Z";
    }
    return "";
}

std::string entry_title(const SearchHit& h) {
    if (h.kind == "document") return h.title;
    std::string title = h.title + " — " + h.label;
    if (!h.heading.empty() && h.label.find(h.heading) == std::string::npos) title += ": " + h.heading;
    return title;
}

std::string element(const char* name, const std::string& text) {
    std::string out = "<";
    out += name;
    out += '>';
    out += xml_escape(text);
    out += "</";
    out += name;
    out += ">\n";
    return out;
}

std::string link(const char* rel, const std::string& href, const char* type) {
    std::string out = "<link rel=\"";
    out += rel;
    out += "\" href=\"";
    out += xml_escape(href);
    out += '"';
    if (type) {
        out += " type=\"";
        out += type;
        out += '"';
    }
    out += "/>\n";
    return out;
}

}  // namespace

std::string rfc3339_now() {
    std::time_t now = std::time(nullptr);
    std::tm tm{};
    gmtime_r(&now, &tm);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%SZ", &tm);
    return out;
}

std::string tag_escape(std::string_view text, std::string_view reserved) {
    // RFC 4151: specific = *( pchar / "/" / "?" ); pchar = unreserved / pct-encoded / sub-delims / ":" / "@".
    static constexpr std::string_view kAllowed = "-._~!$&'()*+,;=:@/?";
    static constexpr char kHex[] = "0123456789ABCDEF";
    std::string out;
    out.reserve(text.size());
    for (unsigned char c : text) {
        if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
             kAllowed.find(static_cast<char>(c)) != std::string_view::npos) &&
            reserved.find(static_cast<char>(c)) == std::string_view::npos) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 0xF];
        }
    }
    return out;
}

std::string tag_uri(const std::string& specific) { return kTagAuthority + tag_escape(specific); }

std::string atom_feed(const SearchResult& result, const FeedContext& context) {
    const std::string& base = context.base;
    std::string updated;
    for (const SearchHit& h : result.hits) updated = std::max(updated, rfc3339(h.updated, h.date));
    if (updated.empty()) updated = context.now;

    std::string out = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"";
    if (!base.empty()) out += " xml:base=\"" + xml_escape(base + "/") + "\"";
    out += ">\n";
    out += element("id", context.id);
    out += "<title type=\"text\">" + xml_escape(context.title) + "</title>\n";
    out += element("updated", updated);
    out += link("self", base + context.self, "application/atom+xml");
    out += link("alternate", base + context.alternate, "text/html");
    out += "<author><name>Himoya</name></author>\n";
    out += "<generator>Himoya</generator>\n";
    for (const SearchHit& h : result.hits) {
        const std::string published = rfc3339(h.indexed, h.date);
        const std::string entry_updated = rfc3339(h.updated, h.date);
        out += "<entry xml:lang=\"" + xml_escape(h.lang) + "\">\n";
        out += element("id", tag_uri(h.id));
        out += "<title type=\"text\">" + xml_escape(entry_title(h)) + "</title>\n";
        out += element("updated", entry_updated.empty() ? updated : entry_updated);
        if (!published.empty()) out += element("published", published);
        out += link("alternate", base + page_url(h), "text/html");
        std::string summary = h.snippet.text;
        if (summary.empty()) summary = h.heading.empty() ? h.title : h.heading;
        out += "<summary type=\"text\">" + xml_escape(summary) + "</summary>\n";
        for (const std::string& topic : h.topics) {
            out += "<category term=\"" + xml_escape(topic) + "\" scheme=\"" + xml_escape(base + "/api/topics/") + "\"";
            if (auto it = context.concept_labels.find(topic); it != context.concept_labels.end())
                out += " label=\"" + xml_escape(it->second) + "\"";
            out += "/>\n";
        }
        out += "</entry>\n";
    }
    out += "</feed>\n";
    return out;
}

}  // namespace himoya
