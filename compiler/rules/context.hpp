// Shared state of one rule-file load: the tree, where diagnostics go, and
// which group/rule is being looked at (so every diagnostic names them).
#pragma once

#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "load/yaml_tree.hpp"

namespace rbc::rules {

class Context {
 public:
  Context(const yaml::Tree& tree, Diagnostics& diags) : tree_(tree), diags_(diags) {}

  const yaml::Tree& tree() const { return tree_; }
  const SourceFile& source() const { return tree_.source(); }

  void set_group(std::string_view group) { group_ = group; }
  void set_rule(std::string_view rule) { rule_ = rule; }

  void report(std::string_view code, Span span, std::string message,
              Severity severity = Severity::error);
  void report(std::string_view code, yaml::NodeId at, std::string message,
              Severity severity = Severity::error) {
    report(code, tree_.span(at), std::move(message), severity);
  }
  bool failed() const { return errors_ > 0; }

 private:
  const yaml::Tree& tree_;
  Diagnostics& diags_;
  std::string group_;
  std::string rule_;
  std::size_t errors_ = 0;
};

}  // namespace rbc::rules
