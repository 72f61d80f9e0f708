#include "model/describe_rules.hpp"

#include "load/yaml_scalar_map.hpp"
#include "rules/load.hpp"

namespace rbc::model {
namespace {

Located located(const rules::Text& text) { return {std::string(text.value), text.span}; }

// Span of bytes [begin, end) of a scalar's decoded value, in the file.
Span value_span(const yaml::Tree& tree, const rules::Text& text, std::size_t begin,
                std::size_t end) {
  if (text.node == yaml::kNoNode) return text.span;
  return {yaml::value_position(tree, text.node, begin), yaml::value_position(tree, text.node, end)};
}

void describe_expression(RuleInfo& info, const rules::Rule& rule, const yaml::Tree& tree) {
  info.expr_ok = rule.ast != nullptr;
  if (!rule.ast) return;
  const ExprFacts facts = analyze_expr(*rule.ast);
  for (const ExprComparison& c : facts.comparisons)
    info.comparisons.push_back({c, value_span(tree, rule.expr, c.begin, c.end)});
  for (const ExprFacts::Range& r : facts.ranges)
    info.ranges.push_back({r.ms, value_span(tree, rule.expr, r.begin, r.end)});
}

GroupInfo describe_group(const rules::Group& group) {
  GroupInfo info;
  info.name = located(group.name);
  if (group.interval) {
    info.interval = located(group.interval->text);
    info.interval_ms = group.interval->ms;
  }
  info.limit = group.limit;
  info.span = group.span;
  return info;
}

RuleInfo describe(const rules::RuleRef& ref, const std::string& path,
                  const std::shared_ptr<const yaml::Tree>& shared_tree, const config::Config& config) {
  const yaml::Tree& tree = *shared_tree;
  const rules::Rule& rule = *ref.rule;
  RuleInfo info;
  info.alerting = rule.kind == rules::RuleKind::alerting;
  info.file = path;
  info.group = std::string(ref.group->name.value);
  info.group_info = describe_group(*ref.group);
  info.ast = rule.ast;
  info.tree = shared_tree;
  info.expr_node = rule.expr.node;
  info.name = located(rule.name);
  info.expr = located(rule.expr);
  info.span = rule.span;
  if (rule.for_duration) {
    info.for_text = located(rule.for_duration->text);
    info.for_ms = rule.for_duration->ms;
  }
  if (rule.keep_firing_for) {
    info.keep_firing_for_text = located(rule.keep_firing_for->text);
    info.keep_firing_for_ms = rule.keep_firing_for->ms;
  }
  for (const rules::LabelPair& label : rule.labels) {
    info.labels.emplace_back(located(label.name), located(label.value));
    if (label.name.value == config.severity_label) info.severity = located(label.value);
  }
  for (const rules::LabelPair& annotation : rule.annotations)
    info.annotations.emplace_back(located(annotation.name), located(annotation.value));
  describe_expression(info, rule, tree);
  return info;
}

}  // namespace

Span expr_span(const RuleInfo& rule, std::size_t begin, std::size_t end) {
  if (!rule.tree || rule.expr_node == yaml::kNoNode) return rule.expr.span;
  return {yaml::value_position(*rule.tree, rule.expr_node, begin),
          yaml::value_position(*rule.tree, rule.expr_node, end)};
}

std::vector<RuleInfo> describe_rules(const rules::LoadedFile& file, const std::string& path,
                                     const config::Config& config) {
  std::vector<RuleInfo> out;
  if (!file.tree) return out;
  for (const rules::RuleRef& ref : rules::all_rules(file))
    out.push_back(describe(ref, path, file.tree, config));
  return out;
}

}  // namespace rbc::model
