#include "rules/field_check.hpp"

#include <algorithm>
#include <string>

#include "diag/suggest.hpp"
#include "rules/yaml_values.hpp"

namespace rbc::rules {
namespace {

std::string_view level_name(FieldLevel level) {
  switch (level) {
    case FieldLevel::top: return "rule file";
    case FieldLevel::spec: return "PrometheusRule spec";
    case FieldLevel::group: return "rule group";
    case FieldLevel::rule: return "rule";
  }
  return "";
}

std::string unknown_field_advice(std::string_view field, FieldLevel level,
                                 std::span<const std::string_view> known) {
  if (level == FieldLevel::group && field == "partial_response_strategy")
    return "Prometheus 2.42 rejects it (Thanos Ruler only): remove it or check the file with "
           "`thanos tools rules-check`";
  if (level == FieldLevel::group && (field == "labels" || field == "query_offset"))
    return "Prometheus 2.42 rejects it (added in a later Prometheus release): remove it or "
           "upgrade Prometheus";
  if (level == FieldLevel::group && field == "source_tenants")
    return "Prometheus 2.42 rejects it (Cortex/Mimir ruler only): remove it";
  if (level == FieldLevel::top && field == "rule_files")
    return "this looks like a promtool unit-test file: check it with `promtool test rules`";
  std::string advice = "Prometheus 2.42 rejects unknown fields: ";
  if (const auto best = closest_match(field, known)) return advice + "did you mean \"" + std::string(*best) + "\"?";
  advice += "remove it (known fields:";
  for (std::string_view k : known) advice += " " + std::string(k);
  return advice + ")";
}

}  // namespace

yaml::NodeId Fields::get(std::string_view name) const {
  for (const auto& [k, kv] : known)
    if (k == name) return kv.value;
  return yaml::kNoNode;
}

yaml::NodeId Fields::key(std::string_view name) const {
  for (const auto& [k, kv] : known)
    if (k == name) return kv.key;
  return yaml::kNoNode;
}

void check_duplicate_keys(Context& ctx, yaml::NodeId mapping) {
  const yaml::Tree& tree = ctx.tree();
  const std::size_t n = tree.pair_count(mapping);
  if (n < 2) return;
  // Sorting keys (stable, so the first of equal keys comes first) keeps
  // this cheap for the small mappings that make up rule files.
  std::vector<std::pair<std::string_view, yaml::NodeId>> keys;
  keys.reserve(n);
  for (std::size_t i = 0; i < n; ++i) {
    const yaml::NodeId key = tree.pair(mapping, i).key;
    const auto text = as_string(tree, key);
    if (text && *text != "<<") keys.emplace_back(*text, key);
  }
  std::stable_sort(keys.begin(), keys.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
  for (std::size_t i = 1; i < keys.size(); ++i) {
    if (keys[i].first != keys[i - 1].first) continue;
    std::size_t first = i - 1;
    while (first > 0 && keys[first - 1].first == keys[i].first) --first;
    ctx.report("rule/schema", keys[i].second,
               "mapping key \"" + std::string(keys[i].first) + "\" already defined at line " +
                   std::to_string(tree.span(keys[first].second).begin.line) +
                   "; remove one of the two (YAML parsers disagree on which one wins)");
  }
}

Fields read_fields(Context& ctx, yaml::NodeId mapping, std::span<const std::string_view> known,
                   FieldLevel level) {
  const yaml::Tree& tree = ctx.tree();
  check_duplicate_keys(ctx, mapping);
  Fields fields;
  for (const yaml::KeyValue& kv : mapping_pairs(tree, mapping)) {
    const auto name = as_string(tree, kv.key);
    if (!name) {
      ctx.report("rule/schema", kv.key,
                 "a " + std::string(level_name(level)) + " key must be a plain string, not a " +
                     std::string(short_tag(tree, kv.key)));
      continue;
    }
    if (std::find(known.begin(), known.end(), *name) == known.end()) {
      ctx.report("rule/schema", kv.key,
                 "unknown field \"" + std::string(*name) + "\" in " + std::string(level_name(level)) +
                     "; " + unknown_field_advice(*name, level, known));
      continue;
    }
    if (fields.get(*name) == yaml::kNoNode) fields.known.emplace_back(*name, kv);
  }
  return fields;
}

}  // namespace rbc::rules
