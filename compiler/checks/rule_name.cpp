// rule/name: alert names that are not identifier-like (spaces, '>', '%',
// '/', '-'...). An alert name becomes the `alertname` label: such names
// must be quoted or escaped in silences, inhibit rules, route matchers and
// runbook URLs, and are easy to get wrong. Recording rule names can be held
// to a convention too (off unless `record_pattern` is set).
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/rule_values.hpp"

namespace rbc::checks {
namespace {

constexpr std::string_view kIdentifier = "[A-Za-z_][A-Za-z0-9_]*";

constexpr OptionInfo kOptions[] = {
    {"alert_pattern", "regex alert names must match in full (default: [A-Za-z_][A-Za-z0-9_]*)"},
    {"record_pattern",
     "regex recording rule names must match in full (default: none; level:metric:operations is "
     "[a-zA-Z_][a-zA-Z0-9_]*:[a-zA-Z0-9_]+:[a-zA-Z0-9_:]+)"},
};

void run(const model::Project& project, Reporter& reporter) {
  const std::string alert_pattern = regex_option(project, reporter, "alert_pattern", kIdentifier);
  const std::string record_pattern = regex_option(project, reporter, "record_pattern", "");
  for (const model::RuleInfo& rule : project.rules) {
    const std::string& pattern = rule.alerting ? alert_pattern : record_pattern;
    if (pattern.empty() || rule.name.value.empty() || full_match(pattern, rule.name.value)) continue;
    if (rule.alerting && pattern == kIdentifier)
      reporter.report(rule, rule.name.span,
                      fmt::format("alert name '{}' is not identifier-like (letters, digits, '_'): it "
                                  "becomes the alertname label that routes, silences and URLs must quote",
                                  rule.name.value));
    else
      reporter.report(rule, rule.name.span,
                      fmt::format("{} name '{}' does not match {}", rule.alerting ? "alert" : "recording rule",
                                  rule.name.value, pattern));
  }
}

}  // namespace

extern const Check rule_name;
const Check rule_name{
    {"rule/name", Severity::warning, "an alert or recording rule name does not follow the naming rules",
     false},
    run, kOptions};

}  // namespace rbc::checks
