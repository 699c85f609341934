// References between provisions scored against a hand-checked gold file
// (tests/data/references/): shared by bench/reference_eval (the figures) and
// tests/references_eval_test.cc (floors that must hold).
//
// A detected reference matches a gold one of the same provision when their
// spans in the text overlap. Its target is right when it points at the same
// units (version groups), or is unresolved where the gold says "-", or names
// the same works for a whole-act reference (or an article that is a work as a
// whole: ResolvedReference::whole_work). Only the documents the gold file
// covers (those with a row) are scored. A provision naming its own article
// ("Article 139 punishes …" inside Article 139) is no link: Himoya drops it
// by design, and such gold rows are counted apart, not scored.
#pragma once

#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <vector>

#include "indexer/ingest_report.h"
#include "indexer/readers/document_reader.h"
#include "search/references.h"

namespace himoya::eval {

struct ReferenceScores {
    size_t gold = 0, own_article = 0, documents = 0;
    long gold_resolved = 0, detected = 0, matched = 0, right_target = 0, detected_resolved = 0, right_resolved = 0;
    std::vector<std::string> messages;  // "extra", "missed", "target" lines
    std::string error;                  // a bad gold file: what is wrong
    double precision() const { return detected ? double(matched) / double(detected) : 0; }
    double recall() const { return gold ? double(matched) / double(gold) : 0; }
    double target_precision() const { return detected ? double(right_target) / double(detected) : 0; }
    double target_recall() const { return gold ? double(right_target) / double(gold) : 0; }
    double link_precision() const { return detected_resolved ? double(right_resolved) / double(detected_resolved) : 0; }
    double link_recall() const { return gold_resolved ? double(right_resolved) / double(gold_resolved) : 0; }
};

struct CorpusReferences {
    std::vector<ReferenceUnit> units;
    std::map<std::string, std::string> text_of, group_of, document_of;  // by provision id
};

inline CorpusReferences read_corpus_references(const std::string& corpus) {
    CorpusReferences c;
    IngestReport report;
    for (const auto& file : list_corpus_files({corpus}, report)) {
        auto d = read_document_file(file, report);
        if (!d) continue;
        for (const Provision& p : d->provisions) {
            ReferenceUnit u{p.provision_id, d->document_id, d->work_id.empty() ? d->document_id : d->work_id,
                            p.unit_id, d->language, d->jurisdiction, d->type, d->title, d->translation_of.empty(),
                            d->date, d->source.number, p.num, p.label, p.heading, p.text, {}};
            for (const Document::Alias& a : d->aliases) u.aliases.push_back(a.name);
            c.text_of[u.provision_id] = p.text;
            c.group_of[u.provision_id] = u.work_id + "/" + u.unit_id;
            c.document_of[u.provision_id] = d->document_id;
            c.units.push_back(std::move(u));
        }
    }
    return c;
}

inline std::vector<std::string> split_fields(const std::string& s, char sep) {
    std::vector<std::string> out;
    std::string cur;
    std::istringstream in(s);
    while (std::getline(in, cur, sep)) out.push_back(cur);
    return out;
}

// The groups (or, for a whole act, works) a resolved reference points at.
inline std::set<std::string> targets_of(const ResolvedReference& r, const CorpusReferences& c) {
    std::set<std::string> out;
    for (const auto& t : r.targets) {
        auto g = c.group_of.find(t);
        out.insert(g == c.group_of.end() ? t : g->second);
    }
    if (r.articles.empty() || r.whole_work) out.insert(r.works.begin(), r.works.end());
    return out;
}

inline std::string show(const std::set<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += (out.empty() ? "" : " ") + x;
    return out.empty() ? std::string("-") : out;
}

// The graph of a corpus folder as the index builds it: with the places of its
// jurisdictions.xml, which name the laws of other places ("FBiH law of 2013").
inline std::unique_ptr<ReferenceGraph> graph_for(const CorpusReferences& c, const std::string& corpus) {
    std::ifstream file(corpus + "/jurisdictions.xml");
    std::stringstream xml;
    xml << file.rdbuf();
    Analyzer analyzer;
    const PlaceRecognizer places(xml.str(), analyzer);
    return std::make_unique<ReferenceGraph>(c.units, &places, &analyzer);
}

inline ReferenceScores score_references(const CorpusReferences& c, const ReferenceGraph& graph,
                                        const std::string& gold_path) {
    ReferenceScores s;
    struct Row {
        std::string provision, surface, act, target;
    };
    std::ifstream in(gold_path);
    if (!in) {
        s.error = "cannot read " + gold_path;
        return s;
    }
    std::vector<Row> gold;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (line.empty() || line[0] == '#') continue;
        auto f = split_fields(line, '\t');
        if (f.size() < 4) {
            s.error = gold_path + ": a row needs 4 fields: " + line;
            return s;
        }
        Row r{f[0], f[1], f[2], f[3]};
        if (!c.text_of.count(r.provision)) {
            s.error = "gold row for an unknown provision: " + r.provision;
            return s;
        }
        if (r.target == c.group_of.at(r.provision)) {
            ++s.own_article;
            continue;
        }
        gold.push_back(std::move(r));
    }
    s.gold = gold.size();
    std::set<std::string> documents;
    std::map<std::string, std::vector<const Row*>> by_provision;
    for (const auto& g : gold) {
        documents.insert(c.document_of.at(g.provision));
        by_provision[g.provision].push_back(&g);
    }
    s.documents = documents.size();
    for (const auto& u : c.units) {
        if (!documents.count(u.document_id)) continue;
        const std::string& text = c.text_of.at(u.provision_id);
        struct Span {
            size_t begin, end;
            const Row* row;
            bool used = false;
        };
        std::vector<Span> spans;
        std::map<std::string, size_t> from;
        for (const Row* g : by_provision[u.provision_id]) {
            size_t at = text.find(g->surface, from[g->surface]);
            if (at == std::string::npos) {
                s.error = "gold surface not in the text of " + g->provision + ": " + g->surface;
                return s;
            }
            from[g->surface] = at + 1;
            spans.push_back({at, at + g->surface.size(), g});
        }
        for (const auto& sp : spans) s.gold_resolved += sp.row->target != "-";
        for (const auto& r : graph.refers_to(u.provision_id)) {
            ++s.detected;
            const size_t begin = text.find(r.surface), end = begin + r.surface.size();
            const std::set<std::string> mine = targets_of(r, c);
            s.detected_resolved += !mine.empty();
            Span* hit = nullptr;
            for (auto& sp : spans)
                if (!sp.used && sp.begin < end && begin < sp.end) {
                    hit = &sp;
                    break;
                }
            if (!hit) {
                s.messages.push_back("extra\t" + u.provision_id + "\t" + r.surface + "\t" + show(mine));
                continue;
            }
            hit->used = true;
            ++s.matched;
            std::set<std::string> want;
            if (hit->row->target != "-")
                for (const auto& t : split_fields(hit->row->target, ' '))
                    if (!t.empty()) want.insert(t);
            if (want == mine) {
                ++s.right_target;
                s.right_resolved += !mine.empty();
            } else {
                s.messages.push_back("target\t" + u.provision_id + "\t" + r.surface + "\tgold=" + show(want) +
                                     "\tsystem=" + show(mine));
            }
        }
        for (const auto& sp : spans)
            if (!sp.used) s.messages.push_back("missed\t" + u.provision_id + "\t" + sp.row->surface + "\t" + sp.row->target);
    }
    return s;
}

}  // namespace himoya::eval
