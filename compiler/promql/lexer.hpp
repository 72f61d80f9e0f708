// PromQL lexer with Prometheus 2.42's modes (statements, inside braces,
// after '[') and its exact lexer error texts and positions.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace rbc::promql {

enum class Tok {
  Eof, Error, Identifier, MetricIdentifier, Number, String, Duration,
  LeftParen, RightParen, LeftBrace, RightBrace, LeftBracket, RightBracket, Comma, Eql, Colon,
  // operators
  Add, Sub, Mul, Div, Mod, Pow, Eqlc, Neq, Lss, Lte, Gtr, Gte, EqlRegex, NeqRegex, At, Atan2,
  Land, Lor, Lunless,
  // aggregators
  Avg, Bottomk, Count, CountValues, Group, Max, Min, Quantile, Stddev, Stdvar, Sum, Topk,
  // keywords
  Bool, By, GroupLeft, GroupRight, Ignoring, Offset, On, Without,
  // @ preprocessors
  Start, End,
};

bool is_aggregator(Tok t);
bool is_keyword(Tok t);   // bool by group_left group_right ignoring offset on without
bool is_operator(Tok t);  // Add..Lunless

struct Token {
  Tok type = Tok::Eof;
  std::size_t pos = 0;
  std::string_view text;  // the raw token text (error tokens: empty)
};

// Go's Item.desc(): how "unexpected ..." messages describe a token.
std::string describe(const Token& t);

class Lexer {
 public:
  explicit Lexer(std::string_view input) : in_(input) {}
  // Next token, comments skipped. After an error token only Eof follows.
  Token next();
  // The message of the last Tok::Error token.
  const std::string& error_message() const { return error_; }

 private:
  std::int64_t next_significant_rune();
  Token lex_statements();
  Token lex_inside_braces();
  Token lex_duration();
  Token lex_number_or_duration();
  Token lex_word();
  Token lex_label_word();
  Token lex_string(char quote);
  Token lex_raw_string();
  bool lex_escape(char quote, Token& error);
  bool scan_number();
  bool accept_remaining_duration();

  // Go-style rune cursor.
  std::int64_t next_rune();
  std::int64_t peek_rune();
  void backup() { pos_ -= width_; }
  bool accept(std::string_view valid);

  Token emit(Tok type);
  Token error(std::string message);

  std::string_view in_;
  std::size_t pos_ = 0;
  std::size_t start_ = 0;
  std::size_t width_ = 0;
  int paren_depth_ = 0;
  bool brace_open_ = false;
  bool bracket_open_ = false;
  bool got_colon_ = false;
  bool want_duration_ = false;
  bool done_ = false;
  std::string error_;
};

}  // namespace rbc::promql
