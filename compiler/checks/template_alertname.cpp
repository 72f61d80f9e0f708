// template/alertname: a label or annotation template reads
// $labels.alertname. Prometheus 2.42 (rules/alerting.go) expands templates
// with the labels of the query's result only; `alertname` (and the rule's
// own labels) are added afterwards, so the reference renders "" unless the
// query itself returns an `alertname` label (as ALERTS does).
#include <fmt/format.h>

#include "checks/check.hpp"
#include "promql/result_labels.hpp"
#include "checks/rule_values.hpp"
#include "template/template_refs.hpp"

namespace rbc::checks {
namespace {

// The query may return `alertname` only when it reads or builds that label
// (ALERTS{alertname=...}, label_replace(..., "alertname", ...)).
bool query_may_return_alertname(const model::RuleInfo& rule) {
  if (!rule.ast) return true;  // unknown: stay silent
  if (!promql::result_labels(*rule.ast).may_carry("alertname")) return false;
  return promql::mentions_label(*rule.ast, "alertname") || rule.expr.value.find("ALERTS") != std::string::npos;
}


void check_value(const model::RuleInfo& rule, const char* what, const model::Located& key,
                 const model::Located& value, Reporter& reporter) {
  if (!is_template(value.value)) return;
  const gotmpl::TemplateRefs refs = gotmpl::collect_refs(value.value);
  for (const gotmpl::TemplateRef& label : refs.labels) {
    if (label.name != "alertname") continue;
    reporter.report(rule, value_span(rule, value, label.offset, label_ref_end(refs, label)),
                    fmt::format("{} '{}' uses $labels.alertname, which templates do not see (it is added "
                                "after they are expanded): it renders empty; write '{}' instead",
                                what, key.value, rule.name.value));
  }
}

void run(const model::Project& project, Reporter& reporter) {
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting || query_may_return_alertname(rule)) continue;
    for (const auto& [key, value] : rule.labels) check_value(rule, "label", key, value, reporter);
    for (const auto& [key, value] : rule.annotations) check_value(rule, "annotation", key, value, reporter);
  }
}

}  // namespace

extern const Check template_alertname;
const Check template_alertname{
    {"template/alertname", Severity::warning,
     "a template reads $labels.alertname, which renders empty in rule templates", false},
    run};

}  // namespace rbc::checks
