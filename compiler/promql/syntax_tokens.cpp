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
    current_offset_ = static_cast<std::size_t>(-1);  // current_ moved
  }
  Token& t = items_[count_];
  t = lexer_.next();
  if (t.type == Tok::Error) [[unlikely]]
    lexer_error(t.pos);
  ++count_;
  // The end-of-input item is empty: it must not hide the item ending there.
  if (!t.text.empty()) index_data_[t.pos + t.text.size()] = static_cast<std::uint32_t>(count_);
}

bool terminal_traits<tk::grouping_label>::accepts(const Token& t) {
  return is_maybe_label(t.type) && is_label_name(t.text);
}

// Tok::End is the last token type (checked in syntax_tokens.hpp to fit).
std::uint64_t tok_set(bool (*member)(Tok)) {
  std::uint64_t set = 0;
  for (int t = 0; t <= static_cast<int>(Tok::End); ++t)
    if (member(static_cast<Tok>(t))) set |= std::uint64_t{1} << t;
  return set;
}

const std::uint64_t metric_word_mask = tok_set(is_metric_word);
const std::uint64_t expr_start_mask = tok_set(starts_expr);
const std::uint64_t binary_operator_mask = tok_set([](Tok t) { return binary_prec(t) > 0; });

}  // namespace rbc::promql::detail
