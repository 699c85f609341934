// The one list of input formats: which reader takes which file, and the
// boundary every read goes through.
//
// A reader is an entry (`Reader`): the extensions it accepts, for an
// extension several readers share (.xml) the root element it claims, and a
// `read` function turning one file into a Document. `read_document_file` and
// `list_corpus_files` (document_reader.h) both ask the registry, so what is a
// document file is decided here and nowhere else.
//
// The reader boundary is written once, here: whatever a reader throws
// (std::exception or anything else) becomes `file: internal error while
// reading` in the IngestReport, the file is counted as skipped, and the run
// goes on. A reader therefore need not catch anything itself.
//
// To add an input format (PDF, DOCX, ODT, DOC ... issue 15): write
// indexer/readers/NAME_reader.{h,cc} with a function returning its `Reader`
// (see akn_reader.h), add one line to ReaderRegistry::builtin() in
// registry.cc, and a test. Nothing else lists formats.
//
// Thread-safety: a ReaderRegistry is immutable once built; builtin() is built
// on first use and then read by every indexing thread at once. Readers keep
// no state between calls. ReaderInput is one file's, used by one thread.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "indexer/document.h"
#include "indexer/ingest_report.h"

namespace himoya {

// One file as a reader sees it: its name (the file name of every problem and
// the Document's source_path) and its bytes, loaded at most once, when first
// asked for. So the registry can look at the first bytes to choose a reader
// and the reader reuses them, and a reader may check other things before
// loading (the text reader's sidecar).
class ReaderInput {
public:
    // A file on disk.
    explicit ReaderInput(std::string path) : path_(std::move(path)) {}
    // Bytes already in memory (tests, fuzzing); `name` stands for the file.
    // The bytes are not copied: they must outlive this input.
    ReaderInput(std::string name, std::string_view bytes)
        : path_(std::move(name)), memory_(bytes), from_memory_(true) {}

    const std::string& path() const { return path_; }

    // The file's bytes, loaded on the first call (load_source_file: regular
    // files only, size cap). nullopt when they cannot be loaded: the problem
    // is then recorded once in `report` as a skip.
    std::optional<std::string_view> bytes(IngestReport& report);

    // The bytes as text: not empty, valid UTF-8 (else a skip naming the line
    // of the first bad byte: check_source_text), a leading BOM dropped.
    std::optional<std::string_view> text(IngestReport& report);

private:
    std::string path_;
    std::string loaded_;
    std::string_view memory_;
    bool from_memory_ = false;
    bool loaded_ok_ = false;
    bool load_failed_ = false;
};

// A reader: what it accepts and how it reads.
struct Reader {
    // What it reads, for messages and tests: "himoya-xml", "akn", "text"
    // (its Document::format, or the family of them: "text" or "html").
    std::string name;
    // File extensions it accepts, lower case with the dot (".xml").
    std::vector<std::string> extensions;
    // For an extension several readers accept: the local name of the root
    // element this reader claims ("akomaNtoso"). Empty: it takes the files of
    // its extensions that no other reader claims (and reports their root).
    std::string xml_root;
    // Files ending so (lower case) belong to a document this reader reads and
    // are not documents themselves (the text reader's ".meta.xml" sidecars).
    std::vector<std::string> companion_suffixes;
    // Reads one file. Problems go to `report` as file:line; a fatal one is a
    // report.skip and nullopt. The registry counts a document returned in
    // documents_read. May throw: the registry's boundary turns that into a skip.
    std::optional<Document> (*read)(ReaderInput& input, IngestReport& report) = nullptr;
};

class ReaderRegistry {
public:
    // The readers Himoya ships, in the order they are asked: Himoya corpus
    // XML, Akoma Ntoso, text/HTML with a sidecar.
    static const ReaderRegistry& builtin();

    // Later readers are asked after earlier ones (first match wins).
    void add(Reader reader) { readers_.push_back(std::move(reader)); }
    const std::vector<Reader>& readers() const { return readers_; }

    // The reader for a file with this path and, for an extension several
    // readers accept, this root element (local name; "" when unknown).
    // nullptr when no reader accepts the extension.
    const Reader* choose(std::string_view path, std::string_view xml_root = {}) const;

    // Whether some reader accepts this path's extension (case-insensitive).
    bool accepts(std::string_view path) const;

    // Whether a file called `file_name` in a corpus folder is a document to
    // read: a reader accepts it, and it is neither hidden, nor a reader's
    // companion file (NAME.meta.xml), nor one of the corpus's own tables
    // (thesaurus.xml, bodies.xml, istanbul-articles.xml, jurisdictions.xml).
    bool is_document_name(std::string_view file_name) const;

    // The accepted extensions, each once, in reader order: ".xml, .txt, .html, .htm".
    std::string extension_list() const;

    // Office formats no reader takes, with what to do instead ("legacy Word
    // .doc: convert it to DOCX ..."); "" for any other file. A corpus folder
    // reports such a file instead of passing over it as it does a README.
    static std::string_view refusal(std::string_view path);

    // Reads one file: chooses its reader (loading the bytes to find the root
    // element only when several readers accept the extension), reads, and
    // applies the caps of document_caps.h (counted in documents_truncated).
    // An unknown extension is a skip. Never throws (the boundary above).
    // Does not count files_seen (read_document_file does).
    std::optional<Document> read(ReaderInput& input, IngestReport& report) const;

private:
    std::vector<Reader> readers_;
};

// Runs one given reader inside the same boundary (and counts documents_read
// the same way), without choosing or caps:
// the readers' own entry points (read_akn_string ...) for tests and fuzzing.
std::optional<Document> read_with(const Reader& reader, ReaderInput&& input, IngestReport& report);

// Local name of the root element ("an:akomaNtoso" -> "akomaNtoso"), found by
// a cheap scan past the prolog, comments and DOCTYPE, so that each file is
// parsed once, by the reader that owns it. "" when there is none.
std::string sniff_xml_root(std::string_view text);

// ".XML" of "dir/a.XML" lower-cased: ".xml"; "" when the name has none.
std::string lower_extension(std::string_view path);

}  // namespace himoya
