#include "server/akn_export.h"

#include <set>
#include <string_view>

#include "server/xml_text.h"

namespace himoya {
namespace {

// AKN hierarchy elements our readers produce as provision kinds; any other
// kind becomes <hcontainer name="kind">.
bool is_hierarchy_element(std::string_view kind) {
    static const std::set<std::string_view> names{
        "alinea", "article", "book", "chapter", "clause", "division", "indent", "level", "paragraph", "part",
        "point", "proviso", "rule", "section", "subchapter", "subclause", "subdivision", "subparagraph",
        "subpart", "subrule", "subsection", "subtitle", "title", "tome", "transitional"};
    return names.count(kind) != 0;
}

// AKN documents of the act kind (with a <body>); the others are <doc name=type> (with a <mainBody>).
bool is_act(const std::string& type) {
    return type == "law" || type == "code" || type == "act" || type == "constitution" || type == "decree" ||
           type == "regulation" || type == "bill" || type == "convention";
}

// ISO 639-2 codes for the FRBRlanguage of the languages we analyse; others as stored.
std::string language_code(const std::string& lang) {
    if (lang == "tg") return "tgk";
    if (lang == "ru") return "rus";
    if (lang == "en") return "eng";
    return lang;
}

// Lower-case ASCII letters, digits and '-', for URI components.
std::string uri_part(const std::string& value, const char* fallback) {
    std::string out;
    for (char c : value) {
        if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_') out += c;
        else if (!out.empty() && out.back() != '-') out += '-';
    }
    return out.empty() ? fallback : out;
}

void attr(std::string& out, const char* name, const std::string& value) {
    out += ' ';
    out += name;
    out += "=\"";
    out += xml_escape(value);
    out += '"';
}

}  // namespace

std::string akn_document(const DocumentPage& page) {
    const StoredRecord& d = page.document;
    const bool act = is_act(d.type);
    const std::string doc_element = act ? "act" : "doc";
    const std::string date = d.date.empty() ? (d.year > 0 ? std::to_string(d.year) : "0000") : d.date;
    const std::string work_uri = "/akn/" + uri_part(d.jurisdiction, "xx") + "/" + doc_element + "/" +
                                 uri_part(date, "0000") + "/" + uri_part(d.work_id, "work");
    const std::string expression_uri = work_uri + "/" + uri_part(language_code(d.lang), "und") + "@";
    // A full date for FRBRdate (xsd:date): the law's, completed, else the day it was indexed.
    std::string day = d.date.size() == 4 ? d.date + "-01-01" : d.date.size() == 7 ? d.date + "-01" : d.date;
    if (day.size() != 10) day = d.indexed.size() >= 10 ? d.indexed.substr(0, 10) : "1970-01-01";
    const std::string generated = d.updated.size() >= 10 ? d.updated.substr(0, 10) : day;

    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<akomaNtoso xmlns=\"";
    out += kAknNamespaceUri;
    out += "\">\n<" + doc_element;
    attr(out, "name", d.type.empty() ? doc_element : d.type);
    out += ">\n<meta>\n<identification source=\"#himoya\">\n<FRBRWork>\n";
    out += "<FRBRthis"; attr(out, "value", work_uri + "/!main"); out += "/>\n";
    out += "<FRBRuri"; attr(out, "value", work_uri); out += "/>\n";
    out += "<FRBRalias name=\"title\""; attr(out, "value", d.title); out += "/>\n";
    out += "<FRBRalias name=\"himoya-work\""; attr(out, "value", d.work_id); out += "/>\n";
    out += "<FRBRdate name=\"enactment\""; attr(out, "date", day); out += "/>\n";
    out += "<FRBRauthor href=\"#issuer\"/>\n";
    out += "<FRBRcountry"; attr(out, "value", uri_part(d.jurisdiction, "xx")); out += "/>\n";
    if (!d.source.number.empty()) {
        out += "<FRBRnumber"; attr(out, "value", d.source.number); out += "/>\n";
    }
    out += "</FRBRWork>\n<FRBRExpression>\n";
    out += "<FRBRthis"; attr(out, "value", expression_uri + "/!main"); out += "/>\n";
    out += "<FRBRuri"; attr(out, "value", expression_uri); out += "/>\n";
    out += "<FRBRalias name=\"himoya-document\""; attr(out, "value", d.document_id); out += "/>\n";
    out += "<FRBRdate name=\"expression\""; attr(out, "date", day); out += "/>\n";
    out += "<FRBRauthor href=\"#issuer\"/>\n";
    out += "<FRBRlanguage"; attr(out, "language", language_code(d.lang)); out += "/>\n";
    out += "</FRBRExpression>\n<FRBRManifestation>\n";
    out += "<FRBRthis"; attr(out, "value", expression_uri + "/!main.xml"); out += "/>\n";
    out += "<FRBRuri"; attr(out, "value", expression_uri + ".akn"); out += "/>\n";
    out += "<FRBRdate name=\"generation\""; attr(out, "date", generated); out += "/>\n";
    out += "<FRBRauthor href=\"#himoya\"/>\n";
    out += "</FRBRManifestation>\n</identification>\n";
    if (!d.source.publisher.empty()) {
        out += "<publication name=\"publication\""; attr(out, "date", day); attr(out, "showAs", d.source.publisher);
        out += "/>\n";
    }
    if (!d.topics.empty()) {
        out += "<classification source=\"#himoya\">\n";
        for (const std::string& topic : d.topics) {
            out += "<keyword dictionary=\"himoya-thesaurus\""; attr(out, "value", topic); attr(out, "showAs", topic);
            out += "/>\n";
        }
        out += "</classification>\n";
    }
    out += "<references source=\"#himoya\">\n";
    out += "<TLCOrganization eId=\"himoya\" href=\"/ontology/organization/himoya\" showAs=\"Himoya\"/>\n";
    out += "<TLCOrganization eId=\"issuer\"";
    attr(out, "href", "/ontology/organization/" + uri_part(d.body_id.empty() ? d.body : d.body_id, "unknown"));
    attr(out, "showAs", d.body.empty() ? "unknown" : d.body);
    out += "/>\n</references>\n</meta>\n";
    out += "<preface>\n<p><docTitle>" + xml_escape(d.title) + "</docTitle></p>\n</preface>\n";
    out += act ? "<body>\n" : "<mainBody>\n";
    for (const StoredRecord& p : page.provisions) {
        const bool named = is_hierarchy_element(p.unit_kind);
        const std::string element = named ? p.unit_kind : "hcontainer";
        out += "<" + element;
        attr(out, "eId", p.unit_id);
        if (!named) attr(out, "name", p.unit_kind.empty() ? "provision" : p.unit_kind);
        out += ">\n";
        if (!p.num.empty()) out += "<num>" + xml_escape(p.num) + "</num>\n";
        if (!p.heading.empty()) out += "<heading>" + xml_escape(p.heading) + "</heading>\n";
        out += "<content>\n";
        size_t start = 0, paragraphs = 0;
        while (start <= p.text.size()) {
            size_t end = p.text.find('\n', start);
            if (end == std::string::npos) end = p.text.size();
            std::string line = p.text.substr(start, end - start);
            if (line.find_first_not_of(" \t\r") != std::string::npos) {
                out += "<p>" + xml_escape(line) + "</p>\n";
                ++paragraphs;
            }
            start = end + 1;
        }
        if (paragraphs == 0) out += "<p/>\n";
        out += "</content>\n</" + element + ">\n";
    }
    out += act ? "</body>\n" : "</mainBody>\n";
    out += "</" + doc_element + ">\n</akomaNtoso>\n";
    return out;
}

}  // namespace himoya
