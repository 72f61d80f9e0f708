// What can be said for certain about the labels of an expression's result
// series, from the expression alone (the metric name left out): which
// labels they can carry at most (after `sum by (job)`: only job), which
// every series carries with a non-empty value (`up{job="api"}`: job), and
// which matchers still constrain their values (label_pins.hpp). One walk
// serves every question rbc asks of it: templates reading a removed label
// (template/label-dropped, template/alertname), joins and groupings that
// cannot work (promql/impossible), selectors a recording rule's output
// cannot satisfy (rule/dependency), and rules that cannot write the same
// series (rule/duplicate).
//
// Templates see only these labels: Prometheus 2.42 (rules/alerting.go)
// expands them with the sample's labels, before the rule's own labels and
// `alertname` are added.
#pragma once

#include <set>
#include <string>
#include <string_view>

#include "promql/ast.hpp"
#include "promql/label_pins.hpp"

namespace rbc::promql {

using LabelNames = std::set<std::string, std::less<>>;

struct ResultLabels {
  enum class Kind {
    any,      // any label the selected series have
    only,     // at most the labels in `names`
    all_but,  // any label except those in `names`
  };
  Kind kind = Kind::any;
  LabelNames names;
  LabelNames must;  // labels every series carries, with a non-empty value
  LabelPins pins;   // matchers every series' value of the label satisfies
  // The node that last narrowed the set (aggregation, on(), absent...),
  // for messages; null while the set is `any`.
  const Expr* cause = nullptr;

  // False only when the result certainly cannot carry `label`.
  bool may_carry(std::string_view label) const;
  // A rule's own `labels:` entry on top of the result: a non-empty value
  // sets the label on every series, an empty one removes it.
  void set_label(const std::string& label, const std::string& value);
};

// Conservative: unknown constructs and nesting deeper than 256 levels give
// "any label, nothing certain" (never a finding, no deep recursion).
ResultLabels result_labels(const Expr& expr);

// True when the expression names `label` anywhere: a matcher, by/without,
// on/ignoring, group_left/right, or a label_replace/label_join target. Used
// where "any label" is too generous (no series has `alertname` unless the
// query reads ALERTS or builds the label).
bool mentions_label(const Expr& expr, std::string_view label);

}  // namespace rbc::promql
