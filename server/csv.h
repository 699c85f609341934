// CSV exports of API results (RFC 4180: quoted fields, CRLF line ends).
#pragma once

#include <string>

#include <nlohmann/json.hpp>

namespace himoya {

// One CSV field, quoted when it holds a comma, quote or line break. A
// leading = + - @ is prefixed with ' so that spreadsheets do not run it.
std::string csv_field(const std::string& value);

// The coverage matrix of /api/matrix: one row per article or concept, a count
// and a best-provision column per jurisdiction.
std::string matrix_csv(const nlohmann::json& matrix);

}  // namespace himoya
