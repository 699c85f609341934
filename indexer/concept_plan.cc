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

namespace {

uint64_t hash64(std::string_view a, std::string_view b) {
    uint64_t h = 1469598103934665603ULL;
    for (unsigned char c : a) h = (h ^ c) * 1099511628211ULL;
    h = (h ^ 0xff) * 1099511628211ULL;
    for (unsigned char c : b) h = (h ^ c) * 1099511628211ULL;
    return h;
}

// The indexed examples with the smallest hashes, up to a cap: the same set
// whatever order the threads offer them in.
class ExampleSample {
public:
    struct Example {
        uint64_t hash;
        TermCounts words;
        std::vector<std::string> about;
        std::string source;
    };
    explicit ExampleSample(size_t cap) : cap_(cap) {}
    void offer(Example e) {
        std::lock_guard lock(m_);
        if (cap_ == 0) return;
        if (heap_.size() == cap_ && e.hash >= heap_.front().hash) return;
        heap_.push_back(std::move(e));
        std::push_heap(heap_.begin(), heap_.end(), less);
        if (heap_.size() > cap_) {
            std::pop_heap(heap_.begin(), heap_.end(), less);
            heap_.pop_back();
        }
    }
    std::vector<Example> take() {
        std::sort(heap_.begin(), heap_.end(), less);
        return std::move(heap_);
    }

private:
    static bool less(const Example& a, const Example& b) { return a.hash < b.hash; }
    size_t cap_;
    std::mutex m_;
    std::vector<Example> heap_;
};

}  // namespace

ConceptPlan ConceptPlan::build(const std::vector<std::string>& files, const ConceptTagger& tagger, int threads,
                               const ConceptPlanOptions& options) {
    ConceptPlan plan;
    // Each file's judgments, kept until every thread is done, then added in
    // file order: of a duplicate document id the first file counts, as in the
    // indexing pass, whichever thread read it first.
    struct Judged {
        std::string document_id, work_id;
        std::vector<std::string> groups;  // provision_group of each provision
        std::vector<VersionConcepts> versions;
        bool has_markup = false;  // some unit names its subjects
        bool indexed = false;     // ... and the markup counts (not hidden for an evaluation)
        std::vector<std::optional<TermCounts>> unindexed;  // pass 2: the words of each version no editor indexed
    };
    std::vector<std::optional<Judged>> judged_files(files.size());
    ExampleSample examples(options.learn_from_indexing ? options.max_examples : 0);
    std::mutex m;
    std::exception_ptr error;
    auto run = [&](auto&& each, size_t count) {
        std::atomic<size_t> next{0};
        auto work = [&] {
            Analyzer analyzer;
            for (size_t i; (i = next++) < count;) {
                try {
                    each(analyzer, i);
                } catch (...) {
                    std::lock_guard lock(m);
                    if (!error) error = std::current_exception();
                }
            }
        };
        int n = std::max(1, std::min(threads, static_cast<int>(count)));
        if (n == 1) {
            work();
        } else {
            std::vector<std::thread> pool;
            for (int t = 0; t < n; ++t) pool.emplace_back(work);
            for (auto& t : pool) t.join();
        }
        if (error) std::rethrow_exception(error);
    };

    // Pass 1: every version judged by its markup, or by the label rule.
    run([&](Analyzer& analyzer, size_t i) {
        IngestReport unused;  // the indexing pass reads and reports every file again
        auto d = read_document_file(files[i], unused);
        if (!d) return;
        const bool hide_markup = options.judge_as_unindexed.count(d->work_id) > 0;
        Judged j;
        j.has_markup = std::any_of(d->provisions.begin(), d->provisions.end(),
                                   [](const Provision& p) { return !p.topics.empty(); });
        // Editors index a document whole: in one with any unit markup, a unit
        // without it was judged about nothing, and the model does not second-guess that.
        j.indexed = j.has_markup && !hide_markup;
        j.versions.reserve(d->provisions.size());
        for (Provision& p : d->provisions) {
            std::vector<std::string> markup;
            if (hide_markup) std::swap(markup, p.topics);
            j.versions.push_back(judge_provision(analyzer, tagger, *d, p));
            if (hide_markup) std::swap(markup, p.topics);
            j.groups.push_back(provision_group(*d, p));
        }
        j.document_id = d->document_id;
        j.work_id = d->work_id;
        judged_files[i] = std::move(j);  // slot i is this thread's alone
    }, files.size());

    // Pass 2, only for a collection with both indexed and unindexed documents
    // (a pure one pays nothing): the indexed texts' words and concepts, and
    // the unindexed ones' words, read again.
    const bool mixed = options.learn_from_indexing &&
                       std::any_of(judged_files.begin(), judged_files.end(), [](const auto& j) { return j && j->has_markup; }) &&
                       std::any_of(judged_files.begin(), judged_files.end(), [](const auto& j) { return j && !j->indexed; });
    if (mixed) {
        run([&](Analyzer& analyzer, size_t i) {
            if (!judged_files[i]) return;
            Judged& j = *judged_files[i];
            IngestReport unused;
            auto d = read_document_file(files[i], unused);
            if (!d || d->provisions.size() != j.versions.size()) return;
            j.unindexed.resize(d->provisions.size());
            for (size_t k = 0; k < d->provisions.size(); ++k) {
                const Provision& p = d->provisions[k];
                if (j.indexed && p.topics.empty()) continue;
                TermCounts words = term_counts(analyzer.analyze(p.heading, d->language),
                                               analyzer.analyze(p.text, passage_language(d->language, p.text)));  // as judge_provision reads them
                if (!p.topics.empty())
                    examples.offer({hash64(provision_group(*d, p), d->language), words, p.topics, d->work_id});
                if (!j.indexed) j.unindexed[k] = std::move(words);
            }
        }, files.size());
    }

    // What the indexed texts most like each unindexed version are about.
    ConceptModel model(options.model);
    for (auto& e : examples.take()) model.add(e.words, e.about, std::move(e.source));
    model.finish();
    if (mixed && model.size() > 0) {
        run([&](Analyzer&, size_t i) {
            if (!judged_files[i]) return;
            Judged& j = *judged_files[i];
            const bool own_left_out = options.judge_as_unindexed.count(j.work_id) > 0;
            for (size_t k = 0; k < j.unindexed.size() && k < j.versions.size(); ++k) {
                if (!j.unindexed[k]) continue;
                ProvisionConcepts& c = j.versions[k].concepts;
                for (const auto& s : model.suggest(*j.unindexed[k], own_left_out ? std::string_view(j.work_id) : std::string_view{})) {
                    if (c.about.count(s.concept_id)) continue;
                    const bool named = c.mentions.erase(s.concept_id) > 0;
                    if (options.suggestions_need_label && !named && s.score < options.strong_suggestion) continue;
                    c.about.insert(s.concept_id);
                }
                j.unindexed[k].reset();
            }
        }, judged_files.size());
    }

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
