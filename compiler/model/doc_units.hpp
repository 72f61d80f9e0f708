// The runbook's units (threshold::Comparison::unit) as numbers: how many
// seconds a time unit is, how many bytes a size unit is, what a rate is per.
// Internal to threshold_match.cpp; exposed for its tests.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace rbc::model {

// Seconds in "ms", "s", "m", "min", "h", "d", "w"; also the rule-side "us",
// "ns". Empty when not a time unit.
std::optional<double> seconds_per(std::string_view unit);

// Bytes in "B", "KB".."PB" (decimal), "KiB".."PiB" (binary).
struct ByteUnit {
  double decimal = 1;  // "MB" -> 1e6; "MiB" -> 1e6 too, as people mix them up
  double binary = 1;   // "MB" -> 2^20; "MiB" -> 2^20
  bool binary_first = false;  // "MiB": the binary reading is the one meant
};
std::optional<ByteUnit> bytes_per(std::string_view unit);

// A rate as written: "/s", "/min", "$/h", "MB/10m", "errors/5m".
struct RateUnit {
  std::string numerator;  // "", "$", "MB", "errors"
  double period_s = 1;    // "10m" -> 600
};
std::optional<RateUnit> parse_rate_unit(std::string_view unit);

// A value with the runbook's unit, the way messages print it: "50%", "2s",
// "1GB", "$5/h", "10/min", "3 messages", "0.05".
std::string format_number(double v);
std::string format_in_unit(double v, std::string_view unit);

}  // namespace rbc::model
