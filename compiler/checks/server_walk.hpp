// Helpers the server-fact checks (promql/rate-type, counter-raw,
// range-short, offset-retention, histogram-le, absent-for) share: walking
// an expression without recursion, metric names of selectors, and what
// the metadata, the project's recording rules or a metric's name say
// about its type.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "checks/check.hpp"
#include "model/project.hpp"
#include "promql/ast.hpp"

namespace rbc::checks::server {

// The node's operands, in source order.
std::vector<const promql::Expr*> children(const promql::Expr& e);

// Calls `visit(node)` for every node of `root`, parents first. Iterative:
// rule expressions may nest thousands deep.
template <typename Visit>
void for_each_node(const promql::Expr& root, Visit visit) {
  std::vector<const promql::Expr*> stack{&root};
  while (!stack.empty()) {
    const promql::Expr* e = stack.back();
    stack.pop_back();
    visit(*e);
    const std::vector<const promql::Expr*> kids = children(*e);
    for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
  }
}

// Skips parentheses.
const promql::Expr* unparen(const promql::Expr* e);
// The call's function name ("" when not a call).
std::string_view call_name(const promql::Expr& e);
// A vector selector's metric name (from `name{...}` or `{__name__="name"}`), "" when none.
std::string_view metric_name(const promql::Expr& selector);
// The vector selector of a plain range selector argument (`x[5m]`), or null
// (subqueries and anything else).
const promql::Expr* ranged_selector(const promql::Expr* arg);

// What is known about a series' type, and from where.
struct TypeEvidence {
  enum class Kind { unknown, counter, gauge, histogram } kind = Kind::unknown;
  enum class Source { none, metadata, recording_rule, name } source = Source::none;
  std::string why;  // "metrics metadata says gauge", "its name ends in _total"
};

// Recording rules of the project by the series they record.
using RecordedSeries = std::map<std::string, const model::RuleInfo*, std::less<>>;
RecordedSeries recorded_series(const model::Project& project);

// The type evidence for series `name`, strongest first: metadata, then the
// expression of a recording rule of the project that records it, then the
// name's suffix (_total/_count/_sum/_bucket: counter; _info, _ratio,
// _timestamp_seconds ...: gauge).
TypeEvidence type_of(const model::Project& project, const RecordedSeries& recorded, std::string_view name);

// The scrape interval from rbc.yaml (0 when not given).
std::int64_t scrape_interval_ms(const model::Project& project);

// Reporter::report_as about a rule (fills group and rule name).
Diagnostic& report_rule_as(Reporter& reporter, Severity severity, const model::RuleInfo& rule, Span span,
                           std::string message);

// "5m", "1h30m".
std::string duration_text(std::int64_t ms);

}  // namespace rbc::checks::server
