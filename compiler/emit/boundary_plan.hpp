// Which synthetic series a boundary test feeds an alert expression: one
// per selector, carrying labels its matchers accept and the labels the
// expression groups or matches on, shaped as a counter when it is read
// through rate()/increase()-like functions, as a clock when it is compared
// with time(), and as a constant gauge otherwise.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "emit/boundary_eval.hpp"
#include "promql/ast.hpp"

namespace rbc::emit::boundary {

struct Plan {
  bool ok = true;
  std::string error;
  std::vector<Series> series;  // defaults set; series[0] belongs to the first selector
  std::int64_t max_range_ms = 0;
  std::int64_t min_range_ms = 0;  // 0 when there are no ranges
};

// `template_labels` are labels the alert's templates print ($labels.x):
// the series carry them too, so the alert does wherever the expression
// keeps them.
Plan plan_series(const promql::Expr& root, const std::vector<std::string>& template_labels = {});

// The value a series has unless it is the one being varied.
double default_knob(SeriesKind kind);

}  // namespace rbc::emit::boundary
