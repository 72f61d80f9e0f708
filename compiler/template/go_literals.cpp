#include "template/go_literals.hpp"

#include <cerrno>
#include <cmath>
#include <cstdint>
#include <cstdlib>
#include <limits>
#include <utility>

#include "gotext/quote.hpp"
#include "gotext/utf8.hpp"

namespace rbc::gotmpl {
namespace {

const std::string kInvalidSyntax = "invalid syntax";

char lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  const char l = lower(c);
  if (l >= 'a' && l <= 'f') return l - 'a' + 10;
  return -1;
}

char simple_escape(char e) {
  switch (e) {
    case 'a': return '\a';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    case 'v': return '\v';
    case '\\': return '\\';
    default: return 0;
  }
}

// One step of strconv.UnquoteChar: consumes one (possibly escaped)
// character of `s` inside a literal quoted by `quote` and appends its
// value to `out`. False on bad syntax.
bool unquote_char(std::string_view& s, char quote, std::string& out) {
  if (s.empty()) return false;
  const char c = s[0];
  if (c == quote && (quote == '\'' || quote == '"')) return false;
  if (static_cast<unsigned char>(c) >= 0x80) {
    const std::size_t w = gotext::decode_rune(s).width;
    out.append(s.substr(0, w));
    s.remove_prefix(w);
    return true;
  }
  if (c != '\\') {
    out += c;
    s.remove_prefix(1);
    return true;
  }
  if (s.size() <= 1) return false;
  const char e = s[1];
  s.remove_prefix(2);
  if (const char v = simple_escape(e); v != 0) {
    out += v;
    return true;
  }
  switch (e) {
    case 'x': case 'u': case 'U': {
      const std::size_t n = e == 'x' ? 2 : (e == 'u' ? 4 : 8);
      if (s.size() < n) return false;
      std::uint32_t v = 0;
      for (std::size_t i = 0; i < n; ++i) {
        const int h = hex_value(s[i]);
        if (h < 0) return false;
        v = (v << 4) | static_cast<std::uint32_t>(h);
      }
      s.remove_prefix(n);
      if (e == 'x') {
        out += static_cast<char>(v);  // a single byte, maybe not UTF-8
        return true;
      }
      if (v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return false;
      gotext::append_utf8(out, v);
      return true;
    }
    case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      if (s.size() < 2) return false;
      unsigned v = static_cast<unsigned>(e - '0');
      for (std::size_t i = 0; i < 2; ++i) {
        if (s[i] < '0' || s[i] > '7') return false;
        v = (v << 3) | static_cast<unsigned>(s[i] - '0');
      }
      s.remove_prefix(2);
      if (v > 255) return false;
      out += static_cast<char>(v);
      return true;
    }
    case '\'': case '"':
      out += e;
      return e == quote;
    default:
      return false;
  }
}

// strconv's underscoreOK: '_' only between digits, or after a base prefix.
bool underscores_ok(std::string_view s) {
  char saw = '^';
  std::size_t i = 0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() >= 2 && s[0] == '0' && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
    i = 2;
    saw = '0';
    hex = lower(s[1]) == 'x';
  }
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if ((c >= '0' && c <= '9') || (hex && lower(c) >= 'a' && lower(c) <= 'f')) {
      saw = '0';
    } else if (c == '_') {
      if (saw != '0') return false;
      saw = '_';
    } else {
      if (saw == '_') return false;
      saw = '!';
    }
  }
  return saw != '_';
}

enum class NumStatus { ok, syntax, range };

// strconv.ParseUint(s, 0, 64).
NumStatus parse_uint(std::string_view s, std::uint64_t& out) {
  const std::string_view whole = s;
  if (s.empty()) return NumStatus::syntax;
  unsigned base = 10;
  if (s[0] == '0') {
    if (s.size() >= 3 && (lower(s[1]) == 'b' || lower(s[1]) == 'o' || lower(s[1]) == 'x')) {
      base = lower(s[1]) == 'b' ? 2 : (lower(s[1]) == 'o' ? 8 : 16);
      s.remove_prefix(2);
    } else {
      base = 8;
      s.remove_prefix(1);
    }
  }
  bool underscores = false;
  bool overflow = false;
  std::uint64_t n = 0;
  for (const char c : s) {
    if (c == '_') {
      underscores = true;
      continue;
    }
    const int d = hex_value(c);
    if (d < 0 || static_cast<unsigned>(d) >= base) return NumStatus::syntax;
    if (n > (std::numeric_limits<std::uint64_t>::max() - static_cast<unsigned>(d)) / base) overflow = true;
    n = n * base + static_cast<unsigned>(d);
  }
  if (underscores && !underscores_ok(whole)) return NumStatus::syntax;
  if (overflow) return NumStatus::range;
  out = n;
  return NumStatus::ok;
}

// strconv.ParseInt(s, 0, 64).
NumStatus parse_int(std::string_view s) {
  if (s.empty()) return NumStatus::syntax;
  bool neg = false;
  if (s[0] == '+' || s[0] == '-') {
    neg = s[0] == '-';
    s.remove_prefix(1);
  }
  std::uint64_t u = 0;
  const NumStatus st = parse_uint(s, u);
  if (st != NumStatus::ok) return st;
  const std::uint64_t limit = std::uint64_t{1} << 63;
  if ((!neg && u >= limit) || (neg && u > limit)) return NumStatus::range;
  return NumStatus::ok;
}

