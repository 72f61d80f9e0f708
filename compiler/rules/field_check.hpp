// Checks on the keys of a mapping decoded into a Go struct with yaml.v3's
// KnownFields: duplicate keys, non-string keys and unknown fields, with
// advice on what to do (Thanos-only fields, newer Prometheus fields, typos).
#pragma once

#include <span>
#include <string_view>
#include <utility>
#include <vector>

#include "rules/context.hpp"

namespace rbc::rules {

enum class FieldLevel { top, spec, group, rule };  // spec: of a PrometheusRule

struct Fields {
  std::vector<std::pair<std::string_view, yaml::KeyValue>> known;
  // Value / key node of a known field; kNoNode when absent.
  yaml::NodeId get(std::string_view name) const;
  yaml::NodeId key(std::string_view name) const;
};

// Reports `mapping key "x" already defined` for repeated keys.
void check_duplicate_keys(Context& ctx, yaml::NodeId mapping);

Fields read_fields(Context& ctx, yaml::NodeId mapping, std::span<const std::string_view> known,
                   FieldLevel level);

}  // namespace rbc::rules
