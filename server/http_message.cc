#include "server/http_message.h"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstring>

namespace himoya {

bool iequals(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
    return true;
}

std::optional<std::string> HttpRequest::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (iequals(k, name)) return v;
    return std::nullopt;
}

void HttpResponse::set_header(std::string_view name, std::string value) {
    remove_header(name);
    headers.emplace_back(std::string(name), std::move(value));
}

std::string HttpResponse::header(std::string_view name) const {
    for (const auto& [k, v] : headers)
        if (iequals(k, name)) return v;
    return "";
}

void HttpResponse::remove_header(std::string_view name) {
    headers.erase(std::remove_if(headers.begin(), headers.end(), [&](const auto& h) { return iequals(h.first, name); }),
                  headers.end());
}

void HttpResponse::set_content(std::string content, std::string content_type) {
    body = std::move(content);
    set_header("Content-Type", std::move(content_type));
}

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string url_decode(std::string_view s, bool plus_as_space, bool* malformed) {
    std::string out;
    out.reserve(s.size());
    for (size_t i = 0; i < s.size(); ++i) {
        char c = s[i];
        if (c == '%') {
            int hi = i + 2 < s.size() ? hex_value(s[i + 1]) : -1;
            int lo = i + 2 < s.size() ? hex_value(s[i + 2]) : -1;
            if (hi >= 0 && lo >= 0) {
                out += static_cast<char>(hi * 16 + lo);
                i += 2;
                continue;
            }
            if (malformed) *malformed = true;
        }
        out += (plus_as_space && c == '+') ? ' ' : c;
    }
    return out;
}

std::multimap<std::string, std::string> parse_query(std::string_view query, std::vector<std::string>* malformed) {
    std::multimap<std::string, std::string> params;
    size_t start = 0;
    while (start <= query.size()) {
        size_t end = query.find('&', start);
        if (end == std::string_view::npos) end = query.size();
        std::string_view piece = query.substr(start, end - start);
        if (!piece.empty()) {
            size_t eq = piece.find('=');
            bool bad = false;
            std::string name = url_decode(piece.substr(0, eq), true, &bad);
            std::string value = eq == std::string_view::npos ? std::string() : url_decode(piece.substr(eq + 1), true, &bad);
            if (bad && malformed) malformed->push_back(name);
            params.emplace(std::move(name), std::move(value));
        }
        start = end + 1;
    }
    return params;
}

void set_target(HttpRequest& req, std::string_view target) {
    req.target = std::string(target);
    size_t q = target.find('?');
    std::string_view raw_path = target.substr(0, q);
    raw_path = raw_path.substr(0, raw_path.find('#'));
    req.path_malformed = false;
    req.path = url_decode(raw_path, false, &req.path_malformed);
    req.params.clear();
    req.malformed_params.clear();
    if (q != std::string_view::npos) {
        std::string_view query = target.substr(q + 1);
        req.params = parse_query(query.substr(0, query.find('#')), &req.malformed_params);
    }
}

const char* status_text(int status) {
    switch (status) {
    case 100: return "Continue";
    case 200: return "OK";
    case 204: return "No Content";
    case 206: return "Partial Content";
    case 301: return "Moved Permanently";
    case 304: return "Not Modified";
    case 400: return "Bad Request";
    case 403: return "Forbidden";
    case 404: return "Not Found";
    case 405: return "Method Not Allowed";
    case 408: return "Request Timeout";
    case 411: return "Length Required";
    case 413: return "Content Too Large";
    case 414: return "URI Too Long";
    case 416: return "Range Not Satisfiable";
    case 429: return "Too Many Requests";
    case 431: return "Request Header Fields Too Large";
    case 500: return "Internal Server Error";
    case 501: return "Not Implemented";
    case 503: return "Service Unavailable";
    case 505: return "HTTP Version Not Supported";
    default: return "Unknown";
    }
}

std::string serialize_response(const HttpResponse& response, bool head_only, bool keep_alive) {
    std::string out;
    out.reserve(256 + (head_only ? 0 : response.body.size()));
    out += "HTTP/1.1 ";
    out += std::to_string(response.status);
    out += ' ';
    out += status_text(response.status);
    out += "\r\n";
    for (const auto& [name, value] : response.headers) {
        if (iequals(name, "Content-Length") || iequals(name, "Connection")) continue;
        out += name;
        out += ": ";
        out += value;
        out += "\r\n";
    }
    out += "Content-Length: ";
    out += std::to_string(response.body.size());
    out += keep_alive ? "\r\nConnection: keep-alive\r\n\r\n" : "\r\nConnection: close\r\n\r\n";
    if (!head_only) out += response.body;
    return out;
}

bool compressible_type(std::string_view type) {
    for (std::string_view prefix : {"text/", "application/json", "application/javascript", "image/svg+xml",
                                    "application/xml", "application/atom+xml", "application/x-ndjson"})
        if (type.substr(0, prefix.size()) == prefix) return true;
    return false;
}

std::optional<std::string> gzip(std::string_view data) {
    z_stream z;
    std::memset(&z, 0, sizeof z);
    // 15 + 16: a gzip header and trailer, not a raw zlib stream
    if (deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK) return std::nullopt;
    std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 32, '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
    z.avail_in = static_cast<uInt>(data.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = static_cast<uInt>(out.size());
    int rc = deflate(&z, Z_FINISH);
    size_t written = z.total_out;
    deflateEnd(&z);
    if (rc != Z_STREAM_END) return std::nullopt;
    out.resize(written);
    return out;
}

}  // namespace himoya
