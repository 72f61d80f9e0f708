// runbook/outside-root: a runbook links or shows a file outside the project
// root. Runbooks are untrusted input to `rbc build`, which copies the local
// files a runbook refers to into the site; a file outside the project (a
// `../../etc/passwd` image, a symlink out of the tree) is never copied, so
// the site would be broken there, and it may be someone's secret.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "model/local_file.hpp"

namespace rbc::checks {
namespace {

void run(const model::Project& project, Reporter& reporter) {
  for (const model::RunbookInfo& rb : project.runbooks) {
    for (const runbook::Link& link : rb.links) {
      const model::LocalTarget target = model::local_target(link.target, rb.path, project.config);
      if (target.place != model::LocalPlace::outside) continue;
      reporter.report(rb.path, link.span,
                      fmt::format("{} '{}' points outside the project root ({}): rbc build never copies it into "
                                  "the site; move the file into the project or link to it by URL",
                                  link.image ? "image" : "link", link.target, target.root));
    }
  }
}

}  // namespace

extern const Check runbook_outside_root;
const Check runbook_outside_root{
    {"runbook/outside-root", Severity::warning, "a runbook links or shows a file outside the project root", false},
    run};

}  // namespace rbc::checks
