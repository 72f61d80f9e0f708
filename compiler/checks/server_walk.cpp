#include "checks/server_walk.hpp"

#include <array>

#include "promql/go_format.hpp"

namespace rbc::checks::server {
namespace {

using promql::Expr;
using promql::Kind;

// Suffixes exposition conventions reserve for counters (and the counter
// series of classic histograms and summaries).
constexpr std::array<std::string_view, 4> kCounterSuffixes{"_total", "_count", "_sum", "_bucket"};

// Names that by convention are gauges: info metrics, ratios, temperatures,
// points in time, limits and capacities.
constexpr std::array<std::string_view, 12> kGaugeSuffixes{
    "_info", "_ratio", "_percent", "_percentage", "_timestamp", "_timestamp_seconds",
    "_start_time_seconds", "_celsius", "_temperature", "_limit", "_capacity", "_gauge",
};

// Functions whose result is a per-second or per-window value: a series
// recorded from one is a gauge.
constexpr std::array<std::string_view, 14> kGaugeResults{
    "rate", "irate", "increase", "delta", "idelta", "deriv", "avg_over_time", "max_over_time", "min_over_time",
    "histogram_quantile", "predict_linear", "quantile_over_time", "stddev_over_time", "holt_winters",
};

bool ends_with_any(std::string_view name, std::span<const std::string_view> suffixes, std::string_view& hit) {
  for (std::string_view s : suffixes) {
    if (name.size() > s.size() && name.ends_with(s)) {
      hit = s;
      return true;
    }
  }
  return false;
}

// The function that produces the values of `e`, looking through
// parentheses, aggregations and arithmetic with a number.
std::string_view producing_call(const Expr* e) {
  for (int guard = 0; e && guard < 1000; ++guard) {
    e = unparen(e);
    if (e->kind == Kind::Call) return call_name(*e);
    if (e->kind == Kind::Aggregate && (e->op == promql::Op::Sum || e->op == promql::Op::Avg ||
                                       e->op == promql::Op::Min || e->op == promql::Op::Max)) {
      e = e->expr;
    } else if (e->kind == Kind::Binary && e->lhs && e->rhs && !promql::is_set_operator(e->op)) {
      e = e->lhs->type() == promql::ValueType::Scalar ? e->rhs : e->lhs;
    } else {
      return {};
    }
  }
  return {};
}

TypeEvidence from_metadata(load::MetricType type) {
  const std::string why = std::string("metrics metadata says ") + load::metric_type_name(type);
  switch (type) {
    case load::MetricType::counter:
      return {TypeEvidence::Kind::counter, TypeEvidence::Source::metadata, why};
    case load::MetricType::gauge:
    case load::MetricType::info:
    case load::MetricType::stateset:
    case load::MetricType::gaugehistogram:
      return {TypeEvidence::Kind::gauge, TypeEvidence::Source::metadata, why};
    case load::MetricType::histogram:
    case load::MetricType::summary:
      return {TypeEvidence::Kind::histogram, TypeEvidence::Source::metadata, why};
    case load::MetricType::untyped:
      break;
  }
  return {};
}

}  // namespace

std::vector<const Expr*> children(const Expr& e) {
  std::vector<const Expr*> out;
  switch (e.kind) {
    case Kind::Call:
      for (const Expr* a : e.args) {
        if (a) out.push_back(a);
      }
      break;
    case Kind::Aggregate:
      if (e.param) out.push_back(e.param);
      if (e.expr) out.push_back(e.expr);
      break;
    case Kind::Binary:
      if (e.lhs) out.push_back(e.lhs);
      if (e.rhs) out.push_back(e.rhs);
      break;
    case Kind::Unary:
    case Kind::Paren:
    case Kind::MatrixSelector:
    case Kind::Subquery:
      if (e.expr) out.push_back(e.expr);
      break;
    default:
      break;
  }
  return out;
}

const Expr* unparen(const Expr* e) {
  while (e && e->kind == Kind::Paren && e->expr) e = e->expr;
  return e;
}

std::string_view call_name(const Expr& e) {
  return e.kind == Kind::Call && e.func ? std::string_view(e.func->name) : std::string_view();
}

std::string_view metric_name(const Expr& selector) {
  if (selector.kind != Kind::VectorSelector) return {};
  if (!selector.text.empty()) return selector.text;
  for (const promql::Matcher& m : selector.matchers) {
    if (m.name == "__name__" && m.op == promql::MatchOp::Equal) return m.value;
  }
  return {};
}

const Expr* ranged_selector(const Expr* arg) {
  arg = unparen(arg);
  if (!arg || arg->kind != Kind::MatrixSelector || !arg->expr) return nullptr;
  return arg->expr->kind == Kind::VectorSelector ? arg->expr : nullptr;
}

RecordedSeries recorded_series(const model::Project& project) {
  RecordedSeries out;
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting && rule.ast) out.emplace(rule.name.value, &rule);
  }
  return out;
}

TypeEvidence type_of(const model::Project& project, const RecordedSeries& recorded, std::string_view name) {
  if (auto it = project.metric_types.find(name); it != project.metric_types.end()) {
    TypeEvidence e = from_metadata(it->second);
    if (e.kind != TypeEvidence::Kind::unknown) return e;
  }
  if (auto it = recorded.find(name); it != recorded.end()) {
    const std::string_view fn = producing_call(it->second->ast.get());
    for (std::string_view g : kGaugeResults) {
      if (fn == g) {
        return {TypeEvidence::Kind::gauge, TypeEvidence::Source::recording_rule,
                "the recording rule '" + std::string(name) + "' records a " + std::string(fn) + "() result"};
      }
    }
    return {};  // the rule's expression decides; names of recorded series say little
  }
  std::string_view hit;
  if (ends_with_any(name, kCounterSuffixes, hit)) {
    return {TypeEvidence::Kind::counter, TypeEvidence::Source::name, "its name ends in " + std::string(hit)};
  }
  if (ends_with_any(name, kGaugeSuffixes, hit) || name == "up") {
    return {TypeEvidence::Kind::gauge, TypeEvidence::Source::name,
            name == "up" ? std::string("'up' is a gauge") : "its name ends in " + std::string(hit)};
  }
  return {};
}

std::int64_t scrape_interval_ms(const model::Project& project) {
  return project.config.server.scrape_interval_ms.value_or(0);
}

Diagnostic& report_rule_as(Reporter& reporter, Severity severity, const model::RuleInfo& rule, Span span,
                           std::string message) {
  Diagnostic& d = reporter.report_as(severity, rule.file, span, std::move(message));
  d.group = rule.group;
  d.rule = rule.name.value;
  return d;
}

std::string duration_text(std::int64_t ms) { return promql::go::format_duration_ms(ms); }

}  // namespace rbc::checks::server
