// xcheck/unverifiable: the runbook documents a threshold, but the rule's
// expression has no comparison against a constant to check it against.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/queries.hpp"

namespace rbc::checks {
namespace {

void run(const model::Project& project, Reporter& reporter) {
  for (const model::Binding& binding : project.bindings) {
    const model::SectionInfo* section = bound_section(project, binding);
    const model::RuleInfo& rule = project.rules[binding.rule];
    if (!section || !rule.expr_ok || !rule.comparisons.empty()) continue;
    const auto documented = applicable_thresholds(project, *section, severity_of(rule));
    if (documented.empty()) continue;
    const std::string& file = project.runbooks[binding.runbook].path;
    reporter.report(rule, rule.expr.span,
                    fmt::format("runbook documents {} ({}), but the expression compares nothing "
                                "against a constant, so rbc cannot verify it",
                                doc_threshold_text(documented.front()->comparison),
                                where(file, documented.front()->span)))
        .notes.push_back({file, documented.front()->span, "threshold documented here"});
  }
}

}  // namespace

extern const Check xcheck_unverifiable;
const Check xcheck_unverifiable{
    {"xcheck/unverifiable", Severity::info,
     "a runbook documents a threshold the alert's expression does not state as a constant", false},
    run};

}  // namespace rbc::checks
