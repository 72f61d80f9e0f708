#include "emit/boundary_eval.hpp"

#include "model/expr_facts.hpp"

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>
#include <string_view>
#include <utility>

namespace rbc::emit::boundary {

using promql::Expr;
using promql::Kind;
using promql::Op;

namespace {

struct Unsupported {
  std::string reason;
};

[[noreturn]] void unsupported(std::string reason) { throw Unsupported{std::move(reason)}; }

struct Value {
  bool scalar = false;
  double s = 0;
  std::vector<Sample> v;
};

struct Point {
  std::int64_t t = 0;
  double v = 0;
};

std::string label_of(const Labels& l, const std::string& name) {
  auto it = l.find(name);
  return it == l.end() ? std::string() : it->second;
}

bool regex_full_match(const std::string& re, const std::string& value) {
  try {
    return std::regex_match(value, std::regex(re, std::regex::ECMAScript));
  } catch (const std::regex_error&) {
    unsupported("regular expression \"" + re + "\" is beyond the test generator");
  }
}

bool matches(const promql::Matcher& m, const Labels& l) {
  const std::string v = label_of(l, m.name);
  switch (m.op) {
    case promql::MatchOp::Equal: return v == m.value;
    case promql::MatchOp::NotEqual: return v != m.value;
    case promql::MatchOp::Regex: return regex_full_match(m.value, v);
    case promql::MatchOp::NotRegex: return !regex_full_match(m.value, v);
  }
  return false;
}

Labels without_name(Labels l) {
  l.erase("__name__");
  return l;
}

// The labels vector matching compares: on(...) keeps the listed ones,
// otherwise everything but ignoring(...) and the metric name.
Labels signature(const Labels& l, const Expr& bin) {
  Labels out;
  if (bin.on) {
    for (const auto& name : bin.matching_labels) {
      auto it = l.find(name);
      if (it != l.end()) out.insert(*it);
    }
    return out;
  }
  out = without_name(l);
  for (const auto& name : bin.matching_labels) out.erase(name);
  return out;
}

double arith(Op op, double a, double b) {
  switch (op) {
    case Op::Add: case Op::Sub: case Op::Mul: case Op::Div: case Op::Mod: case Op::Pow: case Op::Atan2:
      return model::arithmetic(op, a, b);
    default:
      unsupported(std::string("operator ") + promql::op_text(op));
  }
}

bool compare(Op op, double a, double b) {
  switch (op) {
    case Op::Eql: return a == b;
    case Op::Neq: return a != b;
    case Op::Lss: return a < b;
    case Op::Lte: return a <= b;
    case Op::Gtr: return a > b;
    case Op::Gte: return a >= b;
    default: break;
  }
  return false;
}

class Evaluator {
 public:
  Evaluator(const std::vector<Series>& series, std::int64_t t, std::int64_t interval)
      : series_(series), t_(t), interval_(interval) {}

  Value eval(const Expr& e) {
    switch (e.kind) {
      case Kind::NumberLiteral: return scalar(e.number);
      case Kind::Paren: return eval(*e.expr);
      case Kind::Unary: return unary(e);
      case Kind::VectorSelector: return instant(e);
      case Kind::Call: return call(e);
      case Kind::Aggregate: return aggregate(e);
      case Kind::Binary: return binary(e);
      default: break;
    }
    unsupported(std::string(promql::kind_name(e.kind)) + " expressions");
  }

 private:
  static Value scalar(double s) {
    Value v;
    v.scalar = true;
    v.s = s;
    return v;
  }

  void check_plain(const Expr& vs) const {
    if (vs.offset_ms != 0 || vs.at != promql::AtKind::None) unsupported("offset and @ modifiers");
    bool named = false;
    for (const auto& m : vs.matchers) named |= m.name == "__name__" && m.op == promql::MatchOp::Equal;
    if (!named) unsupported("a selector without a metric name");
  }

  std::vector<const Series*> select(const Expr& vs) const {
    check_plain(vs);
    std::vector<const Series*> out;
    for (const auto& s : series_) {
      bool all = true;
      for (const auto& m : vs.matchers) all = all && matches(m, s.labels);
      if (all) out.push_back(&s);
    }
    std::sort(out.begin(), out.end(), [](const Series* a, const Series* b) { return a->labels < b->labels; });
    return out;
  }

