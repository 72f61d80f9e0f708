#include "emit/alertmanager_match.hpp"

#include <algorithm>
#include <set>

namespace rbc::emit {
namespace {

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

void sort_unique(std::vector<std::string>& values) {
  std::sort(values.begin(), values.end());
  values.erase(std::unique(values.begin(), values.end()), values.end());
}

bool maps_to(const model::Project& project, const std::string& label_value,
             const std::vector<std::string>& canonical) {
  for (const std::string& value : config::severity_values(project.config, label_value)) {
    if (std::find(canonical.begin(), canonical.end(), value) != canonical.end()) return true;
  }
  return false;
}

bool contains(const std::vector<std::string>& values, const std::string& value) {
  return std::binary_search(values.begin(), values.end(), value);
}

}  // namespace

bool documents_routing(const model::Routing& routing) {
  return !routing.channels.empty() || !routing.routes.empty();
}

const model::Located* rule_label(const model::RuleInfo& rule, std::string_view name) {
  for (const auto& [key, value] : rule.labels) {
    if (key.value == name) return &value;
  }
  return nullptr;
}

RouteValues route_values(const model::Project& project, const model::DocumentedRoute& route) {
  RouteValues out;
  const std::string category = lower(route.category);
  if (!route.severities.empty()) out.severities = route.severities;
  if (!route.category.empty()) out.categories.push_back(route.category);
  for (const model::RuleInfo& rule : project.rules) {
    if (!rule.alerting) continue;
    if (!route.severities.empty() && rule.severity && maps_to(project, rule.severity->value, route.severities)) {
      out.severities.push_back(rule.severity->value);
    }
    const model::Located* label = rule_label(rule, kCategoryLabel);
    if (!route.category.empty() && label && lower(label->value) == category) out.categories.push_back(label->value);
  }
  sort_unique(out.severities);
  sort_unique(out.categories);
  return out;
}

bool rule_matches(const RouteValues& values, const model::RuleInfo& rule) {
  if (!values.severities.empty()) {
    if (!rule.severity || !contains(values.severities, rule.severity->value)) return false;
  }
  if (!values.categories.empty()) {
    const model::Located* category = rule_label(rule, kCategoryLabel);
    if (!category || !contains(values.categories, category->value)) return false;
  }
  return true;
}

std::vector<std::string> receiver_order(const model::Routing& routing) {
  std::vector<std::string> out;
  for (const model::DocumentedRoute& route : routing.routes) {
    for (std::size_t c : route.channels) {
      if (c >= routing.channels.size()) continue;
      const std::string& name = routing.channels[c].name;
      if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
    }
  }
  return out;
}

std::vector<std::string> rule_receivers(const model::Project& project, const model::RuleInfo& rule) {
  std::set<std::string> reached;
  const model::Routing& routing = project.routing;
  for (const model::DocumentedRoute& route : routing.routes) {
    if (route.channels.empty() || !rule_matches(route_values(project, route), rule)) continue;
    for (std::size_t c : route.channels) {
      if (c < routing.channels.size()) reached.insert(routing.channels[c].name);
    }
  }
  std::vector<std::string> out;
  for (const std::string& name : receiver_order(routing)) {
    if (reached.count(name)) out.push_back(name);
  }
  return out;
}

}  // namespace rbc::emit
