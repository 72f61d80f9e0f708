// The parse state of the PEGTL PromQL parser: the token source plus the AST
// builder that the actions (syntax_actions.hpp) drive. Each builder step
// runs where Prometheus's yacc parser reduces the matching rule and throws
// syntax_failure with Prometheus's message when its grammar action fails.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "promql/ast.hpp"
#include "promql/parser.hpp"
#include "promql/syntax_tokens.hpp"

namespace rbc::promql::detail {

struct syntax_buffers : token_buffers {  // reused by one thread's parses
  std::vector<Expr*> stack;
  std::vector<std::size_t> frames;
};

class syntax_state : public token_stream {
 public:
  // max_depth > 0 bounds the nesting (throws TooDeep) so that the
  // parse can run on an ordinary stack.
  syntax_state(std::string_view text, ExprArena& arena, int max_depth, syntax_buffers& buffers)
      : token_stream(text, buffers), arena_(arena), max_depth_(max_depth), stack_(buffers.stack),
        frames_(buffers.frames) {
    stack_.clear();
    frames_.clear();
  }

  Expr* result() const { return stack_.empty() ? nullptr : stack_.back(); }
  bool in_aggregation() const { return agg_depth_ > 0; }

  void enter_level() {
    if (++depth_ > max_depth_ && max_depth_ > 0) throw TooDeep{};
  }
  void leave_level() { --depth_; }

  // `first` is the index of the first item of the reduced rule, `end` the
  // end offset of its last item.
  void number_literal(std::size_t first);
  void string_literal(std::size_t first);
  void paren(std::size_t first, std::size_t end);

  void label_matcher(std::size_t first);
  void brace_selector(std::size_t first, std::size_t end);
  void named_selector(std::size_t first, std::size_t end);

  void grouping_label(std::size_t first) { labels_.emplace_back(item(first).text); }

  void function_name(std::size_t first);
  void function_call(std::size_t first, std::size_t end);
  void aggregate_op(std::size_t first);
  void aggregate_grouping(std::size_t first);
  void aggregation(std::size_t end);

  void range_open(std::size_t first);
  void range_duration(std::size_t first) { range_ms_ = duration(first); }
  void subquery_step(std::size_t first) { step_ms_ = duration(first); }
  void range_close(std::size_t end);
  void subquery_tail(std::size_t end);
  void offset_suffix(std::size_t first, std::size_t end);
  void at_preprocessor(std::size_t first, std::size_t end);
  void at_timestamp(std::size_t first, std::size_t end);

  void unary(std::size_t first);
  void binary_op(std::size_t first);
  void bool_modifier() { stack_.back()->return_bool = true; }
  void matching_kind(std::size_t first) { stack_.back()->on = item(first).type == Tok::On; }
  void matching_labels() { stack_.back()->matching_labels = take_labels(); }
  void group_side(std::size_t first);
  void include_labels() { stack_.back()->include_labels = take_labels(); }
  void binary_tail();

 private:
  Expr* pop() {
    Expr* e = stack_.back();
    stack_.pop_back();
    return e;
  }
  std::vector<std::string> take_labels() {
    std::vector<std::string> labels = std::move(labels_);
    labels_.clear();
    return labels;
  }
  std::int64_t duration(std::size_t index);
  Expr* modifier_target(Expr& e, const char* what);
  void set_at(Expr& e, AtKind kind, std::int64_t ms);

  ExprArena& arena_;
  int max_depth_ = 0;
  int depth_ = 0;
  std::vector<Expr*>& stack_;         // finished operands and open call/aggregation/binary nodes
  std::vector<std::size_t>& frames_;  // stack height above each open call/aggregation node
  int agg_depth_ = 0;                 // open aggregation bodies (yacc's error recovery context)
  // Of the selector / grouping list being read (neither nests); the step that
  // takes them leaves them empty for the next one.
  std::vector<Matcher> matchers_;
  std::vector<std::string> labels_;
  std::size_t bracket_pos_ = 0;       // of the range/subquery being read
  std::int64_t range_ms_ = 0;
  std::int64_t step_ms_ = 0;
};

}  // namespace rbc::promql::detail
