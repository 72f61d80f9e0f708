#include "promql/result_labels.hpp"

#include <algorithm>
#include <iterator>
#include <vector>

namespace rbc::promql {
namespace {

using Names = LabelNames;
using LabelKind = ResultLabels::Kind;

// Beyond this depth the analysis gives up ("any label"): never a finding,
// and no deep recursion on hostile expressions (promtool accepts 100,000
// nested parentheses).
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

ResultLabels no_labels(const Expr* cause) {
  ResultLabels r;
  r.kind = LabelKind::only;
  r.cause = cause;
  return r;
}

PinKind pin_kind(MatchOp op) {
  switch (op) {
    case MatchOp::Equal: return PinKind::equal;
    case MatchOp::NotEqual: return PinKind::not_equal;
    case MatchOp::Regex: return PinKind::regex;
    case MatchOp::NotRegex: return PinKind::not_regex;
  }
  return PinKind::equal;
}

// What is certain about labels the result can no longer carry goes too.
void prune(ResultLabels& r) {
  std::erase_if(r.must, [&](const std::string& label) { return !r.may_carry(label); });
  std::erase_if(r.pins, [&](const auto& pin) { return !r.may_carry(pin.first); });
}

// The labels left after removing `labels` (without, ignoring, histogram_quantile's le).
ResultLabels remove(ResultLabels in, const Names& labels, const Expr* cause) {
  switch (in.kind) {
    case LabelKind::any:
      in.kind = LabelKind::all_but;
      in.names = labels;
      in.cause = cause;
      break;
    case LabelKind::only: {
      // Removing labels the set did not have changes nothing: keep the
      // earlier cause (histogram_quantile after sum by (le)).
      Names left = subtract(in.names, labels);
      if (left.size() != in.names.size()) in.cause = cause;
      in.names = std::move(left);
      break;
    }
    case LabelKind::all_but:
      in.names = unite(in.names, labels);
      in.cause = cause;
      break;
  }
  prune(in);
  return in;
}

// The labels left after keeping only `labels` (by, on).
ResultLabels keep(ResultLabels in, const Names& labels, const Expr* cause) {
  switch (in.kind) {
    case LabelKind::any:
      in.names = labels;
      in.cause = cause;
      break;
    case LabelKind::only: {
      Names left = intersect(in.names, labels);
      if (left.size() != in.names.size()) in.cause = cause;
      in.names = std::move(left);
      break;
    }
    case LabelKind::all_but:
      in.names = subtract(labels, in.names);
      in.cause = cause;
      break;
  }
  in.kind = LabelKind::only;
  prune(in);
  return in;
}

// A label written on every series from elsewhere (label_replace's target,
// count_values' label, group_left's includes): `always_set` when it is
// certainly non-empty.
void add(ResultLabels& r, const std::string& label, bool always_set) {
  if (r.kind == LabelKind::only) r.names.insert(label);
  if (r.kind == LabelKind::all_but) r.names.erase(label);
  r.pins.erase(label);
  if (always_set) {
    r.must.insert(label);
  } else {
    r.must.erase(label);
  }
}

// Either side's series (`or`): a label is certain only when both sides
// make it so; values are pinned by neither.
ResultLabels either(const ResultLabels& a, const ResultLabels& b) {
  ResultLabels out;
  out.must = intersect(a.must, b.must);
  if (a.kind == LabelKind::any || b.kind == LabelKind::any) return out;
  out.cause = a.cause ? a.cause : b.cause;
  if (a.kind == LabelKind::only && b.kind == LabelKind::only) {
    out.kind = LabelKind::only;
    out.names = unite(a.names, b.names);
  } else if (a.kind == LabelKind::all_but && b.kind == LabelKind::all_but) {
    out.kind = LabelKind::all_but;
    out.names = intersect(a.names, b.names);
  } else {
    const ResultLabels& only = a.kind == LabelKind::only ? a : b;
    const ResultLabels& all_but = a.kind == LabelKind::only ? b : a;
    out.kind = LabelKind::all_but;
    out.names = subtract(all_but.names, only.names);
  }
  return out;
}

bool is_vector(const Expr* e) {
  return e && (e->type() == ValueType::Vector || e->type() == ValueType::Matrix);
}

const Expr* without_parens(const Expr* e) {
  while (e && e->kind == Kind::Paren) e = e->expr;
  return e;
}

const Expr* string_literal(const Expr* e) {
  e = without_parens(e);
  return e && e->kind == Kind::StringLiteral ? e : nullptr;
}

ResultLabels analyze(const Expr& e, int depth);

ResultLabels selector_labels(const Expr& selector) {
  ResultLabels r;
  for (const Matcher& m : selector.matchers) {
    if (m.name == "__name__") continue;
    if (!m.matches_empty) r.must.insert(m.name);
    r.pins[m.name].push_back({m.value, pin_kind(m.op)});
  }
  return r;
}

// absent(x{a="1"}) returns one series labelled by x's equality matchers,
// in order: a label matched twice, or by another operator, is dropped
// (Prometheus 2.42 createLabelsForAbsentFunction).
ResultLabels absent_labels(const Expr& call) {
  ResultLabels r = no_labels(&call);
  const Expr* arg = call.args.empty() ? nullptr : call.args.front();
  if (arg && arg->kind == Kind::MatrixSelector) arg = arg->expr;
  if (!arg || arg->kind != Kind::VectorSelector) return r;
  Names seen;
  for (const Matcher& m : arg->matchers) {
    if (m.name == "__name__") continue;
    r.must.erase(m.name);
    r.pins.erase(m.name);
    if (m.op != MatchOp::Equal || !seen.insert(m.name).second || m.value.empty()) {
      r.names.erase(m.name);
      continue;
    }
    r.names.insert(m.name);
    r.must.insert(m.name);
    r.pins[m.name] = {{m.value, PinKind::equal}};
  }
  return r;
}

ResultLabels call_labels(const Expr& call, int depth) {
  const std::string_view name = call.func ? call.func->name : "";
  if (name == "absent" || name == "absent_over_time") return absent_labels(call);
  if (call.type() != ValueType::Vector || name == "vector") return no_labels(&call);
  // The series come from the first vector or range argument.
  const auto arg = std::find_if(call.args.begin(), call.args.end(), is_vector);
  if (arg == call.args.end()) return no_labels(&call);  // day_of_month() and friends
  ResultLabels in = analyze(**arg, depth + 1);
  if (name == "label_replace" || name == "label_join") {
    const Expr* target = call.args.size() > 1 ? string_literal(call.args[1]) : nullptr;
    if (!target) return {};
    add(in, target->text, false);  // may be set, possibly to ""
    return in;
  }
  if (name == "histogram_quantile") return remove(std::move(in), {"le"}, &call);
  return in;
}

ResultLabels aggregate_labels(const Expr& agg, int depth) {
  ResultLabels in = agg.expr ? analyze(*agg.expr, depth + 1) : ResultLabels{};
  if (agg.op == Op::Topk || agg.op == Op::Bottomk) return in;  // whole series
  const Names grouping = to_names(agg.grouping);
  ResultLabels out = agg.without ? remove(std::move(in), grouping, &agg) : keep(std::move(in), grouping, &agg);
  if (agg.op == Op::CountValues) {
    const Expr* label = string_literal(agg.param);
    if (!label) return {};
    add(out, label->text, true);
  }
  return out;
}

// group_left/right: the "many" side's labels, plus the listed ones copied
// from the "one" side.
ResultLabels include(ResultLabels many, const ResultLabels& one, const std::vector<std::string>& labels) {
  for (const std::string& label : labels) add(many, label, one.must.count(label) > 0);
  return many;
}

// Prometheus's resultMetric: one-to-one keeps the on() labels or drops the
// ignoring() ones; group_x keeps the "many" side and copies its includes.
ResultLabels binary_labels(const Expr& bin, int depth) {
  if (!bin.lhs || !bin.rhs) return {};
  const bool lhs_vector = is_vector(bin.lhs), rhs_vector = is_vector(bin.rhs);
  if (!lhs_vector && !rhs_vector) return no_labels(&bin);
  if (!rhs_vector) return analyze(*bin.lhs, depth + 1);
  if (!lhs_vector) return analyze(*bin.rhs, depth + 1);
  ResultLabels lhs = analyze(*bin.lhs, depth + 1);
  if (bin.op == Op::And || bin.op == Op::Unless) return lhs;
  ResultLabels rhs = analyze(*bin.rhs, depth + 1);
  if (bin.op == Op::Or) return either(lhs, rhs);
  const Names matching = to_names(bin.matching_labels);
  switch (bin.card) {
    case Card::OneToOne:
      if (bin.on) return keep(std::move(lhs), matching, &bin);
      return matching.empty() ? lhs : remove(std::move(lhs), matching, &bin);
    case Card::ManyToOne: return include(std::move(lhs), rhs, bin.include_labels);
    case Card::OneToMany: return include(std::move(rhs), lhs, bin.include_labels);
    case Card::ManyToMany: return either(lhs, rhs);
  }
  return {};
}

ResultLabels analyze(const Expr& e, int depth) {
  if (depth > kMaxDepth) return {};
  switch (e.kind) {
    case Kind::NumberLiteral:
    case Kind::StringLiteral: return no_labels(&e);
    case Kind::VectorSelector: return selector_labels(e);
    case Kind::MatrixSelector:
    case Kind::Subquery:
    case Kind::Paren:
    case Kind::Unary: return e.expr ? analyze(*e.expr, depth + 1) : ResultLabels{};
    case Kind::Call: return call_labels(e, depth);
    case Kind::Aggregate: return aggregate_labels(e, depth);
    case Kind::Binary: return binary_labels(e, depth);
  }
  return {};
}

bool contains(const std::vector<std::string>& list, std::string_view label) {
  return std::find(list.begin(), list.end(), label) != list.end();
}

bool node_mentions(const Expr& e, std::string_view label) {
  for (const Matcher& m : e.matchers)
    if (m.name == label) return true;
  if (contains(e.grouping, label) || contains(e.matching_labels, label) || contains(e.include_labels, label))
    return true;
  return e.kind == Kind::StringLiteral && e.text == label;  // label_replace target, count_values
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

void ResultLabels::set_label(const std::string& label, const std::string& value) {
  if (value.empty()) {
    *this = remove(std::move(*this), {label}, cause);
    return;
  }
  add(*this, label, true);
}

ResultLabels result_labels(const Expr& expr) { return analyze(expr, 0); }

bool mentions_label(const Expr& expr, std::string_view label) {
  std::vector<const Expr*> todo{&expr};
  while (!todo.empty()) {
    const Expr* e = todo.back();
    todo.pop_back();
    if (node_mentions(*e, label)) return true;
    for (const Expr* child : {e->param, e->expr, e->lhs, e->rhs})
      if (child) todo.push_back(child);
    for (const Expr* arg : e->args) todo.push_back(arg);
  }
  return false;
}

}  // namespace rbc::promql
