// Recursive descent over Prometheus's token stream.
//
// Prometheus uses a yacc (LALR) parser with `error` productions. Its first
// error is what rbc must reproduce, so this parser:
//  * pulls tokens lazily, exactly when yacc would read its lookahead, so a
//    lexer error surfaces at the same moment;
//  * runs each grammar action (number/duration/regex/offset/@ checks) at the
//    point where yacc reduces that rule, stopping at the first error;
//  * words "unexpected X in <context>, expected Y" after the innermost yacc
//    state that can shift `error` (see promql-facts.md 4.2).
#include <cmath>
#include <limits>

#include "promql/lexer.hpp"
#include "promql/token_sets.hpp"
#include "promql/parser.hpp"
#include "promql/regex.hpp"
#include "promql/values.hpp"

namespace rbc::promql::detail {
namespace {

struct Abort {};

class Parser {
 public:
  Parser(std::string_view input, ExprArena& arena, int max_depth)
      : in_(input), lex_(input), arena_(arena), max_depth_(max_depth) {}

  Outcome run() {
    Outcome out;
    try {
      out.root = parse_query();
    } catch (const Abort&) {
      out.root = nullptr;
      out.error = error_;
    } catch (const TooDeep&) {
      out.root = nullptr;
      out.too_deep = true;
    }
    return out;
  }

 private:
  // ---- token stream -------------------------------------------------------
  const Token& peek() {
    if (!have_) {
      tok_ = lex_.next();
      have_ = true;
      if (tok_.type == Tok::Error) fail(tok_.pos, lex_.error_message());
    }
    return tok_;
  }
  Token take() {
    peek();
    have_ = false;
    return tok_;
  }

  [[noreturn]] void fail(std::size_t pos, std::string message) {
    error_ = ParseError{pos, std::move(message)};
    throw Abort{};
  }

  [[noreturn]] void unexpected_token(const Token& t, const char* context, const char* expected) {
    std::string msg = "unexpected " + describe(t);
    if (*context) msg += std::string(" in ") + context;
    if (*expected) msg += std::string(", expected ") + expected;
    fail(t.pos, std::move(msg));
  }
  [[noreturn]] void unexpected(const char* context, const char* expected) {
    unexpected_token(peek(), context, expected);
  }
  // A syntax error caught by no specific rule: yacc unwinds to the innermost
  // aggregation (if any) or to the start rule.
  [[noreturn]] void unexpected_here() { unexpected(agg_depth_ > 0 ? "aggregation" : "", ""); }

  // ---- expressions ----------------------------------------------------------
  Expr* parse_query() {
    if (peek().type == Tok::Eof) fail(0, "no expression found in input");
    Expr* e = parse_expr(0);
    if (peek().type != Tok::Eof) unexpected_here();
    return e;
  }

  // Counts recursion so that callers on small stacks can bail out early.
  struct DepthGuard {
    explicit DepthGuard(Parser& p) : parser(p) {
      if (++parser.depth_ > parser.max_depth_ && parser.max_depth_ > 0) throw TooDeep{};
    }
    ~DepthGuard() { --parser.depth_; }
    Parser& parser;
  };

  Expr* parse_expr(int min_prec) {
    const DepthGuard guard(*this);
    Expr* lhs = parse_unary();
    for (;;) {
      const Tok t = peek().type;
      const int prec = binary_prec(t);
      if (prec == 0 || prec < min_prec) return lhs;
      take();
      Expr& b = arena_.make(Kind::Binary, lhs->begin, 0);
      b.op = binary_op(t);
      parse_bin_modifier(b);
      b.lhs = lhs;
      b.rhs = parse_expr(t == Tok::Pow ? prec : prec + 1);
      b.end = b.rhs->end;
      b.vtype = derive_type(b);
      lhs = &b;
    }
  }

  // `+`/`-` bind like `*` but their operand swallows `^` chains.
  Expr* parse_unary() {
    const DepthGuard guard(*this);
    const Tok t = peek().type;
    if (t != Tok::Add && t != Tok::Sub) return parse_postfix(parse_primary());
    const Token sign = take();
    Expr* operand = parse_expr(kPowPrec);
    if (operand->kind == Kind::NumberLiteral) {
      if (t == Tok::Sub) operand->number = -operand->number;
      operand->begin = sign.pos;
      return operand;
    }
    Expr& u = arena_.make(Kind::Unary, sign.pos, operand->end);
    u.op = t == Tok::Sub ? Op::Sub : Op::Add;
    u.expr = operand;
    u.vtype = operand->vtype;
    return &u;
  }

