// Literal and name generation: numbers, durations, strings, regexes, names.
#include <cctype>
#include <string>

#include "gen_core.hpp"

namespace rbc::oracle::detail {
namespace {

std::string digits(Rng& rng, std::size_t max_len) {
  std::string out;
  const std::size_t len = 1 + rng.below(max_len);
  for (std::size_t i = 0; i < len; ++i) out += static_cast<char>('0' + rng.below(10));
  return out;
}

std::string hex_digits(Rng& rng, std::size_t len, bool upper) {
  static const char lower_set[] = "0123456789abcdef";
  static const char upper_set[] = "0123456789ABCDEF";
  std::string out;
  for (std::size_t i = 0; i < len; ++i) out += (upper ? upper_set : lower_set)[rng.below(16)];
  return out;
}

// Arbitrary (mostly printable) text for string values and comments.
std::string random_text(Rng& rng, std::size_t max_len) {
  static const char* const pieces[] = {"a", "b", "x", "foo", "Z", "0", "9", " ", "-", ".", "/", ":",
                                       "{", "}", "(", ")", "[", "]", ",", "=", "#", "$1", "é",
                                       "☺", "𝄞", "ü", "*", "+", "?", "|", "^", "%", "~", "@", "!",
                                       // Go's strconv.IsPrint says no to these (Unicode 13 tables in
                                       // the Go 1.19 that built Debian's 2.42): NBSP, soft hyphen,
                                       // zero-width space, line separator, U+1FAE0 (Unicode 14)
                                       "\xC2\xA0", "\xC2\xAD", "\xE2\x80\x8B", "\xE2\x80\xA8",
                                       "\xF0\x9F\xAB\xA0", "e\xCC\x81", "\xD7\x90"};
  std::string out;
  const std::size_t len = rng.below(max_len + 1);
  for (std::size_t i = 0; i < len; ++i) out += rng.pick(pieces);
  return out;
}

// One valid escape sequence for a string quoted with `q`.
std::string valid_escape(Rng& rng, char q) {
  switch (rng.below(9)) {
    case 0: return std::string("\\") + "abfnrtv"[rng.below(7)];
    case 1: return "\\\\";
    case 2: return std::string("\\") + q;
    case 3: {  // octal, exactly three digits, value <= 0377
      std::string s = "\\";
      s += static_cast<char>('0' + rng.below(4));
      s += static_cast<char>('0' + rng.below(8));
      s += static_cast<char>('0' + rng.below(8));
      return s;
    }
    case 4: return "\\x" + hex_digits(rng, 2, rng.chance(50));
    case 5: {  // \uHHHH outside the surrogate range
      static const char* const units[] = {"0041", "00e9", "263A", "4e2d", "FFFD", "0000", "d7ff", "E000",
                                          "00a0", "00AD", "200b", "2028", "0378", "FEFF", "0301", "007f"};
      return std::string("\\u") + rng.pick(units);
    }
    case 6: {
      static const char* const units[] = {"0001F600", "00000041", "0010FFFF", "00010111", "0001FAE0",
                                          "000E0001", "0001d11e", "0002A6D6"};
      return std::string("\\U") + rng.pick(units);
    }
    default: return std::string("\\") + "nt"[rng.below(2)];
  }
}

}  // namespace

std::string Gen::keyword_case(std::string_view word) {
  std::string out(word);
  switch (rng_.below(6)) {
    case 0:
      for (char& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      break;
    case 1: out[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(out[0]))); break;
    default: break;
  }
  return out;
}

std::string Gen::number() {
  switch (rng_.below(14)) {
    case 0: return digits(rng_, 6);
    case 1: return digits(rng_, 3) + "." + digits(rng_, 4);
    case 2: return "." + digits(rng_, 3);
    case 3: return digits(rng_, 2) + ".";
    case 4: return digits(rng_, 2) + (rng_.chance(50) ? "e" : "E") + (rng_.chance(50) ? "-" : "+") +
                   digits(rng_, 2);
    case 5: return digits(rng_, 2) + "." + digits(rng_, 2) + "e" + digits(rng_, 1);
    case 6: return (rng_.chance(50) ? "0x" : "0X") + hex_digits(rng_, 1 + rng_.below(6), rng_.chance(50));
    case 7: return "0" + std::string(1, static_cast<char>('0' + rng_.below(8))) + digits(rng_, 3);
    case 8: {
      static const char* const odd[] = {"999999", "1234567", "0.0001", "0.00001", "123456.7", "1e20", "1e21",
                                        "100000000000000000000", "0xFFFFFFFF", "0.1", "2.5e-7", "1e100",
                                        "4.9e-324", "1.7976931348623157e308", "0.30000000000000004", "08", "09.5", "007", "1.e3", ".5e1", "9223372036854775808",
                                        "1e-400", "1e308", "0.000001", "1e-5", "1000000", "123456.789",
                                        "0", "0.0", "0x0", "1E6", "100000"};
      return rng_.pick(odd);
    }
    case 9: return keyword_case(rng_.chance(50) ? "inf" : "nan");
    default: return digits(rng_, 3);
  }
}

std::string Gen::bad_number() {
  static const char* const bad[] = {"1e", "5e+", "0x", "0xffffffffffffffff", "1e400", "1_000", "0o17",
                                    "0b1", "1p3", "0x1p3", ".e3", "1.2.3", "1ee3", "0x1g", "09e",
                                    "1.5.", "-1e999", "12abc", "3_", "0x_1"};
  return rng_.pick(bad);
}

std::string Gen::duration() {
  static const char* const units[] = {"y", "w", "d", "h", "m", "s", "ms"};
  if (rng_.chance(12)) {  // values the printer has to re-normalise (3600s prints as 1h)
    static const char* const odd[] = {"60s",  "3600s", "90m",    "24h",  "7d",    "365d", "52w",  "1000ms",
                                      "1500ms", "86400s", "120m", "48h", "14d",  "730d", "104w", "5y",
                                      "01m",  "007s",  "1y52w",  "0h5m", "1d0s", "292y", "106751d", "61s"};
    return rng_.pick(odd);
  }
  std::string out;
  const bool composite = rng_.chance(25);
  std::size_t first = rng_.below(7);
  if (!composite) {
    const std::size_t unit = first < 2 && rng_.chance(70) ? 4 : first;
    const std::size_t max = unit <= 1 ? 9 : 120;
    return std::to_string(1 + rng_.below(max)) + units[unit];
  }
  if (first == 6) first = 3;
  bool any_nonzero = false;
  for (std::size_t u = first; u < 7; ++u) {
    if (u != first && !rng_.chance(45)) continue;
    std::size_t value = rng_.below(u <= 1 ? 4 : 70);
    if (u == first && value == 0) value = 1;
    any_nonzero = any_nonzero || value != 0;
    out += std::to_string(value) + units[u];
  }
  return any_nonzero ? out : out + "1ms";
}

std::string Gen::bad_duration() {
  static const char* const bad[] = {"0s", "0m", "0ms", "0h0m", "1h1d", "1.5h", "5M", "1y1y", "293y", "5y1hs",
                                    "1m1", "5", "5mm", "1H", "5m5m", "1s1m", "00s", "5d1y", "1w1w",
                                    "99999999999999999999s", "2562048h", "15250w", "106752d", "1.5", "5m1"};
  return rng_.pick(bad);
}

std::string Gen::quote(std::string_view value) {
  const std::size_t style = rng_.below(10);
  if (style < 2 && value.find('`') == std::string_view::npos) return "`" + std::string(value) + "`";
  const char q = style < 5 ? '\'' : '"';
  std::string out(1, q);
  for (char c : value) {
    if (c == '\\' || c == q) out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + q;
}

std::string Gen::string_lit() {
  const std::size_t style = rng_.below(10);
  if (style < 2) {  // raw string: anything but a backtick, newlines included
    std::string body = random_text(rng_, 6);
    if (rng_.chance(30)) body += rng_.chance(50) ? "\n\\d\"'" : "\t\r\n";
    return "`" + body + "`";
  }
  const char q = style < 5 ? '\'' : '"';
  std::string out(1, q);
  const std::size_t parts = rng_.below(5);
  for (std::size_t i = 0; i < parts; ++i) {
    if (rng_.chance(35)) {
      out += valid_escape(rng_, q);
    } else {
      for (char c : random_text(rng_, 3)) {
        if (c != q) out += c;
      }
    }
  }
  return out + q;
}

std::string Gen::bad_string() {
  static const char* const bad[] = {
      "\"\\d\"",    "\"\\'\"",    "'\\\"'",      "\"\\0\"",        "\"\\400\"",    "\"\\x4\"",
      "\"\\uD800\"", "\"\\U00110000\"", "\"\\8\"", "\"a\nb\"",       "\"abc",        "'abc",
      "`abc",       "\"\\xZZ\"",  "\"\\u12\"",   "'it''s'",        "\"\\q\"",      "\"\\ \"",
      "\"\\",       "'\\'",       "\"\\777\"",   "\"\\U0000D800\"", "\"\\e\"",     "'a\rb\nc'",
      // a literal U+FFFD is an "invalid UTF-8 rune" to the v2.42 lexer
      "\"a\xEF\xBF\xBD\""};
  return rng_.pick(bad);
}

std::string Gen::metric_name() {
  static const char* const plain[] = {"foo", "up", "http_requests_total", "node_cpu_seconds_total", "a",
                                      "_x", "job:rate5m:sum", ":", "::", ":foo", "foo:", "a:b:c",
                                      "Infinity", "nan_total", "offset5m", "boolbar", "sum_x", "sum:rate5m",
                                      "rate", "time", "vector", "X9", "bar", "inf_", "__name__"};
  static const char* const keywords[] = {"sum",    "avg",     "count", "min",   "max",          "group",
                                         "stddev", "stdvar",  "topk",  "bottomk", "count_values", "quantile",
                                         "and",    "or",      "unless", "by",   "without",      "offset",
                                         "start",  "end"};
  if (rng_.chance(20)) return keyword_case(rng_.pick(keywords));
  if (rng_.chance(15)) {
    static const char first[] = "abcxyzABQ_:";
    static const char rest[] = "abcdefxyz_:0123456789QZ";
    std::string out(1, first[rng_.below(sizeof first - 1)]);
    const std::size_t len = rng_.below(10);
    for (std::size_t i = 0; i < len; ++i) out += rest[rng_.below(sizeof rest - 1)];
    return out;
  }
  return rng_.pick(plain);
}

std::string Gen::bad_metric_name() {
  static const char* const bad[] = {"on", "bool", "ignoring", "group_left", "group_right", "atan2", "inf",
                                    "NaN", "1abc", "fóo", "ON", "Bool", "Inf", "GROUP_LEFT"};
  return rng_.pick(bad);
}

std::string Gen::label_name() {
  static const char* const names[] = {"job", "instance", "a", "b", "le", "_x", "code", "Path_2", "on",
                                      "by", "bool", "offset", "inf", "nan", "NaN", "sum", "and",
                                      "group_left", "start", "end", "atan2", "without", "ignoring",
                                      "Inf", "__meta", "x1"};
  return rng_.pick(names);
}

std::string Gen::grouping_label() {
  static const char* const names[] = {"job",  "instance", "a",        "b",       "le",         "_x",
                                      "code", "on",       "by",       "bool",    "offset",     "sum",
                                      "and",  "or",       "unless",   "start",   "end",        "atan2",
                                      "ignoring", "group_left", "group_right", "count_values",
                                      "topk", "BY", "Sum", "__name__", "alert"};
  return rng_.pick(names);
}

std::string Gen::bad_grouping_label() {
  // `without` is the one keyword v2.42 refuses as a grouping label.
  static const char* const bad[] = {"a:b", "inf", "NaN", "1", "\"a\"", "==", ",", "5m", "foo{}", ":x", "without"};
  return rng_.pick(bad);
}

std::string Gen::regex_lit(bool must_not_match_empty) {
  static const char* const nonempty[] = {".+", "foo|bar", "a.*b", "[0-9]+", "\\d+", "^foo$", "(?i)foo",
                                         "[[:alpha:]]+", "a{2,3}", "\\.", "\\w+", "[^/]+", "(?:a|b)c",
                                         "é+", ".", "x+?", "\\\\"};
  static const char* const any[] = {".*", "", "(x|y)?", "a*", "(?s).*", "\\S*", "|b"};
  if (must_not_match_empty || rng_.chance(70)) return quote(rng_.pick(nonempty));
  return quote(rng_.pick(any));
}

std::string Gen::bad_regex_lit() {
  static const char* const bad[] = {"(", ")", "[a-", "*a", "a**", "[z-a]", "x{2,1}", "\\p{Foo}", "(?z)",
                                    "\\8", "(?<n>a)", "a{1001}", "(\n", "\\Q"};
  return quote(rng_.pick(bad));
}

}  // namespace rbc::oracle::detail
