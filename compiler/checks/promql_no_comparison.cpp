// promql/no-comparison: an alerting rule whose expression never filters its
// series. Prometheus fires an alert for every series the expression
// returns, whatever its value, so `rate(errors_total[5m])` fires for as
// long as the counter exists, even at 0. What filters: a comparison without
// `bool`, `and`/`unless`, absent()/absent_over_time() (which return a series
// only when the input has none) and the ALERTS series (present only while
// alerts fire), anywhere their result flows into the output. Expressions
// with no selector at all (`vector(1)`, the "watchdog" alert that is meant
// to fire always) are left alone, and so are expressions that compute no
// value (`kube_node_spec_taint{effect="NoSchedule"}`,
// `count by (x) (info{state="down"})`): they select series whose existence
// is the condition, on purpose.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/promql_walk.hpp"

namespace rbc::checks {
namespace {

using promql::Expr;
using promql::Kind;
using promql::Op;

bool filtering_call(std::string_view name) { return name == "absent" || name == "absent_over_time"; }

// Metrics that exist only while something is wrong.
bool conditional_series(const Expr& selector) {
  const std::string name = metric_name(selector);
  return name == "ALERTS" || name == "ALERTS_FOR_STATE";
}

// Whether some series of `e` can be dropped by a filter on the way to the
// output (the result can be empty while the inputs exist).
bool filters(const Expr& root) {
  // Depth-first over the nodes whose series flow into the result; any
  // filter on such a path counts (`(x > 5) * 100`, `sum(x > 5)`).
  std::vector<const Expr*> stack{&root};
  while (!stack.empty()) {
    const Expr& e = *stack.back();
    stack.pop_back();
    switch (e.kind) {
      case Kind::Binary:
        if (promql::is_comparison(e.op) && !e.return_bool) return true;
        if (e.op == Op::And || e.op == Op::Unless) return true;
        if (e.op == Op::Or) {
          // Both arms must filter: `x > 5 or y` fires on every y.
          if (filters(*e.lhs) && filters(*e.rhs)) return true;
          break;
        }
        stack.push_back(e.lhs);
        stack.push_back(e.rhs);
        break;
      case Kind::Call:
        if (e.func && filtering_call(e.func->name)) return true;
        for (const Expr* arg : e.args)
          if (arg) stack.push_back(arg);
        break;
      case Kind::VectorSelector:
        if (conditional_series(e)) return true;
        break;
      case Kind::Aggregate:
      case Kind::Paren:
      case Kind::Unary:
      case Kind::Subquery:
      case Kind::MatrixSelector:
        if (e.expr) stack.push_back(e.expr);
        break;
      default:
        break;
    }
  }
  return false;
}

// Functions that only relabel, reorder or pick samples: the value stays
// the selected series' own.
bool keeps_value(std::string_view name) {
  return name == "label_replace" || name == "label_join" || name == "sort" || name == "sort_desc" ||
         name == "last_over_time";
}

// Whether the expression computes a value (a rate, arithmetic, ...) rather
// than only selecting and aggregating series.
bool computes_value(const Expr& root) {
  bool computes = false;
  walk(root, [&](const Expr& e) {
    if (e.kind == Kind::Call && e.func && !keeps_value(e.func->name)) computes = true;
    if (e.kind == Kind::Binary && !promql::is_set_operator(e.op) && (!promql::is_comparison(e.op) || e.return_bool))
      computes = true;
  });
  return computes;
}

void run(const model::Project& project, Reporter& reporter) {
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting || !rule.ast) continue;
    if (selectors(*rule.ast).empty() || !computes_value(*rule.ast) || filters(*rule.ast)) continue;
    reporter.report(rule, rule.expr.span,
                    "the expression has no comparison or filter: the alert fires for every series it returns, "
                    "whatever the value; add a condition such as `> 0`");
  }
}

}  // namespace

extern const Check promql_no_comparison;
const Check promql_no_comparison{
    {"promql/no-comparison", Severity::warning,
     "an alerting rule without a comparison or filter fires for as long as its series exist", false},
    run};

}  // namespace rbc::checks
