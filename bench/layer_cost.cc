// What each layer of an index costs to write and to keep (issue "performance
// at real size": "measure what each term layer costs"). Rewrites every record
// of an index into a fresh database once as it is and once without each
// layer, on one thread, and reports per layer its postings and positions, the
// write time and the compacted size saved by leaving it out. Layers are told
// apart by the term scheme (analysis/term_scheme.h): nothing is re-analysed,
// so the figures are Xapian's writing and storage, not Himoya's analysis.
//
//   layer_cost --db GENERATION [--work DIR] [--runs N] [--csv FILE] [--label NAME]
//
// GENERATION is an index generation folder (INDEX/gen-NNNNNN). Every variant
// is written once per round, --runs rounds (default 3), and keeps its best
// time; sizes are of the variant compacted with Xapian's compactor, as
// bench/wholedoc compares them. Times are one thread's writing only: the
// records are read into memory first.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <xapian.h>

#include "analysis/term_scheme.h"

namespace fs = std::filesystem;
namespace terms = himoya::terms;

namespace {

bool starts(std::string_view term, std::string_view prefix) { return term.substr(0, prefix.size()) == prefix; }

// The prefix of a term: its leading capitals (a word or a stem is lower case).
std::string_view prefix_of(std::string_view term) {
    size_t n = 0;
    while (n < term.size() && term[n] >= 'A' && term[n] <= 'Z') ++n;
    return term.substr(0, n);
}

// A term that matches a word of the text (as opposed to a boolean metadata term).
bool text_term(std::string_view term) {
    const std::string_view p = prefix_of(term);
    return p.empty() || p == terms::kStem || p == terms::kTitle || p == terms::kTitleStem || p == terms::kFolded;
}

// A record read into memory before any timing: the variants time writing only.
struct Term {
    std::string name;
    Xapian::termcount wdf = 0;
    std::vector<Xapian::termpos> positions;
};
struct Record {
    bool document = false;  // a whole-document record (XRdocument)
    std::string data;
    std::vector<std::pair<Xapian::valueno, std::string>> values;
    std::vector<Term> terms;
};

// A layer: which terms (and parts of a record) a variant leaves out.
struct Layer {
    std::string name;
    std::function<bool(std::string_view term, const Record&)> drops_term = [](std::string_view, const Record&) { return false; };
    bool drop_positions = false;
    bool drop_values = false;
    bool drop_data = false;
    bool drop_termlist = false;  // Xapian::DB_NO_TERMLIST: no record's term list is kept
};

struct Measured {
    long postings = 0;   // (term, record) pairs left out
    long positions = 0;  // positions left out
    double seconds = 0;
    std::uintmax_t bytes = 0;
};

std::uintmax_t tree_bytes(const fs::path& dir) {
    std::uintmax_t n = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir))
        if (e.is_regular_file()) n += e.file_size();
    return n;
}

// Writes the records without `layer` into work/variant once; its time, and
// (when `measure_size`) its compacted size.
Measured write_variant(const std::vector<Record>& records, const Layer& layer, const fs::path& work, bool measure_size) {
    Measured m;
    const fs::path out = work / "variant", compacted = work / "variant.compact";
    fs::remove_all(out);
    const auto started = std::chrono::steady_clock::now();
    {
        Xapian::WritableDatabase db(out.string(), Xapian::DB_CREATE | Xapian::DB_BACKEND_GLASS |
                                                      (layer.drop_termlist ? Xapian::DB_NO_TERMLIST : 0));
        for (const Record& r : records) {
            Xapian::Document copy;
            if (!layer.drop_data) copy.set_data(r.data);
            if (!layer.drop_values)
                for (const auto& [slot, value] : r.values) copy.add_value(slot, value);
            for (const Term& t : r.terms) {
                const long held = static_cast<long>(t.positions.size());
                if (layer.drops_term(t.name, r)) {
                    ++m.postings;
                    m.positions += held;
                    continue;
                }
                if (!layer.drop_positions)
                    for (Xapian::termpos p : t.positions) copy.add_posting(t.name, p, 0);
                else
                    m.positions += held;
                copy.add_term(t.name, t.wdf);
            }
            db.add_document(copy);
        }
        db.commit();
    }
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    if (measure_size) {
        fs::remove_all(compacted);
        Xapian::Database(out.string()).compact(compacted.string());
        m.bytes = tree_bytes(compacted);
        fs::remove_all(compacted);
    }
    fs::remove_all(out);
    return m;
}

}  // namespace

