// promql/offset-retention: a selector reads data older than the server
// keeps (rbc.yaml `server.retention`). When even its newest point (the
// offset) is past retention it can never return anything (error); when
// only the start of its range is, it silently covers less time than
// written (warning). Enclosing subqueries add their offset and range.
// Selectors pinned with `@` read absolute times and are left alone.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/server_walk.hpp"

namespace rbc::checks {
namespace {

using promql::Expr;
using promql::Kind;

struct Item {
  const Expr* node;
  std::int64_t newest_ms;  // enclosing subqueries evaluate from this far back ...
  std::int64_t oldest_ms;  // ... to this far back
  bool pinned;             // under an `@` modifier
};

void check_selector(const model::RuleInfo& rule, const Expr& selector, std::int64_t range_ms, const Item& outer,
                    std::int64_t retention_ms, Span at, Reporter& reporter) {
  const std::int64_t newest = outer.newest_ms + selector.offset_ms;
  const std::int64_t oldest = outer.oldest_ms + selector.offset_ms + range_ms;
  const std::string retention = server::duration_text(retention_ms);
  if (newest >= retention_ms) {
    reporter.report(rule, at,
                    fmt::format("reads data from {} ago, older than the server keeps (server.retention is {}); "
                                "it never returns anything",
                                server::duration_text(newest), retention));
  } else if (oldest > retention_ms) {
    server::report_rule_as(
        reporter, Severity::warning, rule, at,
        fmt::format("looks back {}, but the server keeps {} (server.retention); the oldest {} of the window "
                    "is never there",
                    server::duration_text(oldest), retention, server::duration_text(oldest - retention_ms)));
  }
}

void check_rule(const model::RuleInfo& rule, std::int64_t retention_ms, Reporter& reporter) {
  std::vector<Item> stack{{rule.ast.get(), 0, 0, false}};
  while (!stack.empty()) {
    const Item item = stack.back();
    stack.pop_back();
    const Expr& e = *item.node;
    const bool pinned = item.pinned || e.at != promql::AtKind::None;
    if (e.kind == Kind::MatrixSelector && e.expr && e.expr->kind == Kind::VectorSelector) {
      if (!pinned && e.expr->at == promql::AtKind::None) {
        check_selector(rule, *e.expr, e.range_ms, item, retention_ms,
                       model::expr_span(rule, e.begin, e.end), reporter);
      }
      continue;
    }
    if (e.kind == Kind::VectorSelector) {
      if (!pinned) {
        check_selector(rule, e, 0, item, retention_ms, model::expr_span(rule, e.begin, e.end),
                       reporter);
      }
      continue;
    }
    Item inner = item;
    inner.pinned = pinned;
    if (e.kind == Kind::Subquery) {
      inner.newest_ms += e.offset_ms;
      inner.oldest_ms += e.offset_ms + e.range_ms;
    }
    for (const Expr* c : server::children(e)) stack.push_back({c, inner.newest_ms, inner.oldest_ms, pinned});
  }
}

void run(const model::Project& project, Reporter& reporter) {
  const std::optional<std::int64_t> retention = project.config.server.retention_ms;
  if (!retention) return;
  for (const model::RuleInfo& rule : project.rules) {
    if (rule.ast) check_rule(rule, *retention, reporter);
  }
}

}  // namespace

extern const Check promql_offset_retention;
const Check promql_offset_retention{
    {"promql/offset-retention", Severity::error,
     "an offset or range reaches further back than the server's retention (server.retention)", false},
    run};

}  // namespace rbc::checks
