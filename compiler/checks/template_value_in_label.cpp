// template/value-in-label: a rule label renders the query's value
// ($value, .Value). Labels identify an alert, so every new value starts a
// new alert: the old one resolves, the new one waits out `for:` again, and
// Alertmanager sees a stream of short alerts instead of one.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/rule_values.hpp"
#include "template/template_refs.hpp"

namespace rbc::checks {
namespace {

bool reads_value(const gotmpl::TemplateRef& ref) {
  return ref.name == "$value" || ref.name.starts_with("$value.") || ref.name == ".Value" ||
         ref.name.starts_with(".Value.");
}

void check_label(const model::RuleInfo& rule, const model::Located& key, const model::Located& value,
                 Reporter& reporter) {
  if (!is_template(value.value)) return;
  const gotmpl::TemplateRefs refs = gotmpl::collect_refs(value.value);
  for (const auto* list : {&refs.variables, &refs.fields}) {
    for (const gotmpl::TemplateRef& ref : *list) {
      if (!reads_value(ref)) continue;
      reporter.report(rule, value_span(rule, value, ref.offset, ref.offset + ref.name.size()),
                      fmt::format("label '{}' uses the query value ({}): every change of the value makes a "
                                  "new alert; move it to an annotation",
                                  key.value, ref.name));
      return;  // one finding per label
    }
  }
}

void run(const model::Project& project, Reporter& reporter) {
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting) continue;
    for (const auto& [key, value] : rule.labels) check_label(rule, key, value, reporter);
  }
}

}  // namespace

extern const Check template_value_in_label;
const Check template_value_in_label{
    {"template/value-in-label", Severity::warning,
     "a rule label uses the query value, so every change makes a new alert", false},
    run};

}  // namespace rbc::checks
