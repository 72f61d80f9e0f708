// runbook/missing: an alerting rule that no runbook section documents and
// whose runbook link (if any) leads nowhere rbc can see.
#include <set>

#include <fmt/format.h>

#include "checks/check.hpp"

namespace rbc::checks {
namespace {

// Links that count as a runbook: resolved, or pointing somewhere rbc does
// not check (an unmapped host, a template it cannot expand). Broken links
// are runbook/link's findings, not this check's.
bool link_counts(const model::LinkResolution& resolution) {
  switch (resolution.status) {
    case model::LinkStatus::not_a_link:
    case model::LinkStatus::empty_expansion:
      return false;
    default:
      return true;
  }
}

void run(const model::Project& project, Reporter& reporter) {
  std::set<std::size_t> documented;
  for (const model::Binding& binding : project.bindings) documented.insert(binding.rule);
  for (const model::RuleLink& link : project.links)
    if (link_counts(link.resolution)) documented.insert(link.rule);
  const Severity severity = project.runbooks_expected ? Severity::error : Severity::warning;
  for (std::size_t i = 0; i < project.rules.size(); ++i) {
    const model::RuleInfo& rule = project.rules[i];
    if (!rule.alerting || documented.count(i)) continue;
    Diagnostic& d = reporter.report_as(
        severity, rule.file, rule.name.span,
        fmt::format("alert '{}' has no runbook: no runbook section names it and it has no {} "
                    "annotation; add a section '### {}' to a runbook or a {} link",
                    rule.name.value, project.config.runbook_annotations.front(), rule.name.value,
                    project.config.runbook_annotations.front()));
    d.group = rule.group;
    d.rule = rule.name.value;
  }
}

}  // namespace

extern const Check runbook_missing;
const Check runbook_missing{
    {"runbook/missing", Severity::error,
     "an alerting rule has no runbook section and no resolvable runbook link", false},
    run};

}  // namespace rbc::checks
