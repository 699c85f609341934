#include "server/http_parser.h"

#include <cstring>

namespace himoya {
namespace {

// RFC 9110 §5.6.2 token characters (method and header names).
bool is_tchar(char c) {
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
    return std::strchr("!#$%&'*+-.^_`|~", c) != nullptr && c != '\0';
}

bool is_token(std::string_view s) {
    if (s.empty()) return false;
    for (char c : s)
        if (!is_tchar(c)) return false;
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
    return s;
}

std::string_view without_cr(std::string_view line) {
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    return line;
}

// At most this many bytes of blank lines before a request line (RFC 9112 §2.2
// asks servers to ignore at least one, which clients send after a body).
constexpr size_t kMaxLeadingBlank = 16;

}  // namespace

RequestHeadReader::State RequestHeadReader::fail(int status, std::string message) {
    state_ = State::kError;
    error_ = {status, std::move(message)};
    return state_;
}

RequestHeadReader::State RequestHeadReader::scan(std::string_view buffer) {
    if (state_ != State::kIncomplete) return state_;
    size_t pos = scanned_;
    for (;;) {
        const void* found = pos < buffer.size() ? std::memchr(buffer.data() + pos, '\n', buffer.size() - pos) : nullptr;
        if (!found) {
            // a line still arriving: refuse it as soon as it is too long
            size_t partial = buffer.size() - line_start_;
            if (request_line_ == std::string::npos) {
                if (partial > 0 && buffer[line_start_] != '\r') started_ = true;
                if (partial > limits_.max_request_line)
                    return fail(414, "request line too long (limit " + std::to_string(limits_.max_request_line) + " bytes)");
            } else {
                if (partial > limits_.max_header_line)
                    return fail(431, "request header line too long (limit " + std::to_string(limits_.max_header_line) +
                                         " bytes)");
                if (header_bytes_ + partial > limits_.max_header_bytes)
                    return fail(431, "request headers too large (limit " + std::to_string(limits_.max_header_bytes) +
                                         " bytes in all)");
            }
            scanned_ = buffer.size();
            return state_;
        }
        size_t nl = static_cast<size_t>(static_cast<const char*>(found) - buffer.data());
        std::string_view line = without_cr(buffer.substr(line_start_, nl - line_start_));
        size_t bytes = nl + 1 - line_start_;
        if (request_line_ == std::string::npos) {
            if (line.empty()) {
                if (nl + 1 > kMaxLeadingBlank) return fail(400, "malformed request: blank lines before the request line");
            } else {
                started_ = true;
                if (bytes > limits_.max_request_line)
                    return fail(414, "request line too long (limit " + std::to_string(limits_.max_request_line) + " bytes)");
                request_line_ = line_start_;
            }
        } else if (line.empty()) {
            head_end_ = nl + 1;
            scanned_ = head_end_;
            state_ = State::kComplete;
            return state_;
        } else {
            if (bytes > limits_.max_header_line)
                return fail(431, "request header line too long (limit " + std::to_string(limits_.max_header_line) +
                                     " bytes)");
            header_bytes_ += bytes;
            if (header_bytes_ > limits_.max_header_bytes)
                return fail(431, "request headers too large (limit " + std::to_string(limits_.max_header_bytes) +
                                     " bytes in all)");
            if (++header_lines_ > limits_.max_header_count)
                return fail(431, "too many request headers (limit " + std::to_string(limits_.max_header_count) + ")");
        }
        line_start_ = nl + 1;
        pos = nl + 1;
    }
}

RequestHeadReader::State RequestHeadReader::parse(std::string_view buffer, RequestHead& head) {
    if (state_ != State::kComplete) return state_;
    std::string_view text = buffer.substr(request_line_, head_end_ - request_line_);
    head = RequestHead{};
    head.head_bytes = head_end_;
    HttpRequest& req = head.request;

    size_t eol = text.find('\n');
    std::string_view line = without_cr(text.substr(0, eol));
    text.remove_prefix(eol + 1);

    // request line: METHOD SP request-target SP HTTP-version
    size_t sp1 = line.find(' ');
    size_t sp2 = sp1 == std::string_view::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp2 == std::string_view::npos || line.find(' ', sp2 + 1) != std::string_view::npos)
        return fail(400, "malformed request line");
    std::string_view method = line.substr(0, sp1);
    std::string_view target = line.substr(sp1 + 1, sp2 - sp1 - 1);
    std::string_view version = line.substr(sp2 + 1);
    if (!is_token(method)) return fail(400, "malformed request method");
    if (version == "HTTP/1.1") {
        req.version_minor = 1;
    } else if (version == "HTTP/1.0") {
        req.version_minor = 0;
        head.keep_alive = false;
    } else if (version.size() == 8 && version.substr(0, 5) == "HTTP/" && version[6] == '.') {
        return fail(505, "HTTP version not supported (HTTP/1.1 or HTTP/1.0)");
    } else {
        return fail(400, "malformed request line");
    }
    // The absolute form ("GET http://host/path HTTP/1.1", RFC 9112 3.2.2),
    // which a server must accept: its path and query are the target.
    for (std::string_view scheme : {std::string_view("http://"), std::string_view("https://")})
        if (target.size() > scheme.size() && iequals(target.substr(0, scheme.size()), scheme)) {
            const size_t slash = target.find('/', scheme.size());
            const size_t query = target.find('?', scheme.size());
            if (slash == std::string_view::npos || (query != std::string_view::npos && query < slash))
                target = query == std::string_view::npos ? std::string_view("/") : target.substr(query);
            else
                target = target.substr(slash);
            break;
        }
    std::string root_with_query;  // "http://host?q=x": the root with a query
    if (!target.empty() && target.front() == '?') {
        root_with_query = "/" + std::string(target);
        target = root_with_query;
    }
    if (target.empty() || target.front() != '/') return fail(400, "request target must be a path starting with /");
    for (char c : target)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) return fail(400, "control character in the request target");
    req.method = std::string(method);
    set_target(req, target);

    bool have_length = false;
    int hosts = 0;
    while (!text.empty()) {
        eol = text.find('\n');
        line = without_cr(text.substr(0, eol));
        text.remove_prefix(eol == std::string_view::npos ? text.size() : eol + 1);
        if (line.empty()) break;
        if (line.front() == ' ' || line.front() == '\t') return fail(400, "folded header lines are not accepted");
        size_t colon = line.find(':');
        if (colon == std::string_view::npos || !is_token(line.substr(0, colon)))
            return fail(400, "malformed request header");
        std::string_view name = line.substr(0, colon);
        std::string_view value = trim(line.substr(colon + 1));
        for (char c : value)
            if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7F)
                return fail(400, "control character in a request header");
        if (iequals(name, "Content-Length")) {
            if (value.empty() || value.size() > 18 || value.find_first_not_of("0123456789") != std::string_view::npos)
                return fail(400, "malformed Content-Length");
            size_t length = std::stoull(std::string(value));
            if (have_length && length != head.content_length) return fail(400, "conflicting Content-Length headers");
            head.content_length = length;
            have_length = true;
        } else if (iequals(name, "Host")) {
            ++hosts;
        } else if (iequals(name, "Transfer-Encoding")) {
            head.chunked = true;
        } else if (iequals(name, "Connection")) {
            // a comma-separated list of options
            size_t start = 0;
            while (start <= value.size()) {
                size_t comma = value.find(',', start);
                if (comma == std::string_view::npos) comma = value.size();
                std::string_view option = trim(value.substr(start, comma - start));
                if (iequals(option, "close")) head.keep_alive = false;
                if (iequals(option, "keep-alive") && req.version_minor == 0) head.keep_alive = true;
                start = comma + 1;
            }
        }
        req.headers.emplace_back(std::string(name), std::string(value));
    }
    // RFC 9112 3.2: an HTTP/1.1 request has exactly one Host; two could be
    // read differently by a proxy in front and by us.
    if (hosts > 1) return fail(400, "more than one Host header");
    if (hosts == 0 && req.version_minor == 1) return fail(400, "an HTTP/1.1 request needs a Host header");
    return state_;
}

}  // namespace himoya
