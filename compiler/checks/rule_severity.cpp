// rule/severity: an alert without the severity label (rbc.yaml
// `severity_label`), or with a value outside the configured vocabulary
// (`severities:`). Alertmanager routes on exact label values, so
// "Critical" or "crit" silently misses the route meant for "critical".
#include <algorithm>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/queries.hpp"
#include "checks/rule_values.hpp"

namespace rbc::checks {
namespace {

constexpr OptionInfo kOptions[] = {
    {"allow", "extra accepted values beyond `severities:` (default: [none], for Watchdog-style alerts)"},
};

std::vector<std::string> vocabulary(const model::Project& project, Reporter& reporter) {
  std::vector<std::string> values;
  for (const config::SeverityLevel& level : project.config.severities) values.push_back(level.value);
  if (values.empty())
    for (const config::SeverityLevel& level : config::default_severities()) values.push_back(level.value);
  std::vector<std::string> extra = reporter.option_list("allow");
  if (!reporter.option_span("allow")) extra = {"none"};
  values.insert(values.end(), extra.begin(), extra.end());
  return values;
}

void run(const model::Project& project, Reporter& reporter) {
  const std::vector<std::string> values = vocabulary(project, reporter);
  const std::string& label = project.config.severity_label;
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting) continue;
    if (!rule.severity) {
      reporter.report(rule, rule.name.span, fmt::format("alert has no '{}' label", label));
      continue;
    }
    const std::string& value = rule.severity->value;
    if (is_template(value) || std::find(values.begin(), values.end(), value) != values.end()) continue;
    const std::string near = closest_name(value, values);
    reporter.report(rule, rule.severity->span,
                    fmt::format("{} '{}' is not one of {}{}", label, value, fmt::join(values, ", "),
                                near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
  }
}

}  // namespace

extern const Check rule_severity;
const Check rule_severity{
    {"rule/severity", Severity::warning,
     "an alert has no severity label, or a value outside the configured severities", false},
    run, kOptions};

}  // namespace rbc::checks
