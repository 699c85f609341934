#include "indexer/indexer.h"

#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <tuple>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analysis/concept_tagger.h"
#include "analysis/facet_table.h"
#include "analysis/lexicon.h"
#include "analysis/record_codec.h"
#include "analysis/term_scheme.h"
#include "analysis/thesaurus.h"
#include "indexer/document_pipeline.h"
#include "indexer/readers/document_reader.h"
#include "indexer/readers/ocr_cache.h"
#include "indexer/facts_reader.h"
#include "indexer/index_location.h"
#include "indexer/index_writer.h"
#include "indexer/label_tables.h"
#include "indexer/shard_writers.h"
#include "indexer/source_file.h"
#include "indexer/test_pause.h"

namespace himoya {
namespace fs = std::filesystem;
namespace {

std::string find_thesaurus(const IndexOptions& options) {
    if (!options.thesaurus_path.empty()) return options.thesaurus_path;
    for (const auto& dir : options.corpus_dirs) {
        fs::path candidate = fs::path(dir) / "thesaurus.xml";
        std::error_code ec;
        if (fs::exists(candidate, ec)) return candidate.string();  // not a regular file: load_tagging says so
    }
    return "";
}

constexpr const char* kSourceHashKey = "source-hash:";
// The file each document was read from (its absolute path, normal_path), to
// tell a source that is gone from one that could not be read this time.
constexpr const char* kSourceFileKey = "source-file:";
constexpr int kMaxParts = 8;

// A file's report, added to the run's.
void merge_report(IngestReport& into, IngestReport&& from) {
    for (auto& p : from.problems) into.problems.push_back(std::move(p));
    into.files_seen += from.files_seen;
    into.documents_read += from.documents_read;
    into.documents_skipped += from.documents_skipped;
    into.entries_skipped += from.entries_skipped;
    into.documents_truncated += from.documents_truncated;
    into.documents_kept += from.documents_kept;
}

std::vector<std::string> metadata_keys(Xapian::Database& db, const std::string& prefix) {
    std::vector<std::string> keys;
    for (auto it = db.metadata_keys_begin(prefix); it != db.metadata_keys_end(prefix); ++it) keys.push_back(*it);
    return keys;
}

std::map<std::string, std::string> source_hashes(Xapian::Database& db) {
    std::map<std::string, std::string> hashes;  // document id → hash
    for (const std::string& key : metadata_keys(db, kSourceHashKey))
        hashes[key.substr(std::string(kSourceHashKey).size())] = db.get_metadata(key);
    return hashes;
}

// What the previous generation says of a document: when it entered the
// index, when it last changed, and the source hash it was built from.
struct PreviousStamp {
    IndexStamp stamp;
    std::string hash;
};

// Every document's stamp in `db` (its document record's data, else its
// kSlotIndexed value), with its source hash. An index of an older format
// has none: its documents count as new.
std::map<std::string, PreviousStamp> previous_stamps(Xapian::Database& db) {
    std::map<std::string, PreviousStamp> out;
    const std::string term = std::string(terms::kRecord) + "document";
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        Xapian::Document record = db.get_document(*it);
        std::optional<StoredRecord> data = decode_record(record.get_data());
        if (!data || data->id.empty()) continue;
        PreviousStamp& p = out[data->id];
        p.stamp = {data->indexed, data->updated};
        if (p.stamp.indexed.size() != terms::kIndexedStampBytes) {
            std::string slot = record.get_value(terms::kSlotIndexed);
            p.stamp.indexed = slot.size() >= terms::kIndexedStampBytes ? slot.substr(0, terms::kIndexedStampBytes) : "";
        }
    }
    for (auto& [id, hash] : source_hashes(db))
        if (auto it = out.find(id); it != out.end()) it->second.hash = hash;
    return out;
}

// The time of this run, as every document it adds or changes records it:
// SOURCE_DATE_EPOCH (seconds, the reproducible-builds convention) when set,
// so that two builds of one corpus can be compared byte for byte; else now.
std::string run_stamp() {
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        long long seconds = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && seconds >= 0 && seconds < 253402300800LL) {
            std::time_t t = static_cast<std::time_t>(seconds);
            std::tm tm{};
            gmtime_r(&t, &tm);
            char out[32];
            std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%S", &tm);
            return std::string(out) + ".000Z";
        }
    }
    return index_stamp_now();
}

