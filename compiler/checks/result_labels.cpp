#include "checks/result_labels.hpp"

#include <algorithm>
#include <cstring>
#include <vector>

#include <fmt/format.h>

#include "promql/ast.hpp"

namespace rbc::checks {
namespace {

using Kind = ResultLabels::Kind;
using Names = std::set<std::string, std::less<>>;

// Beyond this depth the analysis gives up ("any label"): never a finding,
// and no deep recursion on hostile expressions.
constexpr int kMaxDepth = 256;

Names to_names(const std::vector<std::string>& list) { return Names(list.begin(), list.end()); }

Names intersect(const Names& a, const Names& b) {
  Names out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

Names subtract(const Names& a, const Names& b) {
  Names out;
  std::set_difference(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

Names unite(const Names& a, const Names& b) {
  Names out = a;
  out.insert(b.begin(), b.end());
  return out;
}

ResultLabels make(Kind kind, Names names, const promql::Expr* cause) { return {kind, std::move(names), cause}; }

// The labels left after removing `labels` (without, ignoring, histogram_quantile's le).
ResultLabels remove(const ResultLabels& in, const Names& labels, const promql::Expr* cause) {
  switch (in.kind) {
    case Kind::any: return make(Kind::all_but, labels, cause);
    case Kind::only: {
      // Removing labels the set did not have changes nothing: keep the
      // earlier cause (histogram_quantile after sum by (le)).
      Names left = subtract(in.names, labels);
      const bool narrowed = left.size() != in.names.size();
      return make(Kind::only, std::move(left), narrowed ? cause : in.cause);
    }
    case Kind::all_but: return make(Kind::all_but, unite(in.names, labels), cause);
  }
  return in;
}

// The labels left after keeping only `labels` (by, on).
ResultLabels keep(const ResultLabels& in, const Names& labels, const promql::Expr* cause) {
  switch (in.kind) {
    case Kind::any: return make(Kind::only, labels, cause);
    case Kind::only: {
      Names left = intersect(in.names, labels);
      const bool narrowed = left.size() != in.names.size();
      return make(Kind::only, std::move(left), narrowed ? cause : in.cause);
    }
    case Kind::all_but: return make(Kind::only, subtract(labels, in.names), cause);
  }
  return in;
}

// The labels plus `labels` (label_replace's target, group_left's includes).
ResultLabels add(const ResultLabels& in, const Names& labels) {
  switch (in.kind) {
    case Kind::any: return in;
    case Kind::only: return make(Kind::only, unite(in.names, labels), in.cause);
    case Kind::all_but: return make(Kind::all_but, subtract(in.names, labels), in.cause);
  }
  return in;
}

// Either side's labels (`or`).
ResultLabels either(const ResultLabels& a, const ResultLabels& b) {
  if (a.kind == Kind::any || b.kind == Kind::any) return {};
  const promql::Expr* cause = a.cause ? a.cause : b.cause;
  if (a.kind == Kind::only && b.kind == Kind::only) return make(Kind::only, unite(a.names, b.names), cause);
  if (a.kind == Kind::all_but && b.kind == Kind::all_but)
    return make(Kind::all_but, intersect(a.names, b.names), cause);
  const ResultLabels& only = a.kind == Kind::only ? a : b;
  const ResultLabels& all_but = a.kind == Kind::only ? b : a;
  return make(Kind::all_but, subtract(all_but.names, only.names), cause);
}

bool is_vector(const promql::Expr* e) {
  return e && (e->type() == promql::ValueType::Vector || e->type() == promql::ValueType::Matrix);
}

ResultLabels analyze(const promql::Expr& e, int depth);

// absent(x{a="1"}) returns one series labelled by x's equality matchers.
ResultLabels absent_labels(const promql::Expr& call) {
  Names names;
  const promql::Expr* arg = call.args.empty() ? nullptr : call.args.front();
  if (arg && arg->kind == promql::Kind::MatrixSelector) arg = arg->expr;
  if (arg && arg->kind == promql::Kind::VectorSelector)
    for (const promql::Matcher& m : arg->matchers)
      if (m.op == promql::MatchOp::Equal && m.name != "__name__") names.insert(m.name);
  return make(Kind::only, std::move(names), &call);
}

ResultLabels call_labels(const promql::Expr& call, int depth) {
  const std::string_view name = call.func ? call.func->name : "";
  if (name == "absent" || name == "absent_over_time") return absent_labels(call);
  if (call.type() != promql::ValueType::Vector || name == "vector") return make(Kind::only, {}, &call);
  const auto arg = std::find_if(call.args.begin(), call.args.end(), is_vector);
  if (arg == call.args.end()) return make(Kind::only, {}, &call);  // day_of_month() and friends
  ResultLabels in = analyze(**arg, depth + 1);
  if ((name == "label_replace" || name == "label_join") && call.args.size() > 1 &&
      call.args[1]->kind == promql::Kind::StringLiteral)
    return add(in, {call.args[1]->text});
  if (name == "histogram_quantile") return remove(in, {"le"}, &call);
  return in;
}

ResultLabels aggregate_labels(const promql::Expr& agg, int depth) {
  ResultLabels in = agg.expr ? analyze(*agg.expr, depth + 1) : ResultLabels{};
  if (agg.op == promql::Op::Topk || agg.op == promql::Op::Bottomk) return in;  // whole series
  const Names grouping = to_names(agg.grouping);
  ResultLabels out = agg.without ? remove(in, grouping, &agg) : keep(in, grouping, &agg);
  if (agg.op == promql::Op::CountValues && agg.param && agg.param->kind == promql::Kind::StringLiteral)
    out = add(out, {agg.param->text});
  return out;
}

// Prometheus's resultMetric: one-to-one keeps the on() labels or drops the
// ignoring() ones; group_x keeps the "many" side and copies its includes.
ResultLabels binary_labels(const promql::Expr& bin, int depth) {
  const bool lhs_vector = is_vector(bin.lhs), rhs_vector = is_vector(bin.rhs);
  if (!lhs_vector && !rhs_vector) return make(Kind::only, {}, &bin);
  if (!rhs_vector) return analyze(*bin.lhs, depth + 1);
  if (!lhs_vector) return analyze(*bin.rhs, depth + 1);
  const ResultLabels lhs = analyze(*bin.lhs, depth + 1);
  if (bin.op == promql::Op::And || bin.op == promql::Op::Unless) return lhs;
  const ResultLabels rhs = analyze(*bin.rhs, depth + 1);
  if (bin.op == promql::Op::Or) return either(lhs, rhs);
  const Names matching = to_names(bin.matching_labels);
  switch (bin.card) {
    case promql::Card::OneToOne:
      if (bin.on) return keep(lhs, matching, &bin);
      return matching.empty() ? lhs : remove(lhs, matching, &bin);
    case promql::Card::ManyToOne: return add(lhs, to_names(bin.include_labels));
    case promql::Card::OneToMany: return add(rhs, to_names(bin.include_labels));
    case promql::Card::ManyToMany: return either(lhs, rhs);
  }
  return {};
}

ResultLabels analyze(const promql::Expr& e, int depth) {
  if (depth > kMaxDepth) return {};
  switch (e.kind) {
    case promql::Kind::NumberLiteral:
    case promql::Kind::StringLiteral: return make(Kind::only, {}, &e);
    case promql::Kind::VectorSelector: return {};
    case promql::Kind::MatrixSelector:
    case promql::Kind::Subquery:
    case promql::Kind::Paren:
    case promql::Kind::Unary: return e.expr ? analyze(*e.expr, depth + 1) : ResultLabels{};
    case promql::Kind::Call: return call_labels(e, depth);
    case promql::Kind::Aggregate: return aggregate_labels(e, depth);
    case promql::Kind::Binary: return binary_labels(e, depth);
  }
  return {};
}

bool contains(const std::vector<std::string>& list, std::string_view label) {
  return std::find(list.begin(), list.end(), label) != list.end();
}

bool node_mentions(const promql::Expr& e, std::string_view label) {
  for (const promql::Matcher& m : e.matchers)
    if (m.name == label) return true;
  if (contains(e.grouping, label) || contains(e.matching_labels, label) || contains(e.include_labels, label))
    return true;
  if (e.kind == promql::Kind::StringLiteral && e.text == label) return true;  // label_replace target, count_values
  return false;
}

}  // namespace

bool ResultLabels::may_carry(std::string_view label) const {
  switch (kind) {
    case Kind::any: return true;
    case Kind::only: return names.find(label) != names.end();
    case Kind::all_but: return names.find(label) == names.end();
  }
  return true;
}

ResultLabels result_labels(const promql::Expr& expr) { return analyze(expr, 0); }

bool mentions_label(const promql::Expr& expr, std::string_view label) {
  std::vector<const promql::Expr*> todo{&expr};
  while (!todo.empty()) {
    const promql::Expr* e = todo.back();
    todo.pop_back();
    if (node_mentions(*e, label)) return true;
    for (const promql::Expr* child : {e->param, e->expr, e->lhs, e->rhs})
      if (child) todo.push_back(child);
    for (const promql::Expr* arg : e->args) todo.push_back(arg);
  }
  return false;
}

std::string cause_text(const promql::Expr& cause) {
  if (cause.type() == promql::ValueType::Scalar || cause.type() == promql::ValueType::String)
    return "a scalar expression";
  switch (cause.kind) {
    case promql::Kind::Aggregate:
      if (cause.grouping.empty() && !cause.without) return fmt::format("{}(...)", promql::op_text(cause.op));
      return fmt::format("{} {} ({})", promql::op_text(cause.op), cause.without ? "without" : "by",
                         fmt::join(cause.grouping, ", "));
    case promql::Kind::Binary:
      return fmt::format("'{}' {} ({})", promql::op_text(cause.op), cause.on ? "on" : "ignoring",
                         fmt::join(cause.matching_labels, ", "));
    case promql::Kind::Call: return fmt::format("{}(...)", cause.func ? cause.func->name : "?");
    default: return "the expression";
  }
}

}  // namespace rbc::checks
