#include "search/facts.h"

#include <xapian.h>

namespace himoya {

std::optional<StoredFactTable> fact_table(IndexView& view, const std::string& topic) {
    std::string stored = view.db().get_metadata("facts:" + topic);
    if (stored.empty()) return std::nullopt;
    return decode_fact_table(stored);
}

}  // namespace himoya
