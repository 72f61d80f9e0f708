// rule/dependency: a rule reads a recording rule's output that no rule in
// the project produces. A metric name with a colon (`job:http_errors:rate5m`,
// the level:metric:operations convention) is meant for recording rules;
// when none records it but one with a close name does, the recording rule
// was renamed (or the name is misspelt), the selector returns nothing, and
// alerts built on it never fire. Names with no close recorded name are left
// alone: some exporters use colons too (GitLab's `gitlab_sli:*:total`), and
// rules recorded in another repository are unknown here. Under
// `rbc check --changed`, a selector on a name whose recording rule the
// change removed is reported whatever the name.
// Also reported: a selector on a recorded metric with a label matcher its
// recording rules can never satisfy: another value than the one its single
// recording rule sets in `labels:`, or, when rbc.yaml's `server:` says which
// external labels exist, a label the rule's aggregation removed
// (`job:x:sum{instance="a"}` for `sum by (job) (x)`).
#include <fmt/format.h>

#include <map>

#include "checks/check.hpp"
#include "checks/promql_walk.hpp"
#include "checks/queries.hpp"
#include "promql/result_labels.hpp"

namespace rbc::checks {
namespace {

using promql::Expr;
using Recorders = std::map<std::string, std::vector<const model::RuleInfo*>>;

// The labels of a recording rule's output: its expression's, with the
// rule's own `labels:` set on top.
promql::ResultLabels output_labels(const model::RuleInfo& rule) {
  promql::ResultLabels out = rule.ast ? promql::result_labels(*rule.ast) : promql::ResultLabels{};
  for (const auto& [key, value] : rule.labels) out.set_label(key.value, value.value);
  return out;
}

// The rule's static value of `label`, if it sets one.
const std::string* static_label(const model::RuleInfo& rule, const std::string& label) {
  for (const auto& [key, value] : rule.labels)
    if (key.value == label) return &value.value;
  return nullptr;
}

// External labels (Thanos, federation) can be on any series: a label is
// certainly missing only when rbc.yaml's `server:` lists them and it is not
// one of them.
bool certainly_missing(const config::ServerFacts& server, const promql::ResultLabels& out,
                       const std::string& label) {
  if (!server.span.begin.valid() || out.may_carry(label)) return false;
  for (const auto& [name, value] : server.external_labels)
    if (name == label) return false;
  return true;
}

// Why `selector` can never match the output of `recorder`, or "".
std::string mismatch(const config::ServerFacts& server, const Expr& selector, const model::RuleInfo& recorder) {
  const promql::ResultLabels out = output_labels(recorder);
  for (const promql::Matcher& m : selector.matchers) {
    if (m.name == "__name__") continue;
    if (!m.matches_empty && certainly_missing(server, out, m.name))
      return fmt::format("`{}{}{}` requires the label `{}`, which the recording rule's output never has", m.name,
                         promql::match_op_text(m.op), quote(m.value), m.name);
    const std::string* value = static_label(recorder, m.name);
    if (value && m.op == promql::MatchOp::Equal && m.value != *value)
      return fmt::format("`{}=\"{}\"` but the recording rule sets `{}: {}`", m.name, m.value, m.name, *value);
  }
  return "";
}

// A selector on a series whose recording rule the change being checked
// removed (`rbc check --changed`): reported whatever the name looks like.
bool report_removed(const model::Project& project, const model::RuleInfo& rule, const Expr& selector,
                    const std::string& name, Reporter& reporter) {
  const auto removed = project.removed_records.find(name);
  if (removed == project.removed_records.end()) return false;
  reporter.report(rule, node_span(rule, selector),
                  fmt::format("this change removes the recording rule of `{}` (from {}), which this rule still "
                              "reads: the selector will return nothing; keep the recording rule or update this rule",
                              name, removed->second));
  return true;
}

void check_selector(const model::Project& project, const model::RuleInfo& rule, const Expr& selector,
                    const Recorders& recorders, const std::vector<std::string>& names, Reporter& reporter) {
  const std::string name = metric_name(selector);
  if (name.empty() || report_removed(project, rule, selector, name, reporter)) return;
  if (name.find(':') == std::string::npos) return;
  const auto found = recorders.find(name);
  if (found == recorders.end()) {
    const std::string close = closest_name(name, names);
    if (close.empty()) return;
    reporter.report(rule, node_span(rule, selector),
                    fmt::format("no recording rule in the project records `{}`: it was renamed or removed, and "
                                "this selector returns nothing (did you mean `{}`?)",
                                name, close));
    return;
  }
  // Several rules recording one name (one per label value) may have more
  // siblings elsewhere: only a single recording rule is compared with.
  if (found->second.size() != 1) return;
  const std::string why = mismatch(project.config.server, selector, *found->second.front());
  if (why.empty()) return;
  const model::RuleInfo& first = *found->second.front();
  reporter.report(rule, node_span(rule, selector), fmt::format("this selector can never match what `{}` records: {}", name, why))
      .notes.push_back({first.file, first.name.span, "recorded here"});
}

void run(const model::Project& project, Reporter& reporter) {
  Recorders recorders;
  std::vector<std::string> names;
  for (const model::RuleInfo& rule : project.rules) {
    if (rule.alerting) continue;
    if (recorders[rule.name.value].empty()) names.push_back(rule.name.value);
    recorders[rule.name.value].push_back(&rule);
  }
  // A project without recording rules keeps them elsewhere (unless this
  // change just removed the last one).
  if (recorders.empty() && project.removed_records.empty()) return;
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.ast) continue;
    for (const Expr* selector : selectors(*rule.ast)) check_selector(project, rule, *selector, recorders, names, reporter);
  }
}

}  // namespace

extern const Check rule_dependency;
const Check rule_dependency{
    {"rule/dependency", Severity::warning,
     "a rule reads a recording rule's output that no rule produces, or with labels it never has", false},
    run};

}  // namespace rbc::checks
