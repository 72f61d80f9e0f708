// AST building for the PEGTL PromQL parser, with the checks Prometheus 2.42
// makes in its grammar actions (same messages, same positions).
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "promql/regex.hpp"
#include "promql/syntax_state.hpp"
#include "promql/token_sets.hpp"
#include "promql/values.hpp"

namespace rbc::promql::detail {
namespace {

std::string format_at_bound(double ts) {
  if (std::isnan(ts)) return "NaN";
  if (std::isinf(ts)) return ts > 0 ? "+Inf" : "-Inf";
  char buf[512];
  std::snprintf(buf, sizeof buf, "%f", ts);
  return buf;
}

// timestamp.FromFloatSeconds: int64(math.Round(ts * 1000)). Go converts an
// out-of-range float to the minimum int64 on amd64 (cvttsd2si); in C++
// that conversion is undefined, so it is spelled out.
std::int64_t milliseconds(double ts) {
  const double ms = std::round(ts * 1000.0);
  if (!(ms >= -9223372036854775808.0 && ms < 9223372036854775808.0)) return INT64_MIN;
  return static_cast<std::int64_t>(ms);
}

double number_value(const Token& t) {
  double value = 0;
  if (auto err = parse_number(t.text, value)) fail_at(t.pos, "error parsing number: " + *err);
  return value;
}

}  // namespace

std::int64_t syntax_state::duration(std::size_t index) {
  const Token& t = item(index);
  std::int64_t ms = 0;
  if (auto err = parse_duration_ms(t.text, ms)) fail_at(t.pos, *err);
  return ms;
}

void syntax_state::number_literal(std::size_t first) {
  const Token& t = item(first);
  Expr& e = arena_.make(Kind::NumberLiteral, t.pos, t.pos + t.text.size());
  e.number = number_value(t);
  e.vtype = ValueType::Scalar;
  stack_.push_back(&e);
}

void syntax_state::string_literal(std::size_t first) {
  const Token& t = item(first);
  Expr& e = arena_.make(Kind::StringLiteral, t.pos, t.pos + t.text.size());
  e.text = unquote(t.text);
  e.vtype = ValueType::String;
  stack_.push_back(&e);
}

void syntax_state::paren(std::size_t first, std::size_t end) {
  Expr* inner = pop();
  Expr& p = arena_.make(Kind::Paren, item(first).pos, end);
  p.expr = inner;
  p.vtype = inner->vtype;
  stack_.push_back(&p);
}

// `label op "value"`; a bad regex is reported at the label.
void syntax_state::label_matcher(std::size_t first) {
  const Token& label = item(first);
  MatchOp op = MatchOp::Equal;
  switch (item(first + 1).type) {
    case Tok::Neq: op = MatchOp::NotEqual; break;
    case Tok::EqlRegex: op = MatchOp::Regex; break;
    case Tok::NeqRegex: op = MatchOp::NotRegex; break;
    default: break;
  }
  Matcher m{std::string(label.text), op, unquote(item(first + 2).text), false};
  if (op == MatchOp::Regex || op == MatchOp::NotRegex) {
    const RegexCheck rc = check_regex(m.value);
    if (rc.error) fail_at(label.pos, *rc.error);
    m.matches_empty = op == MatchOp::Regex ? rc.matches_empty : !rc.matches_empty;
  } else {
    m.matches_empty = op == MatchOp::Equal ? m.value.empty() : !m.value.empty();
  }
  if (matchers_.capacity() == 0) matchers_.reserve(2);  // and the metric name, typically
  matchers_.push_back(std::move(m));
}

void syntax_state::brace_selector(std::size_t first, std::size_t end) {
  Expr& vs = arena_.make(Kind::VectorSelector, item(first).pos, end);
  vs.vtype = ValueType::Vector;
  vs.matchers = std::move(matchers_);
  matchers_.clear();
  stack_.push_back(&vs);
}

// The metric name becomes a final __name__ matcher, as in Prometheus.
void syntax_state::named_selector(std::size_t first, std::size_t end) {
  const Token& name = item(first);
  Expr& vs = arena_.make(Kind::VectorSelector, name.pos, end);
  vs.vtype = ValueType::Vector;
  vs.text = std::string(name.text);
  vs.matchers = std::move(matchers_);
  matchers_.clear();
  vs.matchers.push_back(Matcher{"__name__", MatchOp::Equal, vs.text, vs.text.empty()});
  stack_.push_back(&vs);
}

void syntax_state::function_name(std::size_t first) {
  stack_.push_back(&arena_.make(Kind::Call, item(first).pos, 0));
  frames_.push_back(stack_.size());
}

void syntax_state::function_call(std::size_t first, std::size_t end) {
  const std::size_t height = frames_.back();
  frames_.pop_back();
  Expr& c = *stack_[height - 1];
  const Token& name = item(first);
  c.args.assign(stack_.begin() + static_cast<std::ptrdiff_t>(height), stack_.end());
  stack_.resize(height);
  c.end = end;
  c.func = find_function(name.text);
  if (!c.func) fail_at(name.pos, "unknown function with name \"" + std::string(name.text) + "\"");
  c.text = std::string(name.text);
  c.vtype = c.func->return_type;
}

void syntax_state::aggregate_op(std::size_t first) {
  const Token& word = item(first);
  Expr& a = arena_.make(Kind::Aggregate, word.pos, 0);
  a.op = detail::aggregate_op(word.type);
  a.vtype = ValueType::Vector;
  stack_.push_back(&a);
  frames_.push_back(stack_.size());
  ++agg_depth_;
}

void syntax_state::aggregate_grouping(std::size_t first) {
  Expr& a = *stack_[frames_.back() - 1];
  a.without = item(first).type == Tok::Without;
  a.grouping = take_labels();
}

void syntax_state::aggregation(std::size_t end) {
  const std::size_t height = frames_.back();
  frames_.pop_back();
  --agg_depth_;
  Expr& a = *stack_[height - 1];
  const std::vector<const Expr*> args(stack_.begin() + static_cast<std::ptrdiff_t>(height), stack_.end());
  stack_.resize(height);
  a.end = end;
  if (args.empty()) fail_at(a.begin, "no arguments for aggregate expression provided");
  const std::size_t want = aggregator_has_param(a.op) ? 2 : 1;
  if (args.size() != want)
    fail_at(a.begin, "wrong number of arguments for aggregate expression provided, expected " +
                         std::to_string(want) + ", got " + std::to_string(args.size()));
  if (want == 2) a.param = args[0];
  a.expr = args[want - 1];
}

void syntax_state::range_open(std::size_t first) {
  bracket_pos_ = item(first).pos;
  range_ms_ = 0;
  step_ms_ = 0;
}

void syntax_state::range_close(std::size_t end) {
  Expr* base = pop();
  if (base->kind != Kind::VectorSelector) fail_at(bracket_pos_, "ranges only allowed for vector selectors");
  if (base->offset_ms != 0) fail_at(bracket_pos_, "no offset modifiers allowed before range");
  if (base->at == AtKind::Timestamp) fail_at(bracket_pos_, "no @ modifiers allowed before range");
  Expr& m = arena_.make(Kind::MatrixSelector, base->begin, end);
  m.expr = base;
  m.range_ms = range_ms_;
  m.vtype = ValueType::Matrix;
  stack_.push_back(&m);
}

void syntax_state::subquery_tail(std::size_t end) {
  Expr* base = pop();
  Expr& s = arena_.make(Kind::Subquery, base->begin, end);
  s.expr = base;
  s.range_ms = range_ms_;
  s.step_ms = step_ms_;
  s.vtype = ValueType::Matrix;
  stack_.push_back(&s);
}

// The node that carries offset/@ for `e` (a range keeps them on its selector).
Expr* syntax_state::modifier_target(Expr& e, const char* what) {
  switch (e.kind) {
    case Kind::VectorSelector:
    case Kind::Subquery: return &e;
    case Kind::MatrixSelector:
      if (e.expr->kind != Kind::VectorSelector) fail_at(e.begin, "ranges only allowed for vector selectors");
      return const_cast<Expr*>(e.expr);
    default:
      fail_at(e.begin, std::string(what) +
                           " modifier must be preceded by an instant vector selector or range vector "
                           "selector or a subquery");
  }
}

void syntax_state::offset_suffix(std::size_t first, std::size_t end) {
  const bool negative = item(first + 1).type == Tok::Sub;
  std::int64_t ms = duration(first + (negative ? 2 : 1));
  if (negative) ms = -ms;
  Expr& e = *stack_.back();
  Expr* target = modifier_target(e, "offset");
  if (target->offset_ms != 0) fail_at(e.begin, "offset may not be set multiple times");
  target->offset_ms = ms;
  e.end = end;
}

void syntax_state::set_at(Expr& e, AtKind kind, std::int64_t ms) {
  Expr* target = modifier_target(e, "@");
  if (target->at != AtKind::None) fail_at(e.begin, "@ <timestamp> may not be set multiple times");
  target->at = kind;
  target->at_ms = ms;
}

void syntax_state::at_preprocessor(std::size_t first, std::size_t end) {
  Expr& e = *stack_.back();
  set_at(e, item(first).type == Tok::Start ? AtKind::Start : AtKind::End, 0);
  e.end = end;
}

void syntax_state::at_timestamp(std::size_t first, std::size_t end) {
  const Tok sign = item(first).type;
  const bool has_sign = sign == Tok::Add || sign == Tok::Sub;
  double ts = number_value(item(first + (has_sign ? 1 : 0)));
  if (sign == Tok::Sub) ts = -ts;
  Expr& e = *stack_.back();
  constexpr double kMax = 9223372036854775807.0;
  if (std::isinf(ts) || std::isnan(ts) || ts >= kMax || ts <= -kMax)
    fail_at(e.begin, "timestamp out of bounds for @ modifier: " + format_at_bound(ts));
  set_at(e, AtKind::Timestamp, milliseconds(ts));
  e.end = end;
}

// A sign folds into a number literal; anything else gets a unary node.
void syntax_state::unary(std::size_t first) {
  const Token& sign = item(first);
  Expr* operand = pop();
  if (operand->kind == Kind::NumberLiteral) {
    if (sign.type == Tok::Sub) operand->number = -operand->number;
    operand->begin = sign.pos;
    stack_.push_back(operand);
    return;
  }
  Expr& u = arena_.make(Kind::Unary, sign.pos, operand->end);
  u.op = sign.type == Tok::Sub ? Op::Sub : Op::Add;
  u.expr = operand;
  u.vtype = operand->vtype;
  stack_.push_back(&u);
}

// The binary node is opened at its operator so modifiers can be recorded on
// it, and closed when its right operand is complete.
void syntax_state::binary_op(std::size_t first) {
  Expr* lhs = pop();
  Expr& b = arena_.make(Kind::Binary, lhs->begin, 0);
  b.op = detail::binary_op(item(first).type);
  b.lhs = lhs;
  stack_.push_back(&b);
}

void syntax_state::group_side(std::size_t first) {
  stack_.back()->card = item(first).type == Tok::GroupLeft ? Card::ManyToOne : Card::OneToMany;
}

void syntax_state::binary_tail() {
  Expr* rhs = pop();
  Expr& b = *stack_.back();
  b.rhs = rhs;
  b.end = rhs->end;
  b.vtype = derive_type(b);
}

}  // namespace rbc::promql::detail
