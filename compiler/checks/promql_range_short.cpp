// promql/range-short: rate(), irate() or increase() over a window shorter
// than four scrape intervals. They need two samples in the window; with
// fewer than four intervals one missed or late scrape leaves one sample
// and the result disappears (the alert resolves, the graph has gaps).
// With rbc.yaml `server.scrape_interval` the check uses it (warning);
// without, it assumes 15s, the shortest interval in common use (the one
// Prometheus's example configuration sets), so it only reports windows
// that are too short even then (info).
#include <array>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/server_walk.hpp"

namespace rbc::checks {
namespace {

constexpr std::int64_t kAssumedScrapeMs = 15'000;
constexpr std::int64_t kIntervals = 4;

constexpr std::array<std::string_view, 3> kRateFunctions{"rate", "irate", "increase"};

bool is_rate(std::string_view fn) {
  for (std::string_view f : kRateFunctions) {
    if (f == fn) return true;
  }
  return false;
}

void check_call(const model::RuleInfo& rule, const promql::Expr& call, std::int64_t scrape_ms, bool known,
                Reporter& reporter) {
  const std::string_view fn = server::call_name(call);
  if (!is_rate(fn) || call.args.empty()) return;
  const promql::Expr* range = server::unparen(call.args[0]);
  if (!server::ranged_selector(range)) return;
  if (range->range_ms >= kIntervals * scrape_ms) return;
  const std::string message =
      known ? fmt::format("{}() over [{}] spans fewer than {} scrapes (server.scrape_interval is {}); use at "
                          "least [{}] so a missed scrape does not empty the result",
                          fn, server::duration_text(range->range_ms), kIntervals, server::duration_text(scrape_ms),
                          server::duration_text(kIntervals * scrape_ms))
            : fmt::format("{}() over [{}] spans fewer than {} scrapes even at a 15s scrape interval; use at least "
                          "[{}] (set server.scrape_interval in rbc.yaml for an exact check)",
                          fn, server::duration_text(range->range_ms), kIntervals,
                          server::duration_text(kIntervals * scrape_ms));
  const Span at = model::expr_span(rule, range->begin, range->end);
  if (known) {
    reporter.report(rule, at, message);
  } else {
    server::report_rule_as(reporter, Severity::info, rule, at, message);
  }
}

void run(const model::Project& project, Reporter& reporter) {
  const std::int64_t configured = server::scrape_interval_ms(project);
  const std::int64_t scrape_ms = configured > 0 ? configured : kAssumedScrapeMs;
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.ast) continue;
    server::for_each_node(*rule.ast, [&](const promql::Expr& e) {
      if (e.kind == promql::Kind::Call) check_call(rule, e, scrape_ms, configured > 0, reporter);
    });
  }
}

}  // namespace

extern const Check promql_range_short;
const Check promql_range_short{
    {"promql/range-short", Severity::warning,
     "rate(), irate() or increase() over a window shorter than four scrape intervals", false},
    run};

}  // namespace rbc::checks
