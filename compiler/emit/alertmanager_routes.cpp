// alertmanager.yml `route:` and `inhibit_rules:`.
#include <algorithm>

#include <fmt/format.h>

#include "emit/alertmanager.hpp"
#include "emit/alertmanager_conditions.hpp"
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

am::Condition route_condition(const model::Project& project, const RouteValues& values) {
  am::Condition c;
  am::require_in(c, project.config.severity_label, values.severities);
  am::require_in(c, std::string(kCategoryLabel), values.categories);
  return c;
}

std::string child_route(const model::Project& project, const model::DocumentedRoute& route,
                        const std::string& receiver, const std::vector<std::string>& matchers, bool narrowed) {
  std::string out = fmt::format("    # {}: {} -> {}\n", where(project, route.file, route.span),
                                am::comment_text(route.text), receiver);
  if (narrowed) out += "    # (less the alerts an earlier route already sends to this receiver)\n";
  const bool timed = route.response_ms || route.escalation_ms;
  const RouteTiming t = route_timing(route.response_ms, route.escalation_ms);
  if (timed) out += timing_comment(route, t);
  out += fmt::format("    - receiver: {}\n", am::quote(receiver));
  if (!matchers.empty()) {
    out += "      matchers:\n";
    for (const std::string& m : matchers) out += fmt::format("        - {}\n", squote(m));
  }
  // The alert goes on to the routes of its other documented channels.
  out += "      continue: true\n";
  if (timed) {
    out += fmt::format("      group_wait: {}\n      group_interval: {}\n      repeat_interval: {}\n",
                       am::duration(t.group_wait_ms), am::duration(t.group_interval_ms),
                       am::duration(t.repeat_interval_ms));
  }
  return out;
}

bool names_receiver(const model::Routing& routing, const model::DocumentedRoute& route, const std::string& name) {
  return std::any_of(route.channels.begin(), route.channels.end(), [&](std::size_t c) {
    return c < routing.channels.size() && routing.channels[c].name == name;
  });
}

// Every route to one receiver; each alert matches at most one of them.
std::string receiver_routes(const model::Project& project, const std::string& receiver) {
  std::string out;
  std::vector<am::Condition> earlier;
  for (const model::DocumentedRoute& route : project.routing.routes) {
    if (!names_receiver(project.routing, route, receiver)) continue;
    const am::Condition condition = route_condition(project, route_values(project, route));
    const std::vector<am::Condition> parts = am::subtract(condition, earlier);
    const bool narrowed = parts.size() != 1 || am::matchers(parts[0]) != am::matchers(condition);
    for (const am::Condition& part : parts) out += child_route(project, route, receiver, am::matchers(part), narrowed);
    earlier.push_back(condition);
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
  for (const std::string& receiver : receiver_order(project.routing)) children += receiver_routes(project, receiver);
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
