// The PEGTL PromQL parser: grammar/promql_syntax.hpp driven by
// syntax_actions.hpp (AST) and syntax_control.hpp (errors).
#pragma once

#include <string_view>

#include "promql/parser.hpp"

namespace rbc::promql::detail {

// Syntax phase plus the checks Prometheus performs in grammar actions.
// max_depth > 0 limits nesting (sets too_deep) for running on an ordinary stack.
Outcome parse_syntax_pegtl(std::string_view input, ExprArena& arena, int max_depth = 0);

}  // namespace rbc::promql::detail
