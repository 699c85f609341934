// Reads the head of an HTTP/1.x request (request line and header fields) out
// of the bytes a connection has received so far, a piece at a time, and
// refuses a request as soon as it breaks a limit: a 50 MB header line is
// refused after its first 8 KiB, not after it has all arrived. Each byte is
// looked at once however slowly the client sends, so a client trickling its
// headers costs nothing but its buffer. No sockets: front_end.cc feeds it and
// http_parser_test.cc tests it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "server/http_message.h"

namespace himoya {

// What one request may cost to read (docs/reliability.md, "The server").
struct RequestLimits {
    size_t max_request_line = 8192;        // 414 beyond
    size_t max_header_line = 8192;         // one header field line; 431 beyond
    size_t max_header_bytes = 32 * 1024;   // every header line together; 431 beyond
    size_t max_header_count = 100;         // 431 beyond
    size_t max_body = 64 * 1024;           // Content-Length beyond: 413
};

// A request refused while reading it: the status and the message of its JSON error.
struct RequestError {
    int status = 400;
    std::string message;
};

// A complete request head.
struct RequestHead {
    HttpRequest request;      // method, target, path, params, headers, version
    size_t head_bytes = 0;    // how many bytes of the buffer the head took (body follows)
    size_t content_length = 0;
    bool keep_alive = true;   // HTTP/1.1 unless "Connection: close"; HTTP/1.0 only if asked
    bool chunked = false;     // a Transfer-Encoding was given (not accepted: 411)
};

class RequestHeadReader {
public:
    enum class State { kIncomplete, kComplete, kError };

    explicit RequestHeadReader(RequestLimits limits = {}) : limits_(limits) {}

    // Looks at the bytes of `buffer` it has not seen yet; `buffer` must begin
    // where the request begins and only grow between calls.
    State scan(std::string_view buffer);

    // After kComplete: the parsed head (or, if the head is malformed, the state
    // turns to kError and error() says why). Call once.
    State parse(std::string_view buffer, RequestHead& head);

    const RequestError& error() const { return error_; }
    // True once any byte of a request (not a blank line between requests) arrived.
    bool started() const { return started_; }
    // Forget everything: the next request starts at the beginning of the buffer.
    void reset() { *this = RequestHeadReader(limits_); }

private:
    State fail(int status, std::string message);

    RequestLimits limits_;
    State state_ = State::kIncomplete;
    RequestError error_;
    size_t scanned_ = 0;        // bytes looked at
    size_t line_start_ = 0;     // where the current line begins
    size_t request_line_ = std::string::npos;  // offset of the request line once found
    size_t header_lines_ = 0;
    size_t header_bytes_ = 0;
    size_t head_end_ = 0;
    bool started_ = false;
};

}  // namespace himoya
