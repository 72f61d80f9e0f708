#include "threshold/units.hpp"

#include <array>
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>

#include "threshold/phrase.hpp"

namespace rbc::threshold {

const char* op_text(Op op) {
  switch (op) {
    case Op::gt: return ">";
    case Op::ge: return ">=";
    case Op::lt: return "<";
    case Op::le: return "<=";
    case Op::eq: return "==";
    case Op::ne: return "!=";
  }
  return "?";
}

std::int64_t unit_ms(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::ms: return 1;
    case TimeUnit::s: return 1000;
    case TimeUnit::m: return 60 * 1000;
    case TimeUnit::h: return 60 * 60 * 1000;
    case TimeUnit::d: return 24 * 60 * 60 * 1000;
    case TimeUnit::w: return 7LL * 24 * 60 * 60 * 1000;
    case TimeUnit::y: return 365LL * 24 * 60 * 60 * 1000;
  }
  return 1;
}

const char* unit_name(TimeUnit unit) {
  switch (unit) {
    case TimeUnit::ms: return "ms";
    case TimeUnit::s: return "s";
    case TimeUnit::m: return "m";
    case TimeUnit::h: return "h";
    case TimeUnit::d:
    case TimeUnit::w:
    case TimeUnit::y: return "d";
  }
  return "";
}

std::string canonical_bytes(std::string_view written) {
  std::string lower;
  for (char c : written) lower += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (lower == "b" || lower == "byte" || lower == "bytes") return "B";
  if (lower == "kilobytes") return "KB";
  if (lower == "megabytes") return "MB";
  if (lower == "gigabytes") return "GB";
  if (lower == "terabytes") return "TB";
  // Two or three letters: first upper-case, binary "i" lower-case, "B".
  std::string out;
  out += static_cast<char>(std::toupper(static_cast<unsigned char>(lower[0])));
  if (lower.size() == 3) out += 'i';
  out += 'B';
  return out;
}

std::string format_count(double value) {
  std::array<char, 64> buf{};
  std::snprintf(buf.data(), buf.size(), "%.15g", value);
  return buf.data();
}

bool to_ms(double value, TimeUnit unit, std::int64_t& out) {
  double ms = value * static_cast<double>(unit_ms(unit));
  // 9e15 ms is about 285,000 years: far beyond any real threshold.
  if (!std::isfinite(ms) || ms < 0 || ms > 9e15) return false;
  out = std::llround(ms);
  return true;
}

std::string format_duration(std::int64_t ms) {
  if (ms == 0) return "0s";
  std::string out;
  if (ms < 0) {
    out += '-';
    ms = ms == std::numeric_limits<std::int64_t>::min() ? std::numeric_limits<std::int64_t>::max() : -ms;
  }
  // Prometheus's model.Duration prints y, w, d, h, m, s, ms, largest first;
  // years and weeks only when they divide the whole rest ("90d", not "12w6d").
  struct Part {
    std::int64_t size;
    const char* name;
    bool exact;
  };
  static constexpr std::array<Part, 7> parts{{{365LL * 86400000, "y", true},
                                              {7LL * 86400000, "w", true},
                                              {86400000, "d", false},
                                              {3600000, "h", false},
                                              {60000, "m", false},
                                              {1000, "s", false},
                                              {1, "ms", false}}};
  for (const Part& part : parts) {
    if (part.exact && ms % part.size != 0) continue;
    if (ms >= part.size) {
      out += std::to_string(ms / part.size);
      out += part.name;
      ms %= part.size;
    }
  }
  return out;
}

}  // namespace rbc::threshold
