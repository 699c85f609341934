#include "server/site.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "server/api/responses.h"
#include "server/api/routes.h"
#include "server/request_params.h"

namespace himoya {
namespace {

namespace fs = std::filesystem;

// Below this a compressed body saves less than the gzip header and trailer cost.
constexpr size_t kCompressFrom = 1024;

bool is_api(const std::string& path) { return path.rfind("/api/", 0) == 0 || path == "/api"; }

// cpp-httplib's rule, kept: walking the segments, ".." may never climb above the root.
bool is_valid_path(std::string_view path) {
    size_t level = 0, i = 0;
    while (i < path.size() && path[i] == '/') ++i;
    while (i < path.size()) {
        size_t begin = i;
        while (i < path.size() && path[i] != '/') ++i;
        std::string_view segment = path.substr(begin, i - begin);
        if (segment == "..") {
            if (level == 0) return false;
            --level;
        } else if (segment != ".") {
            ++level;
        }
        while (i < path.size() && path[i] == '/') ++i;
    }
    return true;
}

const char* content_type_of(const fs::path& file) {
    std::string ext = file.extension().string();
    static const std::pair<const char*, const char*> kTypes[] = {
        {".html", "text/html; charset=utf-8"},  {".htm", "text/html; charset=utf-8"},
        {".css", "text/css; charset=utf-8"},    {".js", "text/javascript; charset=utf-8"},
        {".mjs", "text/javascript; charset=utf-8"}, {".json", "application/json"},
        {".map", "application/json"},           {".txt", "text/plain; charset=utf-8"},
        {".csv", "text/csv; charset=utf-8"},    {".md", "text/markdown; charset=utf-8"},
        {".xml", "application/xml"},            {".svg", "image/svg+xml"},
        {".png", "image/png"},                  {".jpg", "image/jpeg"},
        {".jpeg", "image/jpeg"},                {".gif", "image/gif"},
        {".webp", "image/webp"},                {".avif", "image/avif"},
        {".ico", "image/x-icon"},               {".woff", "font/woff"},
        {".woff2", "font/woff2"},               {".ttf", "font/ttf"},
        {".otf", "font/otf"},                   {".pdf", "application/pdf"},
        {".wasm", "application/wasm"},          {".webmanifest", "application/manifest+json"},
    };
    for (const auto& [e, type] : kTypes)
        if (iequals(ext, e)) return type;
    return "application/octet-stream";
}

// One range "bytes=A-B", "bytes=A-" or "bytes=-N" over `size` bytes: [first, last],
// or nullopt when the header is not a single byte range we understand (then
// the whole file is sent, as RFC 9110 §14.2 allows). `unsatisfiable` is set
// when it is a range, but not of this file.
std::optional<std::pair<size_t, size_t>> single_range(std::string_view header, size_t size, bool& unsatisfiable) {
    unsatisfiable = false;
    if (header.size() < 6 || !iequals(header.substr(0, 6), "bytes=")) return std::nullopt;
    std::string_view spec = header.substr(6);
    size_t dash = spec.find('-');
    if (dash == std::string_view::npos) return std::nullopt;
    std::string_view a = spec.substr(0, dash), b = spec.substr(dash + 1);
    auto number = [](std::string_view s, size_t& out) {
        if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string_view::npos) return false;
        out = std::stoull(std::string(s));
        return true;
    };
    size_t first = 0, last = 0;
    if (a.empty()) {  // the last N bytes
        size_t n = 0;
        if (!number(b, n)) return std::nullopt;
        if (n == 0 || size == 0) {
            unsatisfiable = true;
            return std::nullopt;
        }
        first = n >= size ? 0 : size - n;
        last = size - 1;
    } else {
        if (!number(a, first)) return std::nullopt;
        if (b.empty()) {
            last = size == 0 ? 0 : size - 1;
        } else if (!number(b, last) || last < first) {
            return std::nullopt;
        }
        if (first >= size) {
            unsatisfiable = true;
            return std::nullopt;
        }
        if (last >= size) last = size - 1;
    }
    return std::make_pair(first, last);
}

// Whether Accept-Encoding lists gzip (or *) with a weight above zero.
bool accepts_gzip(const HttpRequest& req) {
    auto accept = req.header("Accept-Encoding");
    if (!accept) return false;
    std::string_view list = *accept;
    while (!list.empty()) {
        size_t comma = list.find(',');
        std::string_view item = list.substr(0, comma);
        list = comma == std::string_view::npos ? std::string_view() : list.substr(comma + 1);
        while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
        size_t semi = item.find(';');
        std::string_view coding = item.substr(0, semi);
        while (!coding.empty() && coding.back() == ' ') coding.remove_suffix(1);
        if (!iequals(coding, "gzip") && coding != "*") continue;
        if (semi == std::string_view::npos) return true;
        std::string_view params = item.substr(semi + 1);
        size_t q = params.find("q=");
        if (q == std::string_view::npos) return true;
        std::string_view weight = params.substr(q + 2);
        // "0", "0.0", "0.000": refused; anything else is a weight above zero
        return weight.find_first_of("123456789") != std::string_view::npos;
    }
    return false;
}

}  // namespace

