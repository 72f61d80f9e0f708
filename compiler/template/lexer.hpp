// The lexer of Go's text/template (as in Go 1.19, which built promtool
// 2.42 on Debian 12), with the default {{ }} delimiters.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace rbc::gotmpl {

enum class Tok {
  error,  // value is the message
  boolean,
  chr,  // any other printable ASCII character, such as ','
  char_constant,
  complex,
  assign,   // =
  declare,  // :=
  eof,
  field,
  identifier,
  left_delim,
  left_paren,
  number,
  pipe,
  raw_string,
  right_delim,
  right_paren,
  space,
  string,
  text,
  variable,
  // Keywords; printed as <word> in messages.
  kw_block,
  kw_break,
  kw_continue,
  kw_dot,
  kw_define,
  kw_else,
  kw_end,
  kw_if,
  kw_nil,
  kw_range,
  kw_template,
  kw_with,
};

struct Token {
  Tok type = Tok::eof;
  std::size_t pos = 0;  // byte offset of the token's start
  std::string value;    // the token text, or the message of an error token
};

// All tokens up to and including the first eof or error token.
std::vector<Token> lex_template(std::string_view text);

// How Go's parser prints a token in "unexpected X in Y".
std::string describe(const Token& token);

}  // namespace rbc::gotmpl