// The thesaurus for tagging, if there is one and it loads (else a skip in the report).
struct Tagging {
    std::optional<Thesaurus> thesaurus;
    std::unique_ptr<ConceptTagger> tagger;  // over `thesaurus`
    std::string xml;                        // its text: stored in the index, part of every source hash
};

Tagging load_tagging(const IndexOptions& options, Analyzer& analyzer, IngestReport& report) {
    Tagging t;
    std::string path = find_thesaurus(options);
    if (path.empty()) return t;
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) {  // checked before reading: a FIFO would block
        report.skip(path, 0, "thesaurus not used: not a regular file");
        return t;
    }
    std::string error;
    t.thesaurus = Thesaurus::load(path, error);
    if (!t.thesaurus) {
        report.skip(path, 0, "thesaurus not used: " + error);
        return t;
    }
    t.tagger = std::make_unique<ConceptTagger>(*t.thesaurus, analyzer);
    IngestReport unused;  // Thesaurus::load has just read the file
    load_source_file(path, t.xml, unused);
    return t;
}

// The thesaurus travels inside the index, so the search side expands queries
// with exactly the concepts the documents were tagged with. Returns the salt
// of every source hash: the record format (bump the number when records
// change; the facet table is in its digest) and the thesaurus (a new one
// retags everything). History: 2 slots 10, 11; 3 XG terms, slot 12; 4 work
// bytes in slot 12; 5 provision concepts, XM, XS, status key field; 6 heading
// wdf; 7 fact citations store document_id/unit_id, not a page URL; 8 indexed
// and updated stamps, slot 13; 11 popular names (aliases) as title words and in document data;
// 14 extent and not-held concepts in document data (coverage tells silence from parts not held);
// 15 the same as XE and XH terms on document records (holdings counted without reading records);
// 16 a popular name's words the title already has are not title words again.
std::string attach_thesaurus(const Tagging& tagging, IndexWriter& writer, Xapian::WritableDatabase& db,
                             IndexSummary& summary) {
    std::string hash_salt = std::string("himoya-index-16\n") + terms::facet_table_digest();
    if (!tagging.tagger) return hash_salt;
    writer.set_tagger(tagging.tagger.get());
    hash_salt += tagging.xml;
    db.set_metadata("thesaurus", tagging.xml);
    summary.concepts = static_cast<int>(tagging.thesaurus->concepts().size());
    return hash_salt;
}

// How a fact table cites a provision.
nlohmann::json citation(const Document& d, const Provision& p) {
    return {{"id", p.provision_id}, {"label", p.label}, {"heading", p.heading}, {"title", d.title},
            {"lang", d.language}, {"document_id", d.document_id}, {"unit_id", p.unit_id}};
}

// Xapian's compactor merges part databases into `destination`: spelling
// frequencies summed, synonyms united, each part's metadata keys kept (the
// parts' keys do not overlap), the result compacted.
void merge_parts(const std::vector<std::string>& part_paths, const std::string& destination) {
    Xapian::Database all;
    for (const auto& path : part_paths) all.add_database(Xapian::Database(path));
    all.compact(destination, Xapian::DBCOMPACT_MULTIPASS);
}

// Index bytes per source byte, measured (docs/reliability.md, "Indexer"):
// one database written as it is, 9x (bundled corpus) to 12x (10k generated
// provisions); part databases and their merged copy side by side (or a
// database and its compacted copy), 17x to 20x at their peak.
constexpr double kSpacePerSourceByte = 12;
constexpr double kSpacePerSourceByteTwoCopies = 20;
// Free space any write step asks for at least (the stub, Xapian's base files).
constexpr std::uintmax_t kMinFreeBytes = 64 * 1024;

std::string megabytes(std::uintmax_t bytes) {
    char out[32];
    std::snprintf(out, sizeof out, "%.2f MB", static_cast<double>(bytes) / 1e6);
    return out;
}

// "" when the file system of `dir` has `needed` bytes free (or cannot tell),
// else the message that says so.
std::string check_space(const std::string& dir, std::uintmax_t needed, const std::string& why) {
    std::optional<std::uintmax_t> free = free_bytes(dir);
    if (!free || *free >= needed) return "";
    std::string message = "not enough free space in ";
    message += dir;
    message += ": ";
    message += megabytes(*free);
    message += " free, about ";
    message += megabytes(needed);
    message += " needed ";
    message += why;
    message += " (free some space, or index into another --db)";
    return message;
}

