#include "analysis/facet_table.h"

namespace himoya::terms {

std::string facet_table_digest(std::span<const FacetEntry> table) {
    // One line per facet, fields separated by a byte no field holds.
    std::string out = "facets\n";
    for (const FacetEntry& f : table) {
        out += f.name;
        out += '\x1f';
        out += f.prefix;
        out += '\x1f';
        out += std::to_string(f.key_field);
        out += '\x1f';
        out += std::to_string(f.slot);
        out += '\x1f';
        out += f.multi_valued ? '1' : '0';
        out += '\x1f';
        out += f.label_kind;
        out += '\x1f';
        out += std::to_string(static_cast<int>(f.source));
        out += '\n';
    }
    return out;
}

}  // namespace himoya::terms
