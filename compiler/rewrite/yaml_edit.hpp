// Writing a new value into one YAML scalar of a file while every other
// byte of the file stays as it was.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "emit/rules_text.hpp"
#include "load/yaml_scalar_map.hpp"
#include "load/yaml_tree.hpp"

namespace rbc::rewrite {

// Byte edits of a file and their application: the rule emitter's.
using emit::apply_edits;
using emit::Edit;

// Where each mapping value sits: its key and whether the mapping is a
// flow mapping ({...}), found in one pass over the tree.
class ValueIndex {
 public:
  explicit ValueIndex(const yaml::Tree& tree);
  yaml::NodeId key_of(yaml::NodeId value) const;
  bool in_flow(yaml::NodeId value) const;

 private:
  std::vector<yaml::NodeId> key_;
  std::vector<bool> flow_;
};

// The edit that makes scalar `node` (the value of a mapping key) hold the
// expression `value` (lines separated by '\n', no trailing newline).
// A one-line value keeps the scalar's style (plain, quoted, block) when
// that style can hold it; a multi-line one becomes a literal block scalar
// indented below its key. Nothing when no safe edit exists.
std::optional<Edit> replace_scalar(const yaml::Tree& tree, const ValueIndex& index, yaml::NodeId node,
                                   std::string_view value);

// The edit that replaces bytes [begin, end) of a scalar's decoded value
// with `text`, when those bytes are written one for one in the file (no
// escapes, no line folding). Nothing otherwise.
std::optional<Edit> replace_in_value(std::string_view file, const yaml::ScalarMap& map, std::size_t begin,
                                     std::size_t end, std::string text);

}  // namespace rbc::rewrite
