// promql/absent-for: an alert built on absent() that fires at once. A
// single failed scrape marks the target's series stale, absent() turns
// true for one evaluation and the alert fires and resolves: it flaps.
// `for:` of at least two scrape intervals rides out one missed scrape.
// Without rbc.yaml `server.scrape_interval` only `for: 0` is reported.
// absent_over_time(x[r]) already waits r: it is reported only when r plus
// `for:` is under two known scrape intervals.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/server_walk.hpp"

namespace rbc::checks {
namespace {

using promql::Expr;

// The absent()/absent_over_time() call that makes the alert flap, or null.
const Expr* flapping_absent(const model::RuleInfo& rule, std::int64_t scrape_ms) {
  const std::int64_t needed = 2 * scrape_ms;
  const Expr* found = nullptr;
  server::for_each_node(*rule.ast, [&](const Expr& e) {
    if (found) return;
    const std::string_view fn = server::call_name(e);
    if (fn == "absent") {
      if (scrape_ms > 0 ? rule.for_ms < needed : rule.for_ms == 0) found = &e;
    } else if (fn == "absent_over_time" && scrape_ms > 0 && !e.args.empty()) {
      const Expr* range = server::unparen(e.args[0]);
      if (range->range_ms + rule.for_ms < needed) found = &e;
    }
  });
  return found;
}

void run(const model::Project& project, Reporter& reporter) {
  const std::int64_t scrape_ms = server::scrape_interval_ms(project);
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting || !rule.ast) continue;
    const Expr* call = flapping_absent(rule, scrape_ms);
    if (!call) continue;
    const std::string fn(server::call_name(*call));
    const std::string has = rule.for_text ? "for: " + rule.for_text->value : std::string("no for:");
    const std::string message =
        scrape_ms > 0
            ? fmt::format("{}() turns true on a single missed scrape and the alert has {}; use for: {} or more "
                          "(two scrapes at server.scrape_interval {})",
                          fn, has, server::duration_text(2 * scrape_ms), server::duration_text(scrape_ms))
            : fmt::format("{}() turns true on a single missed scrape and the alert has {}, so it flaps; add a "
                          "for: of at least two scrape intervals",
                          fn, has);
    const Span at = rule.for_text ? rule.for_text->span : model::expr_span(rule, call->begin, call->end);
    reporter.report(rule, at, message);
  }
}

}  // namespace

extern const Check promql_absent_for;
const Check promql_absent_for{
    {"promql/absent-for", Severity::warning,
     "an alert on absent() without a for: long enough to ride out one missed scrape", false},
    run};

}  // namespace rbc::checks