  Expr* parse_postfix(Expr* e) {
    for (;;) {
      switch (peek().type) {
        case Tok::LeftBracket: e = parse_bracket(e); break;
        case Tok::Offset: parse_offset(*e); break;
        case Tok::At: parse_at(*e); break;
        default: return e;
      }
    }
  }

  Expr* parse_primary() {
    const Tok t = peek().type;
    switch (t) {
      case Tok::Number: return number_literal(take());
      case Tok::String: {
        const Token s = take();
        Expr& e = arena_.make(Kind::StringLiteral, s.pos, s.pos + s.text.size());
        e.text = unquote(s.text);
        e.vtype = ValueType::String;
        return &e;
      }
      case Tok::LeftParen: {
        const Token lp = take();
        Expr* inner = parse_expr(0);
        if (peek().type != Tok::RightParen) unexpected_here();
        const Token rp = take();
        Expr& p = arena_.make(Kind::Paren, lp.pos, rp.pos + 1);
        p.expr = inner;
        p.vtype = inner->vtype;
        return &p;
      }
      case Tok::LeftBrace: return vector_selector(nullptr);
      case Tok::Identifier: {
        Token name = take();
        if (peek().type == Tok::LeftParen) return function_call(name);
        return vector_selector(&name);
      }
      default: break;
    }
    if (is_aggregator(t)) {
      Token word = take();
      const Tok next = peek().type;
      if (next == Tok::LeftParen || next == Tok::By || next == Tok::Without) return aggregation(word);
      return vector_selector(&word);
    }
    if (is_metric_word(t)) {
      Token name = take();
      return vector_selector(&name);
    }
    unexpected_here();
  }

  Expr* number_literal(const Token& t) {
    Expr& e = arena_.make(Kind::NumberLiteral, t.pos, t.pos + t.text.size());
    if (auto err = parse_number(t.text, e.number)) fail(t.pos, "error parsing number: " + *err);
    e.vtype = ValueType::Scalar;
    return &e;
  }

  // ---- selectors --------------------------------------------------------------
  Expr* vector_selector(const Token* name) {
    Expr& vs = arena_.make(Kind::VectorSelector, 0, 0);
    vs.vtype = ValueType::Vector;
    vs.matchers.reserve(2);
    if (name) {
      vs.begin = name->pos;
      vs.end = name->pos + name->text.size();
      vs.text = std::string(name->text);
      if (peek().type == Tok::LeftBrace) parse_label_matchers(vs);
      vs.matchers.push_back(Matcher{"__name__", MatchOp::Equal, vs.text, vs.text.empty()});
    } else {
      vs.begin = peek().pos;
      parse_label_matchers(vs);
    }
    return &vs;
  }

  void parse_label_matchers(Expr& vs) {
    take();  // '{'
    if (peek().type == Tok::RightBrace) {
      vs.end = take().pos + 1;
      return;
    }
    for (;;) {
      if (peek().type != Tok::Identifier) unexpected("label matching", "identifier or \"}\"");
      const Token label = take();
      MatchOp op = MatchOp::Equal;
      switch (peek().type) {
        case Tok::Eql: op = MatchOp::Equal; break;
        case Tok::Neq: op = MatchOp::NotEqual; break;
        case Tok::EqlRegex: op = MatchOp::Regex; break;
        case Tok::NeqRegex: op = MatchOp::NotRegex; break;
        default: unexpected("label matching", "label matching operator");
      }
      take();
      if (peek().type != Tok::String) unexpected("label matching", "string");
      const Token value = take();
      vs.matchers.push_back(new_matcher(label, op, value));
      if (peek().type == Tok::Comma) {
        take();
        if (peek().type == Tok::RightBrace) break;
        continue;
      }
      if (peek().type == Tok::RightBrace) break;
      unexpected("label matching", "\",\" or \"}\"");
    }
    vs.end = take().pos + 1;
  }

  Matcher new_matcher(const Token& label, MatchOp op, const Token& value) {
    Matcher m{std::string(label.text), op, unquote(value.text), false};
    if (op == MatchOp::Regex || op == MatchOp::NotRegex) {
      const RegexCheck rc = check_regex(m.value);
      if (rc.error) fail(label.pos, *rc.error);
      m.matches_empty = op == MatchOp::Regex ? rc.matches_empty : !rc.matches_empty;
    } else {
      m.matches_empty = op == MatchOp::Equal ? m.value.empty() : !m.value.empty();
    }
    return m;
  }

