#include "promql/token_sets.hpp"

namespace rbc::promql::detail {

int binary_prec(Tok t) {
  switch (t) {
    case Tok::Lor: return 1;
    case Tok::Land:
    case Tok::Lunless: return 2;
    case Tok::Eqlc: case Tok::Neq: case Tok::Lss: case Tok::Lte: case Tok::Gtr: case Tok::Gte: return 3;
    case Tok::Add:
    case Tok::Sub: return 4;
    case Tok::Mul: case Tok::Div: case Tok::Mod: case Tok::Atan2: return 5;
    case Tok::Pow: return kPowPrec;
    default: return 0;
  }
}

Op binary_op(Tok t) {
  switch (t) {
    case Tok::Add: return Op::Add;
    case Tok::Sub: return Op::Sub;
    case Tok::Mul: return Op::Mul;
    case Tok::Div: return Op::Div;
    case Tok::Mod: return Op::Mod;
    case Tok::Pow: return Op::Pow;
    case Tok::Atan2: return Op::Atan2;
    case Tok::Eqlc: return Op::Eql;
    case Tok::Neq: return Op::Neq;
    case Tok::Lss: return Op::Lss;
    case Tok::Lte: return Op::Lte;
    case Tok::Gtr: return Op::Gtr;
    case Tok::Gte: return Op::Gte;
    case Tok::Land: return Op::And;
    case Tok::Lor: return Op::Or;
    case Tok::Lunless: return Op::Unless;
    default: return Op::None;
  }
}

Op aggregate_op(Tok t) {
  switch (t) {
    case Tok::Sum: return Op::Sum;
    case Tok::Avg: return Op::Avg;
    case Tok::Count: return Op::Count;
    case Tok::Min: return Op::Min;
    case Tok::Max: return Op::Max;
    case Tok::Group: return Op::Group;
    case Tok::Stddev: return Op::Stddev;
    case Tok::Stdvar: return Op::Stdvar;
    case Tok::Topk: return Op::Topk;
    case Tok::Bottomk: return Op::Bottomk;
    case Tok::CountValues: return Op::CountValues;
    case Tok::Quantile: return Op::Quantile;
    default: return Op::None;
  }
}

// Tokens that may be a metric name at operand position (yacc metric_identifier).
bool is_metric_word(Tok t) {
  switch (t) {
    case Tok::Identifier: case Tok::MetricIdentifier: case Tok::By: case Tok::Without:
    case Tok::Land: case Tok::Lor: case Tok::Lunless: case Tok::Offset: case Tok::Start: case Tok::End:
      return true;
    default: return is_aggregator(t);
  }
}

// FIRST(expr): tokens that can start an expression.
bool starts_expr(Tok t) {
  switch (t) {
    case Tok::Number: case Tok::String: case Tok::LeftBrace: case Tok::LeftParen:
    case Tok::Add: case Tok::Sub:
      return true;
    default: return is_metric_word(t);
  }
}

// Tokens accepted as grouping labels (yacc maybe_label; `without` is not one).
bool is_maybe_label(Tok t) {
  switch (t) {
    case Tok::Identifier: case Tok::MetricIdentifier: case Tok::Bool: case Tok::By:
    case Tok::GroupLeft: case Tok::GroupRight: case Tok::Ignoring: case Tok::Land: case Tok::Lor:
    case Tok::Lunless: case Tok::Offset: case Tok::On: case Tok::Start: case Tok::End: case Tok::Atan2:
      return true;
    default: return is_aggregator(t);
  }
}

bool is_label_name(std::string_view s) {
  if (s.empty()) return false;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool alpha = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    if (!alpha && !(i > 0 && c >= '0' && c <= '9')) return false;
  }
  return true;
}

}  // namespace rbc::promql::detail
