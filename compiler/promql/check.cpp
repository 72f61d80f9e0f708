// Type checker: Prometheus's checkAST, children first, first error wins.
#include "gotext/quote.hpp"
#include "promql/parser.hpp"

namespace rbc::promql::detail {
namespace {

struct Abort {};

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

class Checker {
 public:
  explicit Checker(std::string_view input) : in_(input) {}

  std::optional<ParseError> run(Expr& root) {
    try {
      check(root);
    } catch (const Abort&) {
      return error_;
    }
    return std::nullopt;
  }

 private:
  [[noreturn]] void fail(std::size_t pos, std::string message) {
    error_ = ParseError{pos, std::move(message)};
    throw Abort{};
  }

  // `context` names the call site in the message; built only on failure.
  template <typename Context>
  void expect_type(const Expr& e, ValueType want, Context context) {
    const ValueType t = check(const_cast<Expr&>(e));
    if (t != want)
      fail(e.begin, std::string("expected type ") + documented_type(want) + " in " + std::string(context()) +
                        ", got " + documented_type(t));
  }

  // First non-space byte after the LHS: where Prometheus anchors operator errors.
  std::size_t operator_pos(const Expr& b) const {
    std::size_t p = b.lhs->end;
    while (p < in_.size() && is_space(in_[p])) ++p;
    return p;
  }

  ValueType check(Expr& n) {
    switch (n.kind) {
      case Kind::Aggregate: check_aggregate(n); break;
      case Kind::Binary: check_binary(n); break;
      case Kind::Call: check_call(n); break;
      case Kind::Paren: check(const_cast<Expr&>(*n.expr)); break;
      case Kind::Unary: unary_rules(n, check(const_cast<Expr&>(*n.expr))); break;
      case Kind::Subquery: subquery_rules(n, check(const_cast<Expr&>(*n.expr))); break;
      case Kind::MatrixSelector: check(const_cast<Expr&>(*n.expr)); break;
      case Kind::VectorSelector: check_selector(n); break;
      case Kind::NumberLiteral:
      case Kind::StringLiteral: break;
    }
    return n.type();
  }

  // The rules of each node kind live out of line: check() recurses once per
  // nesting level, and a frame holding their message strings would be
  // several times larger (sanitizer builds: kilobytes per level).
  [[gnu::noinline]] void unary_rules(const Expr& n, ValueType t) {
    if (t != ValueType::Scalar && t != ValueType::Vector)
      fail(n.begin, std::string("unary expression only allowed on expressions of type scalar or instant "
                                "vector, got \"") +
                        documented_type(t) + "\"");
  }

  [[gnu::noinline]] void subquery_rules(const Expr& n, ValueType t) {
    if (t != ValueType::Vector)
      fail(n.begin, std::string("subquery is only allowed on instant vector, got ") + raw_type_name(t) + " instead");
  }

  [[gnu::noinline]] void check_aggregate(const Expr& n) {
    expect_type(*n.expr, ValueType::Vector, [] { return "aggregation expression"; });
    if (n.op == Op::Topk || n.op == Op::Bottomk || n.op == Op::Quantile)
      expect_type(*n.param, ValueType::Scalar, [] { return "aggregation parameter"; });
    if (n.op == Op::CountValues) expect_type(*n.param, ValueType::String, [] { return "aggregation parameter"; });
  }

  void check_binary(Expr& n) {
    const ValueType lt = check(const_cast<Expr&>(*n.lhs));
    const ValueType rt = check(const_cast<Expr&>(*n.rhs));
    binary_rules(n, lt, rt);
  }

  [[gnu::noinline]] void binary_rules(Expr& n, ValueType lt, ValueType rt) {
    if (n.return_bool && !is_comparison(n.op))
      fail(operator_pos(n), "bool modifier can only be used on comparison operators");
    if (is_comparison(n.op) && !n.return_bool && lt == ValueType::Scalar && rt == ValueType::Scalar)
      fail(operator_pos(n), "comparisons between scalars must use BOOL modifier");
    if (is_set_operator(n.op) && n.card == Card::OneToOne) n.card = Card::ManyToMany;
    if (n.on)
      for (const auto& l1 : n.matching_labels)
        for (const auto& l2 : n.include_labels)
          if (l1 == l2)
            fail(operator_pos(n), "label " + gotext::quote(l1) + " must not occur in ON and GROUP clause at once");
    if (lt != ValueType::Scalar && lt != ValueType::Vector)
      fail(n.lhs->begin, "binary expression must contain only scalar and instant vector types");
    if (rt != ValueType::Scalar && rt != ValueType::Vector)
      fail(n.rhs->begin, "binary expression must contain only scalar and instant vector types");
    if (lt != ValueType::Vector || rt != ValueType::Vector) {
      if (!n.matching_labels.empty()) fail(n.begin, "vector matching only allowed between instant vectors");
      n.has_matching = false;
    } else if (is_set_operator(n.op) && (n.card == Card::OneToMany || n.card == Card::ManyToOne)) {
      fail(n.begin, std::string("no grouping allowed for \"") + op_text(n.op) + "\" operation");
    }
    if ((lt == ValueType::Scalar || rt == ValueType::Scalar) && is_set_operator(n.op))
      fail(n.begin, std::string("set operator \"") + op_text(n.op) + "\" not allowed in binary scalar expression");
  }

  [[gnu::noinline]] void check_call(const Expr& n) {
    const Function& f = *n.func;
    const auto nargs = static_cast<long>(f.arg_types.size());
    const auto got = static_cast<long>(n.args.size());
    const auto name = [&] { return gotext::quote(f.name); };
    if (f.variadic == 0) {
      if (nargs != got)
        fail(n.begin, "expected " + std::to_string(nargs) + " argument(s) in call to " + name() + ", got " +
                          std::to_string(got));
    } else {
      const long min = nargs - 1;
      if (min > got) {
        fail(n.begin, "expected at least " + std::to_string(min) + " argument(s) in call to " + name() + ", got " +
                          std::to_string(got));
      } else if (f.variadic > 0 && min + f.variadic < got) {
        fail(n.begin, "expected at most " + std::to_string(min + f.variadic) + " argument(s) in call to " + name() +
                          ", got " + std::to_string(got));
      }
    }
    const auto context = [&] { return "call to function " + name(); };
    for (long i = 0; i < got; ++i) {
      long k = i;
      if (i >= nargs) {
        if (f.variadic == 0) break;
        k = nargs - 1;
      }
      expect_type(*n.args[static_cast<std::size_t>(i)], f.arg_types[static_cast<std::size_t>(k)], context);
    }
  }

  [[gnu::noinline]] void check_selector(const Expr& n) {
    if (!n.text.empty()) {
      // The last matcher is the implicit name matcher.
      for (std::size_t i = 0; i + 1 < n.matchers.size(); ++i)
        if (n.matchers[i].name == "__name__")
          fail(n.begin, "metric name must not be set twice: " + gotext::quote(n.text) + " or " +
                            gotext::quote(n.matchers[i].value));
      return;
    }
    for (const Matcher& m : n.matchers)
      if (!m.matches_empty) return;
    fail(n.begin, "vector selector must contain at least one non-empty matcher");
  }

  std::string_view in_;
  ParseError error_;
};

}  // namespace

std::optional<ParseError> check_types(std::string_view input, Expr& root) { return Checker(input).run(root); }

}  // namespace rbc::promql::detail
