// rule/for-conflict: the same alert (name, severity and expression)
// defined more than once in the project with different `for:`.
// Alertmanager and the runbook see one alert, but it becomes active after
// different delays depending on which copy matched: usually a copy updated
// in one place only. Definitions whose expressions select different series
// (one per component, or multi-window burn rates) are separate alerts that
// share a name on purpose and are not compared.
#include <map>
#include <tuple>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/queries.hpp"
#include "promql/printer.hpp"

namespace rbc::checks {
namespace {

std::string for_text(const model::RuleInfo& rule) {
  return rule.for_text ? rule.for_text->value : std::string("0s (no for:)");
}

// The expression as Prometheus prints it, so layout and comments do not
// make two copies differ.
std::string expression_shape(const model::RuleInfo& rule) {
  return rule.ast ? promql::to_string(*rule.ast) : rule.expr.value;
}

void run(const model::Project& project, Reporter& reporter) {
  // (name, severity, expression shape) -> first definition.
  std::map<std::tuple<std::string, std::string, std::string>, const model::RuleInfo*> first;
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting || rule.name.value.empty()) continue;
    const auto [it, inserted] = first.try_emplace({rule.name.value, severity_of(rule), expression_shape(rule)}, &rule);
    if (inserted || it->second->for_ms == rule.for_ms) continue;
    const model::RuleInfo& other = *it->second;
    const std::string severity = severity_of(rule);
    reporter
        .report(rule, rule.for_text ? rule.for_text->span : rule.name.span,
                fmt::format("alert {}{} has for: {} here but for: {} at {}", rule.name.value,
                            severity.empty() ? "" : fmt::format(" ({})", severity), for_text(rule),
                            for_text(other), where(other.file, other.for_text ? other.for_text->span : other.name.span)))
        .notes.push_back({other.file, other.for_text ? other.for_text->span : other.name.span,
                          "first defined here"});
  }
}

}  // namespace

extern const Check rule_for_conflict;
const Check rule_for_conflict{
    {"rule/for-conflict", Severity::warning,
     "the same alert name and severity is defined with different for: durations", false},
    run};

}  // namespace rbc::checks
