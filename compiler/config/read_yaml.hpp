// Typed reading of rbc.yaml's YAML nodes with `config/invalid` reports.
// Internal to the config stage (load.cpp, load_sections.cpp).
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "diag/diagnostic.hpp"
#include "load/yaml_tree.hpp"

namespace rbc::config::detail {

// YAML 1.1 spellings of true/false (yes/no/on/off...): accepted wherever
// rbc.yaml wants a switch, so `CODE: off` reads as people mean it.
std::optional<bool> switch_value(std::string_view text);

class Reader {
 public:
  Reader(const yaml::Tree& tree, Diagnostics& diags) : tree_(tree), diags_(diags) {}

  const yaml::Tree& tree() const { return tree_; }
  void error(yaml::NodeId node, std::string message);
  // A warning; `code` defaults to config/invalid.
  void warning(yaml::NodeId node, std::string message, std::string_view code = "config/invalid");
  // "<what> must be <expected>, not a list" / "<what> has no value; ...".
  void type_error(yaml::NodeId node, std::string_view what, std::string_view expected);

  // "a string", "a list", "a mapping", "a number", "true/false", "empty".
  std::string_view kind_name(yaml::NodeId node) const;
  bool is_mapping(yaml::NodeId node) const;
  bool is_sequence(yaml::NodeId node) const;
  bool is_null(yaml::NodeId node) const;

  // A YAML string (quoted, or plain text that is not a number, boolean or
  // null). `what` names the setting in messages ("'severity_label'").
  std::optional<std::string> string(yaml::NodeId node, std::string_view what, bool allow_empty = false);
  // A list whose items are strings; bad items are reported and skipped.
  std::optional<std::vector<std::string>> string_list(yaml::NodeId node, std::string_view what);
  std::optional<bool> boolean(yaml::NodeId node, std::string_view what);

  // The key/value pairs of a mapping whose keys are strings. Non-string
  // and repeated keys are reported and left out.
  std::vector<yaml::KeyValue> pairs(yaml::NodeId mapping, std::string_view where);
  std::string_view key_text(yaml::NodeId key) const { return tree_.value(tree_.resolve(key)); }

  // "unknown key 'x' in <where>: did you mean 'y'?" (or the list of keys).
  void unknown_key(yaml::NodeId key, std::span<const std::string_view> known, std::string_view where);

 private:
  const yaml::Tree& tree_;
  Diagnostics& diags_;
};

// Prometheus label names (and so annotation names): [a-zA-Z_][a-zA-Z0-9_]*.
bool is_label_name(std::string_view name);

}  // namespace rbc::config::detail
