// `rbc inspect --format text`: the model in a compact, readable listing.
#include <map>

#include <fmt/format.h>

#include "report/model_json.hpp"
#include "report/routing_json.hpp"
#include "threshold/phrase.hpp"

namespace rbc::report {
namespace {

std::string rule_line(const model::Project& project, const model::RuleInfo& rule,
                      const model::Binding* binding) {
  std::string out = fmt::format("  {}:{}: {} {}", rule.file, rule.name.span.begin.line,
                                rule.alerting ? "alert" : "record", rule.name.value);
  if (rule.severity) out += fmt::format(" severity={}", rule.severity->value);
  if (rule.for_text) out += fmt::format(" for={}", rule.for_text->value);
  for (const model::RuleComparison& c : rule.comparisons) {
    out += fmt::format(" [{} {}", promql::op_text(c.comparison.op), c.comparison.value);
    if (c.comparison.scale != 1) out += fmt::format(" scale={}", c.comparison.scale);
    if (!c.comparison.unit.empty()) out += fmt::format(" unit={}", c.comparison.unit);
    out += "]";
  }
  if (binding) {
    const model::RunbookInfo& rb = project.runbooks[binding->runbook];
    out += fmt::format(" -> {}", rb.path);
    if (binding->section != model::kWholeFile)
      out += fmt::format(":{}", rb.sections[binding->section].section.line);
    out += fmt::format(" ({})", model::binding_kind_text(binding->kind));
  } else if (rule.alerting) {
    out += " -> no runbook";
  }
  return out + "\n";
}

std::string section_line(const model::SectionInfo& info) {
  const runbook::Section& s = info.section;
  std::string names;
  for (const runbook::AlertName& a : s.alerts) names += (names.empty() ? "" : ", ") + a.name;
  std::string out = fmt::format("    :{} {}", s.line, names);
  if (!info.severity_text.empty())
    out += fmt::format(" severity='{}'={}", info.severity_text, fmt::join(info.severity_values, "|"));
  for (const model::DocThreshold& t : info.thresholds)
    out += fmt::format(" [{} {}{}]", threshold::op_text(t.comparison.op), t.comparison.value,
                       t.comparison.unit.empty() ? "" : " " + t.comparison.unit);
  if (info.for_duration) out += " for=" + threshold::format_duration(info.for_duration->ms);
  if (info.window) out += " window=" + threshold::format_duration(info.window->ms);
  return out + "\n";
}

}  // namespace

std::string model_text(const model::Project& project) {
  std::map<std::size_t, const model::Binding*> bound;
  for (const model::Binding& b : project.bindings) bound[b.rule] = &b;
  std::string out = fmt::format("rules ({}):\n", project.rules.size());
  for (std::size_t i = 0; i < project.rules.size(); ++i) {
    auto it = bound.find(i);
    out += rule_line(project, project.rules[i], it == bound.end() ? nullptr : it->second);
  }
  out += fmt::format("runbooks ({}):\n", project.runbooks.size());
  for (const model::RunbookInfo& rb : project.runbooks) {
    out += fmt::format("  {} ({} alert sections)\n", rb.path, rb.sections.size());
    for (const model::SectionInfo& s : rb.sections) out += section_line(s);
  }
  out += routing_text(project.routing);
  return out;
}

}  // namespace rbc::report
