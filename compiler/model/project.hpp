// Everything rbc knows about a repository once its files are read: the
// rules, the runbooks and what they document, and which runbook section
// each alert is bound to. Checks read it; nothing here decides what is
// wrong.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "diag/source.hpp"
#include "load/metrics_metadata.hpp"
#include "load/yaml_tree.hpp"
#include "model/expr_facts.hpp"
#include "model/link_resolve.hpp"
#include "model/routing.hpp"
#include "runbook/model.hpp"
#include "threshold/phrase.hpp"

namespace rbc::promql {
struct Expr;
}

namespace rbc::model {

// A string from a rule file and where it is written.
struct Located {
  std::string value;
  Span span;
};

struct RuleComparison {
  ExprComparison comparison;
  Span span;  // in the rule file
};

struct RuleRange {
  std::int64_t ms = 0;
  Span span;
};

// The rule's group as written (every rule of a group carries a copy).
struct GroupInfo {
  Located name;
  std::optional<Located> interval;  // `interval:` as written
  std::int64_t interval_ms = 0;     // 0: the server's evaluation interval
  std::optional<std::int64_t> limit;
  Span span;  // the whole group
};

struct RuleInfo {
  bool alerting = true;
  std::string file;
  std::string group;
  GroupInfo group_info;
  Located name;
  Located expr;
  bool expr_ok = false;  // the expression parsed
  // The parsed expression (null when it did not parse); node offsets are
  // bytes of expr.value: expr_span() maps them into the file.
  std::shared_ptr<const promql::Expr> ast;
  std::optional<Located> for_text;
  std::int64_t for_ms = 0;
  std::optional<Located> keep_firing_for_text;
  std::int64_t keep_firing_for_ms = 0;
  std::optional<Located> severity;  // the configured severity label
  std::vector<std::pair<Located, Located>> labels;
  std::vector<std::pair<Located, Located>> annotations;
  std::vector<RuleComparison> comparisons;
  std::vector<RuleRange> ranges;
  Span span;  // the whole rule
  // Where expression bytes lie in the file (through quoting, folding and
  // block indentation); shared with the other rules of the file.
  std::shared_ptr<const yaml::Tree> tree;
  yaml::NodeId expr_node = yaml::kNoNode;
};

// Span in the rule file of bytes [begin, end) of `rule.expr.value` (AST
// node offsets); the expression's span when the positions are unknown.
Span expr_span(const RuleInfo& rule, std::size_t begin, std::size_t end);

// A documented comparison, placed in the runbook.
struct DocThreshold {
  threshold::Comparison comparison;
  std::string text;  // the phrase as written
  Span span;
};

struct DocDuration {
  std::int64_t ms = 0;
  std::string text;
  Span span;
};

struct SectionInfo {
  runbook::Section section;
  std::string severity_text;                 // first severity field, as written
  std::vector<std::string> severity_values;  // canonical values it maps to
  Span severity_span;
  std::vector<DocThreshold> thresholds;
  std::optional<DocDuration> for_duration;
  std::optional<DocDuration> window;
};

struct RunbookInfo {
  std::string path;
  Routing routing;  // channels and routes this runbook documents
  std::string title;
  std::vector<std::string> anchors;
  std::vector<runbook::Link> links;
  std::vector<SectionInfo> sections;
};

enum class BindingKind { link, name_exact, name_case_insensitive, name_words };
const char* binding_kind_text(BindingKind kind);

// A rule's runbook link annotation and what it resolved to.
struct RuleLink {
  std::size_t rule = 0;  // index into Project::rules
  Located annotation;    // the annotation value
  std::string key;       // "runbook_url"
  LinkResolution resolution;
};

// An alerting rule bound to the runbook section that documents it.
struct Binding {
  std::size_t rule = 0;
  std::size_t runbook = 0;
  std::size_t section = 0;  // index into RunbookInfo::sections; npos: the whole file
  BindingKind kind = BindingKind::name_exact;
  // The section holding the facts cross-checks compare (a summary-table row
  // when the heading `section` links to has none); npos: the whole file.
  std::size_t facts = 0;
};
inline constexpr std::size_t kWholeFile = static_cast<std::size_t>(-1);

struct Project {
  config::Config config;
  std::vector<RuleInfo> rules;
  std::vector<RunbookInfo> runbooks;
  std::vector<RuleLink> links;
  std::vector<Binding> bindings;
  Routing routing;  // every runbook's routing, merged in file order
  // Runbooks were checked (given, found, or named by rbc.yaml): missing
  // runbooks are errors, not warnings.
  bool runbooks_expected = false;
  // Metric types from rbc.yaml `server.metadata` (empty without one).
  load::MetricTypes metric_types;
  // `rbc check --changed`: recording rule names the change removed (or
  // renamed away), each with the file that defined it at the base commit.
  std::map<std::string, std::string, std::less<>> removed_records;
};

}  // namespace rbc::model
