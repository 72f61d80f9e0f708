// promql/histogram-le: histogram_quantile() over an aggregation that drops
// the `le` label (`sum by (job) (rate(x_bucket[5m]))`). Without `le` the
// buckets of a classic histogram collapse into one series and the result
// is NaN or empty, always. Over series not named *_bucket the input may be
// a native histogram, which has no `le`, so the finding is a warning there.
#include <algorithm>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "checks/check.hpp"
#include "checks/server_walk.hpp"

namespace rbc::checks {
namespace {

using promql::Expr;
using promql::Kind;
using promql::Op;

bool drops_le(const Expr& agg) {
  const bool listed = std::find(agg.grouping.begin(), agg.grouping.end(), "le") != agg.grouping.end();
  return agg.without ? listed : !listed;
}

// Whether the series under `e` are classic histogram buckets (named
// *_bucket, or recorded from them as `..._bucket:rate5m`).
bool reads_buckets(const Expr& e) {
  bool buckets = false;
  server::for_each_node(e, [&](const Expr& n) {
    if (server::metric_name(n).find("_bucket") != std::string_view::npos) buckets = true;
  });
  return buckets;
}

// The aggregation whose output labels reach histogram_quantile() and that
// drops `le`, following parentheses, aggregations that keep `le` and the
// label-keeping side of binary operations; null when none.
const Expr* le_dropper(const Expr* e) {
  for (int guard = 0; e && guard < 10000; ++guard) {
    e = server::unparen(e);
    if (e->kind == Kind::Aggregate) {
      if (e->op == Op::Topk || e->op == Op::Bottomk) {
        e = e->expr;  // keeps every label of the series it picks
        continue;
      }
      if (drops_le(*e)) return e;
      e = e->expr;
    } else if (e->kind == Kind::Binary && e->lhs && e->rhs && !promql::is_set_operator(e->op)) {
      if (e->lhs->type() == promql::ValueType::Scalar) e = e->rhs;
      else if (e->rhs->type() == promql::ValueType::Scalar) e = e->lhs;
      else e = e->card == promql::Card::OneToMany ? e->rhs : e->lhs;
    } else {
      return nullptr;
    }
  }
  return nullptr;
}

void check_call(const model::RuleInfo& rule, const Expr& call, Reporter& reporter) {
  if (server::call_name(call) != "histogram_quantile" || call.args.size() < 2) return;
  const Expr* agg = le_dropper(call.args[1]);
  if (!agg) return;
  const std::string message =
      agg->without ? fmt::format("histogram_quantile() needs the 'le' label, but {} without (...) drops it; remove le "
                                 "from without (...)",
                                 op_text(agg->op))
      : agg->grouping.empty()
          ? fmt::format("histogram_quantile() needs the 'le' label, but {}() without by (...) drops every label; "
                        "use {} by (le)",
                        op_text(agg->op), op_text(agg->op))
          : fmt::format("histogram_quantile() needs the 'le' label, but {} by ({}) drops it; add le to by (...)",
                        op_text(agg->op), fmt::join(agg->grouping, ", "));
  const Span at = model::expr_span(rule, agg->begin, agg->end);
  if (reads_buckets(*agg)) {
    reporter.report(rule, at, message);
  } else {
    server::report_rule_as(reporter, Severity::warning, rule, at,
                           message + " (unless the input is a native histogram, which has no le)");
  }
}

void run(const model::Project& project, Reporter& reporter) {
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.ast) continue;
    server::for_each_node(*rule.ast, [&](const Expr& e) {
      if (e.kind == Kind::Call) check_call(rule, e, reporter);
    });
  }
}

}  // namespace

extern const Check promql_histogram_le;
const Check promql_histogram_le{
    {"promql/histogram-le", Severity::error, "histogram_quantile() over an aggregation that drops the le label",
     false},
    run};

}  // namespace rbc::checks
