// The token source behind grammar/promql_syntax.hpp: Prometheus's modal
// lexer (promql/lexer.hpp) run lazily, one item at a time, exactly when the
// grammar first looks at a position, so lexer errors surface when yacc
// would read that lookahead.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "promql/lexer.hpp"
#include "promql/parse.hpp"
#include "promql_syntax.hpp"

namespace rbc::promql::detail {

// The first error, thrown by the token source, the actions and the control.
struct syntax_failure {
  ParseError error;
};

[[noreturn]] void fail_at(std::size_t offset, std::string message);

// Which lexer items belong to a terminal class of the grammar.
template <typename Terminal>
struct terminal_traits;

// Reusable buffers of one thread's parses (saves allocations per expression).
struct token_buffers {
  std::vector<Token> items;
  std::vector<std::uint32_t> index_after;  // by byte offset; valid where an item of this parse ends
};

class token_stream {
 public:
  explicit token_stream(std::string_view text, token_buffers& buffers)
      : text_(text), lexer_(text), items_(buffers.items), index_after_(buffers.index_after) {
    items_data_ = items_.data();  // items_ is only a buffer: count_ says how many are read
    // Entries are written before they are read, so stale ones do no harm.
    if (index_after_.size() <= text.size()) index_after_.resize(text.size() + 1);
    index_after_[0] = 0;
    index_data_ = index_after_.data();
  }

  std::string_view text() const { return text_; }

  // Index of the item that starts after byte `offset`, where `offset` is 0 or
  // the end of an item already read.
  std::size_t index_at(std::size_t offset) const { return index_data_[offset]; }

  // Item `i`, lexing up to it if needed (a lexer error is thrown).
  const Token& item(std::size_t i) {
    while (count_ <= i) lex_one();
    return items_data_[i];
  }
  const Token& item_at(std::size_t offset) { return item(index_at(offset)); }

  // The grammar's terminal match: advance past the item if it is in class T.
  // The grammar tries several terminals at one position: the item found
  // there is kept until the position changes.
  template <typename Terminal, typename ParseInput>
  bool accept(ParseInput& in) {
    const auto offset = static_cast<std::size_t>(in.current() - text_.data());
    if (offset != current_offset_) {
      const std::size_t i = index_at(offset);
      current_ = &item(i);
      current_offset_ = offset;
    }
    if (!terminal_traits<Terminal>::accepts(*current_)) return false;
    in.bump(end_of(*current_) - offset);
    return true;
  }

 private:
  static std::size_t end_of(const Token& t) { return t.pos + t.text.size(); }
  void lex_one();
  [[noreturn]] void lexer_error(std::size_t pos) const;

