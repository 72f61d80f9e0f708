#include "promql/go_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace rbc::promql::go {

std::string format_float(double v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  // Shortest round-trip digits laid out like Go's %v: strconv 'g' with
  // shortest precision, which switches to exponent form when the decimal
  // exponent is < -4 or >= 6.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::scientific);
  std::string sci(buf, res.ptr);  // e.g. "-1.2345e+06"
  bool neg = false;
  std::size_t i = 0;
  if (sci[0] == '-') {
    neg = true;
    i = 1;
  }
  const std::size_t epos = sci.find('e');
  std::string digits;
  for (std::size_t k = i; k < epos; ++k)
    if (sci[k] != '.') digits += sci[k];
  const int exp10 = std::stoi(sci.substr(epos + 1));
  const int dp = exp10 + 1;  // position of the decimal point after the first digit
  const int eprec = 6;
  const int nd = static_cast<int>(digits.size());
  const int x = dp - 1;
  std::string out = neg ? "-" : "";
  if (x < -4 || x >= eprec) {
    out += digits[0];
    if (nd > 1) {
      out += '.';
      out += digits.substr(1);
    }
    out += 'e';
    out += x < 0 ? '-' : '+';
    const int ax = x < 0 ? -x : x;
    if (ax < 10) out += '0';
    out += std::to_string(ax);
    return out;
  }
  if (dp <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-dp), '0');
    out += digits;
  } else if (dp >= nd) {
    out += digits;
    out.append(static_cast<std::size_t>(dp - nd), '0');
  } else {
    out += digits.substr(0, static_cast<std::size_t>(dp));
    out += '.';
    out += digits.substr(static_cast<std::size_t>(dp));
  }
  return out;
}

std::string format_fixed(double v, int decimals) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "+Inf" : "-Inf";
  char buf[512];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string format_duration_ms(std::int64_t ms) {
  if (ms == 0) return "0s";
  std::string out;
  std::uint64_t v = ms < 0 ? static_cast<std::uint64_t>(-(ms + 1)) + 1 : static_cast<std::uint64_t>(ms);
  if (ms < 0) out += '-';
  struct Unit {
    std::uint64_t size;
    const char* name;
    bool exact_only;
  };
  static const Unit units[] = {{1000ULL * 60 * 60 * 24 * 365, "y", true},
                               {1000ULL * 60 * 60 * 24 * 7, "w", true},
                               {1000ULL * 60 * 60 * 24, "d", false},
                               {1000ULL * 60 * 60, "h", false},
                               {1000ULL * 60, "m", false},
                               {1000ULL, "s", false},
                               {1ULL, "ms", false}};
  for (const Unit& u : units) {
    if (u.exact_only && v % u.size != 0) continue;
    const std::uint64_t n = v / u.size;
    if (n == 0) continue;
    out += std::to_string(n);
    out += u.name;
    v -= n * u.size;
  }
  return out;
}

}  // namespace rbc::promql::go
