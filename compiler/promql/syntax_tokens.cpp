#include "promql/syntax_tokens.hpp"


#include "promql/token_sets.hpp"

namespace rbc::promql::detail {

void fail_at(std::size_t offset, std::string message) { throw syntax_failure{ParseError{offset, std::move(message)}}; }

// Kept out of line so that the hot path needs no frame for a string.
[[noreturn]] void token_stream::lexer_error(std::size_t pos) const { fail_at(pos, lexer_.error_message()); }

void token_stream::lex_one() {
  if (count_ == items_.size()) {
    items_.resize(items_.empty() ? 32 : items_.size() * 2);
    items_data_ = items_.data();
  }
  Token& t = items_[count_];
  t = lexer_.next();
  if (t.type == Tok::Error) [[unlikely]]
    lexer_error(t.pos);
  ++count_;
  // The end-of-input item is empty: it must not hide the item ending there.
  if (!t.text.empty()) index_data_[t.pos + t.text.size()] = static_cast<std::uint32_t>(count_);
}

bool terminal_traits<tk::metric_word>::accepts(const Token& t) { return is_metric_word(t.type); }
bool terminal_traits<tk::grouping_label>::accepts(const Token& t) {
  return is_maybe_label(t.type) && is_label_name(t.text);
}
bool terminal_traits<tk::binary_operator>::accepts(const Token& t) { return binary_prec(t.type) > 0; }
bool terminal_traits<tk::expr_start>::accepts(const Token& t) { return starts_expr(t.type); }

}  // namespace rbc::promql::detail
