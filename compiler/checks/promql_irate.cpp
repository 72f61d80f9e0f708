// promql/irate: irate() in an alerting rule. irate looks at the last two
// samples of its window only, so the value jumps from one evaluation to the
// next and the alert flaps; rate() averages over the whole window. Also
// reported: an alert reading a recording rule of the project whose
// expression uses irate() (the flapping comes along).
#include <fmt/format.h>

#include <map>

#include "checks/check.hpp"
#include "checks/promql_walk.hpp"

namespace rbc::checks {
namespace {

const promql::Expr* first_irate(const promql::Expr& root) {
  const promql::Expr* found = nullptr;
  walk(root, [&](const promql::Expr& e) {
    if (!found && e.kind == promql::Kind::Call && e.func && std::string_view(e.func->name) == "irate") found = &e;
  });
  return found;
}

// Recording rules whose expression uses irate(), by recorded name.
std::map<std::string, const model::RuleInfo*> irate_recordings(const model::Project& project) {
  std::map<std::string, const model::RuleInfo*> out;
  for (const model::RuleInfo& rule : project.rules)
    if (!rule.alerting && rule.ast && first_irate(*rule.ast)) out.emplace(rule.name.value, &rule);
  return out;
}

void run(const model::Project& project, Reporter& reporter) {
  const auto recordings = irate_recordings(project);
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting || !rule.ast) continue;
    walk(*rule.ast, [&](const promql::Expr& e) {
      if (e.kind == promql::Kind::Call && e.func && std::string_view(e.func->name) == "irate") {
        reporter.report(rule, node_span(rule, e),
                        "irate() uses only the last two samples of its range, so the alert flaps; use rate()");
      } else if (e.kind == promql::Kind::VectorSelector) {
        const auto found = recordings.find(metric_name(e));
        if (found == recordings.end()) return;
        const model::RuleInfo& recording = *found->second;
        reporter
            .report(rule, node_span(rule, e),
                    fmt::format("`{}` is recorded with irate(), which uses only the last two samples of its range, "
                                "so the alert flaps; record it with rate()",
                                found->first))
            .notes.push_back({recording.file, node_span(recording, *first_irate(*recording.ast)), "irate() here"});
      }
    });
  }
}

}  // namespace

extern const Check promql_irate;
const Check promql_irate{
    {"promql/irate", Severity::warning, "irate() in an alerting rule: the alert flaps with every sample", false},
    run};

}  // namespace rbc::checks
