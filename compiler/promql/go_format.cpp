#include "promql/go_format.hpp"

#include <charconv>
#include <cmath>
#include <cstdio>

namespace rbc::promql::go {

Rune decode_rune(std::string_view s) {
  if (s.empty()) return {0xFFFD, 0};
  const auto b0 = static_cast<unsigned char>(s[0]);
  if (b0 < 0x80) return {b0, 1};
  auto cont = [&](std::size_t i) {
    return i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80;
  };
  auto byte = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[i]) & 0x3F); };
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) return {(char32_t(b0 & 0x1F) << 6) | byte(1), 2};
  if (b0 >= 0xE0 && b0 <= 0xEF && cont(1) && cont(2)) {
    const char32_t r = (char32_t(b0 & 0x0F) << 12) | (byte(1) << 6) | byte(2);
    if (r < 0x800 || (r >= 0xD800 && r <= 0xDFFF)) return {0xFFFD, 1};
    return {r, 3};
  }
  if (b0 >= 0xF0 && b0 <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    const char32_t r = (char32_t(b0 & 0x07) << 18) | (byte(1) << 12) | (byte(2) << 6) | byte(3);
    if (r < 0x10000 || r > 0x10FFFF) return {0xFFFD, 1};
    return {r, 4};
  }
  return {0xFFFD, 1};
}

void append_utf8(std::string& out, char32_t r) {
  if (r < 0x80) {
    out += static_cast<char>(r);
  } else if (r < 0x800) {
    out += static_cast<char>(0xC0 | (r >> 6));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else if (r < 0x10000) {
    out += static_cast<char>(0xE0 | (r >> 12));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (r >> 18));
    out += static_cast<char>(0x80 | ((r >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((r >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (r & 0x3F));
  }
}

namespace {

void append_hex(std::string& out, std::uint32_t v, int digits) {
  static const char* hex = "0123456789abcdef";
  for (int i = digits - 1; i >= 0; --i) out += hex[(v >> (4 * i)) & 0xF];
}

// strconv's appendEscapedRune.
void append_escaped(std::string& out, char32_t r, char quote_char) {
  if (r == static_cast<char32_t>(quote_char) || r == '\\') {
    out += '\\';
    out += static_cast<char>(r);
    return;
  }
  if (is_print(r)) {
    append_utf8(out, r);
    return;
  }
  switch (r) {
    case '\a': out += "\\a"; return;
    case '\b': out += "\\b"; return;
    case '\f': out += "\\f"; return;
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    case '\v': out += "\\v"; return;
    default: break;
  }
  if (r < 0x20 || r == 0x7F) {
    out += "\\x";
    append_hex(out, r, 2);
  } else if (r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) {
    out += "\\ufffd";
  } else if (r < 0x10000) {
    out += "\\u";
    append_hex(out, r, 4);
  } else {
    out += "\\U";
    append_hex(out, r, 8);
  }
}

std::string quote_impl(std::string_view s, std::size_t max_runes) {
  std::string out = "\"";
  std::size_t runes = 0;
  while (!s.empty() && runes < max_runes) {
    const Rune r = decode_rune(s);
    if (r.width == 1 && r.value == 0xFFFD) {
      out += "\\x";
      append_hex(out, static_cast<unsigned char>(s[0]), 2);
    } else {
      append_escaped(out, r.value, '"');
    }
    s.remove_prefix(r.width);
    ++runes;
  }
  out += '"';
  return out;
}

}  // namespace

std::string quote(std::string_view s) { return quote_impl(s, static_cast<std::size_t>(-1)); }

std::string quote_prefix(std::string_view s, std::size_t n_runes) { return quote_impl(s, n_runes); }

std::string quote_rune(std::int64_t r) {
  if (r < 0 || r > 0x10FFFF || (r >= 0xD800 && r <= 0xDFFF)) r = 0xFFFD;
  std::string out = "'";
  append_escaped(out, static_cast<char32_t>(r), '\'');
  out += '\'';
  return out;
}

std::string unicode_rune(std::int64_t r) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "U+%04llX", static_cast<unsigned long long>(r < 0 ? 0xFFFD : r));
  std::string out = buf;
  if (r >= 0 && r <= 0x10FFFF && is_print(static_cast<char32_t>(r))) {
    out += " '";
    append_utf8(out, static_cast<char32_t>(r));
    out += '\'';
  }
  return out;
}

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
