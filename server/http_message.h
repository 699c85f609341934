// HTTP requests and responses as plain data, and the few pieces of HTTP/1.1
// that both the network front end (front_end.h) and the site (site.h) need:
// percent-decoding, query strings, status texts, writing a response out,
// gzip. Nothing here touches a socket, so all of it is tested in-process.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace himoya {

// Header names compare without regard to case (RFC 9110 §5.1); order is kept.
using HttpHeaders = std::vector<std::pair<std::string, std::string>>;

// One request as the front end read it, or as a test builds it.
struct HttpRequest {
    std::string method;  // "GET", "HEAD" (others never reach the site)
    std::string target;  // as sent: "/api/search?q=x"
    std::string path;    // percent-decoded path: "/api/search"
    std::multimap<std::string, std::string> params;  // decoded query parameters
    // Percent-escapes that were not '%' and two hex digits ("%zz", "%4", "%"),
    // kept as written above; the site refuses the request (docs/api.md, "Errors").
    bool path_malformed = false;                 // in the path
    std::vector<std::string> malformed_params;   // the names of the parameters holding one
    HttpHeaders headers;
    std::string body;    // read (within the body cap) and ignored by every route
    int version_minor = 1;                            // HTTP/1.x
    std::string client;                               // peer address, for logs and per-client caps
    std::map<std::string, std::string> path_params;  // filled by the router: {"id": "..."}

    // The value of the first header with this name, or nullopt.
    std::optional<std::string> header(std::string_view name) const;
    bool has_header(std::string_view name) const { return header(name).has_value(); }
};

struct HttpResponse {
    int status = 200;
    HttpHeaders headers;  // Content-Length and Connection are added when it is written
    std::string body;

    // Replaces any header of the same name.
    void set_header(std::string_view name, std::string value);
    std::string header(std::string_view name) const;  // "" when absent
    void remove_header(std::string_view name);
    void set_content(std::string content, std::string content_type);
};

bool iequals(std::string_view a, std::string_view b);

// "%41+b" → "A b" (plus_as_space) or "A+b". A malformed escape ('%' not
// followed by two hex digits) stays as written and sets *malformed, if given.
std::string url_decode(std::string_view s, bool plus_as_space, bool* malformed = nullptr);

// "a=1&b=%20&c" → {a:1, b:" ", c:""}; empty pieces are skipped. The name of
// each parameter whose name or value holds a malformed escape is added to
// *malformed, if given.
std::multimap<std::string, std::string> parse_query(std::string_view query, std::vector<std::string>* malformed = nullptr);

// Sets request.target and what it holds: path, params and the malformed
// escapes of both. `target` is the path and query as sent ("/api/x?q=1");
// a fragment ("#…") of either is left out.
void set_target(HttpRequest& request, std::string_view target);

// "OK", "Not Found" …; "Unknown" for a code we never send.
const char* status_text(int status);

// The bytes of the status line, headers and (unless head_only) body, with
// Content-Length and Connection: keep-alive / close added.
std::string serialize_response(const HttpResponse& response, bool head_only, bool keep_alive);

// Whether a response of this Content-Type is worth compressing (text, JSON, JS, SVG).
bool compressible_type(std::string_view content_type);
// The gzip stream of `data`, or nullopt if zlib failed.
std::optional<std::string> gzip(std::string_view data);

}  // namespace himoya
