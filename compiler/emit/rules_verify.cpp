#include "emit/rules_verify.hpp"

#include <map>
#include <optional>

namespace rbc::emit {
namespace {

// What a rule means to Prometheus, as plain values.
struct RuleFacts {
  std::string group;
  std::optional<std::int64_t> interval;
  std::optional<std::int64_t> limit;
  rules::RuleKind kind = rules::RuleKind::alerting;
  std::string name;
  std::string expr;
  std::optional<std::int64_t> for_ms;
  std::optional<std::int64_t> keep_firing_for_ms;
  std::map<std::string, std::string> labels;
  std::map<std::string, std::string> annotations;
  friend bool operator==(const RuleFacts&, const RuleFacts&) = default;
};

std::map<std::string, std::string> to_map(const std::vector<rules::LabelPair>& pairs) {
  std::map<std::string, std::string> out;
  for (const rules::LabelPair& p : pairs) out[std::string(p.name.value)] = std::string(p.value.value);
  return out;
}

std::optional<std::int64_t> ms_of(const std::optional<rules::Duration>& d) {
  return d ? std::optional(d->ms) : std::nullopt;
}

std::vector<RuleFacts> facts_of(const std::vector<const rules::RuleSet*>& sets) {
  std::vector<RuleFacts> out;
  for (const rules::RuleSet* set : sets) {
    for (const rules::Group& g : set->groups) {
      for (const rules::Rule& r : g.rules) {
        out.push_back({std::string(g.name.value), ms_of(g.interval), g.limit, r.kind, std::string(r.name.value),
                       std::string(r.expr.value), ms_of(r.for_duration), ms_of(r.keep_firing_for),
                       to_map(r.labels), to_map(r.annotations)});
      }
    }
  }
  return out;
}

std::string describe(const RuleFacts& want, const RuleFacts& got) {
  std::string what;
  const auto differs = [&](bool d, const char* field) {
    if (d) what += (what.empty() ? "" : ", ") + std::string(field);
  };
  differs(want.group != got.group || want.interval != got.interval || want.limit != got.limit, "group");
  differs(want.kind != got.kind || want.name != got.name, "name");
  differs(want.expr != got.expr, "expr");
  differs(want.for_ms != got.for_ms || want.keep_firing_for_ms != got.keep_firing_for_ms, "for");
  differs(want.labels != got.labels, "labels");
  differs(want.annotations != got.annotations, "annotations");
  return "rule \"" + want.name + "\" reads back with different " + what;
}

}  // namespace

std::string compare_rule_sets(const std::vector<const rules::RuleSet*>& before,
                              const std::vector<RuleChanges>& changes,
                              const std::vector<const rules::RuleSet*>& after,
                              const std::string& severity_label) {
  std::vector<RuleFacts> want = facts_of(before);
  const std::vector<RuleFacts> got = facts_of(after);
  if (want.size() != got.size() || changes.size() != want.size())
    return std::to_string(want.size()) + " rules written, " + std::to_string(got.size()) + " read back";
  for (std::size_t i = 0; i < want.size(); ++i) {
    for (const auto& [key, value] : changes[i].annotations) want[i].annotations[key] = value;
    if (changes[i].severity) want[i].labels[severity_label] = *changes[i].severity;
    if (!(want[i] == got[i])) return describe(want[i], got[i]);
  }
  return "";
}

}  // namespace rbc::emit
