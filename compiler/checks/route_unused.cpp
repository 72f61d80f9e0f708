// route/unused: a notification channel the runbooks document that no
// alert can reach (no route sends to it, or no rule matches its routes).
#include <set>

#include <fmt/format.h>

#include "checks/check.hpp"
#include "emit/alertmanager_match.hpp"

namespace rbc::checks {
namespace {

void run(const model::Project& project, Reporter& reporter) {
  const model::Routing& routing = project.routing;
  if (!emit::documents_routing(routing)) return;
  std::set<std::string> reached;
  std::set<std::string> routed;  // named by at least one documented route
  for (const model::DocumentedRoute& route : routing.routes) {
    const emit::RouteValues values = emit::route_values(project, route);
    bool matched = false;
    for (const model::RuleInfo& rule : project.rules) matched = matched || (rule.alerting && emit::rule_matches(values, rule));
    for (std::size_t c : route.channels) {
      if (c >= routing.channels.size()) continue;
      routed.insert(routing.channels[c].name);
      if (matched) reached.insert(routing.channels[c].name);
    }
  }
  std::set<std::string> reported;
  for (const model::Channel& channel : routing.channels) {
    // A channel no documented route names is a contact ("Engineering: Slack
    // #engineering"), not an alert destination: nothing to reach.
    if (!routed.count(channel.name) || reached.count(channel.name) || !reported.insert(channel.name).second)
      continue;
    const std::string why = "no alerting rule has the severity or category routed to it";
    reporter.report(channel.file, channel.span,
                    fmt::format("channel '{}' (receiver '{}') receives no alert: {}", channel.text, channel.name, why));
  }
}

}  // namespace

extern const Check route_unused;
const Check route_unused{
    {"route/unused", Severity::warning, "a documented notification channel no alert can reach", false},
    run};

}  // namespace rbc::checks
