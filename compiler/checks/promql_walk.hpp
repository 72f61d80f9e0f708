// Read-only helpers the PromQL lints share: visiting every node of a rule's
// AST, finding its selectors, and locating nodes and matchers in the file.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/project.hpp"
#include "promql/ast.hpp"

namespace rbc::checks {

// The node's operands (aggregation parameter first), in source order.
std::vector<const promql::Expr*> children(const promql::Expr& e);

// Visits every node below and including `root`, parents before children,
// without recursion (expressions can nest very deep).
void walk(const promql::Expr& root, const std::function<void(const promql::Expr&)>& visit);

// Every vector selector (also those inside range selectors), in source order.
std::vector<const promql::Expr*> selectors(const promql::Expr& root);

// The expression below any parentheses.
const promql::Expr& unparen(const promql::Expr& e);

// The metric name a selector asks for: its name, or its `__name__="..."`
// matcher; "" when neither.
std::string metric_name(const promql::Expr& selector);

// The node's text as written in the rule's expression.
std::string_view node_text(const model::RuleInfo& rule, const promql::Expr& e);

// Span of a node in the rule file.
Span node_span(const model::RuleInfo& rule, const promql::Expr& e);

// Byte offsets [begin, end) in the rule's expression of the `index`-th
// matcher between the selector's braces (`name op "value"`); nothing when
// the text cannot be read back (comments inside the braces).
std::optional<std::pair<std::size_t, std::size_t>> matcher_offsets(const model::RuleInfo& rule,
                                                                    const promql::Expr& selector,
                                                                    std::size_t index);

// A string as a PromQL double-quoted literal.
std::string quote(std::string_view value);

}  // namespace rbc::checks
