#include "model/expr_units.hpp"

#include <array>
#include <cstring>
#include <utility>

#include "model/expr_facts.hpp"

namespace rbc::model {

using promql::Expr;
using promql::Kind;
using promql::Op;

namespace {

// Deeper expressions get no unit: bounds the recursion of unit_of.
constexpr int kMaxDepth = 64;

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool strip_suffix(std::string_view& s, std::string_view suffix) {
  if (!ends_with(s, suffix)) return false;
  s.remove_suffix(suffix.size());
  return true;
}

bool is_constant(const Expr& e) {
  double ignored = 0;
  return fold_constant(e, ignored);
}

// The argument a function is about: the first one that is neither a
// constant nor a string (quantile_over_time(0.9, x[5m]) -> x[5m]).
const Expr* subject_arg(const Expr& call) {
  for (const Expr* a : call.args)
    if (a && a->kind != Kind::StringLiteral && !is_constant(*a)) return a;
  return nullptr;
}

bool name_in(const char* name, std::initializer_list<const char*> names) {
  for (const char* n : names)
    if (std::strcmp(name, n) == 0) return true;
  return false;
}

// rate()/irate()/deriv(): the counter's unit per second. Seconds per second
// is a fraction of time (CPU busy), so it is a ratio.
std::string per_second(const std::string& u) {
  if (u == "s") return "ratio";
  if (u == "B") return "B/s";
  if (u.empty()) return "/s";
  return "";
}

std::string unit_of_call(const Expr& e, int depth) {
  const char* name = e.func ? e.func->name : "";
  if (name_in(name, {"time", "timestamp"})) return "s";
  if (std::strcmp(name, "histogram_quantile") == 0) {
    // The quantile is in the unit of the buckets' `le` bounds.
    if (e.args.size() < 2 || !e.args[1]) return "";
    const std::string name_text = main_metric(*e.args[1]);
    std::string_view metric = name_text;
    if (!strip_suffix(metric, "_bucket")) return "";
    return unit_of_metric(metric);
  }
  const Expr* subject = subject_arg(e);
  if (!subject) return "";
  if (name_in(name, {"rate", "irate", "deriv"})) return per_second(unit_of(*subject, depth + 1));
  if (name_in(name, {"increase", "delta", "idelta", "avg_over_time", "min_over_time", "max_over_time",
                     "sum_over_time", "last_over_time", "quantile_over_time", "stddev_over_time", "abs",
                     "ceil", "floor", "round", "clamp", "clamp_min", "clamp_max", "sort", "sort_desc",
                     "label_replace", "label_join", "predict_linear", "holt_winters", "scalar", "vector"}))
    return unit_of(*subject, depth + 1);
  return "";  // counts (count_over_time, changes, absent...) and the rest
}

// A constant factor turns some units into others (`ratio * 100` is a
// percentage); any other scaling leaves a unit we cannot name.
std::string scaled_unit(const std::string& u, double k) {
  if (k == 1) return u;
  if (u == "ratio" && k == 100) return "%";
  if (u == "%" && k == 0.01) return "ratio";
  if (u == "s" && k == 1000) return "ms";
  if (u == "ms" && k == 0.001) return "s";
  return "";
}

std::string unit_of_binary(const Expr& e, int depth) {
  if (promql::is_set_operator(e.op)) return e.lhs ? unit_of(*e.lhs, depth + 1) : "";
  if (!e.lhs || !e.rhs) return "";
  if (promql::is_comparison(e.op)) {
    if (e.return_bool) return "";
    // A filter keeps the values of its query side.
    return unit_of(is_constant(*e.lhs) ? *e.rhs : *e.lhs, depth + 1);
  }
  if (e.op == Op::Mul || e.op == Op::Div) {
    const Product p = flatten_product(e);
    return scaled_unit(unit_of_product(p, depth + 1), p.scale);
  }
  if (e.op != Op::Add && e.op != Op::Sub) return "";
  if (is_time_call(*strip_parens(e.lhs)) || is_time_call(*strip_parens(e.rhs))) return "s";
  // An offset keeps the unit: `1 - ratio` is a ratio, `100 - pct` a percentage.
  if (is_constant(*e.lhs)) return unit_of(*e.rhs, depth + 1);
  if (is_constant(*e.rhs)) return unit_of(*e.lhs, depth + 1);
  std::string l = unit_of(*e.lhs, depth + 1);
  return l == unit_of(*e.rhs, depth + 1) ? l : "";
}

}  // namespace

const Expr* strip_parens(const Expr* e) {
  while (e && e->kind == Kind::Paren && e->expr) e = e->expr;
  return e;
}

const Expr* transparent_operand(const Expr& e) {
  switch (e.kind) {
    case Kind::Paren: return e.expr;
    case Kind::Aggregate:
      if (e.op == Op::Count || e.op == Op::CountValues || e.op == Op::Group || e.op == Op::Stddev ||
          e.op == Op::Stdvar)
        return nullptr;
      return e.expr;
    case Kind::Call:
      if (e.func && name_in(e.func->name, {"round", "ceil", "floor", "abs", "clamp", "clamp_min", "clamp_max",
                                           "sort", "sort_desc", "label_replace", "label_join"}))
        return subject_arg(e);
      return nullptr;
    default: return nullptr;
  }
}

bool is_time_call(const Expr& e) {
  return e.kind == Kind::Call && e.func && std::strcmp(e.func->name, "time") == 0;
}

Product flatten_product(const Expr& root) {
  Product p;
  std::vector<std::pair<const Expr*, bool>> work{{&root, false}};  // node, in denominator
  while (!work.empty()) {
    auto [e, den] = work.back();
    work.pop_back();
    if (!e) continue;
    if (e->kind == Kind::Paren) {
      work.push_back({e->expr, den});
      continue;
    }
    if (e->kind == Kind::Unary) {
      if (e->op == Op::Sub) p.scale = -p.scale;
      work.push_back({e->expr, den});
      continue;
    }
    if (e->kind == Kind::Binary && (e->op == Op::Mul || e->op == Op::Div)) {
      // rhs first so that the lhs is taken first: factors stay in source order.
      work.push_back({e->rhs, e->op == Op::Div ? !den : den});
      work.push_back({e->lhs, den});
      continue;
    }
    double c = 0;
    if (fold_constant(*e, c)) {
      p.scale = den ? p.scale / c : p.scale * c;
    } else {
      (den ? p.den : p.num).push_back(e);
    }
  }
  return p;
}

namespace {

std::string unit_of_base_name(std::string_view name) {
  strip_suffix(name, "_total");
  if (ends_with(name, "_bucket") || ends_with(name, "_count")) return "";
  strip_suffix(name, "_sum");
  static constexpr std::array<std::pair<std::string_view, const char*>, 14> kSuffixes{{
      {"_seconds", "s"},
      {"_milliseconds", "ms"},
      {"_ms", "ms"},
      {"_microseconds", "us"},
      {"_nanoseconds", "ns"},
      {"_minutes", "min"},
      {"_hours", "h"},
      {"_days", "d"},
      {"_bytes", "B"},
      {"_ratio", "ratio"},
      {"_percent", "%"},
      {"_percentage", "%"},
      {"_pct", "%"},
      {"_seconds_timestamp", "s"},
  }};
  for (const auto& [suffix, unit] : kSuffixes)
    if (ends_with(name, suffix)) return unit;
  return "";
}

}  // namespace

std::string unit_of_metric(std::string_view name) {
  std::string unit = unit_of_base_name(name);
  const auto last_colon = name.rfind(':');
  if (!unit.empty() || last_colon == std::string_view::npos) return unit;
  // A recording rule, `level:metric:operations`: the operations may say
  // "ratio" (`errors:ratio_1h`), else the metric part carries the unit
  // (`node:node_memory_bytes_total:sum`).
  const std::string_view operations = name.substr(last_colon + 1);
  if (operations == "ratio" || operations.substr(0, 6) == "ratio_") return "ratio";
  const auto first_colon = name.find(':');
  if (first_colon == last_colon) return "";
  return unit_of_base_name(name.substr(first_colon + 1, last_colon - first_colon - 1));
}

std::string unit_of(const Expr& expr, int depth) {
  if (depth > kMaxDepth) return "";
  const Expr& e = *strip_parens(&expr);
  switch (e.kind) {
    case Kind::VectorSelector: return unit_of_metric(e.text);
    case Kind::MatrixSelector:
    case Kind::Subquery:
    case Kind::Unary: return e.expr ? unit_of(*e.expr, depth + 1) : "";
    case Kind::Aggregate:
      if (e.op == Op::Count || e.op == Op::CountValues || e.op == Op::Group || !e.expr) return "";
      return unit_of(*e.expr, depth + 1);
    case Kind::Call: return unit_of_call(e, depth);
    case Kind::Binary: return unit_of_binary(e, depth);
    default: return "";
  }
}

std::string unit_of_product(const Product& p, int depth) {
  if (p.num.size() == 1 && p.den.empty()) return unit_of(*p.num[0], depth + 1);
  if (p.num.size() != 1 || p.den.size() != 1) return "";
  // An average: `rate(x_seconds_sum[5m]) / rate(x_seconds_count[5m])`.
  const std::string top_text = main_metric(*p.num[0]);
  const std::string bottom_text = main_metric(*p.den[0]);
  std::string_view top = top_text;
  std::string_view bottom = bottom_text;
  if (strip_suffix(top, "_sum") && ends_with(bottom, "_count")) return unit_of_metric(top);
  const Expr& den = *strip_parens(p.den[0]);
  std::string nu = unit_of(*p.num[0], depth + 1);
  if (den.kind == Kind::Aggregate && den.op == Op::Count) return nu;  // sum / count
  // Like over like (errors/total, used/size bytes, busy/total seconds).
  return nu == unit_of(*p.den[0], depth + 1) ? "ratio" : "";
}

std::string main_metric(const Expr& root) {
  const Expr* e = &root;
  // Bounded walk down one path (no recursion): enough for real expressions.
  for (int steps = 0; e && steps < 4 * kMaxDepth; ++steps) {
    switch (e->kind) {
      case Kind::VectorSelector: return e->text;
      case Kind::Paren:
      case Kind::MatrixSelector:
      case Kind::Subquery:
      case Kind::Unary:
      case Kind::Aggregate: e = e->expr; break;
      case Kind::Call:
        e = std::strcmp(e->func ? e->func->name : "", "histogram_quantile") == 0 && e->args.size() > 1
                ? e->args[1]
                : subject_arg(*e);
        break;
      case Kind::Binary:
        if (!e->lhs || !e->rhs) return "";
        e = is_constant(*e->lhs) ? e->rhs : e->lhs;
        break;
      default: return "";
    }
  }
  return "";
}

}  // namespace rbc::model
