// Expands the label and annotation templates of an alert the way
// Prometheus would for one alert instance, for the small subset of Go
// templates that rule files commonly use: {{ $labels.name }}, {{ $value }},
// {{ $value | humanize }} (and humanize1024, humanizePercentage,
// humanizeDuration), {{ $value | printf "%.2f" }} and
// {{ printf "%.2f" $value }}. Anything else is reported, not guessed: a
// boundary test must match promtool's output byte for byte.
#pragma once

#include <string>
#include <string_view>

#include "emit/boundary_eval.hpp"

namespace rbc::emit::boundary {

struct Expansion {
  bool ok = true;
  std::string text;
  std::string error;  // the action that is beyond this subset
};

// `labels` are the sample's labels ($labels), `value` its value ($value).
Expansion expand_template(std::string_view text, const Labels& labels, double value);

// Go's %v of a float64 (what {{ $value }} prints): "0.05", "1.2e-05", "1e+06".
std::string go_float(double v);

}  // namespace rbc::emit::boundary
