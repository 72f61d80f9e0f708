// promql/rate-type: rate(), irate(), increase() or resets() over a series
// that is not a counter. They assume values only grow (a drop is read as a
// counter reset), so over a gauge they return nonsense. The evidence is
// the metrics metadata (rbc.yaml `server.metadata`), else the expression
// of the project's recording rule for the series, else the metric name;
// a name alone only makes the series suspect (info).
#include <array>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/server_walk.hpp"

namespace rbc::checks {
namespace {

constexpr std::array<std::string_view, 4> kCounterFunctions{"rate", "irate", "increase", "resets"};

bool wants_counter(std::string_view fn) {
  for (std::string_view f : kCounterFunctions) {
    if (f == fn) return true;
  }
  return false;
}

void check_call(const model::Project& project, const server::RecordedSeries& recorded,
                const model::RuleInfo& rule, const promql::Expr& call, Reporter& reporter) {
  const std::string_view fn = server::call_name(call);
  if (!wants_counter(fn) || call.args.empty()) return;
  const promql::Expr* selector = server::ranged_selector(call.args[0]);
  if (!selector) return;
  const std::string_view name = server::metric_name(*selector);
  if (name.empty()) return;
  const server::TypeEvidence evidence = server::type_of(project, recorded, name);
  if (evidence.kind != server::TypeEvidence::Kind::gauge) return;
  const bool by_name = evidence.source == server::TypeEvidence::Source::name;
  const std::string message =
      fmt::format("{}() expects a counter, but '{}' {} a gauge ({}); {}", fn, name, by_name ? "looks like" : "is",
                  evidence.why,
                  fn == "resets" ? "a gauge's drops are not resets"
                                 : "use deriv() or delta() for the change of a gauge");
  const Span at = model::expr_span(rule, call.begin, call.end);
  if (by_name) {
    server::report_rule_as(reporter, Severity::info, rule, at, message);
  } else {
    reporter.report(rule, at, message);
  }
}

void run(const model::Project& project, Reporter& reporter) {
  const server::RecordedSeries recorded = server::recorded_series(project);
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.ast) continue;
    server::for_each_node(*rule.ast, [&](const promql::Expr& e) {
      if (e.kind == promql::Kind::Call) check_call(project, recorded, rule, e, reporter);
    });
  }
}

}  // namespace

extern const Check promql_rate_type;
const Check promql_rate_type{
    {"promql/rate-type", Severity::warning,
     "rate(), irate(), increase() or resets() over a series that is not a counter", false},
    run};

}  // namespace rbc::checks
