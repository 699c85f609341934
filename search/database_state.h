// What identifies one state of an open database, for caches of what is read
// from it (search/facet_columns.h, search/stored_records.cc): its uuid, size,
// last docid and, on one database, its revision. A new generation or a commit
// changes it. Pure function.
#pragma once

#include <string>

#include <xapian.h>

namespace himoya {

inline std::string database_state(const Xapian::Database& db) {
    std::string state = db.get_uuid() + "/" + std::to_string(db.get_doccount()) + "/" + std::to_string(db.get_lastdocid());
    try {
        state += "/" + std::to_string(db.get_revision());
    } catch (const Xapian::Error&) {
        // several shards: no single revision
    }
    return state;
}

}  // namespace himoya
