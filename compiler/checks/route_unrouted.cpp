// route/unrouted: an alert whose labels match no route the runbooks
// document, so the generated alertmanager.yml delivers it nowhere.
#include <fmt/format.h>

#include "checks/check.hpp"
#include "emit/alertmanager_match.hpp"

namespace rbc::checks {
namespace {

std::string documented_severities(const model::Routing& routing) {
  std::string out;
  for (const model::DocumentedRoute& route : routing.routes) {
    if (route.channels.empty()) continue;
    std::string what = route.severities.empty() ? std::string("any severity") : "";
    for (const std::string& s : route.severities) what += (what.empty() ? "" : "/") + s;
    if (!route.category.empty()) what += " (category " + route.category + ")";
    if (out.find(what) == std::string::npos) out += (out.empty() ? "" : ", ") + what;
  }
  return out;
}

void run(const model::Project& project, Reporter& reporter) {
  if (!emit::documents_routing(project.routing)) return;
  const std::string documented = documented_severities(project.routing);
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting || !emit::rule_receivers(project, rule).empty()) continue;
    std::string message =
        rule.severity
            ? fmt::format("alert '{}' with {}=\"{}\" reaches no documented notification channel", rule.name.value,
                          project.config.severity_label, rule.severity->value)
            : fmt::format("alert '{}' has no '{}' label and reaches no documented notification channel",
                          rule.name.value, project.config.severity_label);
    message += documented.empty() ? "; the runbooks route no alerts to any channel"
                                  : fmt::format("; the runbooks route: {}", documented);
    reporter.report(rule, rule.severity ? rule.severity->span : rule.name.span, std::move(message));
  }
}

}  // namespace

extern const Check route_unrouted;
const Check route_unrouted{
    {"route/unrouted", Severity::warning, "an alert reaches no notification channel the runbooks document", false},
    run};

}  // namespace rbc::checks
