#include "promql/ast.hpp"

namespace rbc::promql {

const char* documented_type(ValueType t) {
  switch (t) {
    case ValueType::Scalar: return "scalar";
    case ValueType::Vector: return "instant vector";
    case ValueType::Matrix: return "range vector";
    case ValueType::String: return "string";
    case ValueType::None: break;
  }
  return "none";
}

const char* raw_type_name(ValueType t) {
  switch (t) {
    case ValueType::Scalar: return "scalar";
    case ValueType::Vector: return "vector";
    case ValueType::Matrix: return "matrix";
    case ValueType::String: return "string";
    case ValueType::None: break;
  }
  return "none";
}

const char* kind_name(Kind k) {
  switch (k) {
    case Kind::NumberLiteral: return "NumberLiteral";
    case Kind::StringLiteral: return "StringLiteral";
    case Kind::VectorSelector: return "VectorSelector";
    case Kind::MatrixSelector: return "MatrixSelector";
    case Kind::Subquery: return "Subquery";
    case Kind::Call: return "Call";
    case Kind::Aggregate: return "Aggregate";
    case Kind::Binary: return "Binary";
    case Kind::Unary: return "Unary";
    case Kind::Paren: return "Paren";
  }
  return "?";
}

const char* op_text(Op op) {
  switch (op) {
    case Op::None: return "";
    case Op::Add: return "+";
    case Op::Sub: return "-";
    case Op::Mul: return "*";
    case Op::Div: return "/";
    case Op::Mod: return "%";
    case Op::Pow: return "^";
    case Op::Atan2: return "atan2";
    case Op::Eql: return "==";
    case Op::Neq: return "!=";
    case Op::Lss: return "<";
    case Op::Lte: return "<=";
    case Op::Gtr: return ">";
    case Op::Gte: return ">=";
    case Op::And: return "and";
    case Op::Or: return "or";
    case Op::Unless: return "unless";
    case Op::Sum: return "sum";
    case Op::Avg: return "avg";
    case Op::Count: return "count";
    case Op::Min: return "min";
    case Op::Max: return "max";
    case Op::Group: return "group";
    case Op::Stddev: return "stddev";
    case Op::Stdvar: return "stdvar";
    case Op::Topk: return "topk";
    case Op::Bottomk: return "bottomk";
    case Op::CountValues: return "count_values";
    case Op::Quantile: return "quantile";
  }
  return "";
}

bool is_comparison(Op op) {
  return op == Op::Eql || op == Op::Neq || op == Op::Lss || op == Op::Lte || op == Op::Gtr || op == Op::Gte;
}

bool is_set_operator(Op op) { return op == Op::And || op == Op::Or || op == Op::Unless; }

bool aggregator_has_param(Op op) {
  return op == Op::Topk || op == Op::Bottomk || op == Op::CountValues || op == Op::Quantile;
}

const char* match_op_text(MatchOp op) {
  switch (op) {
    case MatchOp::Equal: return "=";
    case MatchOp::NotEqual: return "!=";
    case MatchOp::Regex: return "=~";
    case MatchOp::NotRegex: return "!~";
  }
  return "=";
}

ValueType derive_type(const Expr& e) {
  switch (e.kind) {
    case Kind::NumberLiteral: return ValueType::Scalar;
    case Kind::StringLiteral: return ValueType::String;
    case Kind::VectorSelector: return ValueType::Vector;
    case Kind::MatrixSelector:
    case Kind::Subquery: return ValueType::Matrix;
    case Kind::Call: return e.func ? e.func->return_type : ValueType::None;
    case Kind::Aggregate: return ValueType::Vector;
    case Kind::Binary:
      return e.lhs->type() == ValueType::Scalar && e.rhs->type() == ValueType::Scalar ? ValueType::Scalar
                                                                                  : ValueType::Vector;
    case Kind::Unary:
    case Kind::Paren: return e.expr->type();
  }
  return ValueType::None;
}

}  // namespace rbc::promql
