// The syntax phase: grammar/promql_syntax.hpp driven by syntax_actions.hpp
// (AST) and syntax_control.hpp (errors).
#include "promql/parser.hpp"

#include "promql/syntax_actions.hpp"
#include "promql/syntax_control.hpp"

namespace rbc::promql::detail {

void raise_syntax_error(const error_text& text, std::size_t offset, syntax_state& s) {
  if (text.kind == error_kind::no_expression) fail_at(0, "no expression found in input");
  const std::size_t index = s.index_at(offset);
  if (text.kind == error_kind::trailing_comma)
    fail_at(s.item(index - 1).pos, "trailing commas not allowed in function call args");
  const Token& next = s.item(index);
  std::string message = "unexpected " + describe(next);
  const char* context = text.kind == error_kind::generic ? (s.in_aggregation() ? "aggregation" : "") : text.context;
  if (*context) message += std::string(" in ") + context;
  if (*text.expected) message += std::string(", expected ") + text.expected;
  fail_at(next.pos, std::move(message));
}

namespace {

using input_t = tao::pegtl::memory_input<tao::pegtl::tracking_mode::lazy, tao::pegtl::eol::lf_crlf>;

bool run_grammar(input_t& in, syntax_state& state) {
  return tao::pegtl::parse<gs::query, syntax_action, syntax_control>(in, state);
}

}  // namespace

Outcome parse_syntax(std::string_view input, ExprArena& arena, int max_depth) {
  // Each thread reuses its buffers; a parse never starts another one.
  thread_local syntax_buffers buffers;
  syntax_state state(input, arena, max_depth, buffers);
  input_t in(input.data(), input.data() + input.size(), "promql");
  Outcome out;
  try {
    // The grammar either matches or raises: every failure point is a must<>.
    if (run_grammar(in, state)) out.root = state.result();
    else out.error = ParseError{0, "internal error: PromQL grammar did not match"};
  } catch (const syntax_failure& f) {
    out.error = f.error;
  } catch (const TooDeep&) {
    out.too_deep = true;
  }
  return out;
}

}  // namespace rbc::promql::detail
