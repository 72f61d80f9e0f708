// template/label-dropped: a label or annotation template reads a label the
// alert's expression cannot return (removed by an aggregation, by on() or
// ignoring(), or by a function such as absent()), so it always renders "".
#include <fmt/format.h>

#include "checks/check.hpp"
#include "promql/result_labels.hpp"
#include "checks/rule_values.hpp"
#include "template/template_refs.hpp"

namespace rbc::checks {
namespace {

using promql::ResultLabels;

// "sum by (job)", "on (instance)", "absent(...)": what narrowed the labels.
std::string cause_text(const promql::Expr& cause) {
  if (cause.type() == promql::ValueType::Scalar || cause.type() == promql::ValueType::String)
    return "a scalar expression";
  switch (cause.kind) {
    case promql::Kind::Aggregate:
      if (cause.grouping.empty() && !cause.without) return fmt::format("{}(...)", promql::op_text(cause.op));
      return fmt::format("{} {} ({})", promql::op_text(cause.op), cause.without ? "without" : "by",
                         fmt::join(cause.grouping, ", "));
    case promql::Kind::Binary:
      return fmt::format("'{}' {} ({})", promql::op_text(cause.op), cause.on ? "on" : "ignoring",
                         fmt::join(cause.matching_labels, ", "));
    case promql::Kind::Call: return fmt::format("{}(...)", cause.func ? cause.func->name : "?");
    default: return "the expression";
  }
}

std::string kept_text(const ResultLabels& labels) {
  if (labels.kind == ResultLabels::Kind::all_but) return "";
  if (labels.names.empty()) return "; the result has no labels";
  return fmt::format("; the result has only {}", fmt::join(labels.names, ", "));
}

void check_value(const model::RuleInfo& rule, const ResultLabels& labels, const char* what,
                 const model::Located& key, const model::Located& value, Reporter& reporter) {
  if (!is_template(value.value)) return;
  const gotmpl::TemplateRefs refs = gotmpl::collect_refs(value.value);
  for (const gotmpl::TemplateRef& label : refs.labels) {
    // $labels.alertname has its own check (template/alertname).
    if (label.name == "alertname" || labels.may_carry(label.name)) continue;
    const Span at = value_span(rule, value, label.offset, label_ref_end(refs, label));
    Diagnostic& d = reporter.report(
        rule, at,
        fmt::format("{} '{}' uses label '{}', but the query's {} removes it, so it is always empty{}", what,
                    key.value, label.name, cause_text(*labels.cause), kept_text(labels)));
    const Span cause = model::expr_span(rule, labels.cause->begin, labels.cause->end);
    d.notes.push_back({rule.file, cause, "the label is removed here"});
  }
}

void run(const model::Project& project, Reporter& reporter) {
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting || !rule.ast) continue;
    const ResultLabels labels = promql::result_labels(*rule.ast);
    if (labels.kind == ResultLabels::Kind::any || !labels.cause) continue;
    for (const auto& [key, value] : rule.labels) check_value(rule, labels, "label", key, value, reporter);
    for (const auto& [key, value] : rule.annotations)
      check_value(rule, labels, "annotation", key, value, reporter);
  }
}

}  // namespace

extern const Check template_label_dropped;
const Check template_label_dropped{
    {"template/label-dropped", Severity::warning,
     "a template reads a label the alert's query removes, so it renders empty", false},
    run};

}  // namespace rbc::checks
