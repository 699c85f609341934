// Where an index lives on disk and how a rebuild replaces it atomically.
//
// An index directory holds generations (gen-000001/, gen-000002/ ...) and a
// Xapian stub file XAPIANDB naming the current one. Readers open the directory
// and Xapian follows the stub. A rebuild writes a new generation beside the
// current one and switches by rename(2) of a new stub over the old: readers see
// either the old index or the new, never a half-written one.
#pragma once

#include <string>

namespace himoya {

class IndexLocation {
public:
    explicit IndexLocation(std::string directory) : directory_(std::move(directory)) {}

    // Creates the directory if needed and returns the path of a fresh,
    // not-yet-existing generation directory to build into.
    std::string begin_generation();

    // Points the stub at `generation_path` atomically, then removes
    // generations older than the previous one (kept for readers still on it).
    void commit_generation(const std::string& generation_path);

    // Removes a generation that failed to build.
    void abandon_generation(const std::string& generation_path);

    // The generation the stub names now, or "" when there is none.
    std::string current_generation() const;

    const std::string& directory() const { return directory_; }

private:
    std::string directory_;
};

}  // namespace himoya
