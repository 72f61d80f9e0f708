// Structural decoding of rule groups, mirroring how promtool 2.42 decodes a
// rule file with yaml.v3 (KnownFields on): unknown fields, duplicate keys,
// wrong node types, bad durations and integers, missing alert/record/expr.
// Reports every problem and keeps going.
#pragma once

#include "rules/context.hpp"
#include "rules/model.hpp"

namespace rbc::rules {

// `root` is the document root of a plain rule file or the `spec` of a
// PrometheusRule (kNoNode or null: no groups).
RuleSet decode_rule_set(Context& ctx, yaml::NodeId root, bool prometheus_rule_spec = false);

}  // namespace rbc::rules
