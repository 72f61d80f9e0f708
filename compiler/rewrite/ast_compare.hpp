// Structural equality of two PromQL ASTs: every rewrite is checked with it
// (the rewritten expression must parse to the same tree as the original).
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "promql/ast.hpp"

namespace rbc::rewrite {

// Children in a fixed order (param, expr, lhs, rhs, args).
std::vector<const promql::Expr*> children(const promql::Expr& e);

// Decides whether matcher `after` may stand where `before` stood. The
// default demands equality; `rbc check --fix` also accepts its own fixes.
using MatcherAccept = std::function<bool(const promql::Matcher& before, const promql::Matcher& after)>;

bool same_matcher(const promql::Matcher& a, const promql::Matcher& b);

// Empty when equal, else a short note on the first difference. Numbers
// compare bit for bit (NaN equals NaN). Byte offsets are ignored.
// Iterative: safe on deep trees.
std::string ast_difference(const promql::Expr& a, const promql::Expr& b, const MatcherAccept& accept = same_matcher);

}  // namespace rbc::rewrite