// The syntax of strconv.ParseFloat for what the template lexer can produce
// (no inf/nan): decimal, or hex with a mandatory p exponent; underscores.
bool float_syntax_ok(std::string_view s) {
  const std::string_view whole = s;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) s.remove_prefix(1);
  bool hex = false;
  if (s.size() > 2 && s[0] == '0' && lower(s[1]) == 'x') {
    hex = true;
    s.remove_prefix(2);
  }
  bool digits = false;
  bool dot = false;
  bool underscores = false;
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c == '_') {
      underscores = true;
    } else if (c == '.') {
      if (dot) return false;
      dot = true;
    } else if ((c >= '0' && c <= '9') || (hex && hex_value(c) >= 0)) {
      digits = true;
    } else {
      break;
    }
  }
  if (!digits) return false;
  const char exp_char = hex ? 'p' : 'e';
  if (i < s.size() && lower(s[i]) == exp_char) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    if (i >= s.size() || s[i] < '0' || s[i] > '9') return false;
    while (i < s.size() && ((s[i] >= '0' && s[i] <= '9') || s[i] == '_')) {
      underscores = underscores || s[i] == '_';
      ++i;
    }
  } else if (hex) {
    return false;  // Go requires the p exponent on hex floats
  }
  if (i != s.size()) return false;
  return !underscores || underscores_ok(whole);
}

// strconv.ParseFloat(s, 64): ok, syntax error, or out of range.
NumStatus parse_float(std::string_view s) {
  if (!float_syntax_ok(s)) return NumStatus::syntax;
  std::string clean;
  for (const char c : s) {
    if (c != '_') clean += c;
  }
  errno = 0;
  const double v = std::strtod(clean.c_str(), nullptr);
  if (errno == ERANGE && std::isinf(v)) return NumStatus::range;
  return NumStatus::ok;
}

// fmt's floatToken: the longest prefix of s[i:] that looks like a float.
std::string_view float_token(std::string_view s, std::size_t& i) {
  const std::size_t start = i;
  const auto accept = [&](std::string_view set) {
    if (i < s.size() && set.find(s[i]) != std::string_view::npos) {
      ++i;
      return true;
    }
    return false;
  };
  accept("+-");
  std::string_view digits = "0123456789_";
  std::string_view exponent = "eE";
  if (accept("0") && accept("xX")) {
    digits = "0123456789aAbBcCdDeEfF_";
    exponent = "pP";
  }
  while (accept(digits)) {
  }
  if (accept(".")) {
    while (accept(digits)) {
    }
  }
  if (accept(exponent)) {
    accept("+-");
    while (accept("0123456789_")) {
    }
  }
  return s.substr(start, i - start);
}

std::optional<std::string> check_complex_part(std::string_view part) {
  const NumStatus st = parse_float(part);
  if (st == NumStatus::ok) return std::nullopt;
  return "strconv.ParseFloat: parsing " + gotext::quote(part) +
         (st == NumStatus::range ? ": value out of range" : ": invalid syntax");
}

// The parser lets fmt.Sscan read "1+2i": real part, sign, imaginary part, 'i'.
std::optional<std::string> check_complex(std::string_view text) {
  const std::string scan_error = "syntax error scanning complex number";
  std::size_t i = 0;
  const std::string_view re = float_token(text, i);
  if (i >= text.size() || (text[i] != '+' && text[i] != '-')) return scan_error;
  const std::string_view im = float_token(text, i);  // includes the sign
  if (i >= text.size() || text[i] != 'i') return scan_error;
  if (auto err = check_complex_part(re)) return err;
  return check_complex_part(im);
}

bool contains_any(std::string_view s, std::string_view set) { return s.find_first_of(set) != std::string_view::npos; }

}  // namespace

std::optional<std::string> check_string_literal(std::string_view quoted, std::string* value) {
  std::string out;
  if (quoted.size() < 2) return kInvalidSyntax;
  const char quote = quoted.front();
  if (quoted.back() != quote) return kInvalidSyntax;
  std::string_view body = quoted.substr(1, quoted.size() - 2);
  if (quote == '`') {
    if (body.find('`') != std::string_view::npos) return kInvalidSyntax;
    for (const char c : body) {
      if (c != '\r') out += c;  // Go drops carriage returns from raw strings
    }
  } else {
    if (body.find('\n') != std::string_view::npos) return kInvalidSyntax;
    while (!body.empty()) {
      if (!unquote_char(body, quote, out)) return kInvalidSyntax;
    }
  }
  if (value != nullptr) *value = std::move(out);
  return std::nullopt;
}

std::optional<std::string> check_char_literal(std::string_view quoted) {
  std::string_view rest = quoted.substr(1);
  std::string ignored;
  if (!unquote_char(rest, '\'', ignored)) return kInvalidSyntax;
  if (rest != "'") return "malformed character constant: " + std::string(quoted);
  return std::nullopt;
}

std::optional<std::string> check_number_literal(std::string_view text, bool complex) {
  if (complex) return check_complex(text);
  const std::string illegal = "illegal number syntax: " + gotext::quote(text);
  if (!text.empty() && text.back() == 'i' && parse_float(text.substr(0, text.size() - 1)) == NumStatus::ok) {
    return std::nullopt;
  }
  std::uint64_t u = 0;
  if (parse_uint(text, u) == NumStatus::ok || parse_int(text) == NumStatus::ok) return std::nullopt;
  const NumStatus f = parse_float(text);
  if (f == NumStatus::ok) {
    // Parsed as a float but looks like an integer: too large for int64.
    if (!contains_any(text, ".eEpP")) return "integer overflow: " + gotext::quote(text);
    return std::nullopt;
  }
  return illegal;
}

}  // namespace rbc::gotmpl
