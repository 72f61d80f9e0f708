// Which labels can the result of a PromQL expression carry? Templates in an
// alert's labels and annotations see only the labels of the query's result
// (Prometheus 2.42 rules/alerting.go expands them with the sample's labels,
// before the rule's own labels and `alertname` are added), so a template
// reading a label the expression removes always renders "".
#pragma once

#include <set>
#include <string>
#include <string_view>

namespace rbc::promql {
struct Expr;
}

namespace rbc::checks {

struct ResultLabels {
  enum class Kind {
    any,      // any label the selected series have
    only,     // at most the labels in `names`
    all_but,  // any label except those in `names`
  };
  Kind kind = Kind::any;
  std::set<std::string, std::less<>> names;
  // The node that last narrowed the set (aggregation, on(), absent...),
  // for messages; null while the set is `any`.
  const promql::Expr* cause = nullptr;

  // False only when the result certainly cannot carry `label`.
  bool may_carry(std::string_view label) const;
};

ResultLabels result_labels(const promql::Expr& expr);

// True when the expression names `label` anywhere: a matcher, by/without,
// on/ignoring, group_left/right, or a label_replace/label_join target. Used
// where "any label" is too generous (no series has `alertname` unless the
// query reads ALERTS or builds the label).
bool mentions_label(const promql::Expr& expr, std::string_view label);

// "sum by (job)", "on (instance)", "absent(...)": what narrowed the labels.
std::string cause_text(const promql::Expr& cause);

}  // namespace rbc::checks
