// Token classes of Prometheus 2.42's grammar: operator precedence, which
// tokens may start an expression, be a metric name or a grouping label.
#pragma once

#include <string_view>

#include "promql/ast.hpp"
#include "promql/lexer.hpp"

namespace rbc::promql::detail {

inline constexpr int kPowPrec = 6;

int binary_prec(Tok t);  // 0 when t is not a binary operator
Op binary_op(Tok t);
Op aggregate_op(Tok t);
bool is_metric_word(Tok t);  // yacc metric_identifier
bool starts_expr(Tok t);     // FIRST(expr)
bool is_maybe_label(Tok t);  // yacc maybe_label
bool is_label_name(std::string_view s);

}  // namespace rbc::promql::detail
