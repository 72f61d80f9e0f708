// xcheck/severity: the rule's severity label is not what its runbook says.
#include <algorithm>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/queries.hpp"

namespace rbc::checks {
namespace {

// Canonical values the section allows: its severity field, plus levels it
// ties to a threshold of their own ("critical at 95%").
std::vector<std::string> allowed_values(const model::Project& project, const model::SectionInfo& section) {
  std::vector<std::string> values = section.severity_values;
  for (const model::DocThreshold& t : section.thresholds) {
    const std::string tied = severity_of_word(project, t.comparison.severity_word);
    if (!tied.empty() && std::find(values.begin(), values.end(), tied) == values.end()) values.push_back(tied);
  }
  return values;
}

void check_binding(const model::Project& project, const model::Binding& binding, Reporter& reporter) {
  const model::SectionInfo* section = bound_section(project, binding);
  if (!section || section->severity_values.empty()) return;
  const model::RuleInfo& rule = project.rules[binding.rule];
  const std::vector<std::string> allowed = allowed_values(project, *section);
  const std::string& file = project.runbooks[binding.runbook].path;
  const std::string label = project.config.severity_label;
  if (!rule.severity) {
    reporter.report(rule, rule.name.span,
                    fmt::format("alert has no '{}' label, but its runbook says '{}' ({}): add {}: {}",
                                label, section->severity_text, where(file, section->severity_span),
                                label, allowed.front()))
        .notes.push_back({file, section->severity_span, "runbook severity documented here"});
    return;
  }
  const std::string& value = rule.severity->value;
  if (std::find(allowed.begin(), allowed.end(), value) != allowed.end()) return;
  reporter.report(rule, rule.severity->span,
                  fmt::format("runbook says '{}' ({}) = {}, rule has {}: {}; make them agree",
                              section->severity_text, where(file, section->severity_span),
                              fmt::join(allowed, " or "), label, value))
      .notes.push_back({file, section->severity_span, "runbook severity documented here"});
}

void run(const model::Project& project, Reporter& reporter) {
  for (const model::Binding& binding : project.bindings) check_binding(project, binding, reporter);
}

}  // namespace

extern const Check xcheck_severity;
const Check xcheck_severity{
    {"xcheck/severity", Severity::error,
     "an alert's severity label differs from the severity its runbook documents", false},
    run};

}  // namespace rbc::checks
