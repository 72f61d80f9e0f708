#include "rewrite/verify.hpp"

#include <optional>

#include "promql/ast.hpp"
#include "rewrite/expr_layout.hpp"

namespace rbc::rewrite {
namespace {

bool same_duration(const std::optional<rules::Duration>& a, const std::optional<rules::Duration>& b) {
  return a.has_value() == b.has_value() && (!a || a->ms == b->ms);
}

bool same_pairs(const std::vector<rules::LabelPair>& a, const std::vector<rules::LabelPair>& b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (a[i].name.value != b[i].name.value || a[i].value.value != b[i].value.value) return false;
  return true;
}

std::string rule_difference(const rules::Rule& a, const rules::Rule& b, const MatcherAccept& accept) {
  if (a.kind != b.kind || a.name.value != b.name.value) return "rule name or kind";
  if (!same_duration(a.for_duration, b.for_duration)) return "`for`";
  if (!same_duration(a.keep_firing_for, b.keep_firing_for)) return "`keep_firing_for`";
  if (!same_pairs(a.labels, b.labels)) return "labels";
  if (!same_pairs(a.annotations, b.annotations)) return "annotations";
  if (!a.ast || !b.ast) return a.ast || b.ast || a.expr.value != b.expr.value ? "expression" : "";
  if (tree_depth(*a.ast) > kMaxDepth) return a.expr.value == b.expr.value ? "" : "expression";
  std::string diff = ast_difference(*a.ast, *b.ast, accept);
  return diff.empty() ? "" : "expression: " + diff;
}

std::string group_difference(const rules::Group& a, const rules::Group& b, const MatcherAccept& accept) {
  if (a.name.value != b.name.value || a.limit != b.limit || !same_duration(a.interval, b.interval))
    return "group " + std::string(a.name.value);
  if (a.rules.size() != b.rules.size()) return "rule count in group " + std::string(a.name.value);
  for (std::size_t i = 0; i < a.rules.size(); ++i)
    if (std::string d = rule_difference(a.rules[i], b.rules[i], accept); !d.empty())
      return d + " of rule " + std::string(a.rules[i].name.value) + " (group " + std::string(a.name.value) + ")";
  return "";
}

}  // namespace

std::string loaded_difference(const rules::LoadedFile& before, const rules::LoadedFile& after,
                              const MatcherAccept& accept) {
  if (before.kind != after.kind || before.ok != after.ok) return "file kind or validity";
  if (before.sets.size() != after.sets.size()) return "number of rule sets";
  for (std::size_t s = 0; s < before.sets.size(); ++s) {
    const auto& a = before.sets[s];
    const auto& b = after.sets[s];
    if (a.object_name.value != b.object_name.value || a.groups.size() != b.groups.size()) return "rule set";
    for (std::size_t g = 0; g < a.groups.size(); ++g)
      if (std::string d = group_difference(a.groups[g], b.groups[g], accept); !d.empty()) return d;
  }
  return "";
}

}  // namespace rbc::rewrite
