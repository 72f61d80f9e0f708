// alertmanager.yml `route:` and `inhibit_rules:`.
#include <algorithm>
#include <set>

#include <fmt/format.h>

#include "emit/alertmanager.hpp"
#include "emit/alertmanager_match.hpp"
#include "emit/alertmanager_parts.hpp"
#include "emit/alertmanager_yaml.hpp"
#include "emit/paths.hpp"

namespace rbc::emit {
namespace {

constexpr std::int64_t kSecond = 1000;
constexpr std::int64_t kMinute = 60 * kSecond;

// Labels that name the thing an alert is about: a critical alert silences
// a warning only about the same thing (absent on both counts as equal).
constexpr std::string_view kIdentityLabels[] = {"alertname", "cluster", "namespace", "job", "service", "instance"};

std::string squote(std::string_view text) {
  std::string out = "'";
  for (char c : text) out += c == '\'' ? std::string("''") : std::string(1, c);
  return out + "'";
}

std::string where(const model::Project& project, const std::string& file, const Span& span) {
  return fmt::format("{}:{}", project_relative(file, project.config), span.begin.line);
}

std::string timing_comment(const model::DocumentedRoute& route, const RouteTiming& t) {
  std::string out;
  if (route.response_ms) {
    out += fmt::format("    # response time {}: group_wait {} (a tenth of it, 10s to 1m), group_interval {} "
                       "(half of it, 1m to 5m)\n",
                       am::duration(*route.response_ms), am::duration(t.group_wait_ms),
                       am::duration(t.group_interval_ms));
  }
  if (route.escalation_ms) {
    out += fmt::format("    # escalation after {}: repeat_interval {} (notify again when escalation is due)\n",
                       am::duration(*route.escalation_ms), am::duration(t.repeat_interval_ms));
  }
  return out;
}

std::vector<std::string> route_matchers(const model::Project& project, const RouteValues& values) {
  std::vector<std::string> out;
  if (!values.severities.empty()) out.push_back(am::matcher(project.config.severity_label, values.severities));
  if (!values.categories.empty()) out.push_back(am::matcher(kCategoryLabel, values.categories));
  return out;
}

std::string child_route(const model::Project& project, const model::DocumentedRoute& route,
                        const model::Channel& channel, const std::vector<std::string>& matchers) {
  std::string out = fmt::format("    # {}: {} -> {}\n", where(project, route.file, route.span),
                                am::comment_text(route.text), channel.name);
  if (route.response_ms || route.escalation_ms) {
    out += timing_comment(route, route_timing(route.response_ms, route.escalation_ms));
  }
  out += fmt::format("    - receiver: {}\n", am::quote(channel.name));
  if (!matchers.empty()) {
    out += "      matchers:\n";
    for (const std::string& m : matchers) out += fmt::format("        - {}\n", squote(m));
  }
  out += "      continue: true\n";
  if (route.response_ms || route.escalation_ms) {
    const RouteTiming t = route_timing(route.response_ms, route.escalation_ms);
    out += fmt::format("      group_wait: {}\n      group_interval: {}\n      repeat_interval: {}\n",
                       am::duration(t.group_wait_ms), am::duration(t.group_interval_ms),
                       am::duration(t.repeat_interval_ms));
  }
  return out;
}

// Severity values in use, by canonical level, in rbc.yaml `severities:` order.
std::vector<std::vector<std::string>> used_levels(const model::Project& project) {
  std::vector<std::vector<std::string>> out;
  for (const config::SeverityLevel& level : project.config.severities) {
    model::DocumentedRoute probe;
    probe.severities = {level.value};
    std::vector<std::string> values = route_values(project, probe).severities;
    const bool used = std::any_of(project.rules.begin(), project.rules.end(), [&](const model::RuleInfo& rule) {
      return rule.alerting && rule.severity &&
             std::binary_search(values.begin(), values.end(), rule.severity->value);
    });
    if (used) out.push_back(std::move(values));
  }
  return out;
}

}  // namespace

RouteTiming route_timing(std::optional<std::int64_t> response_ms, std::optional<std::int64_t> escalation_ms) {
  RouteTiming t;
  if (response_ms) {
    // The first notification must leave well within the response time, and
    // news of further alerts in the group within half of it.
    t.group_wait_ms = std::clamp<std::int64_t>(*response_ms / 10, 10 * kSecond, kMinute);
    t.group_interval_ms = std::clamp<std::int64_t>(*response_ms / 2, kMinute, 5 * kMinute);
  }
  // An alert still firing is sent again when the runbook says to escalate.
  if (escalation_ms) t.repeat_interval_ms = *escalation_ms;
  t.repeat_interval_ms = std::max(t.repeat_interval_ms, t.group_interval_ms);
  return t;
}

namespace am {

std::string route_section(const model::Project& project) {
  const RouteTiming defaults;
  std::string out = fmt::format(
      "route:\n"
      "  # Alerts no documented route matches (rbc check reports them as route/unrouted).\n"
      "  receiver: {}\n"
      "  group_by: [{}, {}]\n"
      "  group_wait: {}\n  group_interval: {}\n  repeat_interval: {}\n",
      quote(kDefaultReceiver), squote("alertname"), squote(project.config.severity_label),
      duration(defaults.group_wait_ms), duration(defaults.group_interval_ms), duration(defaults.repeat_interval_ms));
  std::string children;
  std::set<std::pair<std::vector<std::string>, std::string>> seen;
  const model::Routing& routing = project.routing;
  for (const model::DocumentedRoute& route : routing.routes) {
    const std::vector<std::string> matchers = route_matchers(project, route_values(project, route));
    for (std::size_t c : route.channels) {
      if (c >= routing.channels.size()) continue;
      const model::Channel& channel = routing.channels[c];
      // Each channel is its own route: `continue: true` lets the alert go on
      // to the other channels documented for it.
      if (!seen.insert({matchers, channel.name}).second) continue;
      children += child_route(project, route, channel, matchers);
    }
  }
  if (!children.empty()) out += "  routes:\n" + children;
  return out;
}

std::string inhibit_section(const model::Project& project) {
  if (!project.config.build.inhibit) return "";
  const std::vector<std::vector<std::string>> levels = used_levels(project);
  if (levels.size() < 2) return "";
  std::string equal;
  for (std::string_view label : kIdentityLabels) equal += (equal.empty() ? "" : ", ") + squote(label);
  std::string out =
      "# A firing alert silences the same alert at the next lower severity (rbc.yaml `build.inhibit: false`\n"
      "# turns this off); labels in `equal` must match so only alerts about the same thing are silenced.\n"
      "inhibit_rules:\n";
  for (std::size_t i = 0; i + 1 < levels.size(); ++i) {
    out += fmt::format("  - source_matchers: [{}]\n    target_matchers: [{}]\n    equal: [{}]\n",
                       squote(matcher(project.config.severity_label, levels[i])),
                       squote(matcher(project.config.severity_label, levels[i + 1])), equal);
  }
  return out;
}

}  // namespace am
}  // namespace rbc::emit
