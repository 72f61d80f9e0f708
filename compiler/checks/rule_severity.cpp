// rule/severity: an alert without the severity label (rbc.yaml
// `severity_label`), or with a value outside the vocabulary. Alertmanager
// routes on exact label values, so "Critical" or "crit" silently misses the
// route meant for "critical".
//
// With `severities:` in rbc.yaml every other value is reported. Without it
// rbc does not know the team's vocabulary (GitLab uses s1-s4), so only
// near-misses of the built-in values are reported: other case, or a small
// typo ("Critical", "critcal").
#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "checks/queries.hpp"
#include "checks/rule_values.hpp"

namespace rbc::checks {
namespace {

constexpr OptionInfo kOptions[] = {
    {"allow", "extra accepted values beyond `severities:` (default: [none], for Watchdog-style alerts)"},
    {"strict",
     "true: report every value outside the vocabulary; false: only near-misses of it (default: true when "
     "rbc.yaml sets `severities:`)"},
};

std::vector<std::string> values_of(const std::vector<config::SeverityLevel>& levels) {
  std::vector<std::string> values;
  for (const config::SeverityLevel& level : levels) values.push_back(level.value);
  return values;
}

std::string lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}

struct Vocabulary {
  std::vector<std::string> values;
  bool strict = true;
};

Vocabulary vocabulary(const model::Project& project, Reporter& reporter) {
  Vocabulary out;
  out.values = values_of(project.config.severities);
  const std::vector<std::string> defaults = values_of(config::default_severities());
  if (out.values.empty()) out.values = defaults;
  out.strict = out.values != defaults;
  if (const auto strict = reporter.option("strict")) out.strict = *strict == "true" || *strict == "on";
  std::vector<std::string> extra = reporter.option_list("allow");
  if (!reporter.option_span("allow")) extra = {"none"};
  out.values.insert(out.values.end(), extra.begin(), extra.end());
  return out;
}

// The configured value `value` was probably meant to be, or "".
std::string meant(const std::vector<std::string>& values, const std::string& value) {
  for (const std::string& v : values)
    if (lower(v) == lower(value)) return v;
  return closest_name(value, values);
}

void run(const model::Project& project, Reporter& reporter) {
  const Vocabulary vocab = vocabulary(project, reporter);
  const std::vector<std::string>& values = vocab.values;
  const std::string& label = project.config.severity_label;
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting) continue;
    if (!rule.severity) {
      reporter.report(rule, rule.name.span, fmt::format("alert has no '{}' label", label));
      continue;
    }
    const std::string& value = rule.severity->value;
    if (is_template(value) || std::find(values.begin(), values.end(), value) != values.end()) continue;
    const std::string near = meant(values, value);
    if (!vocab.strict && near.empty()) continue;
    reporter.report(rule, rule.severity->span,
                    fmt::format("{} '{}' is not one of {}{}", label, value, fmt::join(values, ", "),
                                near.empty() ? "" : fmt::format(" (did you mean '{}'?)", near)));
  }
}

}  // namespace

extern const Check rule_severity;
const Check rule_severity{
    {"rule/severity", Severity::warning,
     "an alert has no severity label, or a value outside the configured severities", false},
    run, kOptions};

}  // namespace rbc::checks
