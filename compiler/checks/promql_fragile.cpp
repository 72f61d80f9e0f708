// promql/fragile: topk()/bottomk() whose result becomes the alerts. Which
// series are in the top k changes between evaluations, so alerts resolve
// and fire again with other labels (flapping) and `for:` restarts. An
// aggregation above the topk (`sum(topk(...))`) gives stable labels and is
// not reported, nor is `topk by (labels) (1, x)`: one series per group, the
// usual way to drop duplicate series (from two scrapes of one target).
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/promql_walk.hpp"
#include "model/expr_facts.hpp"

namespace rbc::checks {
namespace {

using promql::Expr;
using promql::Kind;

bool selects_series(promql::Op op) { return op == promql::Op::Topk || op == promql::Op::Bottomk; }

// `topk by (labels) (1, x)`: keeps one of each group's (duplicate) series.
bool deduplicates(const Expr& e) {
  double k = 0;
  return !e.without && !e.grouping.empty() && e.param && model::fold_constant(*e.param, k) && k == 1;
}

// The topk/bottomk aggregations whose output series reach the result of
// `root` with their labels: below no other aggregation and no function that
// turns a vector into a scalar.
std::vector<const Expr*> unstable_selections(const Expr& root) {
  std::vector<const Expr*> out;
  std::vector<const Expr*> stack{&root};
  while (!stack.empty()) {
    const Expr& e = *stack.back();
    stack.pop_back();
    switch (e.kind) {
      case Kind::Aggregate:
        if (selects_series(e.op) && !deduplicates(e)) out.push_back(&e);
        break;  // any aggregation decides its own output labels
      case Kind::Call:
        if (e.type() != promql::ValueType::Vector) break;
        for (const Expr* arg : e.args)
          if (arg) stack.push_back(arg);
        break;
      case Kind::Binary:
        stack.push_back(e.rhs);
        stack.push_back(e.lhs);
        break;
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
  return out;
}

void run(const model::Project& project, Reporter& reporter) {
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting || !rule.ast) continue;
    for (const Expr* e : unstable_selections(*rule.ast)) {
      reporter.report(rule, node_span(rule, *e),
                      fmt::format("{}() picks different series from one evaluation to the next: alerts "
                                  "resolve and fire again with other labels; alert on a threshold instead",
                                  promql::op_text(e->op)));
    }
  }
}

}  // namespace

extern const Check promql_fragile;
const Check promql_fragile{
    {"promql/fragile", Severity::warning, "topk()/bottomk() in an alerting rule: the alerting series change "
                                          "between evaluations",
     false},
    run};

}  // namespace rbc::checks
