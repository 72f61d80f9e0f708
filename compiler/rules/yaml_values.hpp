// How Go's yaml.v3 (as used by Prometheus' rulefmt) turns YAML nodes into
// Go values. Only what rule files need: strings, yaml.Node values,
// integers and Prometheus durations.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "load/yaml_tree.hpp"

namespace rbc::rules {

// yaml.v3's short tag of a node as its error messages print it: !!str,
// !!int, !!float, !!bool, !!null, !!seq, !!map.
std::string_view short_tag(const yaml::Tree& tree, yaml::NodeId id);

// yaml.v3 refuses a scalar whose explicit tag contradicts its text
// (`!!null 5m`, `!!int abc`): "cannot decode !!str `5m` as a !!null".
// Returns that message, or nothing.
std::optional<std::string> tag_conflict(const yaml::Tree& tree, yaml::NodeId id);

// Decoding into a Go string: any scalar is fine (null gives ""), a
// sequence or mapping is an error (nothing returned).
std::optional<std::string_view> as_string(const yaml::Tree& tree, yaml::NodeId id);

// yaml.Node.Value: scalars give their text (even "~" and "null"), an alias
// gives the anchor's name, collections give "".
std::string_view node_value(const yaml::Tree& tree, yaml::NodeId id);

// Decoding into a Go int: ints (decimal, 0x, 0o, 0b, "_" separators) and
// floats (truncated) are accepted, null gives 0; strings and bools are not.
std::optional<std::int64_t> as_int(const yaml::Tree& tree, yaml::NodeId id);

// prometheus/common model.ParseDuration: "0" or units y w d h m s ms in
// that order, each at most once. Error text as Prometheus words it.
struct DurationResult {
  std::int64_t ms = 0;
  std::string error;  // empty when valid
};
DurationResult parse_duration(std::string_view text);

// Mapping pairs after expanding YAML merge keys ("<<: *base"); explicit
// keys win over merged ones, as in yaml.v3.
std::vector<yaml::KeyValue> mapping_pairs(const yaml::Tree& tree, yaml::NodeId mapping);

}  // namespace rbc::rules
