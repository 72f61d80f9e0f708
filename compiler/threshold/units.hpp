// Unit helpers shared by the threshold actions: time units and their
// millisecond sizes, canonical byte spellings, number printing for rates.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rbc::threshold {

enum class TimeUnit { ms, s, m, h, d, w, y };

// Milliseconds in one unit (a year is 365 days, a week 7 days).
std::int64_t unit_ms(TimeUnit unit);

// The spelling a comparison or rate uses: "ms", "s", "m", "h", "d". Weeks
// and years have none of their own; callers scale them to days first.
const char* unit_name(TimeUnit unit);

// "mb" -> "MB", "gib" -> "GiB", "bytes" -> "B", "megabytes" -> "MB".
std::string canonical_bytes(std::string_view written);

// Shortest plain decimal for a unit count: 10 -> "10", 0.5 -> "0.5".
std::string format_count(double value);

// value * unit in ms, rounded; false when negative, not finite or too large.
bool to_ms(double value, TimeUnit unit, std::int64_t& out);

}  // namespace rbc::threshold