// The message of a failed write, with the free space when the disk is the cause.
std::string write_failure(const std::string& generation, const std::string& what) {
    std::string message = "cannot write the new index ";
    message += generation;
    message += ": ";
    message += what;
    if (what.find("No space left") != std::string::npos || what.find("quota") != std::string::npos) {
        message += " (the disk is full)";
    } else if (what.find("File too large") != std::string::npos) {
        message += " (a file reached the largest size allowed: the file system's, or the process's RLIMIT_FSIZE)";
    }
    message += "; the unfinished generation was removed";
    return message;
}

// The paths of the build in progress in this process, for
// discard_unfinished_build(); a build registers them and clears them when done.
std::mutex g_unfinished_mutex;
std::vector<std::string> g_unfinished;

struct UnfinishedBuild {
    std::vector<std::string> paths;
    explicit UnfinishedBuild(std::vector<std::string> p) : paths(std::move(p)) {
        std::lock_guard lock(g_unfinished_mutex);
        g_unfinished.insert(g_unfinished.end(), paths.begin(), paths.end());
    }
    void done() {
        std::lock_guard lock(g_unfinished_mutex);
        for (const std::string& path : paths)
            if (auto it = std::find(g_unfinished.begin(), g_unfinished.end(), path); it != g_unfinished.end())
                g_unfinished.erase(it);
        paths.clear();
    }
    ~UnfinishedBuild() { done(); }
    UnfinishedBuild(const UnfinishedBuild&) = delete;
    UnfinishedBuild& operator=(const UnfinishedBuild&) = delete;
};

std::uintmax_t total_bytes(const std::vector<std::string>& files) {
    std::uintmax_t bytes = 0;
    for (const std::string& file : files) {
        std::error_code ec;
        std::uintmax_t size = fs::file_size(file, ec);
        if (!ec) bytes += size;
    }
    return bytes;
}

// Free space before anything is written: the estimate from the sources (and,
// for an incremental run, the copy it starts from) is `estimate`; "" when it
// is there, else the message that says so.
std::string check_build_space(const std::string& db_path, std::uintmax_t source_bytes, bool two_copies,
                              std::uintmax_t copied_bytes, std::uintmax_t& estimate) {
    const double per_byte = two_copies ? kSpacePerSourceByteTwoCopies : kSpacePerSourceByte;
    estimate = static_cast<std::uintmax_t>(static_cast<double>(source_bytes) * per_byte) + copied_bytes;
    std::string why = "to build the new index (";
    why += std::to_string(static_cast<int>(per_byte));
    why += "x the ";
    why += megabytes(source_bytes);
    why += " of sources";
    why += copied_bytes > 0 ? ", plus a copy of the current index)" : ")";
    return check_space(db_path, estimate, why);
}

// The corpus's own tables, stored in the index beside the thesaurus: label
// tables (search/labels.h), place names (search/places.h) and the word
// lexicon's translations in the synonym table (analysis/lexicon.h). An
// incremental run replaces the previous run's.
void store_corpus_tables(Xapian::WritableDatabase& db, const IndexOptions& options, Analyzer& analyzer,
                         IngestReport& report, IndexSummary& summary) {
    for (const auto& [file, key, reader] :
         {std::tuple{"bodies.xml", terms::kBodyLabelsKey, &read_bodies},
          std::tuple{"istanbul-articles.xml", terms::kIstanbulLabelsKey, &read_istanbul_articles}}) {
        std::string path = find_table(options.corpus_dirs, file);
        std::optional<LabelTable> table = path.empty() ? std::nullopt : reader(path, report);
        db.set_metadata(std::string(key), table ? terms::encode_label_table(*table) : "");
    }
    {
        std::string path = find_table(options.corpus_dirs, "jurisdictions.xml"), xml;
        if (!path.empty()) load_source_file(path, xml, report);
        db.set_metadata(std::string(terms::kPlaceNamesKey), xml);  // stored as it is, like the thesaurus
    }
    {
        std::string folders;
        for (const std::string& dir : options.corpus_dirs) {
            std::error_code ec;
            fs::path absolute = fs::weakly_canonical(fs::absolute(dir), ec);
            folders += (ec ? fs::absolute(dir) : absolute).string() + "\n";
        }
        db.set_metadata(std::string(terms::kSourceFoldersKey), folders);
    }
    std::vector<std::string> old_keys;
    for (auto it = db.synonym_keys_begin(std::string(terms::kTranslation));
         it != db.synonym_keys_end(std::string(terms::kTranslation)); ++it)
        old_keys.push_back(*it);
    for (const std::string& key : old_keys) db.clear_synonyms(key);
    std::string path = find_table(options.corpus_dirs, "lexicon.tsv"), text;
    if (!path.empty() && load_source_file(path, text, report)) {
        std::vector<LexiconProblem> problems;
        std::vector<LexiconRow> rows = parse_lexicon(text, problems);
        for (const LexiconProblem& problem : problems) report.skip(path, problem.line, problem.what + "; the line is not used");
        for (const auto& [key, value] : translation_entries(rows, analyzer)) db.add_synonym(key, value);
        summary.lexicon_rows = static_cast<int>(rows.size());
    }
}

