// Units of PromQL expressions, inferred from metric name suffixes and the
// functions around them (Prometheus naming: base units, `_total` counters).
// Internal to expr_facts.cpp; exposed for its tests.
//
// Units: "s", "ms", "us", "ns", "min", "h", "d", "B", "ratio", "%", per-second rates "/s"
// (a counted thing) and "B/s", or "" when unknown or a plain count.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "promql/ast.hpp"

namespace rbc::model {

// An expression as `scale * num[0] * num[1] ... / den[0] / den[1] ...`:
// the multiplicative chain through parentheses, `*`, `/` and unary signs,
// with every constant factor folded into scale.
struct Product {
  double scale = 1;
  std::vector<const promql::Expr*> num;
  std::vector<const promql::Expr*> den;
};
Product flatten_product(const promql::Expr& e);

// Unit from a metric name: `x_seconds_total` -> "s", `x_bytes` -> "B",
// `x_seconds_sum` -> "s", `x_seconds_count`/`x_seconds_bucket` -> "" (counts).
std::string unit_of_metric(std::string_view name);

// Unit of an expression (bounded descent: deep trees give "").
std::string unit_of(const promql::Expr& e, int depth = 0);

// Unit of a product's non-constant part, ignoring its scale.
std::string unit_of_product(const Product& p, int depth = 0);

// The metric name of the selector an expression is mainly about: through
// parentheses, functions, aggregations, ranges and the non-constant side of
// arithmetic (the left one when both are queries); "" when none.
std::string main_metric(const promql::Expr& e);

// The operand of a wrapper that keeps its values' unit and scale:
// parentheses, round()/ceil()/floor()/abs()/clamp*()/sort*()/label_*(),
// and the sum/avg/min/max/topk/bottomk/quantile aggregations; null otherwise.
const promql::Expr* transparent_operand(const promql::Expr& e);

const promql::Expr* strip_parens(const promql::Expr* e);
bool is_time_call(const promql::Expr& e);  // time()

}  // namespace rbc::model
