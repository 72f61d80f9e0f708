// Prints an expression exactly like Prometheus 2.42's String().
#pragma once

#include <string>

#include "promql/ast.hpp"

namespace rbc::promql {

std::string to_string(const Expr& expr);

}  // namespace rbc::promql
