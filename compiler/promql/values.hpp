// Literal values the way Prometheus 2.42 reads them: Go strconv numbers,
// prometheus/common durations, and strutil.Unquote strings.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace rbc::promql {

// ParseInt(s, 0, 64) with ParseFloat fallback. On failure returns the Go
// error text ("strconv.ParseFloat: parsing \"1e\": invalid syntax") and sets
// `value` to what Go would have returned.
std::optional<std::string> parse_number(std::string_view text, double& value);

// model.ParseDuration plus PromQL's "> 0" rule; value in milliseconds.
std::optional<std::string> parse_duration_ms(std::string_view text, std::int64_t& ms);

// Unquotes a lexer-validated string token (with its quotes).
std::string unquote(std::string_view token);

}  // namespace rbc::promql
