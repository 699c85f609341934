// Text and attribute values for the XML the server writes by hand (Atom feeds,
// server/atom_feed.h; Akoma Ntoso exports, server/akn_export.h): the server
// does not link an XML library (the layering test keeps pugixml in the
// indexer), and escaping is all that writing needs.
// Pure functions: safe from any thread.
#pragma once

#include <string>
#include <string_view>

namespace himoya {

// `text` escaped for XML 1.0 text and attribute values (& < > " '), with the
// characters XML 1.0 forbids (C0 controls but tab, LF and CR; U+FFFE, U+FFFF)
// and bytes that are not UTF-8 dropped, so the document always parses.
std::string xml_escape(std::string_view text);

}  // namespace himoya
