// rule/required-labels: rules without a label the team requires (`team`,
// `service`...), or with a value outside the allowed pattern. Nothing is
// required until rbc.yaml lists names; the severity label has its own
// check (rule/severity).
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/rule_values.hpp"

namespace rbc::checks {
namespace {

constexpr OptionInfo kOptions[] = {
    {"labels", "required labels: `name` or `name=regex` (value must match in full); default: none"},
    {"rules", "which rules: alerting (default), recording or all"},
};

const model::Located* find_value(const model::RuleInfo& rule, const std::string& name) {
  for (const auto& [key, value] : rule.labels)
    if (key.value == name) return &value;
  return nullptr;
}

bool applies(const std::string& scope, const model::RuleInfo& rule) {
  return scope == "all" || (scope == "recording" ? !rule.alerting : rule.alerting);
}

void run(const model::Project& project, Reporter& reporter) {
  const std::vector<NamePattern> required = name_patterns(project, reporter, "labels");
  const std::string scope = reporter.option("rules").value_or("alerting");
  for (const model::RuleInfo& rule : project.rules) {
    if (!applies(scope, rule)) continue;
    for (const NamePattern& want : required) {
      const model::Located* value = find_value(rule, want.name);
      if (!value)
        reporter.report(rule, rule.name.span, fmt::format("rule has no '{}' label", want.name));
      else if (want.value_regex && !is_template(value->value) && !full_match(*want.value_regex, value->value))
        reporter.report(rule, value->span,
                        fmt::format("label {}: '{}' does not match {}", want.name, value->value, *want.value_regex));
    }
  }
}

}  // namespace

extern const Check rule_required_labels;
const Check rule_required_labels{
    {"rule/required-labels", Severity::warning, "a rule lacks a label rbc.yaml requires, or its value is not allowed",
     false},
    run, kOptions};

}  // namespace rbc::checks
