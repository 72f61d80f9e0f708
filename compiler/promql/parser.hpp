// Internal: the syntax phase (recursive descent emulating Prometheus's yacc
// parser, including which error it records first) and the type checker.
#pragma once

#include <string_view>

#include "promql/ast.hpp"
#include "promql/parse.hpp"

namespace rbc::promql::detail {

struct Outcome {
  Expr* root = nullptr;
  std::optional<ParseError> error;
};

// Syntax phase plus the checks Prometheus performs in grammar actions.
Outcome parse_syntax(std::string_view input, ExprArena& arena);

// Type checker (Prometheus checkAST); returns the first error. May mark
// binary nodes whose vector matching Prometheus drops.
std::optional<ParseError> check_types(std::string_view input, Expr& root);

}  // namespace rbc::promql::detail
