// promql/impossible: parts of an expression that can never select or match
// anything, decided from the expression alone:
// - a selector whose matchers on one label contradict each other
//   (`job="a", job="b"`, `job="a", job!="a"`, `job="", job=~".+"`,
//   `job!~".*"`): it returns nothing, always (error);
// - a binary operation whose sides can never match: a label the matching
//   compares is always set on one side and can never be on the other
//   (`sum by (job) (x) / on(instance) y{instance="a"}`) (error);
// - an aggregation grouping by a label an inner aggregation already
//   removed (`sum by (instance) (sum by (job) (x))`): the grouping does
//   nothing (warning).
#include <fmt/format.h>
#include <re2/re2.h>

#include "checks/check.hpp"
#include "promql/result_labels.hpp"
#include "checks/promql_walk.hpp"

namespace rbc::checks {
namespace {

using promql::Expr;
using promql::Kind;
using promql::MatchOp;
using promql::Matcher;
using promql::ResultLabels;

bool regex_matches(const std::string& pattern, const std::string& value) {
  const RE2 re("^(?:" + pattern + ")$", RE2::Quiet);
  return re.ok() && RE2::FullMatch(value, re);
}

// Whether matcher `m` accepts the value `value`.
bool accepts(const Matcher& m, const std::string& value) {
  switch (m.op) {
    case MatchOp::Equal: return m.value == value;
    case MatchOp::NotEqual: return m.value != value;
    case MatchOp::Regex: return regex_matches(m.value, value);
    case MatchOp::NotRegex: return !regex_matches(m.value, value);
  }
  return true;
}

std::string matcher_text(const Matcher& m) { return m.name + promql::match_op_text(m.op) + quote(m.value); }

bool matches_everything(const std::string& pattern) {
  return pattern == ".*" || pattern == "^.*$" || pattern == "^.*" || pattern == ".*$";
}

// Why the selector's matchers can never all hold, or "".
std::string contradiction(const Expr& selector) {
  const std::vector<Matcher>& ms = selector.matchers;
  for (const Matcher& m : ms) {
    if (m.op == MatchOp::NotRegex && matches_everything(m.value))
      return fmt::format("`{}` matches no value at all", matcher_text(m));
    if (m.op != MatchOp::Equal) continue;
    for (const Matcher& other : ms) {
      if (&other == &m || other.name != m.name || accepts(other, m.value)) continue;
      return fmt::format("`{}` and `{}` cannot both hold", matcher_text(m), matcher_text(other));
    }
  }
  return "";
}

void check_selectors(const model::RuleInfo& rule, Reporter& reporter) {
  for (const Expr* selector : selectors(*rule.ast)) {
    const std::string why = contradiction(*selector);
    if (why.empty()) continue;
    reporter.report(rule, node_span(rule, *selector), fmt::format("this selector can never return anything: {}", why));
  }
}

// A label the matching of binary `e` compares that one side always sets
// and the other can never carry; "" when there is none.
std::string unmatchable_label(const Expr& e, const ResultLabels& lhs, const ResultLabels& rhs) {
  const auto one_sided = [&](const std::string& label) {
    return (lhs.must.count(label) && !rhs.may_carry(label)) || (rhs.must.count(label) && !lhs.may_carry(label));
  };
  if (e.on) {
    for (const std::string& label : e.matching_labels)
      if (one_sided(label)) return label;
    return "";
  }
  // Without on(), every label but the ignored ones is compared.
  const auto ignored = [&](const std::string& label) {
    for (const std::string& l : e.matching_labels)
      if (l == label) return true;
    return false;
  };
  for (const ResultLabels* side : {&lhs, &rhs})
    for (const std::string& label : side->must)
      if (!ignored(label) && one_sided(label)) return label;
  return "";
}

void check_join(const model::RuleInfo& rule, const Expr& e, Reporter& reporter) {
  if (e.op == promql::Op::Or || !e.has_matching) return;
  if (e.lhs->type() != promql::ValueType::Vector || e.rhs->type() != promql::ValueType::Vector) return;
  const ResultLabels lhs = promql::result_labels(*e.lhs);
  const ResultLabels rhs = promql::result_labels(*e.rhs);
  const std::string label = unmatchable_label(e, lhs, rhs);
  if (label.empty()) return;
  const bool left_has = lhs.must.count(label) > 0;
  reporter.report(rule, node_span(rule, e),
                  fmt::format("the two sides of `{}` can never match: `{}` is always set on the {} side and "
                              "the {} side cannot carry it",
                              promql::op_text(e.op), label, left_has ? "left" : "right",
                              left_has ? "right" : "left"));
}

void check_grouping(const model::RuleInfo& rule, const Expr& e, Reporter& reporter) {
  if (e.without || e.grouping.empty() || !e.expr) return;
  if (e.op == promql::Op::Topk || e.op == promql::Op::Bottomk) return;
  const ResultLabels inner = promql::result_labels(*e.expr);
  for (const std::string& label : e.grouping) {
    if (inner.may_carry(label)) continue;
    Diagnostic& d = reporter.report_as(Severity::warning, rule.file, node_span(rule, e),
                       fmt::format("`{}` groups by `{}`, which the expression inside has already removed: the "
                                   "grouping has no effect",
                                   promql::op_text(e.op), label));
    d.group = rule.group;
    d.rule = rule.name.value;
    return;
  }
}

void run(const model::Project& project, Reporter& reporter) {
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.ast) continue;
    check_selectors(rule, reporter);
    walk(*rule.ast, [&](const Expr& e) {
      if (e.kind == Kind::Binary && e.lhs && e.rhs) check_join(rule, e, reporter);
      if (e.kind == Kind::Aggregate) check_grouping(rule, e, reporter);
    });
  }
}

}  // namespace

extern const Check promql_impossible;
const Check promql_impossible{
    {"promql/impossible", Severity::error,
     "a selector or vector match that can never return anything, or a grouping by a removed label", false},
    run};

}  // namespace rbc::checks