Site::Site(SearchEngine& engine, SiteOptions options) : engine_(engine), options_(std::move(options)) {
    std::error_code ec;
    has_web_root_ = !options_.web_root.empty() && fs::is_directory(options_.web_root, ec);

    // The /api routes (server/api/routes.h), in the order Router::patterns() lists them.
    register_health_routes(router_, engine_);
    register_search_routes(router_, engine_);
    register_documents_routes(router_, engine_);
    register_analyze_routes(router_, engine_);
    register_topics_routes(router_, engine_);
    register_compare_routes(router_, engine_);
    register_facts_routes(router_, engine_);
    register_related_routes(router_, engine_);
    register_labels_routes(router_, engine_);
    register_feed_routes(router_, engine_);
    register_export_routes(router_, engine_);
}

HttpResponse Site::handle(HttpRequest req) const {
    HttpResponse res;
    try {
        if (req.method != "GET" && req.method != "HEAD") {
            res = refuse(405, "method " + req.method + " not allowed; the server answers GET and HEAD only");
            return res;
        }
        // A decoded path with a NUL or another control byte is refused before
        // routing: a file server would open "index.html" for "/index.html%00.js"
        // and serve it as JavaScript.
        for (unsigned char c : req.path) {
            if (c < 0x20 || c == 0x7F) {
                send_error(res, 400, "control character in the request path");
                finish(req, res);
                return res;
            }
        }
        // Range: several ranges in one request were each a copy of the answer
        // (7.9 KB of "0-,0-,…" made 301 MB); API answers are computed, not
        // files, so a range of one is never worth serving.
        if (auto range = req.header("Range")) {
            if (is_api(req.path)) {
                send_error(res, 416, "Range is not supported under /api");
                finish(req, res);
                return res;
            }
            if (range->find(',') != std::string::npos) {
                send_error(res, 416, "multiple ranges are not supported");
                finish(req, res);
                return res;
            }
        }
        if (is_api(req.path)) {
            // What no route may read past: a malformed escape, a path not in
            // UTF-8, a control character, an unknown ui (check_request).
            try {
                check_request(req);
            } catch (const BadRequest& e) {
                send_error(res, 400, e.text(), error_language(req));
                finish(req, res);
                return res;
            }
            if (!router_.route(req, res)) send_error(res, 404, "no such endpoint: " + req.path);
        } else if (!serve_static(req, res)) {
            res.status = 404;
            res.set_content("<!doctype html><title>Not found</title><p>Not found. <a href=\"/\">Search</a></p>",
                            "text/html; charset=utf-8");
        }
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << "\n";
        res = HttpResponse{};
        send_error(res, 500, "internal error");
    }
    finish(req, res);
    return res;
}

HttpResponse Site::refuse(int status, const std::string& message) const {
    HttpResponse res;
    send_error(res, status, message);
    if (status == 405) res.set_header("Allow", "GET, HEAD");
    if (status == 503) res.set_header("Retry-After", "1");
    finish(HttpRequest{}, res);
    return res;
}

void Site::finish(const HttpRequest& request, HttpResponse& res) const {
    res.set_header("X-Content-Type-Options", "nosniff");
    res.set_header("Referrer-Policy", "no-referrer");
    res.set_header("Content-Security-Policy",
                   "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                   "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'");
    res.set_header("X-Frame-Options", "DENY");
    if (!options_.cors_origin.empty()) res.set_header("Access-Control-Allow-Origin", options_.cors_origin);

    std::string type = res.header("Content-Type");
    if (!compressible_type(type)) return;
    res.set_header("Vary", "Accept-Encoding");
    if (res.status != 200 || res.body.size() < kCompressFrom || !res.header("Content-Encoding").empty() ||
        !accepts_gzip(request))
        return;
    if (auto zipped = gzip(res.body); zipped && zipped->size() < res.body.size()) {
        res.body = std::move(*zipped);
        res.set_header("Content-Encoding", "gzip");
    }
}

bool Site::serve_static(const HttpRequest& req, HttpResponse& res) const {
    if (!has_web_root_ || !is_valid_path(req.path)) return false;
    std::string file = options_.web_root;
    file += req.path;
    if (!file.empty() && file.back() == '/') file += "index.html";
    std::error_code ec;
    if (!fs::is_regular_file(file, ec)) return false;
    std::ifstream in(file, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    std::string body = ss.str();
    // Pages and modules are small and change only with a release: five
    // minutes spares the module round trips of every page view.
    res.set_header("Cache-Control", "public, max-age=300");
    res.set_header("Accept-Ranges", "bytes");
    const char* type = content_type_of(file);
    // If-Range names a validator of the version the client holds; these files
    // carry none (no ETag or Last-Modified), so none matches: the whole file
    // (RFC 9110 13.1.5), never a part of another version.
    if (auto range = req.header("Range"); range && !req.has_header("If-Range")) {
        bool unsatisfiable = false;
        auto r = single_range(*range, body.size(), unsatisfiable);
        if (unsatisfiable) {
            send_error(res, 416, "range not satisfiable");
            res.set_header("Content-Range", "bytes */" + std::to_string(body.size()));
            return true;
        }
        if (r) {
            std::string content_range = "bytes ";
            content_range += std::to_string(r->first);
            content_range += '-';
            content_range += std::to_string(r->second);
            content_range += '/';
            content_range += std::to_string(body.size());
            res.status = 206;
            res.set_header("Content-Range", std::move(content_range));
            res.set_content(body.substr(r->first, r->second - r->first + 1), type);
            return true;
        }
    }
    res.status = 200;
    res.set_content(std::move(body), type);
    return true;
}

}  // namespace himoya
