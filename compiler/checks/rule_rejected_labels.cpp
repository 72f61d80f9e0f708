// rule/rejected-labels: labels or annotations rbc.yaml forbids, by name or
// by name and value (`env=prod`, `__.*`, `severity=page`): leftovers of old
// routing, reserved names, values a team retired.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/rule_values.hpp"

namespace rbc::checks {
namespace {

constexpr OptionInfo kOptions[] = {
    {"labels", "rejected labels: `name-regex` or `name-regex=value-regex`, both matched in full; default: none"},
    {"annotations", "rejected annotations, same form; default: none"},
};

using Pairs = std::vector<std::pair<model::Located, model::Located>>;

void check_pairs(const model::RuleInfo& rule, const Pairs& pairs, const std::vector<NamePattern>& rejected,
                 const char* what, Reporter& reporter) {
  for (const auto& [key, value] : pairs) {
    for (const NamePattern& reject : rejected) {
      if (!full_match(reject.name, key.value)) continue;
      if (reject.value_regex && !full_match(*reject.value_regex, value.value)) continue;
      reporter.report(rule, reject.value_regex ? value.span : key.span,
                      reject.value_regex
                          ? fmt::format("{} {}: '{}' is rejected by rbc.yaml ({}={})", what, key.value, value.value,
                                        reject.name, *reject.value_regex)
                          : fmt::format("{} '{}' is rejected by rbc.yaml ({})", what, key.value, reject.name));
      break;
    }
  }
}

void run(const model::Project& project, Reporter& reporter) {
  const std::vector<NamePattern> labels = name_patterns(project, reporter, "labels");
  const std::vector<NamePattern> annotations = name_patterns(project, reporter, "annotations");
  if (labels.empty() && annotations.empty()) return;
  for (const model::RuleInfo& rule : project.rules) {
    check_pairs(rule, rule.labels, labels, "label", reporter);
    check_pairs(rule, rule.annotations, annotations, "annotation", reporter);
  }
}

}  // namespace

extern const Check rule_rejected_labels;
const Check rule_rejected_labels{
    {"rule/rejected-labels", Severity::warning, "a rule has a label or annotation rbc.yaml rejects", false},
    run, kOptions};

}  // namespace rbc::checks
