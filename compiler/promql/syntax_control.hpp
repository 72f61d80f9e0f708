// Error control of the PEGTL PromQL parser: every must<> point of
// grammar/promql_syntax.hpp has a message here, worded like Prometheus's
// yacc errors ("unexpected <lookahead> in <context>, expected <what>").
// A point without a message fails to compile.
#pragma once

#include <cstddef>
#include <type_traits>

#include "promql/syntax_actions.hpp"
#include "promql/syntax_state.hpp"
#include "promql_syntax.hpp"

namespace rbc::promql::detail {

enum class error_kind {
  none,            // no message: compile error if raised
  generic,         // yacc's default error: "unexpected X" (+ " in aggregation" inside one)
  expected,        // "unexpected X in <context>, expected <expected>"
  trailing_comma,  // reported at the comma
  no_expression,   // empty input
};

struct error_text {
  error_kind kind = error_kind::none;
  const char* context = "";
  const char* expected = "";
};

namespace gs = grammar::promql::syntax;

template <typename Rule>
inline constexpr error_text error_message{};

// clang-format off
template <> inline constexpr error_text error_message<gs::no_expression>{error_kind::no_expression};
template <> inline constexpr error_text error_message<gs::query_end>{error_kind::generic};
template <> inline constexpr error_text error_message<gs::primary>{error_kind::generic};
template <> inline constexpr error_text error_message<gs::paren_close>{error_kind::generic};
template <> inline constexpr error_text error_message<gs::call_open>{error_kind::generic};
template <> inline constexpr error_text error_message<gs::call_close>{error_kind::generic};
template <> inline constexpr error_text error_message<gs::trailing_comma>{error_kind::trailing_comma};
template <> inline constexpr error_text error_message<gs::matcher_label>{error_kind::expected, "label matching", "identifier or \"}\""};
template <> inline constexpr error_text error_message<gs::match_op>{error_kind::expected, "label matching", "label matching operator"};
template <> inline constexpr error_text error_message<gs::matcher_value>{error_kind::expected, "label matching", "string"};
template <> inline constexpr error_text error_message<gs::matchers_close>{error_kind::expected, "label matching", "\",\" or \"}\""};
template <> inline constexpr error_text error_message<gs::grouping_open>{error_kind::expected, "grouping opts", "\"(\""};
template <> inline constexpr error_text error_message<gs::grouping_label>{error_kind::expected, "grouping opts", "label"};
template <> inline constexpr error_text error_message<gs::grouping_list_close>{error_kind::expected, "grouping opts", "\",\" or \")\""};
template <> inline constexpr error_text error_message<gs::group_side_operand>{error_kind::expected, "grouping opts", "\"(\""};
template <> inline constexpr error_text error_message<gs::range_duration>{error_kind::expected, "subquery selector", "duration"};
template <> inline constexpr error_text error_message<gs::subquery_colon>{error_kind::expected, "subquery or range", "\":\" or \"]\""};
template <> inline constexpr error_text error_message<gs::subquery_step_close>{error_kind::expected, "subquery selector", "\"]\""};
template <> inline constexpr error_text error_message<gs::subquery_close>{error_kind::expected, "subquery selector", "duration or \"]\""};
template <> inline constexpr error_text error_message<gs::offset_duration>{error_kind::expected, "offset", "duration"};
template <> inline constexpr error_text error_message<gs::at_lparen>{error_kind::expected, "@", "timestamp"};
template <> inline constexpr error_text error_message<gs::at_rparen>{error_kind::expected, "@", "timestamp"};
template <> inline constexpr error_text error_message<gs::at_number>{error_kind::expected, "@", "timestamp"};
// clang-format on

// Throws the error of a failed must<> point; `offset` is where the
// unexpected item starts looking.
[[noreturn]] void raise_syntax_error(const error_text& text, std::size_t offset, syntax_state& s);

// Every nesting level (parentheses, call arguments, signs, `^` operands)
// passes through unary_level once; counting it bounds the recursion.
template <typename Rule>
struct syntax_control : tao::pegtl::normal<Rule> {
  static constexpr bool counts_depth = std::is_same_v<Rule, gs::unary_level>;
  // Only rules with an action or a hook need PEGTL's per-rule bookkeeping.
  static constexpr bool enable =
      counts_depth || !std::is_base_of_v<tao::pegtl::nothing<Rule>, syntax_action<Rule>>;

  template <typename ParseInput>
  static void start(const ParseInput& /*unused*/, syntax_state& s) {
    if constexpr (counts_depth) s.enter_level();
  }
  template <typename ParseInput>
  static void success(const ParseInput& /*unused*/, syntax_state& s) {
    if constexpr (counts_depth) s.leave_level();
  }
  template <typename ParseInput>
  static void failure(const ParseInput& /*unused*/, syntax_state& s) {
    if constexpr (counts_depth) s.leave_level();
  }

  template <typename ParseInput>
  [[noreturn]] static void raise(const ParseInput& in, syntax_state& s) {
    static_assert(error_message<Rule>.kind != error_kind::none, "must<> point without an error message");
    raise_syntax_error(error_message<Rule>, static_cast<std::size_t>(in.current() - s.text().data()), s);
  }
};

}  // namespace rbc::promql::detail
