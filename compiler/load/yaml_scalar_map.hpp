// Where does byte N of a scalar's decoded value sit in the YAML file?
//
// libyaml hands us only the decoded value. To point a PromQL or template
// error at the exact byte, the scalar's source text is decoded again here
// (plain, quoted, literal and folded styles, all escapes and folding rules)
// while recording the source offset of every decoded byte.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "load/yaml_tree.hpp"

namespace rbc::yaml {

struct ScalarMap {
  std::string value;
  // offsets[i]: source byte offset that produced value[i]. One extra entry
  // at the end: where the value ends in the source.
  std::vector<std::uint32_t> offsets;
};

// Decodes the scalar's source again. Nothing when rbc's decoding would not
// reproduce libyaml's value exactly (then only the node start is reliable).
std::optional<ScalarMap> map_scalar(const Tree& tree, NodeId scalar);

// Byte offset in the file of `value_offset` in the scalar's decoded value.
// Falls back to the scalar's start when the value cannot be mapped.
std::size_t value_source_offset(const Tree& tree, NodeId scalar, std::size_t value_offset);
Position value_position(const Tree& tree, NodeId scalar, std::size_t value_offset);

}  // namespace rbc::yaml
