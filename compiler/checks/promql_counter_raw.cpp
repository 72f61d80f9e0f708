// promql/counter-raw: a counter's raw value is used (`x_total > 100`,
// `sum(x_total)`). A counter's value depends on when the process last
// restarted; what means something is how fast it grows (rate, increase).
// Fine: the counter under rate/irate/increase/resets/changes, under
// functions that only look at whether samples exist or when they were
// taken (absent, present_over_time, count_over_time, timestamp), in
// count()/group(), on the right of `and`/`unless` (only labels matter
// there), and `x_total - x_total offset 1h` (a hand-made increase).
#include <array>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/server_walk.hpp"

namespace rbc::checks {
namespace {

using promql::Expr;
using promql::Kind;
using promql::Op;

constexpr std::array<std::string_view, 9> kValueBlind{
    "rate", "irate", "increase", "resets", "changes", "absent", "absent_over_time", "present_over_time",
    "count_over_time",
};

bool value_blind_call(const Expr& e) {
  const std::string_view fn = server::call_name(e);
  if (fn == "timestamp") return true;
  for (std::string_view f : kValueBlind) {
    if (f == fn) return true;
  }
  return false;
}

// `x - x offset d` (either order): the difference of one series at two times.
bool hand_made_increase(const Expr& e) {
  if (e.kind != Kind::Binary || e.op != Op::Sub || !e.lhs || !e.rhs) return false;
  const Expr* l = server::unparen(e.lhs);
  const Expr* r = server::unparen(e.rhs);
  if (l->kind != Kind::VectorSelector || r->kind != Kind::VectorSelector) return false;
  const std::string_view name = server::metric_name(*l);
  return !name.empty() && name == server::metric_name(*r) &&
         (l->offset_ms != r->offset_ms || l->at != r->at || l->at_ms != r->at_ms);
}

// Without metadata, _count and _sum alone are weak: plenty of gauges end so
// (pg_stat_activity_count); only _total and _bucket names count here.
bool weak_name(const server::TypeEvidence& evidence, std::string_view name) {
  return evidence.source == server::TypeEvidence::Source::name && (name.ends_with("_count") || name.ends_with("_sum"));
}

struct Item {
  const Expr* node;
  bool used;  // the node's sample values reach the result
};

// Pushes the children of `e`, telling which of them have their values used.
void push_children(const Expr& e, bool used, std::vector<Item>& stack) {
  if (!used || value_blind_call(e) || hand_made_increase(e)) {
    for (const Expr* c : server::children(e)) stack.push_back({c, false});
    return;
  }
  if (e.kind == Kind::Aggregate && (e.op == Op::Count || e.op == Op::Group)) {
    if (e.param) stack.push_back({e.param, true});
    if (e.expr) stack.push_back({e.expr, false});
    return;
  }
  if (e.kind == Kind::Binary && (e.op == Op::And || e.op == Op::Unless)) {
    if (e.lhs) stack.push_back({e.lhs, true});
    if (e.rhs) stack.push_back({e.rhs, false});
    return;
  }
  for (const Expr* c : server::children(e)) stack.push_back({c, true});
}

void check_rule(const model::Project& project, const server::RecordedSeries& recorded,
                const model::RuleInfo& rule, Reporter& reporter) {
  std::vector<Item> stack{{rule.ast.get(), true}};
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    const Expr& e = *item.node;
    if (item.used && e.kind == Kind::VectorSelector) {
      const std::string_view name = server::metric_name(e);
      const server::TypeEvidence evidence = name.empty() ? server::TypeEvidence{}
                                                         : server::type_of(project, recorded, name);
      if (evidence.kind == server::TypeEvidence::Kind::counter && !weak_name(evidence, name)) {
        reporter.report(rule, model::expr_span(rule, e.begin, e.end),
                        fmt::format("'{}' is a counter ({}) used as a raw value; its value restarts from 0 when "
                                    "the process restarts: use rate() or increase()",
                                    name, evidence.why));
      }
    }
    push_children(e, item.used, stack);
  }
}

void run(const model::Project& project, Reporter& reporter) {
  const server::RecordedSeries recorded = server::recorded_series(project);
  for (const model::RuleInfo& rule : project.rules) {
    if (rule.ast) check_rule(project, recorded, rule, reporter);
  }
}

}  // namespace

extern const Check promql_counter_raw;
const Check promql_counter_raw{
    {"promql/counter-raw", Severity::warning, "a counter's raw value is used instead of its rate or increase",
     false},
    run};

}  // namespace rbc::checks
