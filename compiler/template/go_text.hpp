// Go's view of text: UTF-8 runes, the character classes text/template uses,
// and the quoting fmt applies in error messages (%q, %.10q, %#U).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace rbc::gotmpl {

inline constexpr char32_t kRuneError = 0xFFFD;

struct DecodedRune {
  char32_t rune = kRuneError;
  std::size_t width = 0;  // 0 only at end of input
};

// Like utf8.DecodeRuneInString: invalid bytes decode as U+FFFD, width 1.
DecodedRune decode_rune(std::string_view s);

// unicode.IsLetter / IsDigit / IsPrint of Go 1.19 (Unicode 13.0).
bool is_letter(char32_t r);
bool is_digit(char32_t r);
bool is_print(char32_t r);

// text/template's lexer classes.
inline bool is_space(char32_t r) { return r == ' ' || r == '\t' || r == '\r' || r == '\n'; }
inline bool is_alphanumeric(char32_t r) { return r == '_' || is_letter(r) || is_digit(r); }

// fmt's %q of a string; with max_runes, %.Nq (truncate, then quote).
std::string go_quote(std::string_view s, std::size_t max_runes = std::string_view::npos);
// fmt's %#U of a rune: U+0041 'A'.
std::string go_rune_u(char32_t r);

}  // namespace rbc::gotmpl
