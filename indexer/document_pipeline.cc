#include "indexer/document_pipeline.h"

#include <condition_variable>
#include <cstdint>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

#include "indexer/readers/document_reader.h"
#include "indexer/readers/sidecar.h"
#include "indexer/source_file.h"

namespace himoya {
namespace {

std::unique_ptr<BuiltFile> build_file(const std::string& file, const PipelineOptions& options, RecordBuilder& builder) {
    auto out = std::make_unique<BuiltFile>();
    out->file = file;
    std::error_code ec;
    out->bytes = static_cast<long>(std::filesystem::file_size(file, ec));
    out->document = read_document_file(file, out->report);
    if (!out->document) return out;
    std::string bytes;
    IngestReport unused;  // the reader has just read this file; a failure now only changes the hash
    load_source_file(file, bytes, unused);
    // Its sidecar is part of its source: a title or jurisdiction corrected in
    // NAME.meta.xml alone must rewrite the document in an incremental run.
    if (const std::string sidecar = sidecar_path(file); sidecar != file) {
        std::string meta;
        IngestReport ignored;
        std::error_code ec;
        if (std::filesystem::is_regular_file(sidecar, ec) && load_source_file(sidecar, meta, ignored))
            bytes += "\n\x1e" + meta;  // a separator no text file's end makes up with the sidecar's start
    }
    // The concepts the plan gives this document depend on its sibling versions too.
    out->source_hash = content_hash(bytes, options.plan ? options.hash_salt + options.plan->digest(*out->document)
                                                        : options.hash_salt);
    if (options.unchanged && options.unchanged(out->document->document_id, out->source_hash)) return out;
    out->prepared = builder.build(*out->document, options.stamp ? options.stamp(out->document->document_id, out->source_hash)
                                                                : IndexStamp{});
    return out;
}

// How many files the builders may run ahead of the writer, per thread: bounds
// the memory held by built but unwritten records.
constexpr size_t kAheadPerThread = 4;

}  // namespace

std::string content_hash(const std::string& bytes, const std::string& salt) {
    uint64_t h = 1469598103934665603ULL;
    for (const std::string* part : {&salt, &bytes})
        for (unsigned char c : *part) h = (h ^ c) * 1099511628211ULL;
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return out;
}

void run_document_pipeline(const std::vector<std::string>& files, const PipelineOptions& options,
                           const std::function<void(BuiltFile&)>& consume) {
    if (options.threads <= 1 || files.size() < 2) {
        RecordBuilder builder(options.tagger);
        builder.set_plan(options.plan);
        for (const auto& file : files) consume(*build_file(file, options, builder));
        return;
    }

    // Slot i receives file i's result; results are whole heap objects moved by
    // pointer, so no Xapian::Document is ever copied between threads (their
    // reference counts are not atomic).
    std::vector<std::unique_ptr<BuiltFile>> slots(files.size());
    std::vector<std::exception_ptr> errors(files.size());
    std::vector<char> done(files.size(), 0);
    std::mutex m;
    std::condition_variable produced, consumed;
    size_t next = 0, written = 0;
    bool stop = false;
    const size_t window = kAheadPerThread * static_cast<size_t>(options.threads);

    auto work = [&] {
        RecordBuilder builder(options.tagger);
        builder.set_plan(options.plan);
        for (;;) {
            size_t i;
            {
                std::unique_lock lock(m);
                consumed.wait(lock, [&] { return stop || next >= files.size() || next < written + window; });
                if (stop || next >= files.size()) return;
                i = next++;
            }
            std::unique_ptr<BuiltFile> result;
            std::exception_ptr error;
            try {
                result = build_file(files[i], options, builder);
            } catch (...) {
                error = std::current_exception();
            }
            {
                std::lock_guard lock(m);
                slots[i] = std::move(result);
                errors[i] = error;
                done[i] = 1;
            }
            produced.notify_all();
        }
    };

    std::vector<std::thread> threads;
    // Stops and joins the builders however this function is left.
    struct Joiner {
        std::vector<std::thread>& threads;
        std::mutex& m;
        bool& stop;
        std::condition_variable& consumed;
        ~Joiner() {
            {
                std::lock_guard lock(m);
                stop = true;
            }
            consumed.notify_all();
            for (auto& t : threads) t.join();
        }
    } joiner{threads, m, stop, consumed};
    for (int t = 0; t < options.threads; ++t) threads.emplace_back(work);

    for (size_t i = 0; i < files.size(); ++i) {
        std::unique_ptr<BuiltFile> result;
        std::exception_ptr error;
        {
            std::unique_lock lock(m);
            produced.wait(lock, [&] { return done[i] != 0; });
            result = std::move(slots[i]);
            error = errors[i];
            written = i + 1;
        }
        consumed.notify_all();
        if (error) std::rethrow_exception(error);
        consume(*result);
    }
}

}  // namespace himoya
