// The rule emitter's self-check: the emitted text, read back by rbc's own
// loader (which accepts exactly what promtool accepts), must hold the same
// groups and rules as the input, differing only in the planned changes.
#pragma once

#include <string>
#include <vector>

#include "emit/rules_plan.hpp"
#include "rules/model.hpp"

namespace rbc::emit {

// `before`: the input's rule sets; `changes[i]`: the planned changes of the
// i-th rule of `before` in file order; `after`: the sets read back from the
// emitted text(s), in order. Returns "" when they agree, else what differs.
std::string compare_rule_sets(const std::vector<const rules::RuleSet*>& before,
                              const std::vector<RuleChanges>& changes,
                              const std::vector<const rules::RuleSet*>& after,
                              const std::string& severity_label);

}  // namespace rbc::emit
