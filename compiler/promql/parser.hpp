// Internal: the syntax phase (the PEGTL grammar grammar/promql_syntax.hpp
// with the actions and error control in syntax_*.{hpp,cpp}, reproducing
// Prometheus's yacc parser including which error it records first) and the
// type checker.
#pragma once

#include <string_view>

#include "promql/ast.hpp"
#include "promql/parse.hpp"

namespace rbc::promql::detail {

struct Outcome {
  Expr* root = nullptr;
  std::optional<ParseError> error;
  bool too_deep = false;  // gave up: nesting exceeded max_depth
};

// Thrown (internally) when nesting exceeds the allowed depth.
struct TooDeep {};

// Syntax phase plus the checks Prometheus performs in grammar actions.
// max_depth > 0 limits recursion (for running on an ordinary stack).
Outcome parse_syntax(std::string_view input, ExprArena& arena, int max_depth = 0);

// Type checker (Prometheus checkAST); returns the first error. May mark
// binary nodes whose vector matching Prometheus drops.
std::optional<ParseError> check_types(std::string_view input, Expr& root);

}  // namespace rbc::promql::detail
