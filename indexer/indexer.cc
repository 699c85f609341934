#include "indexer/indexer.h"

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <map>
#include <set>
#include <stdexcept>
#include <thread>
#include <tuple>

#include <nlohmann/json.hpp>
#include <xapian.h>

#include "analysis/concept_tagger.h"
#include "analysis/term_scheme.h"
#include "analysis/thesaurus.h"
#include "indexer/document_pipeline.h"
#include "indexer/document_reader.h"
#include "indexer/facts_reader.h"
#include "indexer/index_location.h"
#include "indexer/index_writer.h"
#include "indexer/label_tables.h"
#include "indexer/shard_writers.h"
#include "indexer/source_file.h"

namespace himoya {
namespace fs = std::filesystem;
namespace {

long directory_size(const std::string& path) {
    long total = 0;
    std::error_code ec;
    for (const auto& e : fs::recursive_directory_iterator(path, ec))
        if (e.is_regular_file(ec)) total += static_cast<long>(e.file_size(ec));
    return total;
}

std::string find_thesaurus(const IndexOptions& options) {
    if (!options.thesaurus_path.empty()) return options.thesaurus_path;
    for (const auto& dir : options.corpus_dirs) {
        fs::path candidate = fs::path(dir) / "thesaurus.xml";
        if (fs::is_regular_file(candidate)) return candidate.string();
    }
    return "";
}

constexpr const char* kSourceHashKey = "source-hash:";
constexpr int kMaxParts = 8;

// A file's report, added to the run's.
void merge_report(IngestReport& into, IngestReport&& from) {
    for (auto& p : from.problems) into.problems.push_back(std::move(p));
    into.files_seen += from.files_seen;
    into.documents_read += from.documents_read;
    into.documents_skipped += from.documents_skipped;
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

// How a fact table cites a provision.
nlohmann::json citation(const Document& d, const Provision& p) {
    return {{"id", p.provision_id}, {"label", p.label}, {"heading", p.heading}, {"title", d.title},
            {"lang", d.language}, {"url", "/document.html?id=" + d.document_id + "#" + p.unit_id}};
}

// Xapian's compactor merges part databases into `destination`: spelling
// frequencies summed, synonyms united, each part's metadata keys kept (the
// parts' keys do not overlap), the result compacted.
void merge_parts(const std::vector<std::string>& part_paths, const std::string& destination) {
    Xapian::Database all;
    for (const auto& path : part_paths) all.add_database(Xapian::Database(path));
    all.compact(destination, Xapian::DBCOMPACT_MULTIPASS);
}

}  // namespace

IndexSummary build_index(const IndexOptions& options, IngestReport& report) {
    auto started = std::chrono::steady_clock::now();
    IndexSummary summary;
    IndexLocation location(options.db_path);
    std::vector<std::string> files = list_corpus_files(options.corpus_dirs, report);
    summary.generation = location.begin_generation();
    const std::string previous = options.incremental ? location.current_generation() : "";
    const bool incremental = !previous.empty();

    // A full build on several cores writes part databases here, merged into the generation at the end.
    const std::string parts_dir = summary.generation + ".parts";
    auto discard = [&] {
        location.abandon_generation(summary.generation);
        std::error_code ec;
        fs::remove_all(parts_dir, ec);
    };
    const int threads = options.threads > 0 ? options.threads
                                            : std::max(1, static_cast<int>(std::thread::hardware_concurrency()));
    // Xapian has one writer per database, and writing is most of a build: one
    // part per thread (an incremental run updates one database in place).
    const int parts = incremental ? 1 : std::min(threads, kMaxParts);

    try {
        // Incremental: the new generation starts as a copy of the current one, so
        // readers keep the current one untouched until the atomic switch.
        if (incremental)
            fs::copy(fs::path(options.db_path) / previous, summary.generation, fs::copy_options::recursive);
        std::vector<std::string> part_paths;
        for (int i = 0; i < parts && parts > 1; ++i) part_paths.push_back(parts_dir + "/part-" + std::to_string(i));
        if (parts > 1) fs::create_directories(parts_dir);
        // Part 0 (or the whole index) is written on this thread; the others by ShardWriters.
        Xapian::WritableDatabase db(parts > 1 ? part_paths[0] : summary.generation,
                                    incremental ? Xapian::DB_OPEN : Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS);
        // The hash of a source covers the thesaurus too: a new thesaurus retags everything.
        std::string hash_salt = "himoya-index-6\n";  // bump when the records change (2: slots 10, 11; 3: XG terms, slot 12; 4: work bytes in slot 12; 5: provision concepts, XM, XS, status key field; 6: heading wdf)
        IndexWriter writer(db);
        // The thesaurus travels inside the index, so the search side expands
        // queries with exactly the concepts the documents were tagged with.
        Tagging tagging = load_tagging(options, writer.analyzer(), report);
        const std::optional<Thesaurus>& thesaurus = tagging.thesaurus;
        const std::unique_ptr<ConceptTagger>& tagger = tagging.tagger;
        if (tagger) {
            writer.set_tagger(tagger.get());
            hash_salt += tagging.xml;
            db.set_metadata("thesaurus", tagging.xml);
            summary.concepts = static_cast<int>(thesaurus->concepts().size());
        }
        // Started after this thread's Analyzer exists: ICU initialises its shared
        // data once, here, before other threads build their own analysers.
        std::unique_ptr<ShardWriters> other_parts;
        if (parts > 1)
            other_parts = std::make_unique<ShardWriters>(std::vector<std::string>(part_paths.begin() + 1, part_paths.end()));
        std::set<std::string> seen_ids;
        std::map<std::string, nlohmann::json> citable;  // provision id → citation, for fact tables
        // Source hashes of the current index, read before the builders start (they
        // consult it from their threads; the database is the writer's alone).
        const std::map<std::string, std::string> indexed_hashes =
            incremental ? source_hashes(db) : std::map<std::string, std::string>{};
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
        int done = 0;
        size_t accepted = 0;  // documents written so far: document i goes to part i % parts
        run_document_pipeline(files, pipeline, [&](BuiltFile& built) {
            summary.bytes += built.bytes;
            merge_report(report, std::move(built.report));
            ++done;
            if (built.document) {
                const Document& document = *built.document;
                if (!seen_ids.insert(document.document_id).second) {
                    report.skip(built.file, 0, "duplicate document id '" + document.document_id +
                                                   "' (already read from an earlier file); skipped");
                    --report.documents_read;
                } else {
                    if (!built.prepared) {
                        summary.provisions += static_cast<long>(document.provisions.size());
                        ++summary.unchanged;
                    } else if (size_t part = accepted++ % static_cast<size_t>(parts); part > 0) {
                        summary.provisions += static_cast<long>(document.provisions.size());
                        other_parts->write(part - 1, std::move(*built.prepared), kSourceHashKey + document.document_id,
                                           built.source_hash);
                        ++summary.rewritten;
                    } else {
                        if (incremental) writer.remove(document.document_id);
                        summary.provisions += writer.write(std::move(*built.prepared));
                        db.set_metadata(kSourceHashKey + document.document_id, built.source_hash);
                        ++summary.rewritten;
                    }
                    ++summary.documents;
                    for (const Provision& p : document.provisions) citable[p.provision_id] = citation(document, p);
                }
            }
            if (options.on_progress) options.on_progress(done, static_cast<int>(files.size()), summary.provisions, summary.bytes);
        });
        summary.files = static_cast<int>(files.size());
        if (incremental) {
            // Sources gone since the last run; fact tables are rebuilt below.
            for (const std::string& key : metadata_keys(db, kSourceHashKey)) {
                std::string id = key.substr(std::string(kSourceHashKey).size());
                if (seen_ids.count(id)) continue;
                writer.remove(id);
                db.set_metadata(key, "");
                ++summary.deleted;
            }
            for (const std::string& key : metadata_keys(db, "facts:")) db.set_metadata(key, "");
            if (!thesaurus) db.set_metadata("thesaurus", "");
        }
        // Label tables travel in the index like the thesaurus (search/labels.h).
        for (const auto& [file, key, reader] :
             {std::tuple{"bodies.xml", terms::kBodyLabelsKey, &read_bodies},
              std::tuple{"istanbul-articles.xml", terms::kIstanbulLabelsKey, &read_istanbul_articles}}) {
            std::string path = find_table(options.corpus_dirs, file);
            std::optional<LabelTable> table = path.empty() ? std::nullopt : reader(path, report);
            db.set_metadata(std::string(key), table ? terms::encode_label_table(*table) : "");
        }
        // Names of places for queries (search/places.h), stored as they are, like the thesaurus.
        {
            std::string path = find_table(options.corpus_dirs, "jurisdictions.xml"), xml;
            if (!path.empty()) load_source_file(path, xml, report);
            db.set_metadata(std::string(terms::kPlaceNamesKey), xml);
        }
        for (const std::string& path : list_fact_files(options.corpus_dirs)) {
            if (auto table = read_fact_table(path, report))
                db.set_metadata("facts:" + table->topic, fact_table_json(*table, citable, path, report).dump());
        }
        if (options.strict && report.documents_skipped > 0) {
            other_parts.reset();
            db.close();
            discard();
            summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
            return summary;
        }
        writer.flush_spelling();
        db.commit();
        db.close();
        if (other_parts) {
            // Xapian's compactor merges the parts (sums spelling frequencies,
            // unites synonyms, keeps each part's metadata keys) into a compact
            // generation: the merge is the --compact step too.
            other_parts->finish();
            merge_parts(part_paths, summary.generation);
            fs::remove_all(parts_dir);
        } else if (options.compact) {
            const std::string compacted = summary.generation + ".compact";
            Xapian::Database(summary.generation).compact(compacted, Xapian::DBCOMPACT_MULTIPASS);
            fs::remove_all(summary.generation);
            fs::rename(compacted, summary.generation);
        }
    } catch (const Xapian::Error& e) {
        discard();
        throw std::runtime_error("cannot write index " + summary.generation + ": " + e.get_description());
    } catch (...) {
        discard();
        throw;
    }
    summary.index_bytes = directory_size(summary.generation);
    location.commit_generation(summary.generation);
    summary.switched = true;
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    return summary;
}

}  // namespace himoya
