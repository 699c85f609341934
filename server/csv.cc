#include "server/csv.h"

namespace himoya {

std::string csv_field(const std::string& value) {
    std::string v = value;
    if (!v.empty() && (v[0] == '=' || v[0] == '+' || v[0] == '-' || v[0] == '@')) v.insert(0, "'");
    if (v.find_first_of(",\"\r\n") == std::string::npos) return v;
    std::string out = "\"";
    for (char c : v) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

std::string matrix_csv(const nlohmann::json& m) {
    std::string out = csv_field(m["scheme"] == "istanbul" ? "article" : "concept") + "," + csv_field("label");
    for (const auto& j : m["jurisdictions"]) {
        std::string code = j.get<std::string>();
        out += "," + csv_field(code + " provisions") + "," + csv_field(code + " best provision");
    }
    out += "\r\n";
    for (const auto& row : m["rows"]) {
        out += csv_field(row["key"].get<std::string>()) + "," + csv_field(row["label"].get<std::string>());
        for (const auto& cell : row["cells"]) {
            out += "," + std::to_string(cell["count"].get<long>()) + ",";
            if (!cell["best"].is_null())
                out += csv_field(cell["best"]["id"].get<std::string>());
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace himoya
