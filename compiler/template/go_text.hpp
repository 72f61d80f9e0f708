// The character classes of text/template's lexer (Go's Unicode view of
// letters and digits comes from gotext/).
#pragma once

#include "gotext/unicode.hpp"

namespace rbc::gotmpl {

inline bool is_space(char32_t r) { return r == ' ' || r == '\t' || r == '\r' || r == '\n'; }
inline bool is_alphanumeric(char32_t r) { return r == '_' || gotext::is_letter(r) || gotext::is_digit(r); }

}  // namespace rbc::gotmpl
