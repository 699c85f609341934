// A document as Akoma Ntoso 3.0 (OASIS LegalDocML; GET
// /api/documents/{id}.akn.xml, docs/api.md): FRBR work, expression and
// manifestation from our stored record (URIs /akn/<country>/<act|doc>/<date>/<work>
// [/<lang>@], date, language, country, issuing body, the concepts as
// keywords; a date known only by its year or month written as its first day
// with a FRBRdate name saying so, "enactment-year"), the type as the act's or
// doc's name (<act name="law">), the legal status as a lifecycle event when it
// has a date, and in <proprietary> the corpus format's type, date, text
// status, extent and legal status (with its relations), which our reader
// takes back as they were; the provisions as units of the body in document order — each
// <article>, <section>, ... (or <hcontainer name=kind>) with its eId (our unit
// id), <num>, <heading> and <content> with one <p> per line of its text.
// Provisions are flat: the hierarchy is not stored in the index. Our own AKN
// reader reads the result back to the same provisions (tests/export_test.cc).
// Written by hand with xml_escape (server/xml_text.h).
// Pure function of its argument: safe from any thread.
#pragma once

#include <string>

#include "search/document_service.h"

namespace himoya {

inline constexpr const char* kAknNamespaceUri = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";
// The corpus format's namespace (indexer/readers/xml_meta.h), for <proprietary>.
inline constexpr const char* kCorpusNamespaceUri = "urn:himoya:corpus:1";

// The AKN XML of a document page (all its provisions: find_document without a limit).
std::string akn_document(const DocumentPage& page);

}  // namespace himoya
