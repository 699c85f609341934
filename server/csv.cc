#include "server/csv.h"

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

std::string matrix_csv(const nlohmann::json& m) {
    // Appended piece by piece: `"," + csv_field(...)` temporaries made GCC 12
    // at -O3 report a false -Wrestrict.
    std::string out;
    auto field = [&out](const std::string& value) {
        if (!out.empty() && out.back() != '\n') out += ',';
        out += csv_field(value);
    };
    field(m.value("scheme", std::string()) == "istanbul" ? "article" : "concept");
    field("label");
    for (const auto& j : m["jurisdictions"]) {
        std::string code = j.get<std::string>();
        field(code + " provisions");
        field(code + " best provision");
    }
    out += "\r\n";
    for (const auto& row : m["rows"]) {
        field(row["key"].get<std::string>());
        field(row["label"].get<std::string>());
        for (const auto& cell : row["cells"]) {
            field(std::to_string(cell["count"].get<long>()));
            field(cell["best"].is_null() ? std::string() : cell["best"]["id"].get<std::string>());
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace himoya
