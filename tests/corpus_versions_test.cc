// The language versions of one work in the bundled corpus agree on what
// describes the work: jurisdiction, type, document topics, legal status and
// audience. Facets count texts by their first version seen (search/facets.h):
// versions that disagree make a count depend on the order documents were
// indexed in, and a facet count differ from the results of ticking it.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "indexer/ingest_report.h"
#include "indexer/readers/document_reader.h"

using namespace himoya;

namespace {

// The bundled corpus's documents by work, read once.
const std::map<std::string, std::vector<Document>>& corpus_works() {
    static const auto works = [] {
        IngestReport report;
        std::map<std::string, std::vector<Document>> out;
        for (const auto& file : list_corpus_files({HIMOYA_SOURCE_DIR "/corpus"}, report))
            if (auto d = read_document_file(file, report)) out[d->work_id].push_back(std::move(*d));
        return out;
    }();
    return works;
}

}  // namespace

TEST_CASE("every language version of a work in corpus/ carries the same work metadata") {
    const auto& works = corpus_works();
    REQUIRE(works.size() > 20);
    for (const auto& [work, versions] : works) {
        const Document& first = versions.front();
        for (const Document& v : versions) {
            INFO(work << ": " << first.document_id << " vs " << v.document_id);
            CHECK(v.jurisdiction == first.jurisdiction);
            CHECK(v.type == first.type);
            CHECK(std::set<std::string>(v.topics.begin(), v.topics.end()) ==
                  std::set<std::string>(first.topics.begin(), first.topics.end()));
            CHECK(std::set<std::string>(v.audience.begin(), v.audience.end()) ==
                  std::set<std::string>(first.audience.begin(), first.audience.end()));
            CHECK(v.legal_status.state == first.legal_status.state);
            CHECK(v.legal_status.since == first.legal_status.since);
            CHECK(v.issuing_body_ref == first.issuing_body_ref);
            // What part of the source is held: a gap must not depend on the language.
            CHECK(v.extent_or_default() == first.extent_or_default());
            CHECK(std::set<std::string>(v.not_held.begin(), v.not_held.end()) ==
                  std::set<std::string>(first.not_held.begin(), first.not_held.end()));
        }
    }
}

// `since` is when the state began (docs/corpus-format.md): for an amended law
// the date of its first amendment, which is then listed; a law's own
// adoption, its entry into force or its latest amendment read as "amended
// since" would misdate it. Left out when the first amendment is not known.
TEST_CASE("an amended law in corpus/ is amended since its first amendment, listed, or no date is given") {
    size_t dated = 0;
    for (const auto& [work, versions] : corpus_works())
        for (const Document& v : versions) {
            if (v.legal_status.state != "amended" || v.legal_status.since.empty()) continue;
            INFO(v.document_id << ": amended since " << v.legal_status.since);
            std::string first;
            for (const LegalRelation& r : v.legal_status.relations)
                if (r.type == "amended-by" && !r.date.empty() && (first.empty() || r.date < first)) first = r.date;
            CHECK(v.legal_status.since == first);
            ++dated;
        }
    CHECK(dated > 0);
}

// <not-held> names what coverage reports as held elsewhere: each must be a
// concept the thesaurus has (a typo would silently match no row), and only a
// text held in part has parts not held.
TEST_CASE("the concepts corpus/ lists as not held are thesaurus concepts, in texts held in part") {
    std::ifstream in(HIMOYA_SOURCE_DIR "/corpus/thesaurus.xml");
    const std::string thesaurus((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    REQUIRE(thesaurus.size() > 1000);
    size_t listed = 0;
    for (const auto& [work, versions] : corpus_works())
        for (const Document& v : versions)
            for (const std::string& c : v.not_held) {
                INFO(v.document_id << ": " << c);
                CHECK(thesaurus.find("concept id=\"" + c + "\"") != std::string::npos);
                CHECK(v.extent_or_default() == "selected");
                ++listed;
            }
    CHECK(listed > 0);
}

TEST_CASE("a unit of corpus/ saying the law has no provision on a concept (absent) is about it, alike in every version") {
    std::ifstream in(HIMOYA_SOURCE_DIR "/corpus/thesaurus.xml");
    const std::string thesaurus((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    size_t listed = 0;
    for (const auto& [work, versions] : corpus_works()) {
        std::map<std::string, std::vector<std::string>> by_unit;  // unit id -> absent, from the first version
        for (const Document& v : versions)
            for (const Provision& p : v.provisions) {
                INFO(p.provision_id);
                for (const std::string& c : p.absent) {
                    CHECK(thesaurus.find("concept id=\"" + c + "\"") != std::string::npos);
                    CHECK(std::find(p.topics.begin(), p.topics.end(), c) != p.topics.end());
                    ++listed;
                }
                auto [it, first] = by_unit.try_emplace(p.unit_id, p.absent);
                if (!first) CHECK(it->second == p.absent);
            }
    }
    CHECK(listed > 0);
}

TEST_CASE("a unit of corpus/ reporting practice (role) says so in every version, and only with a known role") {
    size_t practice = 0;
    for (const auto& [work, versions] : corpus_works()) {
        std::map<std::string, std::string> by_unit;  // unit id -> role, from the first version
        for (const Document& v : versions)
            for (const Provision& p : v.provisions) {
                INFO(p.provision_id);
                CHECK((p.role.empty() || p.role == "practice"));
                practice += p.role == "practice";
                auto [it, first] = by_unit.try_emplace(p.unit_id, p.role);
                if (!first) CHECK(it->second == p.role);
            }
    }
    CHECK(practice > 0);
}

// A language version is the same text in another language (docs/corpus-format.md):
// one that lacks a unit hides that provision from readers of its language and
// makes compare and the matrix answer differently by language.
TEST_CASE("every language version of a work in corpus/ has the same units in the same order") {
    const auto& works = corpus_works();
    REQUIRE(works.size() > 20);
    auto units = [](const Document& d) {
        std::vector<std::string> out;
        for (const Provision& p : d.provisions) out.push_back(p.unit_id + " " + p.num);
        return out;
    };
    for (const auto& [work, versions] : works) {
        const Document& first = versions.front();
        for (const Document& v : versions) {
            INFO(work << ": " << first.document_id << " vs " << v.document_id);
            CHECK(units(v) == units(first));
        }
    }
}
