// A small PromQL evaluator for boundary tests: it computes, the way
// Prometheus 2.42 does, what an alert expression returns over synthetic
// series (straight lines sampled at a fixed interval), so the emitter can
// pick series values on either side of a threshold and predict the exact
// labels and values promtool will see. Anything it does not model is
// reported as unsupported rather than guessed.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "promql/ast.hpp"

namespace rbc::emit::boundary {

using Labels = std::map<std::string, std::string>;  // includes __name__

// counter: 0, k, 2k, ... per step; gauge: k at every step;
// clock: k + step * interval seconds (a timestamp that keeps up with time()).
enum class SeriesKind { counter, gauge, clock };

struct Series {
  Labels labels;
  SeriesKind kind = SeriesKind::gauge;
  double knob = 0;
};

// The value of a series at step i (timestamp i * interval_ms).
double series_value(const Series& s, std::int64_t step, std::int64_t interval_ms);

struct Sample {
  Labels labels;
  double value = 0;
};

struct EvalResult {
  bool ok = true;
  std::string error;  // why the expression is beyond this evaluator
  std::vector<Sample> samples;
};

// The instant vector `expr` yields at t_ms (a multiple of interval_ms) when
// the storage holds `series`, sampled every interval_ms from time 0.
EvalResult evaluate(const promql::Expr& expr, const std::vector<Series>& series, std::int64_t t_ms,
                    std::int64_t interval_ms);

}  // namespace rbc::emit::boundary
