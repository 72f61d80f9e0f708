// Actions of the PEGTL PromQL parser: which builder step (syntax_state)
// runs when a rule of grammar/promql_syntax.hpp has matched. Rules without a
// specialisation produce nothing.
#pragma once

#include <cstddef>

#include "promql/syntax_state.hpp"
#include "promql_syntax.hpp"

namespace rbc::promql::detail {

namespace pegtl = tao::pegtl;
namespace gs = grammar::promql::syntax;

template <typename Rule>
struct syntax_action : pegtl::nothing<Rule> {};

// Index of the first item a rule matched (its input starts where the
// previous item ended).
template <typename ActionInput>
std::size_t first_item(const ActionInput& in, const syntax_state& s) {
  return s.index_at(static_cast<std::size_t>(in.begin() - s.text().data()));
}
template <typename ActionInput>
std::size_t end_offset(const ActionInput& in, const syntax_state& s) {
  return static_cast<std::size_t>(in.end() - s.text().data());
}

template <void (syntax_state::*Step)(std::size_t)>
struct on_first {
  template <typename ActionInput>
  static void apply(const ActionInput& in, syntax_state& s) {
    (s.*Step)(first_item(in, s));
  }
};
template <void (syntax_state::*Step)(std::size_t, std::size_t)>
struct on_span {
  template <typename ActionInput>
  static void apply(const ActionInput& in, syntax_state& s) {
    (s.*Step)(first_item(in, s), end_offset(in, s));
  }
};
template <void (syntax_state::*Step)(std::size_t)>
struct on_end {
  template <typename ActionInput>
  static void apply(const ActionInput& in, syntax_state& s) {
    (s.*Step)(end_offset(in, s));
  }
};
template <void (syntax_state::*Step)()>
struct on_match {
  static void apply0(syntax_state& s) { (s.*Step)(); }
};

// clang-format off
template <> struct syntax_action<gs::number_literal> : on_first<&syntax_state::number_literal> {};
template <> struct syntax_action<gs::string_literal> : on_first<&syntax_state::string_literal> {};
template <> struct syntax_action<gs::paren_expr> : on_span<&syntax_state::paren> {};

template <> struct syntax_action<gs::label_matcher> : on_first<&syntax_state::label_matcher> {};
template <> struct syntax_action<gs::brace_selector> : on_span<&syntax_state::brace_selector> {};
template <> struct syntax_action<gs::named_selector> : on_span<&syntax_state::named_selector> {};

template <> struct syntax_action<gs::grouping_label> : on_first<&syntax_state::grouping_label> {};

template <> struct syntax_action<gs::function_name> : on_first<&syntax_state::function_name> {};
template <> struct syntax_action<gs::function_call> : on_span<&syntax_state::function_call> {};
template <> struct syntax_action<gs::aggregate_op> : on_first<&syntax_state::aggregate_op> {};
template <> struct syntax_action<gs::aggregate_grouping> : on_first<&syntax_state::aggregate_grouping> {};
template <> struct syntax_action<gs::aggregation> : on_end<&syntax_state::aggregation> {};

template <> struct syntax_action<gs::range_open> : on_first<&syntax_state::range_open> {};
template <> struct syntax_action<gs::range_duration> : on_first<&syntax_state::range_duration> {};
template <> struct syntax_action<gs::subquery_step> : on_first<&syntax_state::subquery_step> {};
template <> struct syntax_action<gs::range_close> : on_end<&syntax_state::range_close> {};
template <> struct syntax_action<gs::subquery_tail> : on_end<&syntax_state::subquery_tail> {};
template <> struct syntax_action<gs::offset_suffix> : on_span<&syntax_state::offset_suffix> {};
template <> struct syntax_action<gs::at_preprocessor> : on_span<&syntax_state::at_preprocessor> {};
template <> struct syntax_action<gs::at_timestamp> : on_span<&syntax_state::at_timestamp> {};

template <> struct syntax_action<gs::unary_expr> : on_first<&syntax_state::unary> {};
template <> struct syntax_action<gs::pow_op> : on_first<&syntax_state::binary_op> {};
template <> struct syntax_action<gs::mul_op> : on_first<&syntax_state::binary_op> {};
template <> struct syntax_action<gs::add_op> : on_first<&syntax_state::binary_op> {};
template <> struct syntax_action<gs::comparison_op> : on_first<&syntax_state::binary_op> {};
template <> struct syntax_action<gs::and_op> : on_first<&syntax_state::binary_op> {};
template <> struct syntax_action<gs::or_op> : on_first<&syntax_state::binary_op> {};
template <> struct syntax_action<gs::bool_modifier> : on_match<&syntax_state::bool_modifier> {};
template <> struct syntax_action<gs::matching_kind> : on_first<&syntax_state::matching_kind> {};
template <> struct syntax_action<gs::matching_labels> : on_match<&syntax_state::matching_labels> {};
template <> struct syntax_action<gs::group_side> : on_first<&syntax_state::group_side> {};
template <> struct syntax_action<gs::include_labels> : on_match<&syntax_state::include_labels> {};
template <typename Operator, typename Operand>
struct syntax_action<gs::binary_tail<Operator, Operand>> : on_match<&syntax_state::binary_tail> {};
// clang-format on

}  // namespace rbc::promql::detail
