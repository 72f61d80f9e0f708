#include "checks/promql_labels.hpp"

#include <algorithm>
#include <iterator>
#include <string_view>

namespace rbc::checks {
namespace {

using promql::Expr;
using promql::Kind;
using promql::MatchOp;
using promql::Op;
using promql::ValueType;

// Deeper expressions are not analysed (the facts stay unknown): recursion
// stays bounded on hostile input.
constexpr int kMaxDepth = 200;

LabelFacts facts(const Expr& e, int depth);

LabelFacts no_labels() {
  LabelFacts f;
  f.bounded = true;
  return f;
}

std::set<std::string> intersect(const std::set<std::string>& a, const std::set<std::string>& b) {
  std::set<std::string> out;
  std::set_intersection(a.begin(), a.end(), b.begin(), b.end(), std::inserter(out, out.end()));
  return out;
}

void keep_only(LabelFacts& f, const std::set<std::string>& labels) {
  f.may = f.bounded ? intersect(f.may, labels) : labels;
  f.bounded = true;
  f.must = intersect(f.must, labels);
}

void drop(LabelFacts& f, const std::string& label) {
  f.may.erase(label);
  f.must.erase(label);
}

// A label a function writes (label_replace's and label_join's destination):
// it may be there, possibly empty.
void may_add(LabelFacts& f, const std::string& label) {
  f.may.insert(label);
  f.must.erase(label);
}

const Expr* string_arg(const Expr& call, std::size_t index) {
  if (index >= call.args.size() || !call.args[index]) return nullptr;
  const Expr* arg = call.args[index];
  while (arg->kind == Kind::Paren && arg->expr) arg = arg->expr;
  return arg->kind == Kind::StringLiteral ? arg : nullptr;
}

LabelFacts absent_facts(const Expr& call) {
  // absent() returns one series with the labels of its argument's equality
  // matchers; anything else gives no labels.
  LabelFacts f = no_labels();
  if (call.args.empty() || !call.args[0]) return f;
  const Expr* arg = call.args[0];
  if (arg->kind == Kind::MatrixSelector && arg->expr) arg = arg->expr;
  if (arg->kind != Kind::VectorSelector) return f;
  for (const promql::Matcher& m : arg->matchers) {
    if (m.op != MatchOp::Equal || m.name == "__name__") continue;
    f.may.insert(m.name);
    if (!m.value.empty()) f.must.insert(m.name);
  }
  return f;
}

LabelFacts call_facts(const Expr& e, int depth) {
  if (!e.func || e.type() != ValueType::Vector) return no_labels();
  const std::string_view name = e.func->name;
  if (name == "absent" || name == "absent_over_time") return absent_facts(e);
  if (name == "vector" || name == "time") return no_labels();
  // The series come from the first vector or range argument.
  const Expr* input = nullptr;
  for (const Expr* arg : e.args) {
    if (arg && (arg->type() == ValueType::Vector || arg->type() == ValueType::Matrix)) {
      input = arg;
      break;
    }
  }
  if (!input) return no_labels();
  LabelFacts f = facts(*input, depth + 1);
  if (name == "label_replace" || name == "label_join") {
    const Expr* dst = string_arg(e, 1);
    if (!dst) return LabelFacts{};
    may_add(f, dst->text);
  } else if (name == "histogram_quantile") {
    drop(f, "le");
  }
  return f;
}

LabelFacts aggregate_facts(const Expr& e, int depth) {
  LabelFacts f = e.expr ? facts(*e.expr, depth + 1) : LabelFacts{};
  if (e.op == Op::Topk || e.op == Op::Bottomk) return f;  // the input series themselves
  const std::set<std::string> grouping(e.grouping.begin(), e.grouping.end());
  if (e.without) {
    for (const std::string& label : grouping) drop(f, label);
  } else {
    keep_only(f, grouping);
  }
  if (e.op == Op::CountValues) {
    const Expr* label = e.param;
    while (label && label->kind == Kind::Paren) label = label->expr;
    if (!label || label->kind != Kind::StringLiteral) return LabelFacts{};
    f.may.insert(label->text);
    f.must.insert(label->text);
  }
  return f;
}

LabelFacts binary_facts(const Expr& e, int depth) {
  const bool lhs_vector = e.lhs->type() == ValueType::Vector;
  const bool rhs_vector = e.rhs->type() == ValueType::Vector;
  if (!lhs_vector && !rhs_vector) return no_labels();
  if (!rhs_vector) return facts(*e.lhs, depth + 1);
  if (!lhs_vector) return facts(*e.rhs, depth + 1);
  LabelFacts lhs = facts(*e.lhs, depth + 1);
  if (e.op == Op::And || e.op == Op::Unless) return lhs;
  const LabelFacts rhs = facts(*e.rhs, depth + 1);
  if (e.op == Op::Or) {
    LabelFacts f;
    f.bounded = lhs.bounded && rhs.bounded;
    std::set_union(lhs.may.begin(), lhs.may.end(), rhs.may.begin(), rhs.may.end(),
                   std::inserter(f.may, f.may.end()));
    f.must = intersect(lhs.must, rhs.must);
    return f;
  }
  const std::set<std::string> matching(e.matching_labels.begin(), e.matching_labels.end());
  if (e.card == promql::Card::OneToOne) {
    // One-to-one results keep only the on() labels, or lose the ignoring() ones.
    if (e.on) {
      keep_only(lhs, matching);
    } else {
      for (const std::string& label : matching) drop(lhs, label);
    }
    return lhs;
  }
  // group_left keeps the "many" side's labels and copies the listed ones
  // from the "one" side; group_right mirrors it.
  LabelFacts many = e.card == promql::Card::OneToMany ? rhs : lhs;
  const LabelFacts& one = e.card == promql::Card::OneToMany ? lhs : rhs;
  for (const std::string& label : e.include_labels) {
    many.may.insert(label);
    if (one.must.count(label)) {
      many.must.insert(label);
    } else {
      many.must.erase(label);
    }
  }
  return many;
}

LabelFacts facts(const Expr& e, int depth) {
  if (depth > kMaxDepth) return LabelFacts{};
  switch (e.kind) {
    case Kind::VectorSelector: return selector_facts(e);
    case Kind::MatrixSelector:
    case Kind::Subquery:
    case Kind::Paren:
    case Kind::Unary: return e.expr ? facts(*e.expr, depth + 1) : LabelFacts{};
    case Kind::Call: return call_facts(e, depth);
    case Kind::Aggregate: return aggregate_facts(e, depth);
    case Kind::Binary: return e.lhs && e.rhs ? binary_facts(e, depth) : LabelFacts{};
    case Kind::NumberLiteral:
    case Kind::StringLiteral: return no_labels();
  }
  return LabelFacts{};
}

}  // namespace

LabelFacts selector_facts(const Expr& selector) {
  LabelFacts f;
  for (const promql::Matcher& m : selector.matchers)
    if (m.name != "__name__" && !m.matches_empty) f.must.insert(m.name);
  return f;
}

LabelFacts label_facts(const Expr& e) { return facts(e, 0); }

}  // namespace rbc::checks
