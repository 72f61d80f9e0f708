// Checks on decoded rules that promtool 2.42 makes after decoding: group
// names, rule and label names, PromQL expressions, label/annotation
// templates, and the duplicate-rule lint.
#pragma once

#include "rules/context.hpp"
#include "rules/model.hpp"

namespace rbc::rules {

// Parses expressions (filling Rule::ast) and reports problems.
void validate_rule_set(Context& ctx, RuleSet& set, bool keep_ast = true);

bool is_valid_metric_name(std::string_view name);
bool is_valid_label_name(std::string_view name);
bool is_valid_utf8(std::string_view text);

}  // namespace rbc::rules
