#include "promql/values.hpp"

#include <charconv>
#include <cmath>
#include <cstdlib>
#include <limits>

#include "gotext/quote.hpp"
#include "gotext/utf8.hpp"
#include "promql.hpp"
#include "promql/go_format.hpp"

namespace rbc::promql {
namespace {

namespace pegtl = tao::pegtl;
namespace g = rbc::grammar::promql;

template <typename Rule>
bool full_match(std::string_view s) {
  pegtl::memory_input<pegtl::tracking_mode::lazy, pegtl::eol::lf_crlf, const char*> in(s.data(), s.data() + s.size(), "");
  return pegtl::parse<Rule>(in);
}

bool ieq(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    char c = a[i];
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (c != b[i]) return false;
  }
  return true;
}

// Go ParseInt(s, 0, 64) for the shapes the lexer produces.
bool parse_go_int(std::string_view s, std::int64_t& out) {
  int base = 10;
  if (s.size() >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    base = 16;
    s.remove_prefix(2);
  } else if (s.size() >= 2 && s[0] == '0') {
    base = 8;
    s.remove_prefix(1);
  }
  if (s.empty()) return false;
  std::uint64_t v = 0;
  for (char c : s) {
    int d = 99;
    if (c >= '0' && c <= '9') d = c - '0';
    else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
    if (d >= base) return false;
    if (v > (std::uint64_t{1} << 63) / static_cast<std::uint64_t>(base)) return false;
    v = v * static_cast<std::uint64_t>(base) + static_cast<std::uint64_t>(d);
    if (v > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) return false;
  }
  out = static_cast<std::int64_t>(v);
  return true;
}

std::string float_error(std::string_view s, const char* what) {
  return "strconv.ParseFloat: parsing " + gotext::quote(s) + ": " + what;
}

}  // namespace

std::optional<std::string> parse_number(std::string_view text, double& value) {
  std::int64_t i = 0;
  if (parse_go_int(text, i)) {
    value = static_cast<double>(i);
    return std::nullopt;
  }
  value = 0;
  if (ieq(text, "inf") || ieq(text, "infinity")) {
    value = std::numeric_limits<double>::infinity();
    return std::nullopt;
  }
  if (ieq(text, "nan")) {
    value = std::numeric_limits<double>::quiet_NaN();
    return std::nullopt;
  }
  if (!full_match<g::go_decimal_float>(text)) return float_error(text, "invalid syntax");
  const auto res = std::from_chars(text.data(), text.data() + text.size(), value);
  if (res.ec == std::errc::result_out_of_range) {
    // from_chars leaves `value` untouched; strtod tells overflow from underflow.
    const std::string copy(text);
    value = std::strtod(copy.c_str(), nullptr);
    if (std::isinf(value)) return float_error(text, "value out of range");
  }
  return std::nullopt;
}

std::optional<std::string> parse_duration_ms(std::string_view text, std::int64_t& ms) {
  ms = 0;
  if (!full_match<g::duration_value>(text)) return "not a valid duration string: " + gotext::quote(text);
  // Accumulate like prometheus/common: per-unit overflow check, then the
  // running nanosecond total must stay positive.
  struct Unit {
    std::string_view name;
    std::int64_t ms;
  };
  static const Unit units[] = {{"y", 1000LL * 60 * 60 * 24 * 365}, {"w", 1000LL * 60 * 60 * 24 * 7},
                               {"d", 1000LL * 60 * 60 * 24},       {"h", 1000LL * 60 * 60},
                               {"m", 1000LL * 60},                 {"s", 1000},
                               {"ms", 1}};
  bool overflow = false;
  std::uint64_t total_ns = 0;  // wraps like Go's int64 arithmetic
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint64_t n = 0;
    bool big = false;
    // Go's strconv.Atoi gives the largest int64 for a number too big (its
    // error is ignored); checked before the step so nothing wraps.
    constexpr auto kMaxInt = static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max());
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
      const auto digit = static_cast<std::uint64_t>(text[i] - '0');
      big = big || n > (kMaxInt - digit) / 10;
      n = big ? kMaxInt : n * 10 + digit;
      ++i;
    }
    std::size_t j = i;
    while (j < text.size() && !(text[j] >= '0' && text[j] <= '9')) ++j;
    const std::string_view unit = text.substr(i, j - i);
    i = j;
    for (const Unit& u : units) {
      if (u.name != unit) continue;
      const std::int64_t limit = std::numeric_limits<std::int64_t>::max() / u.ms / 1000000;
      if (n > static_cast<std::uint64_t>(limit)) overflow = true;
      total_ns += n * 1000000ULL * static_cast<std::uint64_t>(u.ms);
      if (static_cast<std::int64_t>(total_ns) < 0) overflow = true;
    }
  }
  if (overflow) return std::string("duration out of range");
  ms = static_cast<std::int64_t>(total_ns / 1000000ULL);
  if (ms == 0 && total_ns == 0) return std::string("duration must be greater than 0");
  return std::nullopt;
}

std::string unquote(std::string_view token) {
  if (token.size() < 2) return {};
  const char quote = token.front();
  std::string_view s = token.substr(1, token.size() - 2);
  if (quote == '`' || s.find('\\') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (s[i] != '\\') {
      out += s[i++];
      continue;
    }
    const char c = s[i + 1];
    i += 2;
    switch (c) {
      case 'a': out += '\a'; continue;
      case 'b': out += '\b'; continue;
      case 'f': out += '\f'; continue;
      case 'n': out += '\n'; continue;
      case 'r': out += '\r'; continue;
      case 't': out += '\t'; continue;
      case 'v': out += '\v'; continue;
      case 'x':
      case 'u':
      case 'U': {
        const std::size_t n = c == 'x' ? 2 : c == 'u' ? 4 : 8;
        std::uint32_t v = 0;
        std::from_chars(s.data() + i, s.data() + i + n, v, 16);
        i += n;
        if (c == 'x') out += static_cast<char>(v);
        else gotext::append_utf8(out, v);
        continue;
      }
      default:
        if (c >= '0' && c <= '7') {
          std::uint32_t v = 0;
          std::from_chars(s.data() + i - 1, s.data() + i + 2, v, 8);
          i += 2;
          out += static_cast<char>(v);
          continue;
        }
        out += c;  // \\, \' or \"
    }
  }
  return out;
}

}  // namespace rbc::promql
