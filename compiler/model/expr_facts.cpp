// What an alert expression compares. Decisions (see also expr_units.hpp):
// - Only the top level is read: through parentheses and `and`/`or`, and the
//   left side of `unless` (its right side is an exclusion: the comparison
//   there holds when the alert does NOT fire). Comparisons inside function
//   arguments or aggregations under a comparison (`count(x > 5) > 3`) are
//   filters of the query, not the alert's threshold: only `> 3` is
//   reported. With no comparison above it, an aggregation (or round(),
//   label_replace()...) fires exactly when its operand does, so
//   `min by (job) (x == 0)` reports `== 0`; absent() inverts its operand
//   and is not entered.
// - A comparison whose query side is itself a filter (`x > 5 < 10`,
//   `(x > 5) < 10`) reports both; so does the left side of a comparison
//   of two queries (`x > 0 >= y` reports `> 0`).
// - Two queries with a constant factor (`x > 0.9 * y`, `x * 100 > 90 * y`)
//   compare the ratio x / y: `> 0.9`, unit "ratio" when both sides have
//   the same unit. Plain `x > y` and constant-to-constant comparisons are
//   skipped; `absent(x)` compares nothing.
// - Every walk over the tree is iterative or depth-bounded: a rule
//   expression may nest 100,000 levels deep.
#include "model/expr_facts.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "model/expr_units.hpp"

namespace rbc::model {

using promql::Expr;
using promql::Kind;
using promql::Op;

namespace {

// How many chained filters (`x > 1 > 2 ...`) are followed to find the
// query's unit: keeps pathological chains linear.
constexpr int kMaxFilterChain = 16;

bool is_arithmetic(Op op) {
  return op == Op::Add || op == Op::Sub || op == Op::Mul || op == Op::Div || op == Op::Mod ||
         op == Op::Pow || op == Op::Atan2;
}


// `5 < x` is `x > 5`.
Op mirrored(Op op) {
  switch (op) {
    case Op::Lss: return Op::Gtr;
    case Op::Lte: return Op::Gte;
    case Op::Gtr: return Op::Lss;
    case Op::Gte: return Op::Lte;
    default: return op;
  }
}

// The query side of a comparison against a constant, with the comparison
// oriented so the query is on the left; false when it is not one.
bool split_comparison(const Expr& e, const Expr*& query, Op& op, double& value) {
  if (e.kind != Kind::Binary || !promql::is_comparison(e.op) || !e.lhs || !e.rhs) return false;
  double c = 0;
  if (fold_constant(*e.rhs, c)) {
    if (fold_constant(*e.lhs, value)) return false;
    query = e.lhs;
    op = e.op;
  } else if (fold_constant(*e.lhs, c)) {
    query = e.rhs;
    op = mirrored(e.op);
  } else {
    return false;
  }
  value = c;
  return true;
}

// A filter comparison (no `bool`) against a constant, or null.
const Expr* as_filter(const Expr* e) {
  e = strip_parens(e);
  const Expr* query = nullptr;
  Op op = Op::None;
  double value = 0;
  if (!e || e->return_bool || !split_comparison(*e, query, op, value)) return nullptr;
  return e;
}

void describe_query(const Expr* query, ExprComparison& c) {
  // The filters' own query carries the unit.
  for (int i = 0; i < kMaxFilterChain; ++i) {
    const Expr* filter = as_filter(query);
    if (!filter) break;
    Op ignored_op = Op::None;
    double ignored_value = 0;
    split_comparison(*filter, query, ignored_op, ignored_value);
  }
  // Rounding, relabelling and aggregating keep the unit and the scale.
  for (int i = 0; i < kMaxFilterChain; ++i) {
    const Expr* inner = transparent_operand(*query);
    if (!inner) break;
    query = inner;
  }
  const Product p = flatten_product(*query);
  c.scale = p.scale;
  c.unit = unit_of_product(p);
  if (p.num.size() != 1 || !p.den.empty()) return;
  const Expr& f = *strip_parens(p.num[0]);
  if (f.kind != Kind::Binary || f.op != Op::Sub || !f.lhs || !f.rhs) return;
  const bool now_left = is_time_call(*strip_parens(f.lhs));
  const bool now_right = is_time_call(*strip_parens(f.rhs));
  if (now_left == now_right) return;
  c.time_since = now_left;
  c.time_until = now_right;
  c.unit.assign(1, 's');  // not `= "s"`: g++ 12 -Wrestrict false positive
}

// `x > 0.9 * y` compares the ratio x / y with 0.9; false when neither side
// is scaled (`x > y` compares no constant).
bool vector_ratio(const Expr& e, ExprComparison& c) {
  if (!e.lhs || !e.rhs) return false;
  Product lhs = flatten_product(*e.lhs);
  Product rhs = flatten_product(*e.rhs);
  Op op = e.op;
  // The unscaled side is the numerator: `0.9 * y < x` is `x / y > 0.9`.
  if (lhs.scale != 1 && rhs.scale == 1) {
    std::swap(lhs, rhs);
    op = mirrored(op);
  }
  if (lhs.num.empty() || rhs.num.empty() || lhs.scale == 0) return false;
  if (lhs.scale == 1 && rhs.scale == 1) return false;
  c.op = lhs.scale < 0 ? mirrored(op) : op;
  c.value = rhs.scale / lhs.scale;
  const std::string unit = unit_of_product(lhs);
  c.unit = unit == unit_of_product(rhs) ? "ratio" : "";
  return true;
}

// At the alert's own level an aggregation, or a function that keeps its
// operand's samples, fires exactly when its operand is non-empty, so a
// filter inside is the alert's condition: `min by (x) (y == 0)`. Under a
// comparison it is not (`count(x > 5) > 3`: only `> 3` is the threshold).
const Expr* fires_with(const Expr& e) {
  if (e.kind == Kind::Aggregate) return e.expr;
  return transparent_operand(e);
}

void collect_ranges(const Expr& root, std::vector<ExprFacts::Range>& out) {
  std::vector<const Expr*> work{&root};
  while (!work.empty()) {
    const Expr* e = work.back();
    work.pop_back();
    if (!e) continue;
    if (e->kind == Kind::MatrixSelector || e->kind == Kind::Subquery)
      out.push_back({e->range_ms, e->begin, e->end});
    for (const Expr* child : {e->expr, e->lhs, e->rhs, e->param}) work.push_back(child);
    for (const Expr* arg : e->args) work.push_back(arg);
  }
  // A range is written at its closing bracket, the node's end:
  // `max_over_time(rate(x[5m])[1h:])` lists 5m before 1h.
  std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) {
    return a.end != b.end ? a.end < b.end : a.begin < b.begin;
  });
}

}  // namespace

