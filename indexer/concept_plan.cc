#include "indexer/concept_plan.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstdio>
#include <mutex>
#include <optional>
#include <set>
#include <thread>

#include "analysis/language.h"
#include "indexer/readers/document_reader.h"
#include "indexer/ingest_report.h"

namespace himoya {

std::string provision_group(const Document& d, const Provision& p) { return d.work_id + "/" + p.unit_id; }

VersionConcepts judge_provision(Analyzer& analyzer, const ConceptTagger& tagger, const Document& d,
                                const Provision& p) {
    VersionConcepts v;
    v.lang = d.language;
    v.original = d.translation_of.empty();
    auto heading = analyzer.analyze(p.heading, d.language);
    auto text = analyzer.analyze(p.text, passage_language(d.language, p.text));
    v.concepts = tagger.judge(heading, text, p.topics);
    return v;
}

ConceptPlan ConceptPlan::build(const std::vector<std::string>& files, const ConceptTagger& tagger, int threads) {
    ConceptPlan plan;
    // Each file's judgments, kept until every thread is done, then added in
    // file order: of a duplicate document id the first file counts, as in the
    // indexing pass, whichever thread read it first.
    struct Judged {
        std::string document_id;
        std::vector<std::string> groups;  // provision_group of each provision
        std::vector<VersionConcepts> versions;
    };
    std::vector<std::optional<Judged>> judged_files(files.size());
    std::mutex m;
    std::atomic<size_t> next{0};
    std::exception_ptr error;
    auto work = [&] {
        Analyzer analyzer;
        for (size_t i; (i = next++) < files.size();) {
            try {
                IngestReport unused;  // the indexing pass reads and reports every file again
                auto d = read_document_file(files[i], unused);
                if (!d) continue;
                Judged j;
                j.versions.reserve(d->provisions.size());
                for (const Provision& p : d->provisions) j.versions.push_back(judge_provision(analyzer, tagger, *d, p));
                for (const Provision& p : d->provisions) j.groups.push_back(provision_group(*d, p));
                j.document_id = d->document_id;
                judged_files[i] = std::move(j);  // slot i is this thread's alone
            } catch (...) {
                std::lock_guard lock(m);
                if (!error) error = std::current_exception();
            }
        }
    };
    int n = std::max(1, std::min(threads, static_cast<int>(files.size())));
    if (n == 1) {
        work();
    } else {
        std::vector<std::thread> pool;
        for (int t = 0; t < n; ++t) pool.emplace_back(work);
        for (auto& t : pool) t.join();
    }
    if (error) std::rethrow_exception(error);
    std::set<std::string> seen_ids;
    for (auto& j : judged_files) {
        // A duplicate document id is skipped by the indexing pass too.
        if (j && seen_ids.insert(j->document_id).second)
            for (size_t i = 0; i < j->groups.size() && i < j->versions.size(); ++i)
                plan.versions_[j->groups[i]].push_back(std::move(j->versions[i]));
        j.reset();
    }
    plan.finish();
    return plan;
}

ConceptPlan ConceptPlan::from_documents(const std::vector<Document>& documents, const ConceptTagger& tagger) {
    ConceptPlan plan;
    Analyzer analyzer;
    for (const Document& d : documents) {
        std::vector<VersionConcepts> judged;
        for (const Provision& p : d.provisions) judged.push_back(judge_provision(analyzer, tagger, d, p));
        plan.add(d, std::move(judged));
    }
    plan.finish();
    return plan;
}

void ConceptPlan::add(const Document& d, std::vector<VersionConcepts> judged) {
    for (size_t i = 0; i < d.provisions.size() && i < judged.size(); ++i)
        versions_[provision_group(d, d.provisions[i])].push_back(std::move(judged[i]));
}

void ConceptPlan::finish() {
    for (auto& [group, versions] : versions_) {
        // Versions arrive in thread order: sort so the plan does not depend on it.
        std::sort(versions.begin(), versions.end(),
                  [](const VersionConcepts& a, const VersionConcepts& b) { return a.lang < b.lang; });
        agreed_[group] = agree_across_versions(versions);
    }
}

const ProvisionConcepts* ConceptPlan::find(const std::string& group) const {
    auto it = agreed_.find(group);
    return it == agreed_.end() ? nullptr : &it->second;
}

std::string ConceptPlan::digest(const Document& d) const {
    uint64_t h = 1469598103934665603ULL;
    auto mix = [&h](const std::string& s) {
        for (unsigned char c : s) h = (h ^ c) * 1099511628211ULL;
        h = (h ^ 0xff) * 1099511628211ULL;
    };
    for (const Provision& p : d.provisions) {
        const ProvisionConcepts* c = find(provision_group(d, p));
        if (!c) continue;
        mix(p.unit_id);
        for (const auto& id : c->about) mix("+" + id);
        for (const auto& id : c->mentions) mix("~" + id);
    }
    char out[17];
    std::snprintf(out, sizeof out, "%016llx", static_cast<unsigned long long>(h));
    return out;
}

}  // namespace himoya
