// promql/counter-raw: a counter's raw value is used (`x_total > 100`,
// `sum(x_total)`). A counter's value depends on when the process last
// restarted; what means something is how fast it grows (rate, increase).
// Fine: the counter under rate/irate/increase/resets/changes, under
// functions that only look at whether samples exist or when they were
// taken (absent, present_over_time, count_over_time, timestamp), in
// count()/group(), on the right of `and`/`unless` (only labels matter
// there), and `x_total - x_total offset 1h` (a hand-made increase).
#include <algorithm>
#include <array>
#include <set>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/server_walk.hpp"

namespace rbc::checks {
namespace {

using promql::Expr;
using promql::Kind;
using promql::Op;

// Functions that look at how a series changes, or only at whether and when
// samples exist. (deriv/delta over a counter mishandle resets, but they do
// not use its raw value.)
constexpr std::array<std::string_view, 12> kValueBlind{
    "rate", "irate", "increase", "resets", "changes", "absent", "absent_over_time", "present_over_time",
    "count_over_time", "deriv", "delta", "idelta",
};

constexpr std::array<std::string_view, 4> kRates{"rate", "irate", "increase", "resets"};

using Names = std::set<std::string, std::less<>>;

// Series the project passes to rate()-like functions somewhere: whoever
// wrote that knew them as counters.
Names rated_series(const model::Project& project) {
  Names out;
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.ast) continue;
    server::for_each_node(*rule.ast, [&](const Expr& e) {
      const std::string_view fn = server::call_name(e);
      if (e.args.empty() || std::find(kRates.begin(), kRates.end(), fn) == kRates.end()) return;
      if (const Expr* sel = server::ranged_selector(e.args[0])) out.emplace(server::metric_name(*sel));
    });
  }
  return out;
}

// A label join (`x * on(node) group_left(zone) node_info`): the info side
// is 1, the other side's values pass through unchanged.
bool label_join(const Expr& e) {
  return e.kind == Kind::Binary && e.op == Op::Mul &&
         (e.card == promql::Card::ManyToOne || e.card == promql::Card::OneToMany);
}

bool value_blind_call(const Expr& e) {
  const std::string_view fn = server::call_name(e);
  if (fn == "timestamp") return true;
  for (std::string_view f : kValueBlind) {
    if (f == fn) return true;
  }
  return false;
}

// `x - x offset 1h`, or `primary_position - replica_position` of one
// metric: the difference of one counter at two times or between two
// series (an increase or a lag) is a sound use of its raw value.
Names names_under(const Expr& e) {
  Names out;
  server::for_each_node(e, [&](const Expr& n) {
    const std::string_view name = server::metric_name(n);
    if (!name.empty()) out.emplace(name);
  });
  return out;
}

bool same_metric_difference(const Expr& e) {
  if (e.kind != Kind::Binary || e.op != Op::Sub || !e.lhs || !e.rhs) return false;
  const Names left = names_under(*e.lhs);
  const Names right = names_under(*e.rhs);
  return std::any_of(left.begin(), left.end(), [&](const std::string& n) { return right.count(n) != 0; });
}

// Why `name` is a counter ("" when there is no good evidence): metadata, a
// `_bucket` name, or the project rating it elsewhere. A name's `_total`
// (or `_count`, `_sum`) alone is not enough: many gauges end so
// (`ceph_pg_total`, `container_fs_inodes_total`, `pg_stat_activity_count`).
std::string counter_evidence(const model::Project& project, const Names& rated, std::string_view name) {
  if (auto it = project.metric_types.find(name); it != project.metric_types.end()) {
    return it->second == load::MetricType::counter ? "metrics metadata says counter" : "";
  }
  if (name.ends_with("_bucket")) return "its name ends in _bucket";
  if (rated.count(name) != 0) return "the project passes it to rate() or increase() elsewhere";
  return "";
}

struct Item {
  const Expr* node;
  bool used;  // the node's sample values reach the result
};

// Pushes the children of `e`, telling which of them have their values used.
void push_children(const Expr& e, bool used, std::vector<Item>& stack) {
  if (!used || value_blind_call(e) || same_metric_difference(e) || label_join(e)) {
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

void check_rule(const model::Project& project, const Names& rated, const model::RuleInfo& rule,
                Reporter& reporter) {
  std::vector<Item> stack{{rule.ast.get(), true}};
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    const Expr& e = *item.node;
    if (item.used && e.kind == Kind::VectorSelector) {
      const std::string_view name = server::metric_name(e);
      const std::string why = name.empty() ? std::string() : counter_evidence(project, rated, name);
      if (!why.empty()) {
        reporter.report(rule, model::expr_span(rule, e.begin, e.end),
                        fmt::format("'{}' is a counter ({}) used as a raw value; its value restarts from 0 when "
                                    "the process restarts: use rate() or increase()",
                                    name, why));
      }
    }
    push_children(e, item.used, stack);
  }
}

void run(const model::Project& project, Reporter& reporter) {
  const Names rated = rated_series(project);
  for (const model::RuleInfo& rule : project.rules) {
    if (rule.ast) check_rule(project, rated, rule, reporter);
  }
}

}  // namespace

extern const Check promql_counter_raw;
const Check promql_counter_raw{
    {"promql/counter-raw", Severity::warning, "a counter's raw value is used instead of its rate or increase",
     false},
    run};

}  // namespace rbc::checks
