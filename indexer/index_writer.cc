#include "indexer/index_writer.h"

#include <map>
#include <optional>
#include <vector>

#include "analysis/record_codec.h"
#include "analysis/term_scheme.h"

namespace himoya {

int IndexWriter::add(const Document& d) {
    int provisions = write(builder_.build(d));
    flush_spelling();
    return provisions;
}

int IndexWriter::write(PreparedDocument&& prepared) {
    for (auto& [id_term, record] : prepared.records) db_.replace_document(id_term, record);
    for (const auto& [word, count] : prepared.spelling) pending_spelling_[word] += count;
    for (auto& synonym : prepared.synonyms)
        if (synonyms_written_.insert(synonym).second) db_.add_synonym(synonym.first, synonym.second);
    return prepared.provisions;
}

void IndexWriter::flush_spelling() {
    for (const auto& [word, count] : pending_spelling_) db_.add_spelling(word, count);
    pending_spelling_.clear();
}

namespace {

// The spelling data a document's records gave (RecordBuilder), from their
// stored text analysed again: add() spells the words of each provision record
// (its document's title and popular names, its label, heading and text, the
// text in its own language); the document record spells none. Counts the
// records in `records`.
std::map<std::string, Xapian::termcount> spelling_of(Xapian::Database& db, const std::string& term, Analyzer& analyzer,
                                                     int& records) {
    std::map<std::string, Xapian::termcount> spelled;
    auto spell_tokens = [&](const std::vector<Token>& tokens) {
        for (const Token& t : tokens)
            if (!t.stopword && !t.lang.empty()) ++spelled[t.term];
    };
    auto spell = [&](const std::string& text, const std::string& lang) { spell_tokens(analyzer.analyze(text, lang, 1)); };
    records = 0;
    std::optional<StoredRecord> document;
    std::vector<StoredRecord> provisions;
    for (auto it = db.postlist_begin(term); it != db.postlist_end(term); ++it, ++records) {
        std::optional<StoredRecord> data = decode_record(db.get_document(*it).get_data());
        if (!data) continue;
        if (data->kind == "provision") provisions.push_back(std::move(*data));
        else document = std::move(data);
    }
    if (document)
        for (const StoredRecord& p : provisions) {
            spell_tokens(RecordBuilder::title_tokens(analyzer, document->title, document->lang, document->aliases));
            spell(p.label, document->lang);
            spell(p.heading, document->lang);
            spell(p.text, p.text_lang.empty() ? document->lang : p.text_lang);
        }
    return spelled;
}

}  // namespace

int IndexWriter::remove(const std::string& document_id) {
    flush_spelling();  // a word's count must include what is taken back
    const std::string term = terms::boolean_term(terms::kDocument, document_id);
    int records = 0;
    const std::map<std::string, Xapian::termcount> spelled = spelling_of(db_, term, builder_.analyzer(), records);
    if (records == 0) return 0;
    for (const auto& [word, count] : spelled) db_.remove_spelling(word, count);
    db_.delete_document(term);
    return records;
}

int IndexWriter::copy_from(Xapian::Database& from, const std::string& document_id) {
    const std::string term = terms::boolean_term(terms::kDocument, document_id);
    int records = 0;
    const std::map<std::string, Xapian::termcount> spelled = spelling_of(from, term, builder_.analyzer(), records);
    if (records == 0) return 0;
    remove(document_id);  // none in a full build; never two copies
    // Xapian copies a document of another database term by term, with its values and data.
    for (auto it = from.postlist_begin(term); it != from.postlist_end(term); ++it)
        db_.add_document(from.get_document(*it));
    for (const auto& [word, count] : spelled) pending_spelling_[word] += count;
    return records;
}

}  // namespace himoya
