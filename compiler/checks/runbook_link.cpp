// runbook/link: a rule's runbook link does not lead to an existing file
// and anchor.
#include <set>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/queries.hpp"

namespace rbc::checks {
namespace {

std::string did_you_mean(const std::string& suggestion, const char* prefix) {
  return suggestion.empty() ? std::string() : fmt::format("; did you mean '{}{}'?", prefix, suggestion);
}

// Where a link lands once case is ignored: the file, and the anchor as the
// page really spells it.
std::string case_only_target(const model::LinkResolution& res) {
  std::string target = display_path(res.file);
  if (!res.anchor.empty()) target += "#" + (res.suggestion.empty() ? res.anchor : res.suggestion);
  return target;
}

void report_link(const model::Project& project, const model::RuleLink& link, Reporter& reporter,
                 std::set<std::string>& hosts_told) {
  const model::RuleInfo& rule = project.rules[link.rule];
  const model::LinkResolution& res = link.resolution;
  const Span at = link.annotation.span;
  switch (res.status) {
    case model::LinkStatus::missing_file:
      reporter.report(rule, at, fmt::format("{} '{}' does not resolve: there is no such runbook file{}",
                                            link.key, link.annotation.value, did_you_mean(display_path(res.suggestion), "")));
      return;
    case model::LinkStatus::missing_anchor:
      reporter.report(rule, at, fmt::format("{} '{}' does not resolve: '{}' has no heading with anchor '#{}'{}",
                                            link.key, link.annotation.value, display_path(res.file), res.anchor,
                                            did_you_mean(res.suggestion, "#")));
      return;
    case model::LinkStatus::resolved_case_insensitive:
      reporter.report_as(Severity::warning, rule.file, at,
                         fmt::format("{} '{}' resolves only if letter case is ignored (to '{}'); "
                                     "servers that match case will not find it",
                                     link.key, link.annotation.value, case_only_target(res)));
      return;
    case model::LinkStatus::empty_expansion:
      reporter.report(rule, at, fmt::format("{} uses $labels.alertname, which is empty when Prometheus "
                                            "renders annotations; write the alert name '{}' instead",
                                            link.key, rule.name.value));
      return;
    case model::LinkStatus::unmapped_url:
      if (!hosts_told.insert(res.host).second) return;
      reporter.report_as(Severity::info, rule.file, at,
                         fmt::format("runbook links to '{}' are not checked: map the URL prefix to a "
                                     "local folder with url_mappings in rbc.yaml",
                                     res.host));
      return;
    default:
      return;
  }
}

void run(const model::Project& project, Reporter& reporter) {
  std::set<std::string> hosts_told;
  for (const model::RuleLink& link : project.links) report_link(project, link, reporter, hosts_told);
}

}  // namespace

extern const Check runbook_link;
const Check runbook_link{
    {"runbook/link", Severity::error,
     "a rule's runbook link does not resolve to an existing file and anchor", false},
    run};

}  // namespace rbc::checks
