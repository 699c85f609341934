#include "indexer/record_builder.h"

#include <algorithm>
#include <chrono>
#include <ctime>
#include <map>
#include <set>

#include "analysis/normalizer.h"
#include "analysis/record_codec.h"
#include "analysis/language.h"
#include "analysis/facet_table.h"
#include "analysis/term_scheme.h"
#include "indexer/concept_plan.h"

namespace himoya {
namespace {

// Extra within-document frequency of a provision's heading words.
constexpr Xapian::termcount kHeadingExtraWdf = 2;

// Text kept in a whole-document record's data, for its snippet.
constexpr size_t kDocumentSnippetSource = 4000;

std::string date_value(const std::string& date) {
    // "2013-03-19" → "20130319"; "2013" → "20130000": sorts correctly either way.
    std::string digits;
    for (char c : date) if (c >= '0' && c <= '9') digits += c;
    digits.resize(8, '0');
    return digits;
}

std::string join(const std::vector<std::string>& values) {
    std::string out;
    for (const auto& v : values) {
        if (!out.empty()) out += terms::kMultiValueSeparator;
        out += v;
    }
    return out;
}

// The values of one facet on a record, from the field its FacetSource names.
// Adding a facet adds a case here: there is no default, so a FacetSource
// without one is a compile error (-Wswitch under -Wall -Werror).
std::vector<std::string> facet_values(terms::FacetSource source, const Document& d,
                                      const std::vector<std::string>& topics) {
    switch (source) {
        case terms::FacetSource::kJurisdiction: return {d.jurisdiction};
        case terms::FacetSource::kLanguage: return {d.language};
        case terms::FacetSource::kType: return {d.type};
        case terms::FacetSource::kYear:
            if (d.year() > 0) return {std::to_string(d.year())};
            return {};
        case terms::FacetSource::kTopics: return topics;
        case terms::FacetSource::kBody: return {d.body_key()};
        case terms::FacetSource::kAudience: return d.audience;
        case terms::FacetSource::kStatus:
            if (!d.legal_status.state.empty()) return {d.legal_status.state};
            return {};
    }
    return {};
}

// The fields every record has: its document's metadata.
StoredRecord common_data(const Document& d) {
    StoredRecord r;
    r.document_id = d.document_id;
    r.title = d.title;
    r.jurisdiction = d.jurisdiction;
    r.lang = d.language;
    r.type = d.type;
    r.year = d.year();
    r.date = d.date;
    r.body = d.issuing_body;
    r.body_id = d.issuing_body_ref;
    r.text_status = d.text_status;
    r.extent = d.extent_or_default();
    r.work_id = d.work_id;
    r.original = d.translation_of.empty();
    r.concepts_automatic = std::none_of(d.provisions.begin(), d.provisions.end(),
                                        [](const Provision& p) { return !p.topics.empty(); });
    if (!d.legal_status.state.empty()) {
        StoredLegalStatus status{d.legal_status.state, d.legal_status.since, {}};
        for (const LegalRelation& x : d.legal_status.relations)
            status.relations.push_back({x.type, x.work, x.date, x.url, x.citation});
        r.legal_status = std::move(status);
    }
    return r;
}

// The language versions of one text share this key: a value to collapse them
// into one hit, a term to fetch a hit's other versions.
void add_version_group(Xapian::Document& record, const std::string& group) {
    record.add_value(terms::kSlotVersionGroup, group);
    record.add_value(terms::kSlotVersionKey, terms::version_key(group));
    record.add_boolean_term(terms::version_group_term(group));
}

}  // namespace

std::string index_stamp_now() {
    using namespace std::chrono;
    const auto now = system_clock::now();
    const std::time_t seconds = system_clock::to_time_t(now);
    const auto millis = duration_cast<milliseconds>(now.time_since_epoch()).count() % 1000;
    std::tm tm{};
    gmtime_r(&seconds, &tm);
    char out[32];
    std::strftime(out, sizeof out, "%Y-%m-%dT%H:%M:%S", &tm);
    std::string stamp = out;
    stamp += '.';
    stamp += static_cast<char>('0' + millis / 100);
    stamp += static_cast<char>('0' + millis / 10 % 10);
    stamp += static_cast<char>('0' + millis % 10);
    stamp += 'Z';
    return stamp;
}

void RecordBuilder::add_stamp(Xapian::Document& record, StoredRecord& data, const Document& d) const {
    data.indexed = stamp_.indexed;
    data.updated = stamp_.updated;
    record.add_value(terms::kSlotIndexed, stamp_.indexed + d.document_id);
}

void RecordBuilder::index_tokens(Xapian::Document& record, const std::vector<Token>& tokens, bool title,
                                 bool positional, bool spelling) {
    for (const Token& t : tokens) {
        if (positional) record.add_posting(t.term, t.position);
        else record.add_term(t.term);
        if (title && positional) record.add_posting(std::string(terms::kTitle) + t.term, t.position);
        else if (title) record.add_term(std::string(terms::kTitle) + t.term);
        if (!t.stopword) {
            // A layer is stored only where it differs from the one below it:
            // a stem equal to the word is the word, a folded stem equal to the
            // stem is the stem (search/stem_terms.h finds them there).
            if (t.stem != t.term) {
                record.add_term(std::string(terms::kStem) + t.stem);
                if (title) record.add_term(std::string(terms::kTitleStem) + t.stem);
            }
            if (!t.folded.empty()) {
                if (t.folded != t.stem) record.add_term(std::string(terms::kFolded) + t.folded);
                // Lets a query typed with keyboard substitutes be respelled correctly.
                if (spelling && has_foldable_letter(t.term))
                    out_->synonyms.emplace(std::string(terms::kFoldedSpelling) + fold_tajik_letters_utf8(t.term), t.term);
            }
            // Spelling data from the corpus's own words feeds "did you mean"; counted
            // here and given to Xapian once per word per document (IndexWriter::write):
            // one add_spelling per token was the indexer's top cost.
            if (spelling && !t.lang.empty()) ++out_->spelling[t.term];
        }
    }
}

std::vector<Token> RecordBuilder::title_tokens(Analyzer& analyzer, const std::string& title, const std::string& lang,
                                               const std::vector<std::pair<std::string, std::string>>& aliases) {
    std::vector<Token> out = analyzer.analyze(title, lang, 1);
    // Popular names are title words too, each in its own language, after a gap
    // (a phrase does not run from the title into a name). A word the title
    // already has is not added again ("Закон о профилактике бытового насилия"
    // in its law's title); the name itself is recognised from the stored
    // aliases, not from these terms (search/work_names.h).
    for (const auto& [name_lang, name] : aliases) {
        auto more = analyzer.analyze(name, name_lang, next_position(out, 1) + 1);
        std::set<std::string> held;
        for (const Token& t : out) held.insert(t.term);
        for (Token& t : more)
            if (!held.count(t.term)) out.push_back(std::move(t));
    }
    return out;
}

unsigned RecordBuilder::next_position(const std::vector<Token>& tokens, unsigned position) {
    unsigned next = tokens.empty() ? position : tokens.back().position + 1;
    return next + terms::kFieldPositionGap;
}

void RecordBuilder::add_metadata_terms(Xapian::Document& record, const Document& d,
                                     const std::vector<std::string>& topics,
                                     const std::vector<std::string>& mentions) {
    // The facets (analysis/facet_table.h): each one's boolean terms, its own
    // value slot and its field of kSlotFacetKey.
    std::string fields[terms::kFacetKeyFields];
    for (const terms::FacetEntry& f : terms::kFacetTable) {
        const std::vector<std::string> values = facet_values(f.source, d, topics);
        for (const auto& v : values) record.add_boolean_term(terms::boolean_term(f.prefix, v));
        // The topic facet counts a record under its concepts and every broader
        // one, as a topic filter takes a concept's narrower ones: ticking
        // "forms of violence" gives the texts on physical violence, and its
        // count says so. The terms stay the concepts themselves.
        if (f.source == terms::FacetSource::kTopics && tagger_)
            record.add_value(f.slot, join(tagger_->with_broader(values)));
        else if (f.slot != terms::kSlotFacetKey) record.add_value(f.slot, join(values));
        if (f.key_field >= 0) fields[f.key_field] = join(values);
    }
    std::string key;
    for (int i = 0; i < terms::kFacetKeyFields; ++i) {
        if (i) key += terms::kFacetKeySeparator;
        key += fields[i];
    }
    record.add_value(terms::kSlotFacetKey, key);

    record.add_boolean_term(terms::boolean_term(terms::kWork, d.work_id));
    record.add_boolean_term(terms::boolean_term(terms::kDocument, d.document_id));
    for (const auto& t : mentions) record.add_boolean_term(terms::boolean_term(terms::kMention, t));
    // The document id breaks ties between same-day records, whatever their docids.
    record.add_value(terms::kSlotDate, date_value(d.date) + d.document_id);
    record.add_value(terms::kSlotDocumentId, d.document_id);
}

Xapian::Document RecordBuilder::provision_record(const Document& d, const Provision& p, Xapian::Document& whole) {
    Xapian::Document record;
    // Every provision carries its document's title words (a query naming the
    // law finds its provisions), without positions: repeated in each record
    // they cost more than the text (docs/term-scheme.md). Phrases of title
    // words are matched on the document record.
    index_tokens(record, title_tokens_, true, false, true);
    unsigned pos = next_position(title_tokens_, 1);
    // The label and the heading are one field (a phrase may run from one into the other).
    const auto label = analyzer_.analyze(p.label, d.language, pos);
    const auto heading = analyzer_.analyze(p.heading, d.language, label.empty() ? pos : label.back().position + 1);
    // The heading says what the provision is about: its words weigh more than
    // the body's (as Omega weights titles), through extra within-document
    // frequency on the stem and plain terms.
    for (const Token& t : heading) {
        if (t.stopword) continue;
        record.add_term(t.term, kHeadingExtraWdf);
        if (t.stem != t.term) record.add_term(std::string(terms::kStem) + t.stem, kHeadingExtraWdf);
    }
    // A quotation in the other language is stemmed in its own (docs/analysis.md §4).
    std::string text_lang = passage_language(d.language, p.text);
    const auto text = analyzer_.analyze(p.text, text_lang, next_position(heading.empty() ? label : heading, pos));
    for (const auto* tokens : {&label, &heading, &text}) {
        index_tokens(record, *tokens, false, true, true);
        // The document's record finds words that meet only across its
        // provisions; their positions are the provisions' (docs/term-scheme.md).
        index_tokens(whole, *tokens, false, false, false);
    }

    // Concepts: the provision's own, agreed across its language versions
    // (ConceptPlan); never its document's metadata topics.
    ProvisionConcepts concepts;
    if (const ProvisionConcepts* planned = plan_ ? plan_->find(provision_group(d, p)) : nullptr)
        concepts = *planned;
    else if (tagger_)
        concepts = judge_provision(analyzer_, *tagger_, d, p).concepts;
    else
        concepts.about.insert(p.topics.begin(), p.topics.end());
    std::vector<std::string> topics(concepts.about.begin(), concepts.about.end());
    std::vector<std::string> mentions(concepts.mentions.begin(), concepts.mentions.end());
    add_metadata_terms(record, d, topics, mentions);
    for (const std::string& c : p.absent) record.add_boolean_term(terms::boolean_term(terms::kAbsent, c));
    if (!p.role.empty()) record.add_boolean_term(terms::boolean_term(terms::kUnitRole, p.role));
    record.add_boolean_term(std::string(terms::kRecord) + "provision");
    record.add_boolean_term(terms::unique_id_term(p.provision_id));
    record.add_value(terms::kSlotOrdinal, Xapian::sortable_serialise(p.ordinal));
    add_version_group(record, d.work_id + "/" + p.unit_id);

    StoredRecord data = common_data(d);
    data.id = p.provision_id;
    data.kind = "provision";
    data.unit_id = p.unit_id;
    data.unit_kind = p.kind;
    data.num = p.num;
    data.heading = p.heading;
    data.label = p.label;
    data.topics = topics;
    data.mentions = mentions;
    data.text = p.text;
    if (text_lang != d.language) data.text_lang = text_lang;
    add_stamp(record, data, d);
    record.set_data(encode_record(data));
    return record;
}

void RecordBuilder::document_record(const Document& d, Xapian::Document& record) {
    index_tokens(record, title_tokens_, true, true, false);
    std::string summary_text;
    for (const Provision& p : d.provisions) {
        if (summary_text.size() < kDocumentSnippetSource) {
            if (!summary_text.empty()) summary_text += "\n";
            summary_text += p.text;
        }
    }
    if (summary_text.size() > kDocumentSnippetSource) {
        size_t cut = kDocumentSnippetSource;
        while (cut > 0 && (static_cast<unsigned char>(summary_text[cut]) & 0xC0) == 0x80) --cut;
        summary_text.resize(cut);
    }
    // A document record is about what its metadata says the document is about.
    std::set<std::string> topic_set(d.topics.begin(), d.topics.end());
    std::vector<std::string> topics(topic_set.begin(), topic_set.end());
    add_metadata_terms(record, d, topics, {});
    record.add_boolean_term(std::string(terms::kRecord) + "document");
    record.add_boolean_term(terms::unique_id_term(d.document_id));
    // What coverage counts of the source held (search/compare.cc, JurisdictionHoldings).
    record.add_boolean_term(terms::boolean_term(terms::kExtent, d.extent_or_default()));
    for (const std::string& c : d.not_held) record.add_boolean_term(terms::boolean_term(terms::kNotHeld, c));
    record.add_value(terms::kSlotOrdinal, Xapian::sortable_serialise(-1));
    add_version_group(record, d.work_id);

    StoredRecord data = common_data(d);
    data.id = d.document_id;
    data.kind = "document";
    data.topics = topics;
    data.audience = d.audience;
    for (const Document::Alias& a : d.aliases) data.aliases.emplace_back(a.lang, a.name);
    data.translation_of = d.translation_of;
    data.not_held = d.not_held;
    data.format = d.format;
    data.provision_count = d.provisions.size();
    data.source = {d.source.official_title, d.source.number, d.source.url, d.source.publisher};
    data.text = summary_text;
    add_stamp(record, data, d);
    record.add_value(terms::kSlotDocumentDate, record.get_value(terms::kSlotDate));
    record.add_value(terms::kSlotDocumentIndexed, record.get_value(terms::kSlotIndexed));
    record.set_data(encode_record(data));
}

PreparedDocument RecordBuilder::build(const Document& d, const IndexStamp& stamp) {
    PreparedDocument out;
    out_ = &out;
    stamp_ = stamp;
    if (stamp_.indexed.size() != terms::kIndexedStampBytes || stamp_.updated.size() != terms::kIndexedStampBytes) {
        const std::string now = index_stamp_now();
        if (stamp_.indexed.size() != terms::kIndexedStampBytes) stamp_.indexed = now;
        if (stamp_.updated.size() != terms::kIndexedStampBytes) stamp_.updated = stamp_.indexed;
    }
    out.document_id = d.document_id;
    out.provisions = static_cast<int>(d.provisions.size());
    std::vector<std::pair<std::string, std::string>> aliases;
    for (const Document::Alias& a : d.aliases) aliases.emplace_back(a.lang, a.name);
    title_tokens_ = title_tokens(analyzer_, d.title, d.language, aliases);
    Xapian::Document whole;
    for (const Provision& p : d.provisions)
        out.records.emplace_back(terms::unique_id_term(p.provision_id), provision_record(d, p, whole));
    document_record(d, whole);
    out.records.emplace_back(terms::unique_id_term(d.document_id), std::move(whole));
    out_ = nullptr;
    return out;
}

}  // namespace himoya