// A file's path as the index records it: absolute and lexically normal
// (links not resolved), so that runs from one working folder agree.
std::string normal_path(const std::string& path) {
    std::error_code ec;
    fs::path p = fs::absolute(path, ec);
    return (ec ? fs::path(path) : p).lexically_normal().string();
}

// Whether nothing is at `path` any more: no such file, or no such folder on
// the way (a dangling link holds nothing either). Any other failure (no
// permission, a link loop) is a file that is there but cannot be read.
bool source_gone(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) == 0) return false;
    return errno == ENOENT || errno == ENOTDIR;
}

// The sources of this run that are there but gave no document: files listed
// and read without a document coming out (broken, a malformed sidecar, a
// duplicate id), and what the run could not read at all (a file or folder
// with no permission, a link loop: every path a skipping problem names). A
// document the index holds from one of them keeps its version indexed
// before; a document whose file is gone, or no longer under a corpus folder,
// does not.
class UnreadSources {
public:
    UnreadSources(const std::vector<std::string>& files, const std::map<std::string, std::string>& seen_ids,
                  const IngestReport& report) {
        std::set<std::string> produced;
        for (const auto& [id, file] : seen_ids) produced.insert(normal_path(file));
        for (const std::string& file : files)
            if (std::string p = normal_path(file); !produced.count(p)) files_.emplace(std::move(p), file);
        for (const IngestProblem& problem : report.problems)
            if (problem.fatal && !problem.file.empty())
                if (std::string p = normal_path(problem.file); !produced.count(p)) entries_.emplace(std::move(p), problem.file);
    }

    // The path this run knows the file recorded as `source` by ("" when its
    // document does not keep its version indexed before: the file is gone,
    // or not among this run's sources, or gave a document).
    std::string keeps(const std::string& source) const {
        if (source.empty() || source_gone(source)) return "";
        if (auto it = files_.find(source); it != files_.end()) return it->second;
        if (auto it = entries_.find(source); it != entries_.end()) return it->second;
        for (const auto& [entry, given] : entries_)  // a file in a folder that could not be read
            if (source.size() > entry.size() && source.compare(0, entry.size(), entry) == 0 && source[entry.size()] == '/')
                return given + source.substr(entry.size());
        return "";
    }

private:
    std::map<std::string, std::string> files_;    // listed, no document read: normal path → as listed
    std::map<std::string, std::string> entries_;  // named by a skipping problem: normal path → as named
};

// A kept document's provisions as a fact table cites them (citation()), from its records in `db`.
void cite_records(Xapian::Database& db, const std::string& document_id, std::map<std::string, nlohmann::json>& citable) {
    const std::string term = terms::boolean_term(terms::kDocument, document_id);
    std::optional<StoredRecord> document;
    std::vector<StoredRecord> provisions;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it) {
        std::optional<StoredRecord> data = decode_record(db.get_document(*it).get_data());
        if (!data) continue;
        if (data->kind == "provision") provisions.push_back(std::move(*data));
        else document = std::move(data);
    }
    if (!document) return;
    for (const StoredRecord& p : provisions)
        citable.emplace(p.id, nlohmann::json{{"id", p.id}, {"label", p.label}, {"heading", p.heading},
                                             {"title", document->title}, {"lang", document->lang},
                                             {"document_id", document_id}, {"unit_id", p.unit_id}});
}

// The report's line on a document kept at its version indexed before.
void report_kept(IngestReport& report, const std::string& source, const std::string& document_id,
                 const std::map<std::string, PreviousStamp>& previous) {
    std::string message = "document '" + document_id + "' not read from this file this time (above); its version indexed before";
    if (auto it = previous.find(document_id); it != previous.end() && !it->second.stamp.updated.empty())
        message += " (last changed " + it->second.stamp.updated + ")";
    message += " stays in the index until the file reads again; remove the file to delete it";
    report.keep(source, message);
}

