// xcheck/threshold: the value or direction the rule compares against
// differs from what its runbook documents.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/queries.hpp"
#include "model/threshold_match.hpp"

namespace rbc::checks {
namespace {

std::string rule_side_text(const model::ExprComparison& c, const model::MatchResult& result) {
  std::string text = fmt::format("{} {}", promql::op_text(c.op), number_text(c.value));
  if (!result.rule_in_doc_units.empty()) text += fmt::format(" ({})", result.rule_in_doc_units);
  return text;
}

void check_binding(const model::Project& project, const model::Binding& binding, Reporter& reporter) {
  const model::SectionInfo* section = bound_section(project, binding);
  const model::RuleInfo& rule = project.rules[binding.rule];
  if (!section || rule.comparisons.empty()) return;
  const auto documented = applicable_thresholds(project, *section, severity_of(rule));
  if (documented.empty()) return;
  std::vector<threshold::Comparison> doc;
  for (const model::DocThreshold* t : documented) doc.push_back(t->comparison);
  std::vector<model::ExprComparison> expr;
  for (const model::RuleComparison& c : rule.comparisons) expr.push_back(c.comparison);
  const std::vector<model::Pairing> pairs = model::pair_thresholds(doc, expr);
  const std::string& file = project.runbooks[binding.runbook].path;
  for (std::size_t i = 0; i < pairs.size(); ++i) {
    const model::Pairing& pair = pairs[i];
    if (pair.rule_index < 0 || (pair.result.direction_ok && pair.result.value_ok)) continue;
    const model::RuleComparison& ours = rule.comparisons[static_cast<std::size_t>(pair.rule_index)];
    const model::DocThreshold& theirs = *documented[i];
    const char* what = pair.result.direction_ok ? "value" : "direction";
    reporter.report(rule, ours.span,
                    fmt::format("threshold {} differs: runbook says {} ({}), rule compares {}",
                                what, doc_threshold_text(theirs.comparison), where(file, theirs.span),
                                rule_side_text(ours.comparison, pair.result)))
        .notes.push_back({file, theirs.span, fmt::format("runbook documents '{}' here", theirs.text)});
  }
}

void run(const model::Project& project, Reporter& reporter) {
  for (const model::Binding& binding : project.bindings) check_binding(project, binding, reporter);
}

}  // namespace

extern const Check xcheck_threshold;
const Check xcheck_threshold{
    {"xcheck/threshold", Severity::error,
     "an alert compares against another value or in another direction than its runbook documents",
     false},
    run};

}  // namespace rbc::checks
