#include "rules/decode.hpp"

#include <array>
#include <span>
#include <string>

#include "rules/field_check.hpp"
#include "rules/yaml_values.hpp"

namespace rbc::rules {
namespace {

using yaml::NodeId;
using yaml::NodeKind;
using yaml::kNoNode;

constexpr std::array<std::string_view, 1> kTopFields{"groups"};
constexpr std::array<std::string_view, 4> kGroupFields{"name", "interval", "limit", "rules"};
constexpr std::array<std::string_view, 7> kRuleFields{
    "record", "alert", "expr", "for", "keep_firing_for", "labels", "annotations"};

NodeKind kind_of(const yaml::Tree& tree, NodeId id) { return tree.node(tree.resolve(id)).kind; }

Text text_of(Context& ctx, NodeId id, std::string_view value) {
  return Text{value, ctx.tree().span(id), ctx.tree().resolve(id)};
}

// A Go string field.
Text decode_string(Context& ctx, NodeId id, std::string_view what) {
  if (const auto conflict = tag_conflict(ctx.tree(), id)) {
    ctx.report("rule/schema", id, std::string(what) + ": " + *conflict + "; remove the tag");
  }
  const auto value = as_string(ctx.tree(), id);
  if (!value) {
    ctx.report("rule/schema", id,
               std::string(what) + " must be a string, not a " +
                   (kind_of(ctx.tree(), id) == NodeKind::sequence ? "list" : "mapping") +
                   " (cannot unmarshal " + std::string(short_tag(ctx.tree(), id)) + " into string)");
    return Text{{}, ctx.tree().span(id), kNoNode};
  }
  return text_of(ctx, id, *value);
}

std::optional<Duration> decode_duration(Context& ctx, NodeId id, std::string_view what) {
  if (id == kNoNode) return std::nullopt;
  if (const auto conflict = tag_conflict(ctx.tree(), id)) {
    ctx.report("rule/schema", id, std::string(what) + ": " + *conflict + "; remove the tag");
    return std::nullopt;
  }
  if (ctx.tree().is_null(id)) return std::nullopt;
  const Text text = decode_string(ctx, id, what);
  if (text.node == kNoNode) return std::nullopt;
  const DurationResult d = parse_duration(text.value);
  if (!d.error.empty()) {
    ctx.report("rule/schema", id,
               std::string(what) + ": " + d.error +
                   "; write a Prometheus duration such as 30s, 5m, 1h30m or 0 (units y w d h m s "
                   "ms, largest first, no spaces or fractions)");
    return std::nullopt;
  }
  return Duration{d.ms, text};
}

std::vector<LabelPair> decode_string_map(Context& ctx, NodeId id, std::string_view what) {
  std::vector<LabelPair> out;
  if (id == kNoNode || ctx.tree().is_null(id)) return out;
  const NodeId map = ctx.tree().resolve(id);
  if (ctx.tree().node(map).kind != NodeKind::mapping) {
    ctx.report("rule/schema", id,
               std::string(what) + " must be a mapping of names to strings (cannot unmarshal " +
                   std::string(short_tag(ctx.tree(), id)) + " into map[string]string)");
    return out;
  }
  check_duplicate_keys(ctx, map);
  for (const yaml::KeyValue& kv : mapping_pairs(ctx.tree(), map)) {
    LabelPair pair;
    pair.name = decode_string(ctx, kv.key, std::string(what) + " name");
    pair.value = decode_string(ctx, kv.value, std::string(what) + " \"" +
                                                  std::string(pair.name.value) + "\"");
    out.push_back(pair);
  }
  return out;
}

// Fields only alerting rules may have; promtool points at `record:`, rbc at
// the offending key.
void check_recording_fields(Context& ctx, const Rule& rule, const Fields& f) {
  const std::string name(rule.name.value);
  if (!rule.annotations.empty()) {
    ctx.report("rule/schema", f.key("annotations"),
               "recording rule \"" + name +
                   "\" has annotations, which only alerting rules may have; remove them or make "
                   "it an alerting rule (`alert:`)");
  }
  const auto check = [&](const std::optional<Duration>& d, std::string_view field) {
    if (d && d->ms != 0) {
      ctx.report("rule/schema", f.key(field),
                 "recording rule \"" + name + "\" has `" + std::string(field) +
                     "`, which only alerting rules may have; remove it");
    }
  };
  check(rule.for_duration, "for");
  check(rule.keep_firing_for, "keep_firing_for");
}

Rule decode_rule(Context& ctx, NodeId id, int index) {
  const yaml::Tree& tree = ctx.tree();
  Rule rule;
  rule.index = index;
  rule.span = tree.span(id);
  const NodeId map = tree.resolve(id);
  if (!tree.is_null(id) && tree.node(map).kind != NodeKind::mapping) {
    ctx.set_rule("");
    ctx.report("rule/schema", id,
               "a rule must be a mapping with `alert:` or `record:` and `expr:` (cannot unmarshal " +
                   std::string(short_tag(tree, id)) + " into a rule)");
    return rule;
  }
  const auto name_of = [&](std::string_view field) {
    const NodeId n = tree.is_null(id) ? kNoNode : tree.find(map, field);
    return n == kNoNode ? std::string_view() : node_value(tree, n);
  };
  const std::string_view alert_name = name_of("alert");
  const std::string_view record_name = name_of("record");
  ctx.set_rule(!alert_name.empty() ? alert_name : record_name);
  const Fields f = tree.is_null(id) ? Fields{} : read_fields(ctx, map, kRuleFields, FieldLevel::rule);
  const NodeId alert = f.get("alert");
  const NodeId record = f.get("record");
  if (!alert_name.empty()) {
    rule.kind = RuleKind::alerting;
    rule.name = text_of(ctx, alert, alert_name);
  } else if (!record_name.empty()) {
    rule.kind = RuleKind::recording;
    rule.name = text_of(ctx, record, record_name);
  }
  if (!alert_name.empty() && !record_name.empty()) {
    ctx.report("rule/schema", record,
               "a rule has both `alert: " + std::string(alert_name) + "` and `record: " +
                   std::string(record_name) + "`; keep only one of them");
  } else if (alert_name.empty() && record_name.empty()) {
    const NodeId at = record != kNoNode ? record : alert != kNoNode ? alert : id;
    ctx.report("rule/schema", at,
               "rule " + std::to_string(index) +
                   " has neither a non-empty `alert:` nor `record:`; set exactly one of them");
  }
  const NodeId expr = f.get("expr");
  const std::string_view expr_text = expr == kNoNode ? "" : node_value(tree, expr);
  if (expr_text.empty()) {
    ctx.report("rule/schema", expr == kNoNode ? id : expr,
               "field 'expr' must be set in rule: add `expr:` with the PromQL expression (a string)");
  } else {
    rule.expr = text_of(ctx, expr, expr_text);
  }
  rule.for_duration = decode_duration(ctx, f.get("for"), "for");
  rule.keep_firing_for = decode_duration(ctx, f.get("keep_firing_for"), "keep_firing_for");
  rule.labels = decode_string_map(ctx, f.get("labels"), "label");
  rule.annotations = decode_string_map(ctx, f.get("annotations"), "annotation");
  if (rule.kind == RuleKind::recording && alert_name.empty()) check_recording_fields(ctx, rule, f);
  return rule;
}

Group decode_group(Context& ctx, NodeId id) {
  const yaml::Tree& tree = ctx.tree();
  Group group;
  group.span = tree.span(id);
  ctx.set_group("");
  ctx.set_rule("");
  const NodeId map = tree.resolve(id);
  if (tree.node(map).kind != NodeKind::mapping && !tree.is_null(id)) {
    // Left without a name span: validation skips groups that are no groups.
    ctx.report("rule/schema", id,
               "a rule group must be a mapping with `name:` and `rules:` (cannot unmarshal " +
                   std::string(short_tag(tree, id)) + " into a rule group)");
    return group;
  }
  group.name.span = Span{group.span.begin, group.span.begin};
  if (tree.is_null(id)) return group;
  // Name first, so that every diagnostic about the group carries it.
  if (const NodeId name_node = tree.find(map, "name"); name_node != kNoNode) {
    if (const auto name = as_string(tree, name_node)) ctx.set_group(*name);
  }
  const Fields f = read_fields(ctx, map, kGroupFields, FieldLevel::group);
  if (const NodeId name = f.get("name"); name != kNoNode) group.name = decode_string(ctx, name, "group name");
  group.interval = decode_duration(ctx, f.get("interval"), "interval");
  if (const NodeId limit = f.get("limit"); limit != kNoNode) {
    group.limit = as_int(tree, limit);
    if (const auto conflict = tag_conflict(tree, limit)) {
      ctx.report("rule/schema", limit, "limit: " + *conflict + "; remove the tag");
    } else if (!group.limit) {
      ctx.report("rule/schema", limit,
                 "limit must be an integer (cannot unmarshal " + std::string(short_tag(tree, limit)) +
                     " `" + std::string(node_value(tree, limit)) +
                     "` into int); write a plain number without quotes, 0 for no limit");
    }
  }
  const NodeId rules = f.get("rules");
  if (rules == kNoNode || tree.is_null(rules)) return group;
  if (kind_of(tree, rules) != NodeKind::sequence) {
    ctx.report("rule/schema", rules,
               "`rules` must be a list of rules (cannot unmarshal " + std::string(short_tag(tree, rules)) +
                   " into a list); start each rule with `- alert:` or `- record:`");
    return group;
  }
  int index = 0;
  for (NodeId item : tree.items(tree.resolve(rules))) {
    if (tree.is_null(item)) continue;  // yaml.v3 drops null list items
    group.rules.push_back(decode_rule(ctx, item, ++index));
  }
  ctx.set_rule("");
  return group;
}

}  // namespace

RuleSet decode_rule_set(Context& ctx, NodeId root, bool prometheus_rule_spec) {
  const yaml::Tree& tree = ctx.tree();
  RuleSet set;
  ctx.set_group("");
  ctx.set_rule("");
  if (root == kNoNode || tree.is_null(root)) return set;
  set.span = tree.span(root);
  if (kind_of(tree, root) != NodeKind::mapping) {
    ctx.report("rule/schema", root,
               std::string(prometheus_rule_spec ? "a PrometheusRule spec" : "a rule file") +
                   " must be a mapping with a `groups:` list (cannot unmarshal " +
                   std::string(short_tag(tree, root)) + " into rule groups)");
    return set;
  }
  const Fields f = read_fields(ctx, tree.resolve(root), kTopFields,
                              prometheus_rule_spec ? FieldLevel::spec : FieldLevel::top);
  const NodeId groups = f.get("groups");
  if (groups == kNoNode || tree.is_null(groups)) return set;
  if (kind_of(tree, groups) != NodeKind::sequence) {
    ctx.report("rule/schema", groups,
               "`groups` must be a list of rule groups (cannot unmarshal " +
                   std::string(short_tag(tree, groups)) + " into a list); start each group with `- name:`");
    return set;
  }
  for (NodeId item : tree.items(tree.resolve(groups))) {
    if (!tree.is_null(item)) set.groups.push_back(decode_group(ctx, item));  // nulls are dropped
  }
  ctx.set_group("");
  return set;
}

}  // namespace rbc::rules