// Incremental run: the documents whose sources are gone since the last run
// are removed; those whose source is there but gave no document this time
// keep their records, source hash and citations (`citable`); the stored
// fact tables are cleared (they are rebuilt).
void forget_vanished_sources(Xapian::WritableDatabase& db, IndexWriter& writer,
                             const std::map<std::string, std::string>& seen_ids, const UnreadSources& unread,
                             const std::map<std::string, PreviousStamp>& previous, bool has_thesaurus,
                             std::map<std::string, nlohmann::json>& citable, IngestReport& report,
                             IndexSummary& summary) {
    for (const std::string& key : metadata_keys(db, kSourceHashKey)) {
        std::string id = key.substr(std::string(kSourceHashKey).size());
        if (seen_ids.count(id)) continue;
        if (std::string file = unread.keeps(db.get_metadata(kSourceFileKey + id)); !file.empty()) {
            cite_records(db, id, citable);
            report_kept(report, file, id, previous);
            ++summary.kept;
            continue;
        }
        writer.remove(id);
        db.set_metadata(key, "");
        db.set_metadata(kSourceFileKey + id, "");
        ++summary.deleted;
    }
    for (const std::string& key : metadata_keys(db, "facts:")) db.set_metadata(key, "");
    if (!has_thesaurus) db.set_metadata("thesaurus", "");
}

// Full build: a document of the current generation whose source is there but
// gave no document this time is copied over as it is (records, spelling,
// source hash and file), and cited (`citable`). An unreadable current
// generation keeps nothing. A document indexed before its source file was
// recorded (kSourceFileKey) cannot be told apart from one whose source is gone.
void carry_forward_unread(const std::string& previous_path, IndexWriter& writer, Xapian::WritableDatabase& db,
                          const std::map<std::string, std::string>& seen_ids, const UnreadSources& unread,
                          const std::map<std::string, PreviousStamp>& previous,
                          std::map<std::string, nlohmann::json>& citable, IngestReport& report, IndexSummary& summary) {
    if (previous_path.empty()) return;
    Xapian::Database current;
    try {
        current = Xapian::Database(previous_path);
    } catch (const Xapian::Error&) {
        return;  // an unreadable current generation is replaced whole (its documents count as new)
    }
    for (const std::string& key : metadata_keys(current, kSourceFileKey)) {
        std::string id = key.substr(std::string(kSourceFileKey).size());
        if (seen_ids.count(id)) continue;
        const std::string source = current.get_metadata(key);
        const std::string file = unread.keeps(source);
        if (file.empty() || writer.copy_from(current, id) == 0) continue;
        db.set_metadata(key, source);
        db.set_metadata(kSourceHashKey + id, current.get_metadata(kSourceHashKey + id));
        cite_records(current, id, citable);
        report_kept(report, file, id, previous);
        ++summary.kept;
    }
}

// Where each document the pipeline hands over goes: refused when its id was
// read before, kept as it is when unchanged, else written to part i % parts
// (part 0 on this thread, the others by ShardWriters). Used on the build's
// thread only (the pipeline calls back there).
class DocumentRouter {
public:
    DocumentRouter(Xapian::WritableDatabase& db, IndexWriter& writer, ShardWriters* other_parts, int parts,
                   bool incremental, IngestReport& report, IndexSummary& summary)
        : db_(db), writer_(writer), other_parts_(other_parts), parts_(static_cast<size_t>(parts)),
          incremental_(incremental), report_(report), summary_(summary) {}

    void accept(BuiltFile& built) {
        summary_.bytes += built.bytes;
        merge_report(report_, std::move(built.report));
        if (!built.document) return;
        const Document& document = *built.document;
        // Files come in --corpus order, each folder sorted: the first --corpus wins.
        if (auto [first, inserted] = seen_ids_.emplace(document.document_id, built.file); !inserted) {
            report_.skip(built.file, 0, "duplicate document id '" + document.document_id + "', already read from " +
                                            first->second + " (an earlier file or --corpus wins); skipped");
            --report_.documents_read;
            return;
        }
        // Which file it came from (part 0 holds every document's: the parts' metadata keys must not overlap).
        const std::string source_key = kSourceFileKey + document.document_id;
        if (std::string source = normal_path(built.file); !incremental_ || db_.get_metadata(source_key) != source)
            db_.set_metadata(source_key, source);
        if (!built.prepared) {
            summary_.provisions += static_cast<long>(document.provisions.size());
            ++summary_.unchanged;
        } else if (size_t part = accepted_++ % parts_; part > 0) {
            summary_.provisions += static_cast<long>(document.provisions.size());
            other_parts_->write(part - 1, std::move(*built.prepared), kSourceHashKey + document.document_id,
                                built.source_hash);
            ++summary_.rewritten;
        } else {
            if (incremental_) writer_.remove(document.document_id);
            summary_.provisions += writer_.write(std::move(*built.prepared));
            db_.set_metadata(kSourceHashKey + document.document_id, built.source_hash);
            ++summary_.rewritten;
        }
        if (summary_.documents++ == 0) test_pause_point("building");
        for (const Provision& p : document.provisions) citable_[p.provision_id] = citation(document, p);
    }

