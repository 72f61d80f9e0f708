// The scenarios of one alert's boundary test: series values found by
// searching for the threshold with the evaluator, then a step-by-step
// simulation of the alert's pending/firing state (as the rule manager
// runs it under promtool) to predict exactly which alerts promtool sees.
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "emit/boundary_eval.hpp"
#include "model/project.hpp"
#include "promql/ast.hpp"

namespace rbc::emit::boundary {

struct AlertRule {
  const model::RuleInfo* info = nullptr;
  const promql::Expr* expr = nullptr;
};

struct ExpectedAlert {
  Labels labels;  // without alertname (promtool adds it)
  std::vector<std::pair<std::string, std::string>> annotations;
};

struct Check {
  std::int64_t t_ms = 0;
  std::vector<ExpectedAlert> alerts;
};

struct Scenario {
  std::string comment;
  std::vector<Series> series;
  std::int64_t steps = 0;  // samples per series: steps + 1
  std::vector<Check> checks;
};

struct AlertTests {
  bool ok = true;
  std::string error;
  std::vector<Scenario> scenarios;
};

// rules[0] is the alert to test; the others have the same name in the same
// file (promtool reports them together), so their alerts are expected too.
// The series are sampled, and the rules evaluated, every interval_ms.
AlertTests build_alert_tests(const std::vector<AlertRule>& rules, std::int64_t interval_ms);

// The sample interval an expression needs: 1m, or 15s when it reads
// ranges shorter than 2m. A test file uses the smallest of its alerts'.
std::int64_t preferred_interval(const promql::Expr& expr);

// Shortest decimal that reads back as v, never in exponent form (series
// values are read by PromQL's series lexer).
std::string plain_number(double v);

}  // namespace rbc::emit::boundary
