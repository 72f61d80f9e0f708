// Go formatting behaviours that PromQL error messages and String() expose:
// %q quoting of strings and runes, %#U, %v and %f of float64, and
// prometheus/common model.Duration printing.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace rbc::promql::go {

// One UTF-8 decoding step like Go's utf8.DecodeRuneInString: invalid input
// yields U+FFFD with width 1; empty input yields width 0.
struct Rune {
  char32_t value = 0xFFFD;
  std::size_t width = 0;
};
Rune decode_rune(std::string_view s);

// Go's strconv.IsPrint (table in go_printable.cpp).
bool is_print(char32_t r);

void append_utf8(std::string& out, char32_t r);

// fmt %q of a string (strconv.Quote).
std::string quote(std::string_view s);
// fmt %.Nq: quote only the first n runes.
std::string quote_prefix(std::string_view s, std::size_t n_runes);
// fmt %q of a rune (strconv.QuoteRune); invalid runes print as U+FFFD.
std::string quote_rune(std::int64_t r);
// fmt %#U of a rune, e.g. "U+0064 'd'".
std::string unicode_rune(std::int64_t r);

// fmt %v of a float64 (strconv 'g' shortest with %v's exponent threshold).
std::string format_float(double v);
// fmt %f of a float64 (6 decimals), and %.3f.
std::string format_fixed(double v, int decimals);

// model.Duration.String() of a duration given in milliseconds.
std::string format_duration_ms(std::int64_t ms);

}  // namespace rbc::promql::go