double arithmetic(Op op, double a, double b) {
  switch (op) {
    case Op::Add: return a + b;
    case Op::Sub: return a - b;
    case Op::Mul: return a * b;
    case Op::Div: return a / b;
    case Op::Mod: return std::fmod(a, b);
    case Op::Pow: return std::pow(a, b);
    case Op::Atan2: return std::atan2(a, b);
    default: return NAN;
  }
}

bool fold_constant(const Expr& root, double& out) {
  // Post-order evaluation on explicit stacks.
  std::vector<std::pair<const Expr*, bool>> work{{&root, false}};  // node, operands done
  std::vector<double> values;
  while (!work.empty()) {
    auto [e, done] = work.back();
    work.pop_back();
    if (!e) return false;
    switch (e->kind) {
      case Kind::NumberLiteral: values.push_back(e->number); break;
      case Kind::Paren: work.push_back({e->expr, false}); break;
      case Kind::Unary:
        if (done) {
          if (e->op == Op::Sub) values.back() = -values.back();
        } else {
          work.push_back({e, true});
          work.push_back({e->expr, false});
        }
        break;
      case Kind::Binary:
        if (!is_arithmetic(e->op)) return false;
        if (done) {
          const double b = values.back();
          values.pop_back();
          values.back() = arithmetic(e->op, values.back(), b);
        } else {
          work.push_back({e, true});
          work.push_back({e->rhs, false});
          work.push_back({e->lhs, false});
        }
        break;
      default: return false;
    }
  }
  if (values.size() != 1) return false;
  out = values.back();
  return true;
}

ExprFacts analyze_expr(const Expr& root) {
  ExprFacts facts;
  // Node, and whether it is the alert's own level (nothing compares its
  // result: it fires exactly when it is non-empty).
  std::vector<std::pair<const Expr*, bool>> work{{&root, true}};
  while (!work.empty()) {
    const auto [e, alert_level] = work.back();
    work.pop_back();
    if (!e) continue;
    if (e->kind == Kind::Paren) {
      work.push_back({e->expr, alert_level});
      continue;
    }
    if (alert_level && (e->kind == Kind::Aggregate || e->kind == Kind::Call)) {
      work.push_back({fires_with(*e), true});
      continue;
    }
    if (e->kind != Kind::Binary) continue;
    if (e->op == Op::And || e->op == Op::Or) {
      work.push_back({e->rhs, alert_level});
      work.push_back({e->lhs, alert_level});
      continue;
    }
    if (e->op == Op::Unless) {
      work.push_back({e->lhs, alert_level});
      continue;
    }
    if (!promql::is_comparison(e->op)) continue;
    ExprComparison c;
    c.begin = e->begin;
    c.end = e->end;
    const Expr* query = nullptr;
    if (split_comparison(*e, query, c.op, c.value)) {
      describe_query(query, c);
      facts.comparisons.push_back(std::move(c));
      if (as_filter(query)) work.push_back({query, false});
      continue;
    }
    // Two queries: the result keeps the left side's samples, so filters
    // there still apply.
    if (vector_ratio(*e, c)) facts.comparisons.push_back(std::move(c));
    work.push_back({e->lhs, false});
  }
  std::stable_sort(facts.comparisons.begin(), facts.comparisons.end(),
                   [](const auto& a, const auto& b) {
                     return a.begin != b.begin ? a.begin < b.begin : a.end < b.end;
                   });
  collect_ranges(root, facts.ranges);
  return facts;
}

}  // namespace rbc::model
