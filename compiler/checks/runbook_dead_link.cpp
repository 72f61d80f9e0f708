// runbook/dead-link: a link a runbook itself writes (a table of contents
// entry, a "see also") that leads to no file or heading.
#include <algorithm>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/queries.hpp"
#include "model/bind.hpp"

namespace rbc::checks {
namespace {

bool is_external(const std::string& target) {
  return target.find("://") != std::string::npos || target.rfind("mailto:", 0) == 0;
}

void check_anchor(const model::RunbookInfo& rb, const runbook::Link& link, Reporter& reporter) {
  const std::string anchor = link.target.substr(1);
  if (anchor.empty() || std::find(rb.anchors.begin(), rb.anchors.end(), anchor) != rb.anchors.end()) return;
  const std::string suggestion = closest_name(anchor, rb.anchors);
  reporter.report(rb.path, link.span,
                  fmt::format("link '{}' leads nowhere: this file has no heading with that anchor{}",
                              link.target,
                              suggestion.empty() ? std::string() : fmt::format("; did you mean '#{}'?", suggestion)));
}

void check_relative(const model::Project& project, const model::RunbookIndex& index,
                    const model::RunbookInfo& rb, const runbook::Link& link, Reporter& reporter) {
  model::LinkContext context{rb.path, "", {}};
  context.want_suggestion = false;
  context.try_parent_folders = false;
  const model::LinkResolution res = model::resolve_link(link.target, context, project.config, index);
  if (res.status == model::LinkStatus::missing_file) {
    reporter.report(rb.path, link.span, fmt::format("link '{}' leads nowhere: there is no such file", link.target));
  } else if (res.status == model::LinkStatus::missing_anchor) {
    reporter.report(rb.path, link.span,
                    fmt::format("link '{}' leads nowhere: '{}' has no heading with anchor '#{}'",
                                link.target, display_path(res.file), res.anchor));
  }
}

void run(const model::Project& project, Reporter& reporter) {
  const model::RunbookIndex index = model::make_runbook_index(project);
  for (const model::RunbookInfo& rb : project.runbooks) {
    for (const runbook::Link& link : rb.links) {
      if (link.target.empty() || is_external(link.target)) continue;
      if (link.target.front() == '#')
        check_anchor(rb, link, reporter);
      else
        check_relative(project, index, rb, link, reporter);
    }
  }
}

}  // namespace

extern const Check runbook_dead_link;
const Check runbook_dead_link{
    {"runbook/dead-link", Severity::warning, "a link written in a runbook leads to no file or heading", false},
    run};

}  // namespace rbc::checks
