#include "indexer/index_writer.h"

#include <map>

#include <nlohmann/json.hpp>

#include "analysis/term_scheme.h"

namespace himoya {

using nlohmann::json;

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
    // add() spells each word of a provision record (title, label+heading, text) and
    // of the document record (title, then label+heading+text of each provision).
    std::map<std::string, Xapian::termcount> spelled;
    auto unspell = [&](const std::string& text, const std::string& lang) {
        for (const Token& t : builder_.analyzer().analyze(text, lang, 1))
            if (!t.stopword && !t.lang.empty()) ++spelled[t.term];
    };
    int records = 0;
    for (auto it = db_.postlist_begin(term); it != db_.postlist_end(term); ++it, ++records) {
        json data = json::parse(db_.get_document(*it).get_data(), nullptr, false);
        if (data.is_discarded()) continue;
        std::string lang = data.value("lang", ""), title = data.value("title", "");
        unspell(title, lang);
        if (data.value("kind", "") != "provision") continue;
        std::string label = data.value("label", ""), heading = data.value("heading", ""), text = data.value("text", "");
        unspell(label + "\n" + heading, lang);
        unspell(text, lang);
        unspell(label + "\n" + heading + "\n" + text, lang);
    }
    if (records == 0) return 0;
    for (const auto& [word, count] : spelled) db_.remove_spelling(word, count);
    db_.delete_document(term);
    return records;
}

}  // namespace himoya