    // document id → the file it was read from
    const std::map<std::string, std::string>& seen_ids() const { return seen_ids_; }
    // provision id → citation, for fact tables (kept documents' are added after the files)
    std::map<std::string, nlohmann::json>& citable() { return citable_; }

private:
    Xapian::WritableDatabase& db_;
    IndexWriter& writer_;
    ShardWriters* other_parts_;
    size_t parts_;
    bool incremental_;
    IngestReport& report_;
    IndexSummary& summary_;
    size_t accepted_ = 0;  // documents written so far
    std::map<std::string, std::string> seen_ids_;
    std::map<std::string, nlohmann::json> citable_;
};

// After the commit: the part databases merged into the generation (the merge
// compacts too), or the generation compacted when asked. "" or the error.
std::string merge_or_compact(const IndexOptions& options, ShardWriters* other_parts,
                             const std::vector<std::string>& part_paths, const std::string& parts_dir,
                             const std::string& generation, const std::string& compacted) {
    if (other_parts) {
        // Xapian's compactor merges the parts (sums spelling frequencies,
        // unites synonyms, keeps each part's metadata keys).
        other_parts->finish();
        if (std::string error = check_space(options.db_path, tree_bytes(parts_dir), "to merge the part databases");
            !error.empty())
            return error;
        merge_parts(part_paths, generation);
        fs::remove_all(parts_dir);
    } else if (options.compact) {
        if (std::string error = check_space(options.db_path, tree_bytes(generation), "to compact the new index");
            !error.empty())
            return error;
        Xapian::Database(generation).compact(compacted, Xapian::DBCOMPACT_MULTIPASS);
        fs::remove_all(generation);
        fs::rename(compacted, generation);
    }
    return "";
}

}  // namespace

std::vector<std::string> source_folders(const std::string& db_path) {
    std::vector<std::string> out;
    try {
        const std::string folders = Xapian::Database(db_path).get_metadata(std::string(terms::kSourceFoldersKey));
        size_t start = 0;
        while (start < folders.size()) {
            size_t end = folders.find('\n', start);
            if (end == std::string::npos) end = folders.size();
            if (end > start) out.push_back(folders.substr(start, end - start));
            start = end + 1;
        }
    } catch (const Xapian::Error&) {
        // no index there yet
    }
    return out;
}

