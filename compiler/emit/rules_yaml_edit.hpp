// Edits inside one rule of a YAML rule file: make `key: value` hold in the
// rule's `labels:` or `annotations:` mapping, written the way the file is
// written (block or flow style, its indentation, its line ends). Only the
// bytes that must change are touched.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "emit/rules_text.hpp"
#include "load/yaml_tree.hpp"

namespace rbc::emit {

enum class Quoting {
  double_quoted,  // always "…" (URLs)
  like_original,  // keep the replaced scalar's style when the value allows (labels)
};

class RuleEditor {
 public:
  explicit RuleEditor(const yaml::Tree& tree);

  // Makes `key: value` hold in the mapping under `field` of the rule at
  // sequence item `rule_item`, creating the field when absent. Appends the
  // edits to `out` and returns "", or returns why the file cannot be edited
  // there (nothing appended), e.g. when the rule is shared through a YAML
  // anchor and an edit would change other rules too.
  std::string set(yaml::NodeId rule_item, std::string_view field, std::string_view key,
                  std::string_view value, Quoting quoting, std::vector<Edit>& out) const;

  // Where the content of a node ends, descending into block collections
  // (an empty value ends at its key), and whether that last scalar is a
  // block scalar that keeps its trailing line breaks (`|+`, `>+`).
  std::pair<std::size_t, bool> last_content(yaml::NodeId id) const;

 private:
  bool shared(yaml::NodeId id) const;
  bool has_merge(yaml::NodeId mapping) const;
  bool empty_scalar(yaml::NodeId id) const;
  std::string write(std::string_view value, Quoting quoting, yaml::NodeId replaced) const;
  std::string replace_scalar(yaml::NodeId id, std::string_view value, Quoting quoting,
                             std::vector<Edit>& out) const;
  std::string fill_null(yaml::NodeId owner, yaml::NodeId value, const std::string& flow,
                        std::vector<Edit>& out) const;
  // `lines` is the pair as block lines (the first holds the key, the rest
  // are indented relative to it); `flow` the pair in flow style.
  std::string insert_pair(yaml::NodeId mapping, const std::vector<std::string>& lines,
                          const std::string& flow, std::vector<Edit>& out) const;
  std::size_t indent_step(yaml::NodeId rule) const;

  const yaml::Tree& tree_;
  std::string_view text_;
  std::string newline_;
  // [begin, end) of every node an alias refers to: what lies inside is
  // written once but used more than once.
  std::vector<std::pair<std::size_t, std::size_t>> shared_ranges_;
};

}  // namespace rbc::emit
