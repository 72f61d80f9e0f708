// Which documented routes an alert matches, decided once for both the
// emitted Alertmanager route tree and the route/* checks, so that what the
// checks report is what alertmanager.yml does.
//
// A documented route names canonical severities ("critical") and maybe a
// category; rules write label values ("Critical", "page", "business"). A
// route matches the label values the rules use for its severities (those
// config::severity_values maps to them) and the canonical value itself;
// categories compare ignoring case. The emitted matchers list exactly
// these values.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/project.hpp"

namespace rbc::emit {

// The label a documented category is matched on.
inline constexpr std::string_view kCategoryLabel = "category";
// Where alerts that no documented route matches go: a receiver that sends nothing.
inline constexpr std::string_view kDefaultReceiver = "rbc-default";

// True when the runbooks document any channel or route.
bool documents_routing(const model::Routing& routing);

// A static label of a rule, or null.
const model::Located* rule_label(const model::RuleInfo& rule, std::string_view name);

// The label values a documented route matches, sorted and unique; empty
// `severities` (or `categories`) means any value, the label need not be set.
struct RouteValues {
  std::vector<std::string> severities;
  std::vector<std::string> categories;
};
RouteValues route_values(const model::Project& project, const model::DocumentedRoute& route);

bool rule_matches(const RouteValues& values, const model::RuleInfo& rule);

// Receiver (channel) names in the order documented routes first name them;
// alertmanager.yml lists its routes, and amtool its receivers, in this order.
std::vector<std::string> receiver_order(const model::Routing& routing);

// The receivers (channel names) an alerting rule reaches, unique, in
// receiver_order.
std::vector<std::string> rule_receivers(const model::Project& project, const model::RuleInfo& rule);

}  // namespace rbc::emit
