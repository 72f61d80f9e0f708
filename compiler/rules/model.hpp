// The rule model: what a rule file (plain Prometheus or a Kubernetes
// PrometheusRule object) says, with the position of every piece.
//
// Strings are views into the SourceFile text or into the YAML tree held by
// the LoadedFile, so a LoadedFile must not outlive the SourceFile it was
// loaded from.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <vector>

#include "diag/source.hpp"
#include "load/yaml_tree.hpp"

namespace rbc::promql {
struct Expr;
}

namespace rbc::rules {

// A string field and where it is written.
struct Text {
  std::string_view value;
  Span span;
  yaml::NodeId node = yaml::kNoNode;  // scalar node, for value_position()
};

struct Duration {
  std::int64_t ms = 0;
  Text text;
};

struct LabelPair {
  Text name;
  Text value;
};

enum class RuleKind { alerting, recording };

struct Rule {
  RuleKind kind = RuleKind::alerting;
  Text name;  // `alert:` or `record:` value
  Text expr;
  std::shared_ptr<const promql::Expr> ast;  // null when the expression did not parse
  std::optional<Duration> for_duration;
  std::optional<Duration> keep_firing_for;
  std::vector<LabelPair> labels;
  std::vector<LabelPair> annotations;
  Span span;      // the whole rule mapping
  int index = 0;  // 1-based position in its group, as promtool counts
};

struct Group {
  Text name;
  std::optional<Duration> interval;
  std::optional<std::int64_t> limit;
  std::vector<Rule> rules;
  Span span;
};

// One set of groups: a whole plain rule file, or the spec of one
// PrometheusRule object.
struct RuleSet {
  std::vector<Group> groups;
  Span span;
  // PrometheusRule only: metadata.name / metadata.namespace.
  Text object_name;
  Text object_namespace;
  std::size_t document = 0;  // 0-based YAML document index
};

enum class FileKind { rule_file, prometheus_rule, other, unparsable };

struct LoadedFile {
  FileKind kind = FileKind::rule_file;
  std::vector<RuleSet> sets;
  std::shared_ptr<const yaml::Tree> tree;  // keeps Text views and nodes valid
  bool ok = true;                          // no error-severity diagnostic
};

}  // namespace rbc::rules
