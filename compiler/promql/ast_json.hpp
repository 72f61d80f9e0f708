// Deterministic JSON dump of a PromQL AST (for `rbc promql parse --ast`).
//
// Every node is an object with "kind", "begin", "end" (byte offsets) and
// "type" (Prometheus value type), plus kind-specific members. Numbers are
// written as strings in Prometheus's formatting so NaN/Inf survive.
#pragma once

#include <string>

#include "promql/ast.hpp"

namespace rbc::promql {

std::string to_json(const Expr& expr);

}  // namespace rbc::promql