int main(int argc, char** argv) {
    std::string db_path, work = "/tmp/himoya-layer-cost", csv, label;
    int runs = 3;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) {
                std::fprintf(stderr, "%s needs a value\n", a.c_str());
                std::exit(2);
            }
            return argv[++i];
        };
        if (a == "--db") db_path = value();
        else if (a == "--work") work = value();
        else if (a == "--runs") runs = std::max(1, std::atoi(value().c_str()));
        else if (a == "--csv") csv = value();
        else if (a == "--label") label = value();
        else {
            std::fprintf(stderr, "usage: layer_cost --db GENERATION [--work DIR] [--runs N] [--csv FILE] [--label NAME]\n");
            return 2;
        }
    }
    if (db_path.empty()) {
        std::fprintf(stderr, "usage: layer_cost --db GENERATION [--work DIR] [--runs N] [--csv FILE] [--label NAME]\n");
        return 2;
    }
    try {
        Xapian::Database db(db_path);
        const std::string document_record = std::string(terms::kRecord) + "document";
        std::vector<Record> records;
        for (auto it = db.postlist_begin(""); it != db.postlist_end(""); ++it) {
            Record r;
            const Xapian::Document doc = db.get_document(*it);
            r.data = doc.get_data();
            for (auto v = doc.values_begin(); v != doc.values_end(); ++v) r.values.emplace_back(v.get_valueno(), *v);
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                Term term{*t, t.get_wdf(), {}};
                for (auto p = t.positionlist_begin(); p != t.positionlist_end(); ++p) term.positions.push_back(*p);
                if (term.name == document_record) r.document = true;
                r.terms.push_back(std::move(term));
            }
            records.push_back(std::move(r));
        }
        fs::create_directories(work);

        auto has = [](std::string_view prefix) {
            return [prefix](std::string_view term, const Record&) { return prefix_of(term) == prefix; };
        };
        std::vector<Layer> layers;
        layers.push_back({"(everything: the index rewritten as it is)"});
        Layer positions{"positions (every positional term keeps its wdf)"};
        positions.drop_positions = true;
        layers.push_back(positions);
        layers.push_back({"Z stems", has(terms::kStem)});
        layers.push_back({"XF folded stems", has(terms::kFolded)});
        layers.push_back({"title layer (S, ZS) in every record", [](std::string_view term, const Record&) {
                              const std::string_view p = prefix_of(term);
                              return p == terms::kTitle || p == terms::kTitleStem;
                          }});
        layers.push_back({"words of whole-document records (title and text)",
                          [](std::string_view term, const Record& r) { return r.document && text_term(term); }});
        layers.push_back({"boolean metadata terms (Q, N, L, Y, XK, XC, XM, XS, XB, XA, XW, XD, XR, XG)",
                          [](std::string_view term, const Record&) { return !text_term(term); }});
        layers.push_back({"id and version-group terms (Q, XG)", [](std::string_view term, const Record&) {
                              return starts(term, terms::kUniqueId) || starts(term, terms::kVersionGroup);
                          }});
        Layer values{"value slots"};
        values.drop_values = true;
        layers.push_back(values);
        Layer data{"stored record data"};
        data.drop_data = true;
        layers.push_back(data);
        // Kept by Himoya: an incremental run deletes and replaces records, which
        // needs their term lists, and a hit's highlighting reads its own.
        Layer termlists{"term lists (the termlist table)"};
        termlists.drop_termlist = true;
        layers.push_back(termlists);

        std::ofstream out_csv;
        if (!csv.empty()) {
            const bool fresh = !fs::exists(csv) || fs::file_size(csv) == 0;
            out_csv.open(csv, std::ios::app);
            if (fresh) out_csv << "label,layer,postings,positions,write_s,compacted_mb,saved_s,saved_mb\n";
        }
        std::printf("%zu records of %s, each variant written %d times (best kept), one thread\n", records.size(),
                    db_path.c_str(), runs);
        std::printf("%-78s %10s %10s %8s %9s %8s %8s\n", "left out", "postings", "positions", "write s", "size MB",
                    "saves s", "saves MB");
        // Round after round over every variant, so that the machine's drift
        // touches them alike; each keeps its best time.
        std::vector<Measured> best(layers.size());
        // The whole index is written first and last in each round (the first
        // write of a round ran slower than the rest).
        for (int run = 0; run < runs; ++run)
            for (size_t k = 0; k <= layers.size(); ++k) {
                const size_t i = k % layers.size();
                const Measured m = write_variant(records, layers[i], work, run == 0 && k < layers.size());
                if (run == 0 && k < layers.size()) best[i] = m;
                else best[i].seconds = std::min(best[i].seconds, m.seconds);
            }
        const Measured& whole = best[0];
        for (size_t i = 0; i < layers.size(); ++i) {
            const Measured& m = best[i];
            const double saved_s = i == 0 ? 0 : whole.seconds - m.seconds;
            const double saved_mb = i == 0 ? 0 : (static_cast<double>(whole.bytes) - static_cast<double>(m.bytes)) / 1e6;
            std::printf("%-78s %10ld %10ld %8.2f %9.2f %8.2f %8.2f\n", layers[i].name.c_str(), m.postings, m.positions,
                        m.seconds, m.bytes / 1e6, saved_s, saved_mb);
            if (out_csv)
                out_csv << label << ",\"" << layers[i].name << "\"," << m.postings << "," << m.positions << "," << m.seconds
                        << "," << m.bytes / 1e6 << "," << saved_s << "," << saved_mb << "\n";
        }
    } catch (const Xapian::Error& e) {
        std::fprintf(stderr, "layer_cost: %s\n", e.get_description().c_str());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "layer_cost: %s\n", e.what());
        return 1;
    }
    return 0;
}
