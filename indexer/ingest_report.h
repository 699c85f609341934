// What happened while reading a corpus: every problem is a value here
// (file, line, message), never an exception that stops the run.
#pragma once

#include <string>
#include <vector>

namespace himoya {

struct IngestProblem {
    std::string file;
    int line = 0;          // 1-based; 0 when the problem is not tied to a line
    std::string message;
    bool fatal = true;     // true: the document was skipped; false: a warning only

    // "file:line: message" (or "file: message" without a line).
    std::string to_string() const;
};

struct IngestReport {
    std::vector<IngestProblem> problems;
    int files_seen = 0;
    int documents_read = 0;
    int documents_skipped = 0;

    void warn(const std::string& file, int line, const std::string& message) {
        problems.push_back({file, line, message, false});
    }
    void skip(const std::string& file, int line, const std::string& message) {
        problems.push_back({file, line, message, true});
        ++documents_skipped;
    }
};

}  // namespace himoya
