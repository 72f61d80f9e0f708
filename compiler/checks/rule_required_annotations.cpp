// rule/required-annotations: alerts without an annotation the team requires
// (`runbook_url`, `dashboard`...), or with a value outside the allowed
// pattern. Nothing is required until rbc.yaml lists names; summary and
// description have their own check (rule/summary).
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/rule_values.hpp"

namespace rbc::checks {
namespace {

constexpr OptionInfo kOptions[] = {
    {"annotations", "required annotations: `name` or `name=regex` (value must match in full); default: none"},
};

const model::Located* find_value(const model::RuleInfo& rule, const std::string& name) {
  for (const auto& [key, value] : rule.annotations)
    if (key.value == name) return &value;
  return nullptr;
}

void run(const model::Project& project, Reporter& reporter) {
  const std::vector<NamePattern> required = name_patterns(project, reporter, "annotations");
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting) continue;
    for (const NamePattern& want : required) {
      const model::Located* value = find_value(rule, want.name);
      if (!value)
        reporter.report(rule, rule.name.span, fmt::format("alert has no '{}' annotation", want.name));
      else if (want.value_regex && !full_match(*want.value_regex, value->value))
        reporter.report(rule, value->span,
                        fmt::format("annotation {}: '{}' does not match {}", want.name, value->value,
                                    *want.value_regex));
    }
  }
}

}  // namespace

extern const Check rule_required_annotations;
const Check rule_required_annotations{
    {"rule/required-annotations", Severity::warning,
     "an alert lacks an annotation rbc.yaml requires, or its value is not allowed", false},
    run, kOptions};

}  // namespace rbc::checks
