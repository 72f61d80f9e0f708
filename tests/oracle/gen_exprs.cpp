// Typed expression structure: selectors, ranges, subqueries, modifiers,
// unary operators and the dispatch by result type.
#include <utility>

#include "gen_core.hpp"

namespace rbc::oracle::detail {
namespace {

constexpr std::size_t kTokenBudget = 160;  // keeps expressions readable and promtool fast

Ty other_type(Rng& rng, Ty not_this) {
  static const Ty all[] = {Ty::vector, Ty::matrix, Ty::scalar, Ty::string};
  Ty t = not_this;
  while (t == not_this) t = rng.pick(all);
  return t;
}

}  // namespace

Frag leaf(std::string text, int level, Kind kind) {
  Frag f;
  f.toks.push_back(std::move(text));
  f.level = level;
  f.kind = kind;
  return f;
}

void Gen::append(Frag& dst, const Frag& src) { dst.toks.insert(dst.toks.end(), src.toks.begin(), src.toks.end()); }

Frag Gen::paren(Frag f) {
  Frag out = leaf("(");
  append(out, f);
  out.toks.push_back(")");
  return out;
}

Frag Gen::wrap(Frag f, int max_level) {
  if (f.level > max_level) {
    if (fault(4)) return f;  // forgotten parentheses: usually changes or breaks the parse
    return paren(std::move(f));
  }
  if (rng_.chance(4)) return paren(std::move(f));  // redundant parentheses
  return f;
}

Frag Gen::expr(Ty type, int depth) {
  token_budget_ += 1;
  if (token_budget_ > kTokenBudget) depth = 0;
  if (fault(2)) type = other_type(rng_, type);  // wrong operand/argument type
  switch (type) {
    case Ty::vector: return vector_expr(depth);
    case Ty::matrix: return matrix_expr(depth);
    case Ty::scalar: return scalar_expr(depth);
    case Ty::string: return string_expr();
  }
  return vector_expr(depth);
}

Frag Gen::vector_expr(int depth) {
  if (depth <= 0) {
    if (rng_.chance(85)) return selector();
    return function_call(Ty::vector, 0);
  }
  const std::size_t choice = rng_.below(20);
  if (choice < 4) return selector();
  if (choice < 8) return function_call(Ty::vector, depth - 1);
  if (choice < 11) return aggregation(depth - 1);
  if (choice < 16) return vector_binary(depth - 1);
  if (choice < 17) return unary_expr(Ty::vector, depth - 1);
  if (choice < 19) {
    Frag f = paren(vector_expr(depth - 1));
    modifiers(f);  // only ever adds a (misplaced) modifier as a fault
    return f;
  }
  Frag f = leaf("vector");
  f.toks.push_back("(");
  append(f, expr(Ty::scalar, depth - 1));
  f.toks.push_back(")");
  return f;
}

Frag Gen::scalar_expr(int depth) {
  const std::size_t choice = depth <= 0 ? rng_.below(10) : rng_.below(20);
  if (choice < 6) {
    if (fault(3)) return leaf(rng_.chance(50) ? bad_number() : duration());
    return leaf(number());
  }
  if (choice < 8) {  // signed literal: folded by Prometheus, still binds like a unary
    Frag f = leaf(rng_.chance(70) ? "-" : "+", kUnary);
    if (rng_.chance(15)) f.toks.push_back(rng_.chance(50) ? "-" : "+");
    f.toks.push_back(number());
    return f;
  }
  if (choice < 10) return function_call(Ty::scalar, depth - 1);
  if (choice < 15) return scalar_binary(depth - 1);
  if (choice < 17) return unary_expr(Ty::scalar, depth - 1);
  if (choice < 19) return paren(scalar_expr(depth - 1));
  return function_call(Ty::scalar, depth - 1);
}

Frag Gen::string_expr() {
  Frag f = leaf(fault(8) ? bad_string() : string_lit());
  if (rng_.chance(10)) return paren(std::move(f));
  return f;
}

Frag Gen::matrix_expr(int depth) {
  if (depth <= 0 || rng_.chance(65)) return range_selector();
  return subquery(depth - 1);
}

Frag Gen::range_selector() {
  Frag f = selector(false);
  if (fault(6)) {  // offset/@ before the range: "no offset modifiers allowed before range"
    if (rng_.chance(50)) {
      f.toks.push_back(keyword_case("offset"));
      f.toks.push_back(duration());
    } else {
      f.toks.push_back("@");
      if (rng_.chance(50)) {
        f.toks.push_back(std::to_string(rng_.below(100000)));
      } else {  // the v2.42 quirk: `@ start() [5m]` is accepted
        f.toks.insert(f.toks.end(), {"start", "(", ")"});
      }
    }
  } else if (fault(5)) {
    // "ranges only allowed for vector selectors"
    f = rng_.chance(50) ? function_call(Ty::vector, 0) : paren(selector(false));
  }
  const bool at_before = rng_.chance(1);
  if (at_before) {
    f.toks.insert(f.toks.end(), {"@", keyword_case(rng_.chance(50) ? "start" : "end"), "(", ")"});  // v2.42 quirk
  }
  f.toks.push_back("[");
  if (fault(2)) f.toks.push_back("# c\n");  // v2.42: no comment right after `[`
  f.toks.push_back(fault(12) ? bad_duration() : duration());
  f.toks.push_back("]");
  f.kind = Kind::range;
  f.level = kAtom;
  f.has_offset = false;
  f.has_at = at_before;
  if (fault(4)) {  // a second range or a subquery on a range
    f.toks.push_back("[");
    f.toks.push_back(duration());
    if (rng_.chance(50)) f.toks.push_back(":");
    f.toks.push_back("]");
  }
  modifiers(f);
  return f;
}

Frag Gen::subquery(int depth) {
  // Only an instant vector may be subqueried ("got matrix/scalar/string instead").
  static const Ty wrong[] = {Ty::matrix, Ty::matrix, Ty::scalar, Ty::string};
  Frag f = fault(6) ? expr(rng_.pick(wrong), depth) : vector_expr(depth);
  if (f.level != kAtom) f = paren(std::move(f));
  f.toks.push_back("[");
  if (fault(3)) f.toks.push_back("# c\n");  // v2.42: no comment right after `[`
  f.toks.push_back(fault(8) ? bad_duration() : duration());
  if (fault(8)) {
    // v2.42 lexes a letter inside brackets as the colon (`foo[5m x 1m]` parses);
    // other junk between the durations is a syntax error.
    static const char* const seps[] = {"x", "_", "Z", "::", ",", "1m", "\"a\"", "a b"};
    f.toks.push_back(rng_.pick(seps));
  } else if (rng_.chance(1)) {
    f.toks.push_back(rng_.chance(50) ? "x" : "_");  // v2.42 quirk: a letter inside brackets acts as `:`
  } else {
    f.toks.push_back(":");
  }
  if (fault(5)) {
    static const char* const junk[] = {":", "1", "5m:", "-1m", ",", "1m1"};
    f.toks.push_back(rng_.pick(junk));
  } else if (rng_.chance(60)) {
    f.toks.push_back(fault(8) ? bad_duration() : duration());
  }
  f.toks.push_back("]");
  f.kind = Kind::subquery;
  f.level = kAtom;
  f.has_offset = f.has_at = false;
  modifiers(f);
  return f;
}

void Gen::modifiers(Frag& f) {
  const bool allowed = f.kind != Kind::other;
  for (int round = 0; round < 2; ++round) {
    if (!rng_.chance(allowed ? 22 : 3)) continue;
    if (!allowed && !fault(100)) return;  // a misplaced modifier is only ever a fault
    const bool want_offset = rng_.chance(50);
    if (want_offset) {
      if (f.has_offset && !fault(100)) continue;
      f.toks.push_back(keyword_case("offset"));
      if (fault(10)) {
        static const char* const junk[] = {"+", "1", "bar", "@", "-", "0", "5m5m"};
        f.toks.push_back(rng_.pick(junk));
        if (rng_.chance(60)) f.toks.push_back(duration());
      } else {
        if (rng_.chance(25)) f.toks.push_back("-");
        f.toks.push_back(fault(10) ? bad_duration() : duration());
      }
      f.has_offset = true;
    } else {
      if (f.has_at && !fault(100)) continue;
      f.toks.push_back("@");
      if (fault(12)) {
        static const char* const junk[] = {"1m", "Inf", "-Inf", "NaN", "1e19", "9223372036854775807", "time",
                                           "start", "(", "@", "'x'", "end", "9223372036854776", "1e17",
                                           "-9223372036854776", "foo"};
        const std::string j = rng_.pick(junk);
        f.toks.push_back(j);
        if (j == "time" || (j == "end" && rng_.chance(50))) {
          f.toks.push_back("(");
          f.toks.push_back(")");
        } else if (j == "(") {
          f.toks.push_back("1");
          f.toks.push_back(")");
        }
      } else if (rng_.chance(30)) {
        f.toks.push_back(keyword_case(rng_.chance(50) ? "start" : "end"));
        f.toks.push_back("(");
        f.toks.push_back(")");
      } else {
        if (rng_.chance(25)) f.toks.push_back(rng_.chance(70) ? "-" : "+");
        static const char* const odd[] = {"0x1F", "1e3", "1.5", ".5", "0755", "08", "1E6", "0", "5.",
                                          "1.2345", "0.0005", "0.0015", "1e-3", "123.4567", "1e10",
                                          "9223372036854775", "1e16", "0.0004999"};
        f.toks.push_back(rng_.chance(80) ? std::to_string(rng_.below(2000000000)) : rng_.pick(odd));
      }
      f.has_at = true;
    }
  }
}

Frag Gen::selector(bool with_modifiers) {
  Frag f;
  const std::size_t form = rng_.below(20);
  std::string name;
  if (form < 15) {
    name = fault(4) ? bad_metric_name() : metric_name();
    f.toks.push_back(name);
  }
  if (form >= 8) append(f, matchers(!name.empty()));
  f.kind = Kind::selector;
  f.level = kAtom;
  if (with_modifiers) modifiers(f);
  return f;
}

Frag Gen::matchers(bool has_name) {
  Frag f = leaf("{");
  std::vector<Frag> items;
  const std::size_t count = rng_.below(4);
  for (std::size_t i = 0; i < count; ++i) {
    Frag m;
    std::string label = fault(3) ? "a:b" : label_name();
    if (label == "__name__" || (!has_name && rng_.chance(8))) label = has_name && !fault(40) ? "job" : "__name__";
    m.toks.push_back(label);
    static const char* const ops[] = {"=", "!=", "=~", "!~"};
    std::string op = rng_.pick(ops);
    if (fault(3)) op = rng_.chance(50) ? "==" : "~";
    m.toks.push_back(op);
    if (fault(3)) {
      m.toks.push_back(rng_.chance(50) ? "1" : "bar");
    } else if (op.size() == 2 && op[1] == '~') {
      m.toks.push_back(fault(8) ? bad_regex_lit() : regex_lit(false));
    } else {
      m.toks.push_back(fault(4) ? bad_string() : string_lit());
    }
    items.push_back(std::move(m));
  }
  // A selector without a name needs one matcher that rejects the empty value.
  if (!has_name && !fault(30)) {
    Frag anchor = leaf(rng_.chance(85) ? label_name() : "__name__");
    switch (rng_.below(4)) {
      case 0: anchor.toks.push_back("="); anchor.toks.push_back(quote(rng_.chance(50) ? "x" : "job:é")); break;
      case 1: anchor.toks.push_back("!="); anchor.toks.push_back(quote("")); break;
      case 2: anchor.toks.push_back("=~"); anchor.toks.push_back(regex_lit(true)); break;
      default: anchor.toks.push_back("!~"); anchor.toks.push_back(quote(".*")); break;
    }
    items.insert(items.begin() + static_cast<std::ptrdiff_t>(rng_.below(items.size() + 1)), std::move(anchor));
  }
  if (fault(3)) f.toks.push_back(",");
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) f.toks.push_back(",");
    if (i > 0 && fault(2)) f.toks.push_back(",");
    append(f, items[i]);
  }
  if (!items.empty() && rng_.chance(12)) f.toks.push_back(",");
  f.toks.push_back("}");
  if (fault(2)) append(f, leaf(rng_.chance(50) ? "{}" : "{c=\"d\"}"));
  return f;
}

Frag Gen::unary_expr(Ty type, int depth) {
  Frag f = leaf(rng_.chance(75) ? "-" : "+", kUnary);
  Frag operand = expr(type, depth);
  if (operand.level > kPow) {
    operand = fault(5) ? operand : paren(std::move(operand));
  }
  append(f, operand);
  return f;
}

}  // namespace rbc::oracle::detail
