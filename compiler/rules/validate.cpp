#include "rules/validate.hpp"

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include "diag/suggest.hpp"
#include "load/yaml_scalar_map.hpp"
#include "promql/result_labels.hpp"
#include "promql/parse.hpp"
#include "template/function_set.hpp"
#include "template/go_template.hpp"

namespace rbc::rules {
namespace {

bool is_alpha_(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }
bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Span of one byte of a scalar's decoded value, in the file.
Span value_span(const yaml::Tree& tree, const Text& text, std::size_t offset) {
  if (text.node == yaml::kNoNode) return text.span;
  const Position begin = yaml::value_position(tree, text.node, offset);
  Position end = begin;
  ++end.column;
  return {begin, end};
}

void check_group_names(Context& ctx, const RuleSet& set) {
  std::unordered_map<std::string_view, const Group*> seen;
  for (const Group& g : set.groups) {
    if (!g.name.span.begin.valid()) continue;  // not a mapping: already reported
    ctx.set_group(g.name.value);
    ctx.set_rule("");
    if (g.name.value.empty()) {
      ctx.report("rule/schema", g.name.span,
                 "rule group has no name: give it a unique, non-empty `name:`");
    }
    const auto [it, inserted] = seen.emplace(g.name.value, &g);
    if (!inserted) {
      ctx.report("rule/schema", g.name.span,
                 "group name \"" + std::string(g.name.value) +
                     "\" is repeated in the same file (first at line " +
                     std::to_string(it->second->span.begin.line) + "); rename one of the groups");
    }
  }
}

void check_expression(Context& ctx, Rule& rule, bool keep_ast) {
  if (rule.expr.value.empty()) return;
  promql::ParseResult result = promql::parse(rule.expr.value);
  if (result.error) {
    ctx.report("promql/parse", value_span(ctx.tree(), rule.expr, result.error->offset),
               result.error->message);
    return;
  }
  if (keep_ast) rule.ast = std::move(result.expr);
}

// "; did you mean "humanize"?" after Go's "function "humanise" not defined".
std::string function_hint(const gotmpl::TemplateError& err) {
  if (err.unknown_function.empty()) return "";
  std::vector<std::string_view> names;
  for (auto list : {gotmpl::go_builtin_functions(), gotmpl::prometheus_template_functions()})
    names.insert(names.end(), list.begin(), list.end());
  if (const auto best = closest_match(err.unknown_function, names))
    return "; did you mean \"" + std::string(*best) + "\"?";
  return "; Prometheus 2.42 templates know Go's builtins and its own functions (humanize, "
         "humanizeDuration, query, label, value, …)";
}

void check_pairs(Context& ctx, const Rule& rule, const std::vector<LabelPair>& pairs, bool labels) {
  const std::string what = labels ? "label" : "annotation";
  for (const LabelPair& p : pairs) {
    const std::string name(p.name.value);
    if (!is_valid_label_name(p.name.value) || (labels && name == "__name__")) {
      ctx.report("rule/schema", p.name.span,
                 "invalid " + what + " name \"" + name +
                     (name == "__name__" ? "\": rules may not set the metric name through labels; "
                                           "rename the rule instead"
                                         : "\": use letters, digits and underscores, not starting "
                                           "with a digit"));
    }
    if (!is_valid_utf8(p.value.value)) {
      ctx.report("rule/schema", p.value.span,
                 "invalid " + what + " value for \"" + name + "\": not valid UTF-8");
    }
    if (rule.kind != RuleKind::alerting || rule.name.value.empty()) continue;
    // Text without "{{" has no template actions and always parses.
    if (p.value.value.find("{{") == std::string_view::npos) continue;
    if (const auto err = gotmpl::check_syntax(p.value.value)) {
      ctx.report("rule/template", value_span(ctx.tree(), p.value, err->offset),
                 what + " \"" + name + "\": " + err->message + function_hint(*err));
    }
  }
}

void check_rule(Context& ctx, Rule& rule, bool keep_ast) {
  ctx.set_rule(rule.name.value);
  if (rule.kind == RuleKind::recording && !is_valid_metric_name(rule.name.value)) {
    ctx.report("rule/schema", rule.name.span,
               "invalid recording rule name \"" + std::string(rule.name.value) +
                   "\": it must be a valid metric name (letters, digits, '_' and ':', not starting "
                   "with a digit)");
  }
  check_expression(ctx, rule, keep_ast);
  check_pairs(ctx, rule, rule.labels, true);
  check_pairs(ctx, rule, rule.annotations, false);
}

// The label values a rule's result series certainly have (see
// promql/result_labels.hpp); none when its expression does not parse.
promql::LabelPins output_pins(const Rule& rule) {
  if (rule.ast) return promql::result_labels(*rule.ast).pins;
  const promql::ParseResult parsed = promql::parse(rule.expr.value);
  return parsed.expr ? promql::result_labels(*parsed.expr).pins : promql::LabelPins{};
}

// promtool's lint: rules with the same name and the same label set, across
// all groups of the file. Unlike promtool, rules whose expressions select
// series that cannot overlap (`code=~"2.."` and `code=~"3.."`) are not
// duplicates: they write different series.
void check_duplicates(Context& ctx, const RuleSet& set) {
  using Key = std::pair<std::string_view, std::vector<std::pair<std::string_view, std::string_view>>>;
  struct Seen {
    const Rule* rule;
    promql::LabelPins pins;
  };
  std::map<Key, std::vector<Seen>> seen;
  for (const Group& g : set.groups) {
    for (const Rule& r : g.rules) {
      if (r.name.value.empty()) continue;  // already an error
      Key key{r.name.value, {}};
      for (const LabelPair& l : r.labels) key.second.emplace_back(l.name.value, l.value.value);
      std::sort(key.second.begin(), key.second.end());
      std::vector<Seen>& same = seen[std::move(key)];
      promql::LabelPins pins = same.empty() ? promql::LabelPins{} : output_pins(r);
      if (same.size() == 1 && same.front().pins.empty()) same.front().pins = output_pins(*same.front().rule);
      const auto overlaps = [&](const Seen& earlier) { return !promql::outputs_disjoint(earlier.pins, pins); };
      const auto clash = std::find_if(same.begin(), same.end(), overlaps);
      if (clash != same.end()) {
        ctx.set_group(g.name.value);
        ctx.set_rule(r.name.value);
        ctx.report("rule/duplicate", r.name.span.begin.valid() ? r.name.span : r.span,
                   "rule \"" + std::string(r.name.value) +
                       "\" has the same name and labels as the rule at line " +
                       std::to_string(clash->rule->span.begin.line) +
                       " and their series can overlap; promtool warns that such duplicates might cause "
                       "inconsistency: give one of them a distinguishing label or a different name",
                   Severity::warning);
      }
      same.push_back({&r, std::move(pins)});
    }
  }
}

}  // namespace

bool is_valid_metric_name(std::string_view name) {
  if (name.empty() || !(is_alpha_(name[0]) || name[0] == ':')) return false;
  return std::all_of(name.begin(), name.end(),
                     [](char c) { return is_alpha_(c) || is_digit(c) || c == ':'; });
}

bool is_valid_label_name(std::string_view name) {
  if (name.empty() || !is_alpha_(name[0])) return false;
  return std::all_of(name.begin(), name.end(), [](char c) { return is_alpha_(c) || is_digit(c); });
}

bool is_valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return false;
    std::uint32_t cp = len == 1 ? c : c & (0x7F >> len);
    for (std::size_t k = 1; k < len; ++k) {
      const auto cc = static_cast<unsigned char>(s[i + k]);
      if ((cc & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (cc & 0x3F);
    }
    const bool overlong = (len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000);
    if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += len;
  }
  return true;
}

void validate_rule_set(Context& ctx, RuleSet& set, bool keep_ast) {
  check_group_names(ctx, set);
  for (Group& g : set.groups) {
    ctx.set_group(g.name.value);
    for (Rule& r : g.rules) check_rule(ctx, r, keep_ast);
  }
  check_duplicates(ctx, set);
  ctx.set_group("");
  ctx.set_rule("");
}

}  // namespace rbc::rules
