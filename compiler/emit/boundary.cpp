#include "emit/boundary.hpp"

#include <algorithm>
#include <cstdio>
#include <map>
#include <memory>
#include <set>

#include "emit/boundary_scenario.hpp"
#include "emit/paths.hpp"
#include "model/describe_rules.hpp"
#include "promql/parse.hpp"
#include "rules/load.hpp"

namespace rbc::emit {

namespace {

using boundary::AlertRule;
using boundary::Scenario;
using boundary::Series;
using boundary::SeriesKind;

// A YAML double-quoted scalar.
std::string yaml_quote(const std::string& s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
    } else if (c == '\n') {
      out += "\\n";
    } else if (c == '\t') {
      out += "\\t";
    } else if (c < 0x20 || c == 0x7f) {
      char buf[8];
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out + "\"";
}

// A PromQL string literal (label values in a series selector).
std::string promql_quote(const std::string& s) {
  std::string out = "\"";
  for (char c : s) {
    if (c == '"' || c == '\\') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out + "\"";
}

std::string duration(std::int64_t ms) {
  if (ms % 60000 == 0) return std::to_string(ms / 60000) + "m";
  return std::to_string(ms / 1000) + "s";
}

std::string series_text(const Series& s) {
  std::string out = s.labels.count("__name__") ? s.labels.at("__name__") : std::string();
  out += "{";
  bool first = true;
  for (const auto& [k, v] : s.labels) {
    if (k == "__name__") continue;
    if (!first) out += ", ";
    first = false;
    out += k + "=" + promql_quote(v);
  }
  return out + "}";
}

// promtool's expanding notation: counters grow from 0, gauges hold,
// clocks advance with time().
std::string values_text(const Series& s, std::int64_t steps, std::int64_t interval_ms) {
  const std::string n = std::to_string(steps);
  switch (s.kind) {
    case SeriesKind::counter: return "0+" + boundary::plain_number(s.knob) + "x" + n;
    case SeriesKind::gauge: return boundary::plain_number(s.knob) + "x" + n;
    case SeriesKind::clock: return boundary::plain_number(s.knob) + "+" + std::to_string(interval_ms / 1000) + "x" + n;
  }
  return {};
}

void write_scenario(std::string& out, const Scenario& sc, const std::string& alert, std::int64_t interval_ms) {
  out += "  # " + alert + " " + sc.comment + "\n";
  out += "  - interval: " + duration(interval_ms) + "\n";
  out += "    input_series:\n";
  for (const auto& s : sc.series) {
    out += "      - series: " + yaml_quote(series_text(s)) + "\n";
    out += "        values: " + yaml_quote(values_text(s, sc.steps, interval_ms)) + "\n";
  }
  out += "    alert_rule_test:\n";
  for (const auto& check : sc.checks) {
    out += "      - eval_time: " + duration(check.t_ms) + "\n";
    out += "        alertname: " + yaml_quote(alert) + "\n";
    if (check.alerts.empty()) {
      out += "        exp_alerts: []\n";
      continue;
    }
    out += "        exp_alerts:\n";
    for (const auto& a : check.alerts) {
      out += a.labels.empty() ? "          - exp_labels: {}\n" : "          - exp_labels:\n";
      for (const auto& [k, v] : a.labels) out += "              " + k + ": " + yaml_quote(v) + "\n";
      if (a.annotations.empty()) continue;
      out += "            exp_annotations:\n";
      for (const auto& [k, v] : a.annotations) out += "              " + k + ": " + yaml_quote(v) + "\n";
    }
  }
}

// "rules/a/api.yml" -> "tests/a-api.yml", made unique within the build.
std::string test_path(const std::string& rules_path, std::set<std::string>& used) {
  std::string rel = rules_path.rfind("rules/", 0) == 0 ? rules_path.substr(6) : rules_path;
  for (const char* ext : {".yml", ".yaml"}) {
    const std::string e = ext;
    if (rel.size() > e.size() && rel.compare(rel.size() - e.size(), e.size(), e) == 0) rel.resize(rel.size() - e.size());
  }
  std::replace(rel.begin(), rel.end(), '/', '-');
  std::string path = "tests/" + rel + ".yml";
  for (int i = 2; !used.insert(path).second; ++i) path = "tests/" + rel + "-" + std::to_string(i) + ".yml";
  return path;
}

struct ParsedRule {
  const model::RuleInfo* info = nullptr;
  std::shared_ptr<const promql::Expr> expr;
};

void emit_file(const std::string& rules_path, const std::vector<ParsedRule>& rules, std::set<std::string>& used,
               BoundaryResult& result) {
  std::int64_t interval = 60000;
  for (const auto& r : rules)
    if (r.expr) interval = std::min(interval, boundary::preferred_interval(*r.expr));
  const std::string path = test_path(rules_path, used);
  std::string body;
  std::size_t covered = 0;
  for (const auto& target : rules) {
    ++result.alerts;
    if (!target.expr) {
      result.uncovered.push_back({rules_path, target.info->name.value, "the expression does not parse"});
      continue;
    }
    std::vector<AlertRule> same{{target.info, target.expr.get()}};
    bool siblings_ok = true;
    for (const auto& other : rules) {
      if (&other == &target || other.info->name.value != target.info->name.value) continue;
      siblings_ok &= other.expr != nullptr;
      if (other.expr) same.push_back({other.info, other.expr.get()});
    }
    auto tests = siblings_ok ? boundary::build_alert_tests(same, interval) : boundary::AlertTests{false, "", {}};
    if (!tests.ok) {
      const std::string why = siblings_ok ? tests.error : "another alert of the same name does not parse";
      result.uncovered.push_back({rules_path, target.info->name.value, why});
      continue;
    }
    ++covered;
    for (const auto& sc : tests.scenarios) write_scenario(body, sc, target.info->name.value, interval);
  }
  if (covered == 0) return;
  result.covered += covered;
  std::string out = "# Boundary tests of " + rules_path + ", generated by rbc build.\n";
  out += "# Run: promtool test rules " + path + "\n";
  out += "rule_files:\n  - " + yaml_quote(relative_link(path, rules_path)) + "\n";
  out += "evaluation_interval: " + duration(interval) + "\n";
  out += "tests:\n" + body;
  result.files.push_back({path, std::move(out)});
}

std::vector<ParsedRule> parse_alerts(const std::vector<model::RuleInfo>& rules) {
  std::vector<ParsedRule> out;
  for (const auto& rule : rules) {
    if (!rule.alerting) continue;
    ParsedRule parsed{&rule, nullptr};
    if (rule.expr_ok) {
      auto r = promql::parse(rule.expr.value);
      if (!r.error) parsed.expr = r.expr;
    }
    out.push_back(std::move(parsed));
  }
  return out;
}

// Every alert of a rule file promtool cannot load, as uncovered.
void skip_file(const std::string& path, const std::vector<model::RuleInfo>& rules, const std::string& why,
               BoundaryResult& result) {
  for (const auto& rule : rules) {
    if (!rule.alerting) continue;
    ++result.alerts;
    result.uncovered.push_back({path, rule.name.value, why});
  }
}

}  // namespace

BoundaryResult emit_boundary_tests(const BuildInput& input, const std::vector<OutputFile>& emitted_rules) {
  BoundaryResult result;
  std::set<std::string> used;
  for (const auto& file : emitted_rules) {
    const SourceFile source(file.path, file.content);
    Diagnostics ignored;
    const rules::LoadedFile loaded = rules::load_rule_file(source, ignored);
    const auto described = model::describe_rules(loaded, file.path, input.project.config);
    if (loaded.kind == rules::FileKind::prometheus_rule) {
      skip_file(file.path, described,
                "a PrometheusRule file, which promtool cannot load (build.rules_format: prometheus emits plain rule files)",
                result);
      continue;
    }
    if (ignored.has_errors()) {
      skip_file(file.path, described, "the emitted rule file does not load", result);
      continue;
    }
    emit_file(file.path, parse_alerts(described), used, result);
  }
  return result;
}

std::vector<std::string> boundary_report(const BoundaryResult& result) {
  std::vector<std::string> lines;
  lines.push_back("boundary tests: " + std::to_string(result.covered) + " of " + std::to_string(result.alerts) + " alerts");
  for (const auto& u : result.uncovered) lines.push_back("  " + u.file + ": " + u.alert + ": " + u.reason);
  return lines;
}

}  // namespace rbc::emit
