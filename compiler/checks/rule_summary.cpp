// rule/summary: an alert with none of the annotations that say what is
// wrong (summary, description, message, or title as GitLab writes it). The notification then shows only
// the alert name and labels to whoever is paged.
#include <algorithm>

#include <fmt/format.h>

#include "checks/check.hpp"

namespace rbc::checks {
namespace {

constexpr OptionInfo kOptions[] = {
    {"annotations", "any one of these annotations is enough (default: [summary, description, message, title])"},
};

bool has_any(const model::RuleInfo& rule, const std::vector<std::string>& names) {
  return std::any_of(rule.annotations.begin(), rule.annotations.end(), [&](const auto& annotation) {
    return !annotation.second.value.empty() &&
           std::find(names.begin(), names.end(), annotation.first.value) != names.end();
  });
}

void run(const model::Project& project, Reporter& reporter) {
  std::vector<std::string> names = reporter.option_list("annotations");
  if (!reporter.option_span("annotations")) names = {"summary", "description", "message", "title"};
  if (names.empty()) return;
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting || has_any(rule, names)) continue;
    reporter.report(rule, rule.name.span,
                    fmt::format("alert has no {} annotation: add one saying what is wrong",
                                fmt::join(names, " or ")));
  }
}

}  // namespace

extern const Check rule_summary;
const Check rule_summary{
    {"rule/summary", Severity::warning, "an alert has no summary or description annotation", false}, run,
    kOptions};

}  // namespace rbc::checks
