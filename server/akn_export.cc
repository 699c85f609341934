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

// A date of ours (YYYY, YYYY-MM or YYYY-MM-DD) as AKN needs it and what is known of it.
// Akoma Ntoso's date attributes are xsd:date (or dateTime): a year or month alone is not
// one. The day is then the first of the period, and `precision` says that only the year
// ("year") or month ("month") is known; "" for a whole day. The AKN reader reads a
// FRBRdate whose name ends in "-year" or "-month" back to YYYY or YYYY-MM
// (docs/corpus-format.md, "Akoma Ntoso").
struct AknDate {
    std::string day;
    std::string precision;
};

AknDate akn_date(const std::string& date) {
    if (date.size() == 4) return {date + "-01-01", "year"};
    if (date.size() == 7) return {date + "-01", "month"};
    if (date.size() == 10) return {date, ""};
    return {};
}

// The FRBRdate name for a date of `what` ("enactment") of this precision.
std::string date_name(const char* what, const AknDate& date) {
    std::string name = what;
    if (!date.precision.empty()) name += "-" + date.precision;
    return name;
}

// The lifecycle event of a legal status that has a date, as the AKN reader reads it
// (docs/corpus-format.md): repeal and amendment by the eventRef's type, entry into force
// and expiry by the TLCEvent it refers to. "" for a state without a since.
struct StatusEvent {
    const char* type;     // eventRef type, or nullptr
    const char* refers;   // TLCEvent eId, or nullptr
    const char* show_as;  // its showAs
};

StatusEvent status_event(const std::string& state) {
    if (state == "repealed") return {"repeal", nullptr, nullptr};
    if (state == "amended") return {"amendment", nullptr, nullptr};
    if (state == "in-force" || state == "not-yet-in-force") return {nullptr, "entryIntoForce", "Entry into force"};
    if (state == "expired") return {nullptr, "expiry", "Expiry"};
    return {nullptr, nullptr, nullptr};
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
    // The law's date as far as it is known (a year stays a year: "enactment-year"); without
    // one, the day the text entered the index, named so.
    AknDate work_date = akn_date(d.date);
    std::string work_date_name = date_name("enactment", work_date);
    if (work_date.day.empty()) {
        work_date = {d.indexed.size() >= 10 ? d.indexed.substr(0, 10) : "1970-01-01", ""};
        work_date_name = "himoya-indexed";
    }
    const std::string& day = work_date.day;
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
    out += "<FRBRdate"; attr(out, "date", day); attr(out, "name", work_date_name); out += "/>\n";
    out += "<FRBRauthor href=\"#issuer\"/>\n";
    out += "<FRBRcountry"; attr(out, "value", uri_part(d.jurisdiction, "xx")); out += "/>\n";
    if (!d.source.number.empty()) {
        out += "<FRBRnumber"; attr(out, "value", d.source.number); out += "/>\n";
    }
    out += "</FRBRWork>\n<FRBRExpression>\n";
    out += "<FRBRthis"; attr(out, "value", expression_uri + "/!main"); out += "/>\n";
    out += "<FRBRuri"; attr(out, "value", expression_uri); out += "/>\n";
    out += "<FRBRalias name=\"himoya-document\""; attr(out, "value", d.document_id); out += "/>\n";
    out += "<FRBRdate"; attr(out, "date", day); attr(out, "name", date_name("expression", work_date)); out += "/>\n";
    out += "<FRBRauthor href=\"#issuer\"/>\n";
    out += "<FRBRlanguage"; attr(out, "language", language_code(d.lang)); out += "/>\n";
    out += "</FRBRExpression>\n<FRBRManifestation>\n";
    out += "<FRBRthis"; attr(out, "value", expression_uri + "/!main.xml"); out += "/>\n";
    out += "<FRBRuri"; attr(out, "value", expression_uri + ".akn"); out += "/>\n";
    out += "<FRBRdate name=\"generation\""; attr(out, "date", generated); out += "/>\n";
    out += "<FRBRauthor href=\"#himoya\"/>\n";
    out += "</FRBRManifestation>\n</identification>\n";
    if (!d.source.publisher.empty()) {
        out += "<publication"; attr(out, "date", day); attr(out, "name", date_name("publication", work_date));
        attr(out, "showAs", d.source.publisher);
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
    // The legal status as a lifecycle event, for any AKN reader, when it has a date.
    const StoredLegalStatus* status = d.legal_status && !d.legal_status->state.empty() ? &*d.legal_status : nullptr;
    const StatusEvent event = status ? status_event(status->state) : StatusEvent{nullptr, nullptr, nullptr};
    const AknDate since = status ? akn_date(status->since) : AknDate{};
    const bool lifecycle = !since.day.empty() && (event.type || event.refers);
    if (lifecycle) {
        out += "<lifecycle source=\"#himoya\">\n<eventRef eId=\"e_status\"";
        attr(out, "date", since.day);
        out += " source=\"#himoya\"";
        if (event.type) attr(out, "type", event.type);
        if (event.refers) attr(out, "refersTo", std::string("#") + event.refers);
        out += "/>\n</lifecycle>\n";
    }
    out += "<references source=\"#himoya\">\n";
    out += "<TLCOrganization eId=\"himoya\" href=\"/ontology/organization/himoya\" showAs=\"Himoya\"/>\n";
    if (lifecycle && event.refers) {
        out += "<TLCEvent"; attr(out, "eId", event.refers);
        attr(out, "href", std::string("/ontology/event/") + event.refers); attr(out, "showAs", event.show_as);
        out += "/>\n";
    }
    out += "<TLCOrganization eId=\"issuer\"";
    attr(out, "href", "/ontology/organization/" + uri_part(d.body_id.empty() ? d.body : d.body_id, "unknown"));
    attr(out, "showAs", d.body.empty() ? "unknown" : d.body);
    out += "/>\n</references>\n";
    // What AKN has no place for, exactly as the corpus format writes it (docs/corpus-format.md):
    // the type, the date as known, the text status and extent, the legal status with its
    // relations. Our AKN reader takes these over what it would derive from the rest.
    out += "<proprietary source=\"#himoya\"";
    attr(out, "xmlns:himoya", kCorpusNamespaceUri);
    out += ">\n";
    auto field = [&](const char* name, const std::string& value) {
        if (value.empty()) return;
        out += std::string("<himoya:") + name + ">" + xml_escape(value) + "</himoya:" + name + ">\n";
    };
    field("type", d.type);
    field("date", d.date);
    field("text-status", d.text_status);
    field("extent", d.extent);
    if (status) {
        out += "<himoya:legal-status"; attr(out, "state", status->state);
        if (!status->since.empty()) attr(out, "since", status->since);
        if (status->relations.empty()) {
            out += "/>\n";
        } else {
            out += ">\n";
            for (const StoredRelation& r : status->relations) {
                out += "<himoya:relation"; attr(out, "type", r.type);
                if (!r.work.empty()) attr(out, "work", r.work);
                if (!r.date.empty()) attr(out, "date", r.date);
                if (!r.url.empty()) attr(out, "url", r.url);
                out += ">" + xml_escape(r.citation) + "</himoya:relation>\n";
            }
            out += "</himoya:legal-status>\n";
        }
    }
    out += "</proprietary>\n</meta>\n";
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
