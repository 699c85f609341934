// pugixml glue shared by the XML readers: a parse that refuses DOCTYPEs and
// absurd nesting, namespace resolution by prefix, and node -> line/text.
#pragma once

#include <string>
#include <string_view>

#include <pugixml.hpp>

#include "indexer/ingest_report.h"
#include "indexer/readers/registry.h"
#include "indexer/source_file.h"

namespace himoya {

// Deeper element nesting than this is refused before any recursive walk,
// which keeps every later walk's stack use bounded.
inline constexpr int kMaxXmlDepth = 256;

// Deeper nesting of structural units (chapter > article > ...) is refused:
// no real law needs it.
inline constexpr int kMaxUnitDepth = 64;

// Parses `text` (UTF-8, no BOM). On a syntax error, a DOCTYPE (entities are
// not expanded, so accepting one would silently mangle text) or nesting over
// kMaxXmlDepth, records a skip with the line and returns false.
bool parse_xml(std::string_view text, pugi::xml_document& doc, const std::string& name,
               const LineIndex& lines, IngestReport& report);

// An XML file parsed, with the line of each node. `lines` refers to the
// ReaderInput's bytes: the input must outlive it.
struct ParsedXml {
    pugi::xml_document doc;
    LineIndex lines{std::string_view()};
};

// The input's text (ReaderInput::text: not empty, UTF-8, BOM dropped) parsed
// by parse_xml into `out`; false after a skip.
bool parse_xml_input(ReaderInput& input, ParsedXml& out, IngestReport& report);

// "an:act" -> "act".
std::string_view local_name(pugi::xml_node node);

// Namespace URI of an element, resolved through xmlns / xmlns:prefix
// declarations on it and its ancestors; "" when none is in scope.
std::string namespace_uri(pugi::xml_node node);

// First element child with this local name (any prefix), or an empty node.
pugi::xml_node child_named(pugi::xml_node parent, std::string_view local);

// All text below `node`, whitespace collapsed.
std::string node_text(pugi::xml_node node);

int line_of(pugi::xml_node node, const LineIndex& lines);

}  // namespace himoya
