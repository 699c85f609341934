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

int IndexWriter::remove(const std::string& document_id) {
    flush_spelling();  // a word's count must include what is taken back
    const std::string term = terms::boolean_term(terms::kDocument, document_id);
    // add() spells the words of each provision record (RecordBuilder: its
    // document's title, its label, heading and text, the text in its own
    // language); the document record spells none.
    std::map<std::string, Xapian::termcount> spelled;
    auto unspell = [&](const std::string& text, const std::string& lang) {
        for (const Token& t : builder_.analyzer().analyze(text, lang, 1))
            if (!t.stopword && !t.lang.empty()) ++spelled[t.term];
    };
    int records = 0;
    std::optional<StoredRecord> document;
    std::vector<StoredRecord> provisions;
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it, ++records) {
        std::optional<StoredRecord> data = decode_record(db_.get_document(*it).get_data());
        if (!data) continue;
        if (data->kind == "provision") provisions.push_back(std::move(*data));
        else document = std::move(data);
    }
    if (document)
        for (const StoredRecord& p : provisions) {
            unspell(document->title, document->lang);
            for (const auto& [lang, name] : document->aliases) unspell(name, lang);  // title words too
            unspell(p.label, document->lang);
            unspell(p.heading, document->lang);
            unspell(p.text, p.text_lang.empty() ? document->lang : p.text_lang);
        }
    if (records == 0) return 0;
    for (const auto& [word, count] : spelled) db_.remove_spelling(word, count);
    db_.delete_document(term);
    return records;
}

}  // namespace himoya