  std::string_view text_;
  Lexer lexer_;
  std::vector<Token>& items_;
  std::vector<std::uint32_t>& index_after_;
  // Raw views of the buffers for the hot path.
  const Token* items_data_ = nullptr;
  std::size_t count_ = 0;
  std::uint32_t* index_data_ = nullptr;
  const Token* current_ = nullptr;
  std::size_t current_offset_ = static_cast<std::size_t>(-1);
};

namespace tk = grammar::promql::syntax::terminal;

// Token classes as bit sets over Tok, built once from token_sets.hpp.
static_assert(static_cast<int>(Tok::End) < 64, "Tok no longer fits a 64-bit set");
std::uint64_t tok_set(bool (*member)(Tok));
inline bool in_class(std::uint64_t set, Tok t) { return (set >> static_cast<unsigned>(t)) & 1U; }
extern const std::uint64_t metric_word_mask;
extern const std::uint64_t expr_start_mask;
extern const std::uint64_t binary_operator_mask;

template <Tok K>
struct one_tok {
  static bool accepts(const Token& t) { return t.type == K; }
};
// clang-format off
template <> struct terminal_traits<tk::eof> : one_tok<Tok::Eof> {};
template <> struct terminal_traits<tk::number> : one_tok<Tok::Number> {};
template <> struct terminal_traits<tk::string> : one_tok<Tok::String> {};
template <> struct terminal_traits<tk::duration> : one_tok<Tok::Duration> {};
template <> struct terminal_traits<tk::lparen> : one_tok<Tok::LeftParen> {};
template <> struct terminal_traits<tk::rparen> : one_tok<Tok::RightParen> {};
template <> struct terminal_traits<tk::lbrace> : one_tok<Tok::LeftBrace> {};
template <> struct terminal_traits<tk::rbrace> : one_tok<Tok::RightBrace> {};
template <> struct terminal_traits<tk::lbracket> : one_tok<Tok::LeftBracket> {};
template <> struct terminal_traits<tk::rbracket> : one_tok<Tok::RightBracket> {};
template <> struct terminal_traits<tk::comma> : one_tok<Tok::Comma> {};
template <> struct terminal_traits<tk::colon> : one_tok<Tok::Colon> {};
template <> struct terminal_traits<tk::eql> : one_tok<Tok::Eql> {};
template <> struct terminal_traits<tk::eql_regex> : one_tok<Tok::EqlRegex> {};
template <> struct terminal_traits<tk::neq_regex> : one_tok<Tok::NeqRegex> {};
template <> struct terminal_traits<tk::add> : one_tok<Tok::Add> {};
template <> struct terminal_traits<tk::sub> : one_tok<Tok::Sub> {};
template <> struct terminal_traits<tk::mul> : one_tok<Tok::Mul> {};
template <> struct terminal_traits<tk::div> : one_tok<Tok::Div> {};
template <> struct terminal_traits<tk::mod> : one_tok<Tok::Mod> {};
template <> struct terminal_traits<tk::pow> : one_tok<Tok::Pow> {};
template <> struct terminal_traits<tk::atan2> : one_tok<Tok::Atan2> {};
template <> struct terminal_traits<tk::eqlc> : one_tok<Tok::Eqlc> {};
template <> struct terminal_traits<tk::neq> : one_tok<Tok::Neq> {};
template <> struct terminal_traits<tk::lss> : one_tok<Tok::Lss> {};
template <> struct terminal_traits<tk::lte> : one_tok<Tok::Lte> {};
template <> struct terminal_traits<tk::gtr> : one_tok<Tok::Gtr> {};
template <> struct terminal_traits<tk::gte> : one_tok<Tok::Gte> {};
template <> struct terminal_traits<tk::land> : one_tok<Tok::Land> {};
template <> struct terminal_traits<tk::lor> : one_tok<Tok::Lor> {};
template <> struct terminal_traits<tk::lunless> : one_tok<Tok::Lunless> {};
template <> struct terminal_traits<tk::at> : one_tok<Tok::At> {};
template <> struct terminal_traits<tk::bool_> : one_tok<Tok::Bool> {};
template <> struct terminal_traits<tk::by> : one_tok<Tok::By> {};
template <> struct terminal_traits<tk::without> : one_tok<Tok::Without> {};
template <> struct terminal_traits<tk::on> : one_tok<Tok::On> {};
template <> struct terminal_traits<tk::ignoring> : one_tok<Tok::Ignoring> {};
template <> struct terminal_traits<tk::group_left> : one_tok<Tok::GroupLeft> {};
template <> struct terminal_traits<tk::group_right> : one_tok<Tok::GroupRight> {};
template <> struct terminal_traits<tk::offset> : one_tok<Tok::Offset> {};
template <> struct terminal_traits<tk::start> : one_tok<Tok::Start> {};
template <> struct terminal_traits<tk::end> : one_tok<Tok::End> {};
template <> struct terminal_traits<tk::identifier> : one_tok<Tok::Identifier> {};
// clang-format on
template <>
struct terminal_traits<tk::aggregator> {
  static bool accepts(const Token& t) { return is_aggregator(t.type); }
};
template <>
struct terminal_traits<tk::metric_word> {
  static bool accepts(const Token& t) { return in_class(metric_word_mask, t.type); }
};
template <>
struct terminal_traits<tk::grouping_label> {
  static bool accepts(const Token& t);
};
template <>
struct terminal_traits<tk::expr_start> {
  static bool accepts(const Token& t) { return in_class(expr_start_mask, t.type); }
};
template <>
struct terminal_traits<tk::binary_operator> {
  static bool accepts(const Token& t) { return in_class(binary_operator_mask, t.type); }
};
template <>
struct terminal_traits<tk::postfix_start> {
  static bool accepts(const Token& t) {
    return t.type == Tok::LeftBracket || t.type == Tok::Offset || t.type == Tok::At;
  }
};
template <>
struct terminal_traits<tk::sign> {
  static bool accepts(const Token& t) { return t.type == Tok::Add || t.type == Tok::Sub; }
};
template <>
struct terminal_traits<tk::mul_ops> {
  static bool accepts(const Token& t) {
    return t.type == Tok::Mul || t.type == Tok::Div || t.type == Tok::Mod || t.type == Tok::Atan2;
  }
};
template <>
struct terminal_traits<tk::comparison_ops> {
  static bool accepts(const Token& t) {
    switch (t.type) {
      case Tok::Eqlc: case Tok::Neq: case Tok::Lss: case Tok::Lte: case Tok::Gtr: case Tok::Gte: return true;
      default: return false;
    }
  }
};
template <>
struct terminal_traits<tk::and_ops> {
  static bool accepts(const Token& t) { return t.type == Tok::Land || t.type == Tok::Lunless; }
};

}  // namespace rbc::promql::detail
