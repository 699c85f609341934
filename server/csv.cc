#include "server/csv.h"

#include <algorithm>
#include <set>
#include <string_view>

#include "analysis/facet_table.h"

namespace himoya {

std::string csv_field(const std::string& value) {
    // A leading = + - @ would make a spreadsheet run the cell as a formula.
    std::string v;
    if (!value.empty() && (value[0] == '=' || value[0] == '+' || value[0] == '-' || value[0] == '@')) v.push_back('\'');
    v.append(value);
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string markdown_text(const std::string& text) {
    std::string out;
    out.reserve(text.size() + 8);
    bool space = false;
    for (unsigned char c : text) {
        // C0 controls (line breaks among them), space and DEL: one space.
        if (c <= 0x20 || c == 0x7F) {
            space = !out.empty();
            continue;
        }
        if (space) out += ' ';
        space = false;
        if (std::string_view("\\`*_[]<>#|~&").find(static_cast<char>(c)) != std::string_view::npos) out += '\\';
        out += static_cast<char>(c);
    }
    // A line starting "- ", "+ " or "1. " / "1) " is a list item wherever it stands.
    if (!out.empty() && (out[0] == '-' || out[0] == '+')) {
        out.insert(0, 1, '\\');
    } else {
        size_t digits = 0;
        while (digits < out.size() && digits < 10 && out[digits] >= '0' && out[digits] <= '9') ++digits;
        if (digits > 0 && digits < out.size() && (out[digits] == '.' || out[digits] == ')')) out.insert(digits, 1, '\\');
    }
    return out;
}

namespace {

using nlohmann::json;

// A provision's text as Markdown paragraphs: each of its lines one paragraph,
// escaped (markdown_text), blank lines dropped.
std::string markdown_paragraphs(const std::string& text) {
    std::string out;
    size_t start = 0;
    while (start <= text.size()) {
        size_t end = text.find_first_of("\r\n", start);
        if (end == std::string::npos) end = text.size();
        std::string line = markdown_text(text.substr(start, end - start));
        if (!line.empty()) out += (out.empty() ? "" : "\n\n") + line;
        start = end + 1;
    }
    return out;
}

// A source's URL as an autolink when it is one (http or https, nothing that
// would end the link early); anything else (javascript:, a space) as text.
std::string markdown_url(const std::string& url) {
    const bool web = url.rfind("https://", 0) == 0 || url.rfind("http://", 0) == 0;
    const bool plain = std::none_of(url.begin(), url.end(), [](unsigned char c) { return c <= 0x20 || c == 0x7F || c == '<' || c == '>'; });
    return web && plain ? "<" + url + ">" : markdown_text(url);
}

// Words of the exports, in each interface language.
const std::map<std::string, std::map<std::string, std::string>>& words() {
    static const std::map<std::string, std::map<std::string, std::string>> w{
        {"jurisdiction", {{"en", "Jurisdiction"}, {"ru", "Юрисдикция"}, {"tg", "Қаламрав"}}},
        {"article", {{"en", "Istanbul Convention article"}, {"ru", "Статья Стамбульской конвенции"}, {"tg", "Моддаи Конвенсияи Истанбул"}}},
        {"concept", {{"en", "Topic"}, {"ru", "Тема"}, {"tg", "Мавзӯъ"}}},
        {"title", {{"en", "Title"}, {"ru", "Название"}, {"tg", "Унвон"}}},
        {"concepts", {{"en", "Concepts"}, {"ru", "Понятия"}, {"tg", "Мафҳумҳо"}}},
        {"about", {{"en", "texts about it"}, {"ru", "текстов по теме"}, {"tg", "матнҳо дар ин мавзӯъ"}}},
        {"mentions", {{"en", "texts that only mention it"}, {"ru", "текстов с упоминанием"}, {"tg", "матнҳое, ки танҳо ёдоварӣ мекунанд"}}},
        {"texts", {{"en", "texts in all"}, {"ru", "всего текстов"}, {"tg", "ҳамагӣ матнҳо"}}},
        {"not_held_parts", {{"en", "Also set in parts of the law this collection does not hold: {concepts} ({acts})."},
                            {"ru", "Также регулируется в частях закона, которых нет в собрании: {concepts} ({acts})."},
                            {"tg", "Инчунин дар қисмҳои қонун, ки дар маҷмӯа нестанд, танзим шудааст: {concepts} ({acts})."}}},
        {"shown_of", {{"en", "Provisions shown: {n} of {m}."}, {"ru", "Показано положений: {n} из {m}."},
                      {"tg", "Муқаррароти нишондодашуда: {n} аз {m}."}}},
        {"held_in_part", {{"en", "Acts held only in selected provisions: {n} of {m}."},
                          {"ru", "Актов, представленных лишь избранными положениями: {n} из {m}."},
                          {"tg", "Санадҳое, ки танҳо бо муқаррароти интихобшуда омадаанд: {n} аз {m}."}}},
        {"gap_kind", {{"en", "gap"}, {"ru", "пробел"}, {"tg", "холигӣ"}}},
        {"cite", {{"en", "provision to cite"}, {"ru", "положение для ссылки"}, {"tg", "муқаррарот барои иқтибос"}}},
        {"kind", {{"en", "Kind"}, {"ru", "Вид"}, {"tg", "Намуд"}}},
        {"provision", {{"en", "Provision"}, {"ru", "Положение"}, {"tg", "Муқаррарот"}}},
        {"practice", {{"en", "Practice"}, {"ru", "Практика"}, {"tg", "Амалия"}}},
        {"gap", {{"en", "Gap: no provision about this topic"}, {"ru", "Пробел: нет положения по этой теме"}, {"tg", "Холигӣ: муқаррарот дар ин мавзӯъ нест"}}},
        {"document", {{"en", "Document"}, {"ru", "Документ"}, {"tg", "Ҳуҷҷат"}}},
        {"label", {{"en", "Article"}, {"ru", "Статья"}, {"tg", "Модда"}}},
        {"heading", {{"en", "Heading"}, {"ru", "Заголовок"}, {"tg", "Сарлавҳа"}}},
        {"lang", {{"en", "Language"}, {"ru", "Язык"}, {"tg", "Забон"}}},
        {"original_lang", {{"en", "Original version"}, {"ru", "Исходная версия"}, {"tg", "Нусхаи аслӣ"}}},
        {"text_status", {{"en", "Text status"}, {"ru", "Статус текста"}, {"tg", "Вазъи матн"}}},
        {"legal_status", {{"en", "Legal status"}, {"ru", "Правовой статус"}, {"tg", "Вазъи ҳуқуқӣ"}}},
        {"concepts_automatic", {{"en", "Topics assigned automatically"}, {"ru", "Темы определены автоматически"}, {"tg", "Мавзӯъҳо худкор муайян шудаанд"}}},
        {"source", {{"en", "Official source"}, {"ru", "Официальный источник"}, {"tg", "Манбаи расмӣ"}}},
        {"source_url", {{"en", "Source URL"}, {"ru", "Ссылка на источник"}, {"tg", "Пайванди манбаъ"}}},
        {"link", {{"en", "Link"}, {"ru", "Ссылка"}, {"tg", "Пайванд"}}},
        {"text", {{"en", "Text"}, {"ru", "Текст"}, {"tg", "Матн"}}},
        {"field", {{"en", "Question"}, {"ru", "Вопрос"}, {"tg", "Савол"}}},
        {"value", {{"en", "Answer"}, {"ru", "Ответ"}, {"tg", "Ҷавоб"}}},
        {"value_lang", {{"en", "Language of the answer"}, {"ru", "Язык ответа"}, {"tg", "Забони ҷавоб"}}},
        {"citations", {{"en", "Provisions cited"}, {"ru", "Цитируемые положения"}, {"tg", "Муқарраротҳои иқтибосшуда"}}},
        {"brief", {{"en", "Comparison"}, {"ru", "Сравнение"}, {"tg", "Муқоиса"}}},
        {"since", {{"en", "since"}, {"ru", "с"}, {"tg", "аз"}}},
        {"summary_note", {{"en", "Summaries in our own words; check the official text before relying on a provision."},
                          {"ru", "Краткие изложения своими словами; перед использованием сверьтесь с официальным текстом."},
                          {"tg", "Хулосаҳо бо суханони худамон; пеш аз истифода бо матни расмӣ муқоиса кунед."}}},
        // "{n}" last, after a colon: no plural to agree with it ("1 texts").
        {"also_mentioned", {{"en", "Texts that only mention it: {n}."}, {"ru", "Текстов, где это лишь упоминается: {n}."}, {"tg", "Матнҳое, ки танҳо ёдовар мешаванд: {n}."}}},
        {"corrected", {{"en", "Nothing in the collection matches “{typed}”: “{searched}” is compared."},
                       {"ru", "По запросу «{typed}» в коллекции ничего нет: сравнивается «{searched}»."},
                       {"tg", "Барои «{typed}» дар маҷмӯа чизе нест: «{searched}» муқоиса мешавад."}}},
        {"nothing_matches", {{"en", "No text of the collection matches “{typed}”: the empty columns say nothing about the jurisdictions."},
                             {"ru", "Ни один текст коллекции не соответствует запросу «{typed}»: пустые столбцы ничего не говорят о юрисдикциях."},
                             {"tg", "Ягон матни маҷмӯа ба «{typed}» мувофиқ нест: сутунҳои холӣ дар бораи қаламравҳо чизе намегӯянд."}}},
        {"repealed_left_out", {{"en", "Left out, no longer in force (repealed law, expired programmes): {n}."},
                               {"ru", "Не показано текстов, утративших силу (отменённые законы, истёкшие программы): {n}."},
                               {"tg", "Матнҳои беэътибор (қонунҳои бекоршуда, барномаҳои анҷомёфта), ки нишон дода нашуданд: {n}."}}},
    };
    return w;
}

std::string word(const std::string& key, const std::string& ui) {
    const auto& w = words().at(key);
    auto it = w.find(ui);
    return it != w.end() ? it->second : w.at("en");
}

std::string label(const ExportLabels& labels, const std::string& kind, const std::string& value, const std::string& ui) {
    auto k = labels.find(kind);
    if (k == labels.end()) return value;
    auto v = k->second.find(value);
    if (v == k->second.end()) return value;
    for (const std::string& l : {ui, std::string("en")})
        if (auto it = v->second.find(l); it != v->second.end()) return it->second;
    return value;
}

std::string str(const json& j, const char* key) {
    auto it = j.find(key);
    return it != j.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// "Repealed since 2025-03-12" in the interface language, or "".
std::string legal_status_text(const json& status, const std::string& ui, const ExportLabels& labels) {
    if (!status.is_object()) return "";
    std::string out = label(labels, "status", str(status, "state"), ui);
    // An expiry or a coming into force is at its date, not "since" it.
    const std::string state = str(status, "state");
    const bool at = state == "expired" || state == "not-yet-in-force";
    if (!str(status, "since").empty()) out += " (" + (at ? std::string() : word("since", ui) + " ") + str(status, "since") + ")";
    return out;
}

// `text` with its {key} replaced by `value`.
std::string fill(std::string text, const std::string& key, const std::string& value) {
    const std::string slot = "{" + key + "}";
    size_t at = text.find(slot);
    if (at != std::string::npos) text.replace(at, slot.size(), value);
    return text;
}

std::string replace_n(const std::string& text, long n) { return fill(text, "n", std::to_string(n)); }

// What a compare by words searched, when it was not the words as typed, or
// that they match nothing at all ("" otherwise): said before any column, as
// its empty columns would otherwise read as gaps.
std::string compare_words_note(const json& c, const std::string& ui) {
    auto text = [&](const char* key) {
        return c.contains(key) && c[key].is_string() ? c[key].get<std::string>() : std::string();
    };
    const std::string typed = text("query"), corrected = text("corrected");
    if (!corrected.empty()) return fill(fill(word("corrected", ui), "typed", typed), "searched", corrected);
    if (!c.value("matched_anywhere", true)) return fill(word("nothing_matches", ui), "typed", typed);
    return "";
}

// What a gap rests on, in the interface language: "Not in the provisions
// held", or "Covered in parts not held: ACT; ACT" (docs/corpus-format.md,
// "Extent"); "" when the cell or column is no gap. A server that does not say
// is read as "not in the provisions held".
std::string gap_text(const json& cell, const std::string& ui, const ExportLabels& labels) {
    if (!cell.value("gap", false)) return "";
    std::string kind = str(cell, "gap_kind");
    if (kind.empty()) kind = "not-found";
    std::string out = label(labels, "gap", kind, ui);
    std::string acts;
    if (auto it = cell.find("not_held"); it != cell.end() && it->is_array())
        for (const auto& w : *it) acts += (acts.empty() ? "" : "; ") + str(w, "title");
    if (!acts.empty()) out += ": " + acts;
    return out;
}

// For a column that is no gap: the parts of the subject its law sets in
// provisions the collection does not hold, "Also set in parts … : duration
// of the order (Law …)"; "" when there are none. A drafter reading the
// export must not take them for silence of the law.
std::string not_held_parts_text(const json& column, const std::string& ui, const ExportLabels& labels) {
    if (column.value("gap", false)) return "";
    auto concepts = column.find("not_held_concepts");
    if (concepts == column.end() || !concepts->is_array() || concepts->empty()) return "";
    // A part a provision shown here is about needs no note: the reader has it.
    std::set<std::string> shown;
    if (auto cards = column.find("provisions"); cards != column.end() && cards->is_array())
        for (const auto& card : *cards)
            if (auto topics = card.find("topics"); topics != card.end() && topics->is_array())
                for (const auto& t : *topics)
                    if (t.is_string()) shown.insert(t.get<std::string>());
    std::string names, acts;
    for (const auto& id : *concepts)
        if (id.is_string() && !shown.count(id.get<std::string>()))
            names += (names.empty() ? "" : ", ") + label(labels, "topic", id.get<std::string>(), ui);
    if (names.empty()) return "";
    if (auto it = column.find("not_held"); it != column.end() && it->is_array())
        for (const auto& w : *it) acts += (acts.empty() ? "" : "; ") + str(w, "title");
    std::string out = fill(word("not_held_parts", ui), "concepts", names);
    if (acts.empty()) {  // the acts are not named: no empty brackets
        const std::string slot = " ({acts})";
        if (size_t at = out.find(slot); at != std::string::npos) out.erase(at, slot.size());
        return out;
    }
    return fill(out, "acts", acts);
}

// Builds CSV lines field by field. Appended piece by piece: `"," + csv_field(...)`
// temporaries made GCC 12 at -O3 report a false -Wrestrict.
struct CsvWriter {
    std::string out = kUtf8Bom;
    bool line_start = true;
    void field(const std::string& value) {
        if (!line_start) out += ',';
        out += csv_field(value);
        line_start = false;
    }
    void end_line() {
        out += "\r\n";
        line_start = true;
    }
};

}  // namespace

// A provision as a drafter cites it in a memo: "Title, label [id]" — the id
// keeps it findable (/document.html?id=…), the title and label make it readable.
std::string citation(const json& hit) {
    std::string out = str(hit, "title");
    const std::string cited = str(hit, "label");
    if (!cited.empty()) out += (out.empty() ? "" : ", ") + cited;
    const std::string id = str(hit, "id");
    if (!id.empty()) out += (out.empty() ? "" : " ") + std::string("[") + id + "]";
    return out;
}

std::string matrix_csv(const json& m, const std::string& ui, const ExportLabels& labels) {
    CsvWriter w;
    bool istanbul = m.value("scheme", std::string()) == "istanbul";
    w.field(word(istanbul ? "article" : "concept", ui));
    w.field(word("title", ui));
    w.field(word("concepts", ui));
    for (const auto& j : m["jurisdictions"]) {
        std::string name = label(labels, "jurisdiction", j.get<std::string>(), ui);
        for (const char* k : {"about", "mentions", "texts", "cite", "gap_kind"}) w.field(name + ": " + word(k, ui));
    }
    w.end_line();
    for (const auto& row : m["rows"]) {
        w.field(str(row, "key"));
        w.field(str(row, "title"));
        w.field(str(row, "label"));
        for (const auto& cell : row["cells"]) {
            w.field(std::to_string(cell.value("about", 0L)));
            w.field(std::to_string(cell.value("mentions", 0L)));
            w.field(std::to_string(cell.value("texts", 0L)));
            // A provision no longer (or not yet) in force says so where it is
            // cited (include_repealed=1): a memo must not cite it as law.
            std::string cite = cell["best"].is_null() ? std::string() : citation(cell["best"]);
            if (!cell["best"].is_null()) {
                const json status = cell["best"].value("legal_status", json(nullptr));
                const std::string state = status.is_object() ? str(status, "state") : std::string();
                if (terms::is_out_of_force(state))
                    cite += " (" + legal_status_text(status, ui, labels) + ")";
            }
            w.field(cite);
            w.field(gap_text(cell, ui, labels));
        }
        w.end_line();
    }
    return w.out;
}

std::string compare_csv(const json& c, const std::string& ui, const ExportLabels& labels) {
    CsvWriter w;
    for (const char* k : {"jurisdiction", "kind", "document", "label", "heading", "lang", "original_lang", "text_status",
                          "legal_status", "source", "source_url", "link", "text"})
        w.field(word(k, ui));
    w.end_line();
    const std::string note = compare_words_note(c, ui);
    if (!note.empty()) {
        w.field("");
        w.field(note);
        w.end_line();
    }
    const bool gaps_mean_something = c.value("matched_anywhere", true);
    for (const auto& column : c["columns"]) {
        std::string j = label(labels, "jurisdiction", str(column, "jurisdiction"), ui);
        if (gaps_mean_something && column.value("gap", false)) {
            w.field(j);
            w.field(word("gap", ui));
            for (int i = 0; i < 10; ++i) w.field("");  // document … link
            w.field(gap_text(column, ui, labels));     // text: what the gap rests on
            w.end_line();
        }
        if (const std::string parts = not_held_parts_text(column, ui, labels); gaps_mean_something && !parts.empty()) {
            w.field(j);
            w.field(label(labels, "gap", "not-held", ui));
            for (int i = 0; i < 10; ++i) w.field("");
            w.field(parts);
            w.end_line();
        }
        for (const char* part : {"provisions", "practice"})
            for (const auto& card : column[part]) {
                const json& source = card.contains("source") ? card["source"] : json(nullptr);
                w.field(j);
                w.field(word(std::string(part) == "provisions" ? "provision" : "practice", ui));
                w.field(str(card, "title"));
                w.field(str(card, "label"));
                w.field(str(card, "heading"));
                w.field(label(labels, "lang", str(card, "lang"), ui));
                w.field(label(labels, "lang", str(card, "original_lang"), ui));
                w.field(label(labels, "text_status", str(card, "text_status"), ui));
                w.field(legal_status_text(card.value("legal_status", json(nullptr)), ui, labels));
                w.field(source.is_object() ? str(source, "official_title") + (str(source, "number").empty() ? "" : ", " + str(source, "number")) : "");
                w.field(source.is_object() ? str(source, "url") : "");
                w.field(str(card, "url"));
                w.field(str(card, "text"));
                w.end_line();
            }
    }
    return w.out;
}

std::string compare_markdown(const json& c, const std::string& ui, const ExportLabels& labels) {
    // Everything not of our own words goes through markdown_text (md).
    auto md = [](const std::string& text) { return markdown_text(text); };
    std::string out = "# " + word("brief", ui);
    std::string subject = c["ic"].is_string() ? word("article", ui) + " " + md(c["ic"].get<std::string>()) +
                                                    (c["ic_title"].is_string() ? ": " + md(c["ic_title"].get<std::string>()) : "")
                          : c["topic"].is_object() ? md(label(labels, "topic", str(c["topic"], "id"), ui))
                          : c["query"].is_string() ? (ui == "en" ? "“" + md(c["query"].get<std::string>()) + "”"
                                                                 : "«" + md(c["query"].get<std::string>()) + "»")  // as the body quotes
                                                   : std::string();
    if (!subject.empty()) out += ": " + subject;
    out += "\n\n_" + word("summary_note", ui) + "_\n";
    if (const std::string note = compare_words_note(c, ui); !note.empty()) out += "\n**" + md(note) + "**\n";
    const bool gaps_mean_something = c.value("matched_anywhere", true);
    for (const auto& column : c["columns"]) {
        out += "\n## " + md(label(labels, "jurisdiction", str(column, "jurisdiction"), ui)) + "\n\n";
        if (gaps_mean_something && column.value("gap", false))
            out += "**" + word("gap", ui) + "** (" + md(gap_text(column, ui, labels)) + ")\n\n";
        if (const std::string parts = not_held_parts_text(column, ui, labels); gaps_mean_something && !parts.empty())
            out += "_" + md(parts) + "_\n\n";
        if (const long total = column.value("total", 0L); total > static_cast<long>(column["provisions"].size()))
            out += fill(replace_n(word("shown_of", ui), static_cast<long>(column["provisions"].size())), "m",
                        std::to_string(total)) + "\n\n";
        if (auto h = column.find("holdings"); h != column.end() && h->is_object() && h->value("in_part", 0L) > 0)
            out += "_" + fill(replace_n(word("held_in_part", ui), h->value("in_part", 0L)), "m",
                              std::to_string(h->value("works", 0L))) + "_\n\n";
        for (const auto& card : column["provisions"]) {
            out += "### " + md(str(card, "title"));
            if (!str(card, "label").empty()) out += " — " + md(str(card, "label"));
            out += "\n\n";
            std::vector<std::string> facts;
            facts.push_back(word("lang", ui) + ": " + md(label(labels, "lang", str(card, "lang"), ui)));
            if (!str(card, "original_lang").empty() && str(card, "original_lang") != str(card, "lang"))
                facts.push_back(word("original_lang", ui) + ": " + md(label(labels, "lang", str(card, "original_lang"), ui)));
            facts.push_back(word("text_status", ui) + ": " + md(label(labels, "text_status", str(card, "text_status"), ui)));
            std::string status = legal_status_text(card.value("legal_status", json(nullptr)), ui, labels);
            if (!status.empty()) facts.push_back(word("legal_status", ui) + ": " + md(status));
            if (str(card, "concepts_by") == "automatic") facts.push_back(word("concepts_automatic", ui));
            for (size_t i = 0; i < facts.size(); ++i) out += (i ? " · " : "") + facts[i];
            out += "\n\n" + markdown_paragraphs(str(card, "text")) + "\n\n";
            if (card.contains("source") && card["source"].is_object()) {
                const json& s = card["source"];
                out += word("source", ui) + ": " + md(str(s, "official_title"));
                if (!str(s, "number").empty()) out += ", " + md(str(s, "number"));
                if (!str(s, "url").empty()) out += " " + markdown_url(str(s, "url"));
                out += "\n\n";
            }
        }
        if (column.value("mentions_total", 0L) > 0) {
            out += replace_n(word("also_mentioned", ui), column["mentions_total"]) + "\n\n";
            // Which, so that a gap can be judged: title and citation of each.
            if (column.contains("mentioned") && column["mentioned"].is_array())
                for (const auto& m : column["mentioned"]) out += "- " + md(str(m, "title")) + " — " + md(str(m, "label")) + "\n";
            if (column.contains("mentioned") && !column["mentioned"].empty()) out += "\n";
        }
        if (column.value("repealed_excluded", 0L) > 0) out += replace_n(word("repealed_left_out", ui), column["repealed_excluded"]) + "\n\n";
    }
    return out;
}

std::string facts_csv(const json& f, const std::string& ui, const ExportLabels& labels) {
    CsvWriter w;
    for (const char* k : {"jurisdiction", "field", "value", "value_lang", "citations"}) w.field(word(k, ui));
    w.end_line();
    std::map<std::string, std::string> field_labels;
    for (const auto& field : f["fields"]) {
        const json& l = field["labels"];
        field_labels[str(field, "key")] = l.contains(ui) ? l[ui].get<std::string>() : str(l, "en");
    }
    for (const auto& j : f["jurisdictions"]) {
        for (const auto& field : f["fields"]) {
            std::string key = str(field, "key");
            if (!j["facts"].contains(key)) {
                // A blank the law sets in a part not held: said, with the acts.
                if (!j.contains("not_held") || !j["not_held"].contains(key)) continue;
                std::string acts;
                for (const auto& work : j["not_held"][key]) acts += (acts.empty() ? "" : "; ") + str(work, "title");
                w.field(label(labels, "jurisdiction", str(j, "code"), ui));
                w.field(field_labels[key]);
                w.field(label(labels, "gap", "not-held", ui) + ": " + acts);
                w.field(label(labels, "lang", ui, ui));
                w.field("");
                w.end_line();
                continue;
            }
            const json& fact = j["facts"][key];
            const json& values = fact["value"];
            std::string lang = values.contains(ui) ? ui : "en";
            w.field(label(labels, "jurisdiction", str(j, "code"), ui));
            w.field(field_labels[key]);
            w.field(str(values, lang.c_str()));
            w.field(label(labels, "lang", lang, ui));
            std::string cites;
            for (const auto& cite : fact["citations"]) cites += (cites.empty() ? "" : "; ") + citation(cite);
            w.field(cites);
            w.end_line();
        }
    }
    return w.out;
}

}  // namespace himoya