  std::vector<Point> points(const Series& s, std::int64_t range_ms) const {
    std::vector<Point> out;
    // Start at the first step inside the window, not at 0: evaluations late
    // in a long scenario would otherwise walk every earlier step each time.
    const std::int64_t from = t_ - range_ms;
    std::int64_t step = from <= 0 ? 0 : (from + interval_ - 1) / interval_;
    for (; step * interval_ <= t_; ++step) {
      const std::int64_t ts = step * interval_;
      if (ts >= from) out.push_back({ts, series_value(s, step, interval_)});
    }
    return out;
  }

  Value instant(const Expr& vs) const {
    Value out;
    if (t_ < 0) return out;
    for (const Series* s : select(vs)) out.v.push_back({s->labels, series_value(*s, t_ / interval_, interval_)});
    return out;
  }

  Value unary(const Expr& e) {
    Value v = eval(*e.expr);
    if (e.op != Op::Sub) return v;
    if (v.scalar) return scalar(-v.s);
    for (auto& s : v.v) {
      s.value = -s.value;
      s.labels.erase("__name__");
    }
    return v;
  }

  // rate(), increase() and delta() as Prometheus 2.42 extrapolates them.
  static bool extrapolated(const std::vector<Point>& p, std::int64_t start, std::int64_t end, std::int64_t range_ms,
                           bool counter, bool is_rate, double& out) {
    if (p.size() < 2) return false;
    double result = p.back().v - p.front().v;
    if (counter) {
      double last = 0;
      for (const auto& pt : p) {
        if (pt.v < last) result += last;
        last = pt.v;
      }
    }
    double to_start = static_cast<double>(p.front().t - start) / 1000;
    const double to_end = static_cast<double>(end - p.back().t) / 1000;
    const double sampled = static_cast<double>(p.back().t - p.front().t) / 1000;
    const double average = sampled / static_cast<double>(p.size() - 1);
    if (counter && result > 0 && p.front().v >= 0) {
      const double to_zero = sampled * (p.front().v / result);
      if (to_zero < to_start) to_start = to_zero;
    }
    const double threshold = average * 1.1;
    double interval = sampled;
    interval += to_start < threshold ? to_start : average / 2;
    interval += to_end < threshold ? to_end : average / 2;
    result = result * (interval / sampled);
    if (is_rate) result = result / (static_cast<double>(range_ms) / 1000);
    out = result;
    return true;
  }

  static bool irate(const std::vector<Point>& p, double& out) {
    if (p.size() < 2) return false;
    const Point& last = p[p.size() - 1];
    const Point& prev = p[p.size() - 2];
    double delta = last.v - prev.v;
    if (last.v < prev.v) delta = last.v;
    out = delta / (static_cast<double>(last.t - prev.t) / 1000);
    return true;
  }

  static bool over_time(const std::string& name, const std::vector<Point>& p, double& out) {
    if (p.empty()) return false;
    if (name == "count_over_time") {
      out = static_cast<double>(p.size());
    } else if (name == "sum_over_time") {
      out = 0;
      for (const auto& pt : p) out += pt.v;
    } else if (name == "avg_over_time") {
      double mean = 0, count = 0;
      for (const auto& pt : p) {
        count += 1;
        mean += pt.v / count - mean / count;
      }
      out = mean;
    } else if (name == "max_over_time" || name == "min_over_time") {
      out = p.front().v;
      for (const auto& pt : p) out = name == "max_over_time" ? std::max(out, pt.v) : std::min(out, pt.v);
    } else if (name == "last_over_time") {
      out = p.back().v;
    } else {
      return false;
    }
    return true;
  }

