// PromQL abstract syntax tree, shaped like Prometheus's promql/parser AST.
//
// Every node is one `Expr` with a `kind` tag (a "fat node"): nodes live in an
// arena owned by the parse result, children are plain pointers, so freeing a
// 100,000-deep tree never recurses.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace rbc::promql {

enum class ValueType { None, Scalar, Vector, Matrix, String };

// "instant vector", "range vector", "scalar", "string" (Go DocumentedType).
const char* documented_type(ValueType t);
// "vector", "matrix", "scalar", "string" (Go ValueType.String()).
const char* raw_type_name(ValueType t);

enum class Kind { NumberLiteral, StringLiteral, VectorSelector, MatrixSelector, Subquery, Call, Aggregate, Binary, Unary, Paren };
const char* kind_name(Kind k);

// Binary, unary and aggregation operators.
enum class Op {
  None,
  // binary
  Add, Sub, Mul, Div, Mod, Pow, Atan2, Eql, Neq, Lss, Lte, Gtr, Gte, And, Or, Unless,
  // aggregation
  Sum, Avg, Count, Min, Max, Group, Stddev, Stdvar, Topk, Bottomk, CountValues, Quantile,
};
const char* op_text(Op op);  // "+", "==", "and", "count_values", ...
bool is_comparison(Op op);
bool is_set_operator(Op op);
bool aggregator_has_param(Op op);

enum class MatchOp { Equal, NotEqual, Regex, NotRegex };
const char* match_op_text(MatchOp op);

struct Matcher {
  std::string name;
  MatchOp op = MatchOp::Equal;
  std::string value;
  bool matches_empty = false;  // whether the matcher accepts "" (set by the parser)
};

enum class AtKind { None, Timestamp, Start, End };
enum class Card { OneToOne, ManyToOne, OneToMany, ManyToMany };

struct Function {
  const char* name;
  std::vector<ValueType> arg_types;
  int variadic;  // 0: fixed; n > 0: last arg optional, up to n times; -1: unbounded
  ValueType return_type;
};
const Function* find_function(std::string_view name);

struct Expr {
  Kind kind = Kind::NumberLiteral;
  std::size_t begin = 0;  // byte offsets into the expression text
  std::size_t end = 0;

  double number = 0;  // NumberLiteral
  std::string text;   // StringLiteral value; VectorSelector metric name

  // VectorSelector: brace matchers, then the implicit __name__ matcher.
  std::vector<Matcher> matchers;

  // VectorSelector and Subquery modifiers (a MatrixSelector keeps them on
  // its inner VectorSelector, like Prometheus).
  std::int64_t offset_ms = 0;
  AtKind at = AtKind::None;
  std::int64_t at_ms = 0;

  std::int64_t range_ms = 0;  // MatrixSelector, Subquery
  std::int64_t step_ms = 0;   // Subquery (0 = default step)

  const Function* func = nullptr;   // Call
  std::vector<const Expr*> args;    // Call

  Op op = Op::None;               // Aggregate, Binary, Unary (Add/Sub)
  const Expr* param = nullptr;    // Aggregate parameter (topk k, ...)
  const Expr* expr = nullptr;     // Aggregate argument; Paren/Unary/MatrixSelector/Subquery operand
  const Expr* lhs = nullptr;      // Binary
  const Expr* rhs = nullptr;      // Binary
  std::vector<std::string> grouping;  // Aggregate by/without labels
  bool without = false;

  bool return_bool = false;       // Binary `bool`
  bool has_matching = true;       // Binary: false once the checker drops it (scalar operand)
  Card card = Card::OneToOne;
  bool on = false;
  std::vector<std::string> matching_labels;  // on(...) / ignoring(...)
  std::vector<std::string> include_labels;   // group_left(...) / group_right(...)

  ValueType vtype = ValueType::None;  // set bottom-up when the node is built
  ValueType type() const { return vtype; }
};

// The node's type from its own kind and its children's types (not recursive).
ValueType derive_type(const Expr& e);

// Owns every node of one parsed expression: nodes are allocated in growing
// chunks (few allocations per expression) and freed together, without
// recursion.
class ExprArena {
 public:
  Expr& make(Kind k, std::size_t begin, std::size_t end) {
    Expr* e = nullptr;
    if (inline_used_ < kInline) {
      e = &inline_[inline_used_++];
    } else {
      if (used_ == capacity_) grow();
      e = &chunks_.back()[used_++];
    }
    e->kind = k;
    e->begin = begin;
    e->end = end;
    return *e;
  }

 private:
  // Typical rule expressions fit in the inline nodes: one allocation each.
  static constexpr std::size_t kInline = 4;

  void grow() {
    capacity_ = chunks_.empty() ? 8 : (capacity_ < 512 ? capacity_ * 2 : capacity_);
    chunks_.emplace_back(new Expr[capacity_]);
    used_ = 0;
  }
  Expr inline_[kInline];
  std::size_t inline_used_ = 0;
  std::vector<std::unique_ptr<Expr[]>> chunks_;
  std::size_t used_ = 0;
  std::size_t capacity_ = 0;
};

}  // namespace rbc::promql
