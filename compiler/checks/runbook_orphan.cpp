// runbook/orphan: a runbook documents an alert that no rule defines.
#include <set>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/queries.hpp"
#include "model/bind.hpp"

namespace rbc::checks {
namespace {

void run(const model::Project& project, Reporter& reporter) {
  std::set<std::string> defined;
  std::vector<std::string> names;
  std::set<std::string> seen;  // names repeat (one per severity): suggest from each once
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting) continue;
    defined.insert(model::words_key(rule.name.value));
    if (seen.insert(rule.name.value).second) names.push_back(rule.name.value);
  }
  std::set<std::pair<std::size_t, std::size_t>> bound;
  for (const model::Binding& b : project.bindings) {
    bound.insert({b.runbook, b.section});
    bound.insert({b.runbook, b.facts});
  }
  for (std::size_t r = 0; r < project.runbooks.size(); ++r) {
    const model::RunbookInfo& rb = project.runbooks[r];
    for (std::size_t s = 0; s < rb.sections.size(); ++s) {
      if (bound.count({r, s})) continue;
      for (const runbook::AlertName& alert : rb.sections[s].section.alerts) {
        if (defined.count(model::words_key(alert.name))) continue;
        std::string message = fmt::format("runbook documents alert '{}', but no rule defines it", alert.name);
        const std::string suggestion = closest_name(alert.name, names);
        message += suggestion.empty() ? "; remove the section or add the rule"
                                      : fmt::format("; did you mean '{}'?", suggestion);
        reporter.report(rb.path, alert.span, std::move(message));
      }
    }
  }
}

}  // namespace

extern const Check runbook_orphan;
const Check runbook_orphan{
    {"runbook/orphan", Severity::warning, "a runbook section documents an alert no rule defines", false},
    run};

}  // namespace rbc::checks