  Value range_call(const Expr& e) {
    const Expr& ms = *e.args.at(0);
    if (ms.kind != Kind::MatrixSelector) unsupported("subqueries");
    const Expr& vs = *ms.expr;
    const std::string name = e.func->name;
    Value out;
    for (const Series* s : select(vs)) {
      const auto p = points(*s, ms.range_ms);
      double v = 0;
      bool have = false;
      if (name == "rate" || name == "increase" || name == "delta") {
        have = extrapolated(p, t_ - ms.range_ms, t_, ms.range_ms, name != "delta", name == "rate", v);
      } else if (name == "irate") {
        have = irate(p, v);
      } else if (name.size() > 10 && name.compare(name.size() - 10, 10, "_over_time") == 0) {
        if (!over_time(name, p, v)) unsupported(name + "()");
        have = true;
      } else {
        unsupported(name + "()");
      }
      if (!have) continue;
      Labels l = s->labels;
      if (name != "last_over_time") l.erase("__name__");
      out.v.push_back({l, v});
    }
    return out;
  }

  Value absent(const Expr& e) {
    Value arg = eval(*e.args.at(0));
    Value out;
    if (!arg.v.empty()) return out;
    Labels l;
    const Expr* sel = e.args[0];
    while (sel->kind == Kind::Paren) sel = sel->expr;
    if (sel->kind == Kind::VectorSelector) {
      for (const auto& m : sel->matchers)
        if (m.op == promql::MatchOp::Equal && m.name != "__name__") l[m.name] = m.value;
    } else {
      unsupported("absent() of anything but a selector");
    }
    out.v.push_back({l, 1});
    return out;
  }

  Value call(const Expr& e) {
    const std::string name = e.func->name;
    if (name == "time") return scalar(static_cast<double>(t_) / 1000);
    if (name == "absent") return absent(e);
    if (!e.args.empty() && e.args[0]->kind == Kind::MatrixSelector) return range_call(e);
    if (name == "abs" || name == "clamp_min" || name == "clamp_max" || name == "clamp") {
      Value v = eval(*e.args.at(0));
      std::vector<double> bounds;
      for (std::size_t i = 1; i < e.args.size(); ++i) {
        Value b = eval(*e.args[i]);
        if (!b.scalar) unsupported(name + "() with a vector bound");
        bounds.push_back(b.s);
      }
      for (auto& s : v.v) {
        if (name == "abs") s.value = std::fabs(s.value);
        if (name == "clamp_min") s.value = std::max(bounds.at(0), s.value);
        if (name == "clamp_max") s.value = std::min(bounds.at(0), s.value);
        if (name == "clamp") s.value = std::max(bounds.at(0), std::min(bounds.at(1), s.value));
        s.labels.erase("__name__");
      }
      return v;
    }
    unsupported(name + "()");
  }

  Value aggregate(const Expr& e) {
    if (e.op != Op::Sum && e.op != Op::Avg && e.op != Op::Min && e.op != Op::Max && e.op != Op::Count &&
        e.op != Op::Group)
      unsupported(std::string(promql::op_text(e.op)) + " aggregation");
    Value in = eval(*e.expr);
    struct Group {
      Labels labels;
      double value = 0;
      double count = 0;
    };
    std::vector<Group> groups;
    for (const auto& s : in.v) {
      Labels key;
      if (e.without) {
        key = without_name(s.labels);
        for (const auto& g : e.grouping) key.erase(g);
      } else {
        for (const auto& g : e.grouping) {
          auto it = s.labels.find(g);
          if (it != s.labels.end() && !it->second.empty()) key.insert(*it);
        }
      }
      auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.labels == key; });
      if (it == groups.end()) {
        groups.push_back({key, s.value, 1});
        continue;
      }
      Group& g = *it;
      g.count += 1;
      switch (e.op) {
        case Op::Sum: g.value += s.value; break;
        case Op::Avg: g.value += s.value / g.count - g.value / g.count; break;
        case Op::Min: g.value = std::min(g.value, s.value); break;
        case Op::Max: g.value = std::max(g.value, s.value); break;
        default: break;
      }
    }
    Value out;
    for (const auto& g : groups) {
      double v = g.value;
      if (e.op == Op::Count) v = g.count;
      if (e.op == Op::Group) v = 1;
      out.v.push_back({g.labels, v});
    }
    return out;
  }

