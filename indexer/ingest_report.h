// What happened while reading a corpus: every problem is a value here
// (file, line, message), never an exception that stops the run. Nothing is
// left out in silence: a skipped document, a corpus entry that could not be
// read (folder, link, FIFO ...) and a document cut by a cap are all problems
// here, counted, and each makes the run's exit status 2 (and fails --strict).
// A note is neither: it says how a file was read when that was not plain
// UTF-8 (the charset detected, a legacy Tajik font converted), so a reader of
// the report can check the decision; it changes no count and no exit status.
#pragma once

#include <string>
#include <vector>

namespace himoya {

struct IngestProblem {
    std::string file;
    int line = 0;          // 1-based; 0 when the problem is not tied to a line
    std::string message;
    bool fatal = true;     // true: the document (or corpus entry) was skipped; false: a warning only
    bool truncated = false;  // the document was indexed in part: a cap cut it (document_caps.h)
    bool info = false;     // a note: how the file was read (text_encoding.h, legacy_tajik.h); not a problem
    // The file's document could not be read this time, but its source is
    // still there: the version indexed before stays in the index (indexer.h,
    // IndexSummary::kept). Follows the problem that skipped it.
    bool kept = false;

    // "file:line: message" (or "file: message" without a line).
    std::string to_string() const;
};

struct IngestReport {
    std::vector<IngestProblem> problems;
    int files_seen = 0;
    int documents_read = 0;
    int documents_skipped = 0;
    // Corpus entries never read as documents: unreadable folders and files,
    // symbolic link loops, dangling links, FIFOs/sockets/devices with a
    // document's name, missing corpus folders (list_corpus_files).
    int entries_skipped = 0;
    int documents_truncated = 0;  // documents indexed in part (caps, document_caps.h)
    // Of the documents skipped (or entries not read), those whose version
    // indexed before stays in the index: their source is still there, so it
    // is not deleted (build_index). Still a loss of this run: the file's
    // changes are not in the index.
    int documents_kept = 0;

    // Whether anything was left out or cut: exit status 2, and --strict fails.
    bool lost_anything() const { return documents_skipped + entries_skipped + documents_truncated > 0; }

    void warn(const std::string& file, int line, const std::string& message) {
        problems.push_back({file, line, message, false});
    }
    void skip(const std::string& file, int line, const std::string& message) {
        problems.push_back({file, line, message, true});
        ++documents_skipped;
    }
    void skip_entry(const std::string& path, const std::string& message) {
        problems.push_back({path, 0, message, true});
        ++entries_skipped;
    }
    // A cap cut part of a document (counted once per document by the caller).
    void cut(const std::string& file, const std::string& message) {
        problems.push_back({file, 0, message, false, true});
    }
    // The version of a document indexed before stays (see IngestProblem::kept).
    void keep(const std::string& file, const std::string& message) {
        problems.push_back({file, 0, message, false, false, false, true});
        ++documents_kept;
    }
    // How a file was read, for the record (see IngestProblem::info).
    void note(const std::string& file, const std::string& message) {
        problems.push_back({file, 0, message, false, false, true});
    }
};

}  // namespace himoya
