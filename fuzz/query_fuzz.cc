// libFuzzer target: QueryBuilder::build on arbitrary query strings. A query
// it cannot make sense of must be a BadRequest (a 400), never a crash, a hang
// or another exception; the Xapian query it builds must be describable.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "search/query_builder.h"
#include "search/search_types.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    static himoya::Analyzer analyzer;
    static himoya::QueryBuilder builder(analyzer);
    static const std::string_view languages[] = {"tg", "ru", "en", "auto"};
    if (size == 0) return 0;
    // the server refuses longer queries (SearchLimits::kMaxQueryBytes) before building
    if (size - 1 > himoya::SearchLimits::kMaxQueryBytes) return 0;
    std::string_view lang = languages[data[0] % 4];
    std::string_view query(reinterpret_cast<const char*>(data + 1), size - 1);
    try {
        himoya::BuiltQuery built = builder.build(query, lang);
        (void)built.query.get_description();
    } catch (const himoya::BadRequest&) {
    }
    return 0;
}