  Value binary(const Expr& e) {
    Value l = eval(*e.lhs);
    Value r = eval(*e.rhs);
    const bool cmp = promql::is_comparison(e.op);
    if (l.scalar && r.scalar) {
      if (cmp) return scalar(compare(e.op, l.s, r.s) ? 1 : 0);
      return scalar(arith(e.op, l.s, r.s));
    }
    if (promql::is_set_operator(e.op)) return set_op(e, l, r);
    if (l.scalar || r.scalar) return vector_scalar(e, l.scalar ? r : l, l.scalar ? l.s : r.s, l.scalar);
    return vector_vector(e, l, r);
  }

  static Value vector_scalar(const Expr& e, Value vec, double s, bool swapped) {
    const bool cmp = promql::is_comparison(e.op);
    Value out;
    for (auto& smp : vec.v) {
      const double a = swapped ? s : smp.value;
      const double b = swapped ? smp.value : s;
      if (cmp) {
        const bool keep = compare(e.op, a, b);
        if (e.return_bool) {
          smp.value = keep ? 1 : 0;
          smp.labels.erase("__name__");
        } else if (!keep) {
          continue;
        }
      } else {
        smp.value = arith(e.op, a, b);
        smp.labels.erase("__name__");
      }
      out.v.push_back(std::move(smp));
    }
    return out;
  }

  static Value vector_vector(const Expr& e, const Value& l, const Value& r) {
    if (e.card != promql::Card::OneToOne) unsupported("group_left/group_right");
    const bool cmp = promql::is_comparison(e.op);
    std::map<Labels, const Sample*> right;
    for (const auto& s : r.v)
      if (!right.emplace(signature(s.labels, e), &s).second) unsupported("many-to-many matching");
    std::set<Labels> seen;
    Value out;
    for (const auto& s : l.v) {
      const Labels sig = signature(s.labels, e);
      auto it = right.find(sig);
      if (it == right.end()) continue;
      if (!seen.insert(sig).second) unsupported("many-to-one matching without group_left");
      double v = s.value;
      if (cmp) {
        const bool keep = compare(e.op, s.value, it->second->value);
        if (e.return_bool) v = keep ? 1 : 0;
        else if (!keep) continue;
      } else {
        v = arith(e.op, s.value, it->second->value);
      }
      Labels labels = s.labels;
      if (!cmp || e.return_bool) labels.erase("__name__");
      if (e.on) {
        labels = sig;
      } else {
        for (const auto& name : e.matching_labels) labels.erase(name);
      }
      out.v.push_back({labels, v});
    }
    return out;
  }

  static Value set_op(const Expr& e, const Value& l, const Value& r) {
    if (l.scalar || r.scalar) unsupported("set operators on scalars");
    std::set<Labels> right;
    for (const auto& s : r.v) right.insert(signature(s.labels, e));
    Value out;
    if (e.op == Op::Or) {
      std::set<Labels> left;
      for (const auto& s : l.v) {
        left.insert(signature(s.labels, e));
        out.v.push_back(s);
      }
      for (const auto& s : r.v)
        if (!left.count(signature(s.labels, e))) out.v.push_back(s);
      return out;
    }
    for (const auto& s : l.v) {
      const bool in_right = right.count(signature(s.labels, e)) > 0;
      if ((e.op == Op::And) == in_right) out.v.push_back(s);
    }
    return out;
  }

  const std::vector<Series>& series_;
  std::int64_t t_;
  std::int64_t interval_;
};

}  // namespace

double series_value(const Series& s, std::int64_t step, std::int64_t interval_ms) {
  const double i = static_cast<double>(step);
  switch (s.kind) {
    case SeriesKind::counter: return s.knob * i;
    case SeriesKind::gauge: return s.knob;
    case SeriesKind::clock: return s.knob + i * static_cast<double>(interval_ms / 1000);
  }
  return s.knob;
}

EvalResult evaluate(const promql::Expr& expr, const std::vector<Series>& series, std::int64_t t_ms,
                    std::int64_t interval_ms) {
  EvalResult result;
  try {
    Value v = Evaluator(series, t_ms, interval_ms).eval(expr);
    if (v.scalar) unsupported("an expression that returns a scalar");
    result.samples = std::move(v.v);
  } catch (const Unsupported& u) {
    result.ok = false;
    result.error = u.reason;
  }
  return result;
}

}  // namespace rbc::emit::boundary
