// What an alert expression compares: the top-level comparisons against
// constants (through and/or/unless, parentheses and `bool`), folded and
// oriented so the query is on the left, plus the ranges it looks over.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "promql/ast.hpp"

namespace rbc::model {

struct ExprComparison {
  // Oriented with the query on the left: `5 < x` gives op Gtr, value 5.
  promql::Op op = promql::Op::Gtr;
  // The constant after folding and before unit scaling: 0.05 for `> 0.05`,
  // 5 for `* 100 > 5`, 1209600 for `< 14 * 86400`.
  double value = 0;
  // The query side is multiplied by this constant (100 for `x * 100 > 5`,
  // 1/1024 for `x / 1024 > 5`); 1 when it is not scaled.
  double scale = 1;
  // Unit of the query side, from the metric name suffix or the function:
  // "s", "ms", "B", "ratio", "%", or "" when unknown. `time() - x` is "s".
  // Also "us", "ns", "min", "h", "d" (from `_hours`-like suffixes), and the
  // per-second rates of rate()/irate()/deriv(): "/s" (a count per second)
  // and "B/s"; rate() of a seconds counter is "ratio". See expr_units.hpp.
  std::string unit;
  bool time_since = false;  // `time() - x > N`: the age of a timestamp
  // `x - time() < N` (a deadline such as a certificate expiry, often
  // scaled: `(x - time()) / 86400 < 14`): the time left until a timestamp.
  bool time_until = false;
  std::size_t begin = 0;    // byte offsets of the comparison in the expression text
  std::size_t end = 0;
};

struct ExprFacts {
  std::vector<ExprComparison> comparisons;
  // Every range in the expression ([5m] selectors and subqueries), in
  // source order, with their byte offsets. The offsets are those of the
  // whole node, `x[5m]` or `rate(x[5m])[1h:]` (begin of the selector or
  // subquery through its closing bracket); source order is by that end.
  struct Range {
    std::int64_t ms = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  std::vector<Range> ranges;
};

ExprFacts analyze_expr(const promql::Expr& root);

// Evaluates an expression made only of number literals, parentheses, unary
// minus and arithmetic; false when it is anything else.
bool fold_constant(const promql::Expr& e, double& out);

// A PromQL arithmetic operator on two numbers, as Prometheus computes it
// (Mod is fmod, Pow is pow); NaN for operators that are not arithmetic.
double arithmetic(promql::Op op, double a, double b);

}  // namespace rbc::model