IndexSummary build_index(const IndexOptions& options, IngestReport& report) {
    auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    auto finish = [&](std::string error) {
        summary.error = std::move(error);
        summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        return summary;
    };
    // A corpus folder that is not there (a typo, an unmounted disk) is no
    // corpus with nothing in it: read as one, it would delete every document
    // of the index. The run stops before the index folder is touched.
    for (const std::string& dir : options.corpus_dirs) {
        std::error_code ec;
        const fs::file_status status = fs::status(dir, ec);
        if (!fs::exists(status))
            return finish("corpus folder " + dir + " not found; nothing was indexed and the index is unchanged");
        if (!fs::is_directory(status))
            return finish("corpus folder " + dir + " is not a folder; nothing was indexed and the index is unchanged");
    }
    IndexLocation location(options.db_path);
    if (std::string error = location.create(); !error.empty()) return finish(error);
    // One indexer per index folder, from here to the end of the run.
    IndexLock lock(options.db_path, options.wait_for_lock, options.on_lock_wait);
    if (lock.state() != IndexLock::State::held) {
        summary.busy = lock.state() == IndexLock::State::busy;
        return finish(lock.error());
    }
    test_pause_point("lock");
    summary.removed_debris = location.remove_debris();
    // Pages read by OCR in an earlier run are not read again (readers/ocr_cache.h);
    // the entries this run does not use are removed once it has succeeded.
    const auto ocr_cache_since = fs::file_time_type::clock::now();
    const auto ocr_cache = std::make_shared<OcrCache>(fs::path(options.db_path) / kOcrCacheFolder);
    ScopedOcrCache ocr_cache_scope(ocr_cache);

    std::vector<std::string> files = list_corpus_files(options.corpus_dirs, report, ReaderRegistry::builtin(), options.confined_dirs);
    const std::uintmax_t source_bytes = total_bytes(files);
    std::string generation;
    try {
        generation = location.begin_generation();
    } catch (const std::exception& e) {
        return finish(std::string("cannot start a new generation in ") + options.db_path + ": " + e.what());
    }
    summary.generation = generation;
    const std::string previous = location.current_generation();
    const std::string previous_path = previous.empty() ? "" : (fs::path(options.db_path) / previous).string();
    const bool incremental = options.incremental && !previous.empty();
    const std::string unchanged_note =
        previous.empty() ? "; there was no index before" : "; the current index (" + previous + ") is unchanged";

    // A full build on several cores writes part databases here, merged into the generation at the end.
    const std::string parts_dir = generation + ".parts";
    const std::string compacted = generation + ".compact";
    UnfinishedBuild unfinished({generation, parts_dir, compacted});
    auto discard = [&] {
        location.abandon_generation(generation);
        std::error_code ec;
        fs::remove_all(parts_dir, ec);
        fs::remove_all(compacted, ec);
    };
    const int threads = options.threads > 0 ? options.threads
                                            : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    // Xapian has one writer per database, and writing is most of a build: one
    // part per thread (an incremental run updates one database in place).
    const int parts = incremental ? 1 : std::min(threads, kMaxParts);

    std::uintmax_t estimate = 0;
    if (std::string error = check_build_space(options.db_path, source_bytes, parts > 1 || options.compact,
                                              incremental ? tree_bytes(previous_path) : 0, estimate);
        !error.empty())
        return finish(error + unchanged_note);

    try {
        // Incremental: the new generation starts as a copy of the current one, so
        // readers keep the current one untouched until the atomic switch.
        if (incremental) fs::copy(previous_path, generation, fs::copy_options::recursive);
        std::vector<std::string> part_paths;
        for (int i = 0; i < parts && parts > 1; ++i) part_paths.push_back(parts_dir + "/part-" + std::to_string(i));
        if (parts > 1) fs::create_directories(parts_dir);
        // Part 0 (or the whole index) is written on this thread; the others by ShardWriters.
        Xapian::WritableDatabase db(parts > 1 ? part_paths[0] : generation,
                                    incremental ? Xapian::DB_OPEN : Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        IndexWriter writer(db);
        Tagging tagging = load_tagging(options, writer.analyzer(), report);
        const std::optional<Thesaurus>& thesaurus = tagging.thesaurus;
        const std::unique_ptr<ConceptTagger>& tagger = tagging.tagger;
        const std::string hash_salt = attach_thesaurus(tagging, writer, db, summary);
        // Started after this thread's Analyzer exists: ICU initialises its shared
        // data once, here, before other threads build their own analysers.
        std::unique_ptr<ShardWriters> other_parts;
        if (parts > 1)
            other_parts = std::make_unique<ShardWriters>(std::vector<std::string>(part_paths.begin() + 1, part_paths.end()));
        // Source hashes of the current index, read before the builders start (they
        // consult it from their threads; the database is the writer's alone).
        const std::map<std::string, std::string> indexed_hashes =
            incremental ? source_hashes(db) : std::map<std::string, std::string>{};
        // When each document entered the index, kept across runs: from this
        // database's copy (incremental) or the current generation (full build).
        std::map<std::string, PreviousStamp> previous_stamp_map;
        if (incremental) {
            previous_stamp_map = previous_stamps(db);
        } else if (!previous_path.empty()) {
            try {
                Xapian::Database current(previous_path);
                previous_stamp_map = previous_stamps(current);
            } catch (const Xapian::Error&) {
                // An unreadable current generation is replaced: its documents count as new.
            }
        }
        const std::string now = run_stamp();
        // First pass: every provision's concepts, agreed across its language versions.
        ConceptPlan plan = tagger ? ConceptPlan::build(files, *tagger, threads) : ConceptPlan{};
        writer.set_plan(&plan);
        PipelineOptions pipeline;
        pipeline.threads = threads;
        pipeline.tagger = tagger.get();
        pipeline.plan = &plan;
        pipeline.hash_salt = hash_salt;
        pipeline.unchanged = [&indexed_hashes](const std::string& id, const std::string& hash) {
            auto it = indexed_hashes.find(id);
            return it != indexed_hashes.end() && it->second == hash;
        };
        pipeline.stamp = [&previous_stamp_map, &now](const std::string& id, const std::string& hash) {
            auto it = previous_stamp_map.find(id);
            if (it == previous_stamp_map.end() || it->second.stamp.indexed.empty()) return IndexStamp{now, now};
            const PreviousStamp& p = it->second;
            const bool same = p.hash == hash && !p.stamp.updated.empty();
            return IndexStamp{p.stamp.indexed, same ? p.stamp.updated : now};
        };
        DocumentRouter router(db, writer, other_parts.get(), parts, incremental, report, summary);
        int done = 0;
        run_document_pipeline(files, pipeline, [&](BuiltFile& built) {
            router.accept(built);
            ++done;
            if (options.on_progress) options.on_progress(done, static_cast<int>(files.size()), summary.provisions, summary.bytes);
        });
        summary.files = static_cast<int>(files.size());
        {
            const UnreadSources unread(files, router.seen_ids(), report);
            if (incremental)
                forget_vanished_sources(db, writer, router.seen_ids(), unread, previous_stamp_map, thesaurus.has_value(),
                                        router.citable(), report, summary);
            else
                carry_forward_unread(previous_path, writer, db, router.seen_ids(), unread, previous_stamp_map,
                                     router.citable(), report, summary);
        }
        store_corpus_tables(db, options, writer.analyzer(), report, summary);
        for (const std::string& path : list_fact_files(options.corpus_dirs))
            if (auto table = read_fact_table(path, report))
                db.set_metadata("facts:" + table->topic, fact_table_json(*table, router.citable(), path, report).dump());
        if (options.strict && report.lost_anything()) {
            other_parts.reset();
            db.close();
            discard();
            return finish("");
        }
        writer.flush_spelling();
        // What is not on disk yet is at most the estimate less what is.
        const std::uintmax_t written = tree_bytes(generation) + tree_bytes(parts_dir);
        const std::uintmax_t rest = std::max<std::uintmax_t>(kMinFreeBytes, estimate > written ? estimate - written : 0);
        if (std::string error = check_space(options.db_path, rest, "to commit the new index"); !error.empty()) {
            other_parts.reset();
            db.close();
            discard();
            return finish(error + unchanged_note);
        }
        test_pause_point("commit");
        db.commit();
        db.close();
        if (std::string error = merge_or_compact(options, other_parts.get(), part_paths, parts_dir, generation, compacted);
            !error.empty()) {
            discard();
            return finish(error + unchanged_note);
        }
    } catch (const Xapian::Error& e) {
        discard();
        return finish(write_failure(generation, e.get_description()) + unchanged_note);
    } catch (const std::exception& e) {
        discard();
        return finish(write_failure(generation, e.what()) + unchanged_note);
    } catch (...) {
        discard();
        return finish(write_failure(generation, "unknown error") + unchanged_note);
    }
    summary.index_bytes = static_cast<long>(tree_bytes(generation));
    if (std::string error = check_space(options.db_path, kMinFreeBytes, "to switch to the new index"); !error.empty()) {
        discard();
        return finish(error + unchanged_note);
    }
    if (std::string error = location.commit_generation(generation); !error.empty()) {
        discard();
        return finish(error + unchanged_note);
    }
    unfinished.done();
    summary.switched = true;
    ocr_cache->prune(ocr_cache_since);
    return finish("");
}

std::string describe_exception(std::exception_ptr e) noexcept {
    if (!e) return "unknown error";
    try {
        std::rethrow_exception(e);
    } catch (const Xapian::Error& x) {
        return x.get_description();
    } catch (const std::exception& x) {
        return x.what();
    } catch (...) {
    }
    return "unknown error";
}

void discard_unfinished_build() noexcept {
    std::unique_lock lock(g_unfinished_mutex, std::try_to_lock);
    if (!lock.owns_lock()) return;
    for (const std::string& path : g_unfinished) {
        std::error_code ec;
        for (int attempt = 0; attempt < 3 && fs::exists(path, ec); ++attempt) fs::remove_all(path, ec);
    }
    g_unfinished.clear();
}

IndexOcrCacheScope::IndexOcrCacheScope(const std::string& db_path, bool read_only) {
    std::error_code ec;
    if (fs::exists(fs::path(db_path) / kIndexLockName, ec))  // an index folder, not any folder
        scope_ = std::make_unique<ScopedOcrCache>(std::make_shared<OcrCache>(fs::path(db_path) / kOcrCacheFolder, read_only));
}

IndexOcrCacheScope::~IndexOcrCacheScope() = default;

}  // namespace himoya
