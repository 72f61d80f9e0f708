#include "model/doc_units.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <system_error>
#include <utility>

namespace rbc::model {

std::optional<double> seconds_per(std::string_view unit) {
  static constexpr std::array<std::pair<std::string_view, double>, 9> kTime{{
      {"ns", 1e-9},
      {"us", 1e-6},
      {"ms", 1e-3},
      {"s", 1},
      {"m", 60},
      {"min", 60},
      {"h", 3600},
      {"d", 86400},
      {"w", 7 * 86400},
  }};
  for (const auto& [name, seconds] : kTime)
    if (unit == name) return seconds;
  return std::nullopt;
}

std::optional<ByteUnit> bytes_per(std::string_view unit) {
  if (unit == "B") return ByteUnit{};
  static constexpr std::string_view kPrefixes = "KMGTP";
  if (unit.size() < 2 || unit.back() != 'B') return std::nullopt;
  const auto power = kPrefixes.find(unit[0]);
  if (power == std::string_view::npos) return std::nullopt;
  const bool iec = unit.size() == 3 && unit[1] == 'i';
  if (unit.size() != 2 && !iec) return std::nullopt;
  const double n = static_cast<double>(power + 1);
  return ByteUnit{std::pow(1000.0, n), std::pow(1024.0, n), iec};
}

std::optional<RateUnit> parse_rate_unit(std::string_view unit) {
  const auto slash = unit.find('/');
  if (slash == std::string_view::npos) return std::nullopt;
  RateUnit r;
  r.numerator = std::string(unit.substr(0, slash));
  std::string_view per = unit.substr(slash + 1);
  double count = 1;
  std::size_t digits = 0;
  while (digits < per.size() && (std::isdigit(static_cast<unsigned char>(per[digits])) || per[digits] == '.'))
    ++digits;
  if (digits > 0) {
    const auto parsed = std::from_chars(per.data(), per.data() + digits, count);
    if (parsed.ec != std::errc() || parsed.ptr != per.data() + digits || !(count > 0)) return std::nullopt;
    per.remove_prefix(digits);
  }
  const auto seconds = seconds_per(per);
  if (!seconds) {
    // "/sec", "/minute", "/hour", "/day" spelled out.
    if (per == "sec" || per == "second") {
      r.period_s = count;
    } else if (per == "minute") {
      r.period_s = count * 60;
    } else if (per == "hour" || per == "hr") {
      r.period_s = count * 3600;
    } else if (per == "day") {
      r.period_s = count * 86400;
    } else {
      return std::nullopt;
    }
    return r;
  }
  r.period_s = count * *seconds;
  return r;
}

std::string format_number(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.10g", v == 0 ? 0.0 : v);  // no "-0"
  return buf;
}

std::string format_in_unit(double v, std::string_view unit) {
  const std::string n = format_number(v);
  if (unit.empty()) return n;
  if (unit[0] == '$') return "$" + n + std::string(unit.substr(1));
  if (unit[0] == '%' || unit[0] == '/') return n + std::string(unit);
  // Units print glued ("2s", "1GB", "5MB/10m"); counted nouns take a space.
  const auto rate = parse_rate_unit(unit);
  const bool compact = seconds_per(unit) || bytes_per(unit) ||
                       (rate && (rate->numerator.empty() || bytes_per(rate->numerator)));
  return n + (compact ? "" : " ") + std::string(unit);
}

}  // namespace rbc::model
