// rule/name-case (style, off by default): alert names that are not
// UpperCamelCase (`KubePodCrashLooping`), the convention of the Prometheus
// mixins. Names that are not identifiers at all are rule/name's finding.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/rule_values.hpp"

namespace rbc::checks {
namespace {

constexpr OptionInfo kOptions[] = {
    {"pattern", "regex alert names must match in full (default: [A-Z][a-zA-Z0-9]*, UpperCamelCase)"},
};

void run(const model::Project& project, Reporter& reporter) {
  const std::string pattern = regex_option(project, reporter, "pattern", "[A-Z][a-zA-Z0-9]*");
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting || rule.name.value.empty()) continue;
    if (!full_match("[A-Za-z_][A-Za-z0-9_]*", rule.name.value)) continue;
    if (full_match(pattern, rule.name.value)) continue;
    reporter.report(rule, rule.name.span,
                    fmt::format("alert name '{}' is not UpperCamelCase (does not match {})", rule.name.value,
                                pattern));
  }
}

}  // namespace

extern const Check rule_name_case;
const Check rule_name_case{
    {"rule/name-case", Severity::info, "an alert name is not UpperCamelCase (style, off by default)", false},
    run, kOptions, true};

}  // namespace rbc::checks
