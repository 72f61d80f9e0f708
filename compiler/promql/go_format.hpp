// Go number formatting that PromQL's String() exposes: %v and %f of
// float64, and prometheus/common model.Duration printing. (Quoting and
// UTF-8 are in gotext/, shared with the template checker.)
#pragma once

#include <cstdint>
#include <string>

namespace rbc::promql::go {

// fmt %v of a float64 (strconv 'g' shortest with %v's exponent threshold).
std::string format_float(double v);
// fmt %f of a float64 (6 decimals), and %.3f.
std::string format_fixed(double v, int decimals);

// model.Duration.String() of a duration given in milliseconds.
std::string format_duration_ms(std::int64_t ms);

}  // namespace rbc::promql::go
