// xcheck/for: the documented duration differs from the rule's `for:`, or a
// documented window differs from the ranges the expression looks over.
#include <algorithm>
#include <cmath>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/queries.hpp"
#include "model/doc_units.hpp"

namespace rbc::checks {
namespace {

std::string rule_for_text(const model::RuleInfo& rule) {
  return rule.for_text ? rule.for_text->value : std::string("0s (no for:)");
}

// "has not uploaded anything for 24 hours" documents the expression's own
// threshold when the rule compares an age: `(time() - x) / 3600 > 24`.
bool is_age_threshold(const model::RuleInfo& rule, std::int64_t ms) {
  return std::any_of(rule.comparisons.begin(), rule.comparisons.end(), [&](const model::RuleComparison& c) {
    const std::optional<double> seconds = model::seconds_per(c.comparison.unit);
    if (!seconds || c.comparison.scale == 0) return false;
    const double threshold_ms = c.comparison.value / c.comparison.scale * *seconds * 1e3;
    return std::abs(threshold_ms - static_cast<double>(ms)) < 0.5;
  });
}

void check_for(const model::Project& project, const model::Binding& binding,
               const model::SectionInfo& section, Reporter& reporter) {
  const model::RuleInfo& rule = project.rules[binding.rule];
  if (!section.for_duration || section.for_duration->ms == rule.for_ms) return;
  if (is_age_threshold(rule, section.for_duration->ms)) return;
  const model::DocDuration& doc = *section.for_duration;
  const std::string& file = project.runbooks[binding.runbook].path;
  const Span at = rule.for_text ? rule.for_text->span : rule.name.span;
  reporter.report(rule, at,
                  fmt::format("runbook says for {} ('{}', {}), rule has for: {}",
                              threshold::format_duration(doc.ms), doc.text, where(file, doc.span),
                              rule_for_text(rule)))
      .notes.push_back({file, doc.span, "duration documented here"});
}

void check_window(const model::Project& project, const model::Binding& binding,
                  const model::SectionInfo& section, Reporter& reporter) {
  const model::RuleInfo& rule = project.rules[binding.rule];
  if (!section.window || rule.ranges.empty()) return;
  const model::DocDuration& doc = *section.window;
  // "no evaluations in the past 10 minutes" is `rate(x[5m]) <= 0` held
  // for 5m as much as a 10m range.
  const auto same = [&](const model::RuleRange& r) { return r.ms == doc.ms || r.ms + rule.for_ms == doc.ms; };
  if (std::any_of(rule.ranges.begin(), rule.ranges.end(), same)) return;
  const std::string& file = project.runbooks[binding.runbook].path;
  const model::RuleRange& first = rule.ranges.front();
  reporter.report(rule, first.span,
                  fmt::format("runbook says the window is {} ('{}', {}), the expression looks over [{}]",
                              threshold::format_duration(doc.ms), doc.text, where(file, doc.span),
                              threshold::format_duration(first.ms)))
      .notes.push_back({file, doc.span, "window documented here"});
}

void run(const model::Project& project, Reporter& reporter) {
  for (const model::Binding& binding : project.bindings) {
    const model::SectionInfo* section = bound_section(project, binding);
    if (!section) continue;
    check_for(project, binding, *section, reporter);
    check_window(project, binding, *section, reporter);
  }
}

}  // namespace

extern const Check xcheck_for;
const Check xcheck_for{
    {"xcheck/for", Severity::error,
     "an alert's for: duration or range window differs from what its runbook documents", false},
    run};

}  // namespace rbc::checks