  // After `expr [`: range selector or subquery.
  Expr* parse_bracket(Expr* base) {
    const Token lb = take();
    if (peek().type != Tok::Duration) unexpected("subquery selector", "duration");
    const std::int64_t range = duration(take());
    if (peek().type == Tok::RightBracket) {
      const Token rb = take();
      if (base->kind != Kind::VectorSelector) fail(lb.pos, "ranges only allowed for vector selectors");
      if (base->offset_ms != 0) fail(lb.pos, "no offset modifiers allowed before range");
      if (base->at == AtKind::Timestamp) fail(lb.pos, "no @ modifiers allowed before range");
      Expr& m = arena_.make(Kind::MatrixSelector, base->begin, rb.pos + 1);
      m.expr = base;
      m.range_ms = range;
      m.vtype = ValueType::Matrix;
      return &m;
    }
    if (peek().type != Tok::Colon) unexpected("subquery or range", "\":\" or \"]\"");
    take();
    std::int64_t step = 0;
    if (peek().type == Tok::Duration) {
      step = duration(take());
      if (peek().type != Tok::RightBracket) unexpected("subquery selector", "\"]\"");
    } else if (peek().type != Tok::RightBracket) {
      unexpected("subquery selector", "duration or \"]\"");
    }
    const Token rb = take();
    Expr& s = arena_.make(Kind::Subquery, base->begin, rb.pos + 1);
    s.expr = base;
    s.range_ms = range;
    s.step_ms = step;
    s.vtype = ValueType::Matrix;
    return &s;
  }

  std::int64_t duration(const Token& t) {
    std::int64_t ms = 0;
    if (auto err = parse_duration_ms(t.text, ms)) fail(t.pos, *err);
    return ms;
  }

  // The node that carries offset/@ for `e`, or null after recording why not.
  Expr* modifier_target(Expr& e, const char* what) {
    switch (e.kind) {
      case Kind::VectorSelector:
      case Kind::Subquery: return &e;
      case Kind::MatrixSelector:
        if (e.expr->kind != Kind::VectorSelector) fail(e.begin, "ranges only allowed for vector selectors");
        return const_cast<Expr*>(e.expr);
      default:
        fail(e.begin, std::string(what) +
                          " modifier must be preceded by an instant vector selector or range vector "
                          "selector or a subquery");
    }
  }

  void parse_offset(Expr& e) {
    take();
    bool negative = false;
    if (peek().type == Tok::Sub) {
      take();
      negative = true;
    }
    if (peek().type != Tok::Duration) unexpected("offset", "duration");
    const Token d = take();
    std::int64_t ms = duration(d);
    if (negative) ms = -ms;
    Expr* target = modifier_target(e, "offset");
    if (target->offset_ms != 0) fail(e.begin, "offset may not be set multiple times");
    target->offset_ms = ms;
    e.end = d.pos + d.text.size();
  }

  void parse_at(Expr& e) {
    take();
    const Tok t = peek().type;
    if (t == Tok::Start || t == Tok::End) {
      take();
      if (peek().type != Tok::LeftParen) unexpected("@", "timestamp");
      take();
      if (peek().type != Tok::RightParen) unexpected("@", "timestamp");
      const Token rp = take();
      Expr* target = modifier_target(e, "@");
      if (target->at != AtKind::None) fail(e.begin, "@ <timestamp> may not be set multiple times");
      target->at = t == Tok::Start ? AtKind::Start : AtKind::End;
      e.end = rp.pos + 1;
      return;
    }
    bool negative = false;
    if (t == Tok::Add || t == Tok::Sub) {
      take();
      negative = t == Tok::Sub;
    }
    if (peek().type != Tok::Number) unexpected("@", "timestamp");
    const Token n = take();
    double ts = 0;
    if (auto err = parse_number(n.text, ts)) fail(n.pos, "error parsing number: " + *err);
    if (negative) ts = -ts;
    constexpr double kMax = 9223372036854775807.0;
    if (std::isinf(ts) || std::isnan(ts) || ts >= kMax || ts <= -kMax)
      fail(e.begin, "timestamp out of bounds for @ modifier: " + format_at_bound(ts));
    Expr* target = modifier_target(e, "@");
    if (target->at != AtKind::None) fail(e.begin, "@ <timestamp> may not be set multiple times");
    target->at = AtKind::Timestamp;
    target->at_ms = milliseconds(ts);
    e.end = n.pos + n.text.size();
  }

  static std::string format_at_bound(double ts);
  // timestamp.FromFloatSeconds: int64(math.Round(ts * 1000)).
  static std::int64_t milliseconds(double ts) { return static_cast<std::int64_t>(std::round(ts * 1000.0)); }

