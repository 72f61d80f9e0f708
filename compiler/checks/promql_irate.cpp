// promql/irate: irate() in an alerting rule. irate looks at the last two
// samples of its window only, so the value jumps from one evaluation to the
// next and the alert flaps; rate() averages over the whole window.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/promql_walk.hpp"

namespace rbc::checks {
namespace {

void run(const model::Project& project, Reporter& reporter) {
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting || !rule.ast) continue;
    walk(*rule.ast, [&](const promql::Expr& e) {
      if (e.kind != promql::Kind::Call || !e.func || std::string_view(e.func->name) != "irate") return;
      reporter.report(rule, node_span(rule, e),
                      "irate() uses only the last two samples of its range, so the alert flaps; use rate()");
    });
  }
}

}  // namespace

extern const Check promql_irate;
const Check promql_irate{
    {"promql/irate", Severity::warning, "irate() in an alerting rule: the alert flaps with every sample", false},
    run};

}  // namespace rbc::checks
