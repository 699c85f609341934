// Dumps an index as text, independent of document numbers, so that two indexes
// can be compared with diff: one block per record, ordered by unique id (Q term),
// with its data, values, and every term with wdf and positions; then the
// database-wide statistics, the spelling table and the metadata.
//
//   index_dump DB
#include <algorithm>
#include <cstdio>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include <xapian.h>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: index_dump DB\n");
        return 2;
    }
    Xapian::Database db(argv[1]);
    std::vector<std::pair<std::string, std::string>> blocks;
    for (auto id = db.allterms_begin("Q"); id != db.allterms_end("Q"); ++id) {
        for (auto p = db.postlist_begin(*id); p != db.postlist_end(*id); ++p) {
            Xapian::Document doc = db.get_document(*p);
            std::ostringstream o;
            o << "record " << *id << "\n  data " << doc.get_data() << "\n  doclength " << db.get_doclength(*p) << "\n";
            for (auto v = doc.values_begin(); v != doc.values_end(); ++v) o << "  value " << v.get_valueno() << " " << *v << "\n";
            for (auto t = doc.termlist_begin(); t != doc.termlist_end(); ++t) {
                o << "  term " << *t << " wdf=" << t.get_wdf() << " pos=";
                for (auto q = t.positionlist_begin(); q != t.positionlist_end(); ++q) o << *q << ",";
                o << "\n";
            }
            blocks.emplace_back(*id, o.str());
        }
    }
    std::sort(blocks.begin(), blocks.end());
    for (const auto& b : blocks) std::cout << b.second;
    std::cout << "doccount " << db.get_doccount() << "\ntotal_length " << db.get_total_length() << "\n";
    for (auto t = db.allterms_begin(); t != db.allterms_end(); ++t)
        std::cout << "termfreq " << *t << " " << t.get_termfreq() << " " << db.get_collection_freq(*t) << "\n";
    for (auto s = db.spellings_begin(); s != db.spellings_end(); ++s)
        std::cout << "spelling " << *s << " " << s.get_termfreq() << "\n";
    for (auto k = db.metadata_keys_begin(); k != db.metadata_keys_end(); ++k)
        std::cout << "metadata " << *k << " " << db.get_metadata(*k).size() << " " << std::hash<std::string>{}(db.get_metadata(*k)) << "\n";
    return 0;
}