  // ---- calls and aggregations ---------------------------------------------------
  Expr* function_call(const Token& name) {
    Expr& c = arena_.make(Kind::Call, name.pos, 0);
    c.end = parse_call_body(c.args);
    c.func = find_function(name.text);
    if (!c.func) fail(name.pos, "unknown function with name \"" + std::string(name.text) + "\"");
    c.text = std::string(name.text);
    c.vtype = c.func->return_type;
    return &c;
  }

  // `( args )`; returns the end offset. The caller has peeked '('.
  std::size_t parse_call_body(std::vector<const Expr*>& args) {
    if (peek().type != Tok::LeftParen) unexpected_here();
    take();
    if (peek().type == Tok::RightParen) return take().pos + 1;
    for (;;) {
      args.push_back(parse_expr(0));
      if (peek().type == Tok::Comma) {
        const Token comma = take();
        if (!starts_expr(peek().type)) fail(comma.pos, "trailing commas not allowed in function call args");
        continue;
      }
      if (peek().type != Tok::RightParen) unexpected_here();
      return take().pos + 1;
    }
  }

  Expr* aggregation(const Token& word) {
    Expr& a = arena_.make(Kind::Aggregate, word.pos, 0);
    a.op = aggregate_op(word.type);
    a.vtype = ValueType::Vector;
    ++agg_depth_;
    std::vector<const Expr*> args;
    if (peek().type == Tok::By || peek().type == Tok::Without) {
      a.without = take().type == Tok::Without;
      a.grouping = parse_grouping_labels();
      a.end = parse_call_body(args);
    } else {
      a.end = parse_call_body(args);
      const Tok t = peek().type;
      if (t == Tok::By || t == Tok::Without) {
        take();
        a.without = t == Tok::Without;
        a.grouping = parse_grouping_labels(&a.end);
      }
    }
    --agg_depth_;
    if (args.empty()) fail(a.begin, "no arguments for aggregate expression provided");
    const std::size_t want = aggregator_has_param(a.op) ? 2 : 1;
    if (args.size() != want)
      fail(a.begin, "wrong number of arguments for aggregate expression provided, expected " +
                        std::to_string(want) + ", got " + std::to_string(args.size()));
    if (want == 2) a.param = args[0];
    a.expr = args[want - 1];
    return &a;
  }

  // `( label, ... )` after by/without/on/ignoring/group_x.
  std::vector<std::string> parse_grouping_labels(std::size_t* end = nullptr) {
    if (peek().type != Tok::LeftParen) unexpected("grouping opts", "\"(\"");
    take();
    std::vector<std::string> labels;
    if (peek().type != Tok::RightParen) {
      for (;;) {
        if (!is_maybe_label(peek().type)) unexpected("grouping opts", "label");
        const Token label = take();
        if (!is_label_name(label.text)) unexpected_token(label, "grouping opts", "label");
        labels.emplace_back(label.text);
        if (peek().type == Tok::Comma) {
          take();
          if (peek().type == Tok::RightParen) break;
          continue;
        }
        if (peek().type == Tok::RightParen) break;
        unexpected("grouping opts", "\",\" or \")\"");
      }
    }
    const Token rp = take();
    if (end) *end = rp.pos + 1;
    return labels;
  }

  void parse_bin_modifier(Expr& b) {
    if (peek().type == Tok::Bool) {
      take();
      b.return_bool = true;
    }
    const Tok t = peek().type;
    if (t != Tok::On && t != Tok::Ignoring) return;
    take();
    b.on = t == Tok::On;
    b.matching_labels = parse_grouping_labels();
    const Tok g = peek().type;
    if (g != Tok::GroupLeft && g != Tok::GroupRight) return;
    take();
    b.card = g == Tok::GroupLeft ? Card::ManyToOne : Card::OneToMany;
    if (peek().type == Tok::LeftParen) {
      b.include_labels = parse_grouping_labels();
    } else if (!starts_expr(peek().type)) {
      unexpected("grouping opts", "\"(\"");
    }
  }

  std::string_view in_;
  Lexer lex_;
  ExprArena& arena_;
  Token tok_;
  bool have_ = false;
  int agg_depth_ = 0;
  int depth_ = 0;
  int max_depth_ = 0;
  ParseError error_;
};

std::string Parser::format_at_bound(double ts) {
  if (std::isnan(ts)) return "NaN";
  if (std::isinf(ts)) return ts > 0 ? "+Inf" : "-Inf";
  char buf[512];
  std::snprintf(buf, sizeof buf, "%f", ts);
  return buf;
}

}  // namespace

Outcome parse_syntax(std::string_view input, ExprArena& arena, int max_depth) {
  return Parser(input, arena, max_depth).run();
}

}  // namespace rbc::promql::detail
