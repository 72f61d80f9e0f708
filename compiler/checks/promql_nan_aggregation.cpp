// promql/nan-aggregation: a division (or modulo) inside sum(), avg(),
// stddev() or stdvar() whose divisor can be 0. One series with 0/0 is NaN
// (x/0 is ±Inf), and one NaN makes the whole group's sum or average NaN:
// every comparison with NaN is false, so the alert silently stops firing
// (or a recording rule records NaN) for the whole group, while only one
// series had no traffic. `sum(a) / sum(b)` (divide after aggregating) or a
// filtered divisor (`b > 0`) avoids it.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/promql_walk.hpp"
#include "model/expr_facts.hpp"

namespace rbc::checks {
namespace {

using promql::Expr;
using promql::Kind;
using promql::Op;

// Aggregations one NaN input turns to NaN (min, max, count, group and
// topk/bottomk skip or keep it per series).
bool spreads_nan(Op op) { return op == Op::Sum || op == Op::Avg || op == Op::Stddev || op == Op::Stdvar; }

// A filter `x OP c` that keeps no zero value.
bool excludes_zero(Op op, double c) {
  switch (op) {
    case Op::Gtr: return c >= 0;
    case Op::Gte: return c > 0;
    case Op::Lss: return c <= 0;
    case Op::Lte: return c < 0;
    case Op::Eql: return c != 0;
    case Op::Neq: return c == 0;
    default: return false;
  }
}

double constant_arg(const Expr& call, std::size_t index, double fallback) {
  double value = fallback;
  if (index < call.args.size() && call.args[index] && model::fold_constant(*call.args[index], value)) return value;
  return fallback;
}

// Whether `e` can never be 0 (conservatively: false when unsure).
bool never_zero(const Expr& node) {
  const Expr& e = unparen(node);
  double value = 0;
  if (model::fold_constant(e, value)) return value != 0;
  switch (e.kind) {
    case Kind::Binary: {
      if (e.return_bool || !promql::is_comparison(e.op)) return false;
      double c = 0;
      // A filter with the constant on the right (`x > 0`) or left (`0 < x`).
      if (model::fold_constant(*e.rhs, c)) return excludes_zero(e.op, c);
      return false;
    }
    case Kind::Aggregate:
      return e.op == Op::Count || e.op == Op::Group;  // at least one series per group
    case Kind::Call: {
      const std::string_view name = e.func ? e.func->name : "";
      if (name == "time" || name == "vector") return name == "time" || (!e.args.empty() && never_zero(*e.args[0]));
      if (name == "clamp_min" || name == "clamp") return constant_arg(e, 1, 0) > 0;
      if (name == "count_over_time" || name == "exp") return true;
      return false;
    }
    default:
      return false;
  }
}

// Functions that are 0 when nothing happened in their range.
bool idles_at_zero(std::string_view name) {
  return name == "rate" || name == "irate" || name == "increase" || name == "delta" || name == "idelta" ||
         name == "deriv" || name == "changes" || name == "resets";
}

// Whether the divisor is commonly 0: it is computed from such a function
// (capacities and other gauges are rarely 0 and are not reported).
bool can_be_zero(const Expr& divisor) {
  if (never_zero(divisor)) return false;
  bool found = false;
  walk(divisor, [&](const Expr& e) {
    if (e.kind == Kind::Call && e.func && idles_at_zero(e.func->name)) found = true;
  });
  return found;
}

// The divisions below `aggregate` (not below a nested aggregation, which
// is reported on its own) whose divisor can be 0.
std::vector<const Expr*> risky_divisions(const Expr& aggregate) {
  std::vector<const Expr*> out;
  std::vector<const Expr*> stack{aggregate.expr};
  while (!stack.empty()) {
    const Expr* e = stack.back();
    stack.pop_back();
    if (!e || e->kind == Kind::Aggregate) continue;
    if (e->kind == Kind::Binary && (e->op == Op::Div || e->op == Op::Mod) &&
        e->rhs->type() == promql::ValueType::Vector && can_be_zero(*e->rhs)) {
      out.push_back(e);
      continue;
    }
    for (const Expr* kid : children(*e)) stack.push_back(kid);
  }
  return out;
}

void run(const model::Project& project, Reporter& reporter) {
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.ast) continue;
    walk(*rule.ast, [&](const Expr& e) {
      if (e.kind != Kind::Aggregate || !spreads_nan(e.op) || !e.expr) return;
      for (const Expr* div : risky_divisions(e)) {
        reporter
            .report(rule, node_span(rule, *div),
                    fmt::format("`{}` is NaN or Inf when `{}` is 0, and one NaN makes the whole {}() NaN; "
                                "divide after aggregating (`sum(a) / sum(b)`) or filter the divisor (`> 0`)",
                                node_text(rule, *div), node_text(rule, *div->rhs), promql::op_text(e.op)))
            .notes.push_back({rule.file, node_span(rule, e), fmt::format("inside this {}()", promql::op_text(e.op))});
      }
    });
  }
}

}  // namespace

extern const Check promql_nan_aggregation;
const Check promql_nan_aggregation{
    {"promql/nan-aggregation", Severity::warning,
     "a division whose divisor can be 0 inside sum()/avg(): one NaN series makes the whole result NaN", false},
    run};

}  // namespace rbc::checks
