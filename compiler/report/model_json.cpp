#include "report/model_json.hpp"

#include <map>

#include "report/json_writer.hpp"
#include "report/routing_json.hpp"
#include "threshold/phrase.hpp"

namespace rbc::report {
namespace {

void write_position(JsonWriter& w, Span span) {
  w.key("line").value(static_cast<std::int64_t>(span.begin.line));
  w.key("column").value(static_cast<std::int64_t>(span.begin.column));
}

void write_optional(JsonWriter& w, std::string_view key, const std::string* text) {
  w.key(key);
  text ? w.value(*text) : w.null();
}

void write_binding(JsonWriter& w, const model::Project& project, const model::Binding* binding) {
  w.key("runbook");
  if (!binding) {
    w.null();
    return;
  }
  const model::RunbookInfo& rb = project.runbooks[binding->runbook];
  w.begin_object().key("file").value(rb.path);
  if (binding->section != model::kWholeFile) {
    const runbook::Section& s = rb.sections[binding->section].section;
    w.key("line").value(static_cast<std::int64_t>(s.line)).key("anchor").value(s.anchor);
  }
  w.key("bound_by").value(model::binding_kind_text(binding->kind)).end_object();
}

void write_rule(JsonWriter& w, const model::Project& project, const model::RuleInfo& rule,
                const model::Binding* binding) {
  w.begin_object();
  w.key("name").value(rule.name.value).key("kind").value(rule.alerting ? "alert" : "record");
  w.key("file").value(rule.file).key("line").value(static_cast<std::int64_t>(rule.name.span.begin.line));
  w.key("group").value(rule.group);
  write_optional(w, "severity", rule.severity ? &rule.severity->value : nullptr);
  write_optional(w, "for", rule.for_text ? &rule.for_text->value : nullptr);
  w.key("comparisons").begin_array();
  for (const model::RuleComparison& c : rule.comparisons) {
    w.begin_object().key("op").value(promql::op_text(c.comparison.op)).key("value").value(c.comparison.value);
    w.key("scale").value(c.comparison.scale).key("unit");
    c.comparison.unit.empty() ? w.null() : w.value(c.comparison.unit);
    w.key("time_since").value(c.comparison.time_since);
    write_position(w, c.span);
    w.end_object();
  }
  w.end_array();
  if (rule.alerting) write_binding(w, project, binding);
  w.end_object();
}

void write_severity(JsonWriter& w, const model::SectionInfo& s) {
  w.key("severity");
  if (s.severity_text.empty()) {
    w.null();
    return;
  }
  w.begin_object().key("text").value(s.severity_text).key("value");
  if (s.severity_values.empty()) {
    w.null();
  } else if (s.severity_values.size() == 1) {
    w.value(s.severity_values.front());
  } else {
    w.begin_array();
    for (const std::string& v : s.severity_values) w.value(v);
    w.end_array();
  }
  w.end_object();
}

void write_threshold(JsonWriter& w, const model::DocThreshold& t) {
  const threshold::Comparison& c = t.comparison;
  w.begin_object().key("op").value(threshold::op_text(c.op)).key("value").value(c.value).key("unit");
  c.unit.empty() ? w.null() : w.value(c.unit);
  w.key("text").value(t.text);
  if (c.of_max) w.key("of_max").value(true);
  if (!c.severity_word.empty()) w.key("severity_word").value(c.severity_word);
  write_position(w, t.span);
  w.end_object();
}

void write_duration(JsonWriter& w, std::string_view key, const std::optional<model::DocDuration>& d) {
  w.key(key);
  d ? w.value(threshold::format_duration(d->ms)) : w.null();
}

void write_section(JsonWriter& w, const model::SectionInfo& info) {
  const runbook::Section& s = info.section;
  w.begin_object().key("line").value(static_cast<std::int64_t>(s.line));
  w.key("heading").value(s.heading).key("anchor").value(s.anchor);
  w.key("alerts").begin_array();
  for (const runbook::AlertName& a : s.alerts) w.value(a.name);
  w.end_array();
  w.key("found_by").value(s.alerts.empty() ? "" : runbook::name_source_text(s.alerts.front().source));
  write_severity(w, info);
  w.key("thresholds").begin_array();
  for (const model::DocThreshold& t : info.thresholds) write_threshold(w, t);
  w.end_array();
  write_duration(w, "for", info.for_duration);
  write_duration(w, "window", info.window);
  w.end_object();
}

}  // namespace

std::string model_json(const model::Project& project) {
  std::map<std::size_t, const model::Binding*> bound;
  for (const model::Binding& b : project.bindings) bound[b.rule] = &b;
  JsonWriter w;
  w.begin_object().key("rules").begin_array();
  for (std::size_t i = 0; i < project.rules.size(); ++i) {
    auto it = bound.find(i);
    write_rule(w, project, project.rules[i], it == bound.end() ? nullptr : it->second);
  }
  w.end_array().key("runbooks").begin_array();
  for (const model::RunbookInfo& rb : project.runbooks) {
    w.begin_object().key("file").value(rb.path).key("title").value(rb.title).key("sections").begin_array();
    for (const model::SectionInfo& s : rb.sections) write_section(w, s);
    w.end_array().end_object();
  }
  w.end_array();
  w.key("routing");
  write_routing(w, project.routing);
  w.end_object();
  return w.str() + "\n";
}

}  // namespace rbc::report
