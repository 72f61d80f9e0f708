#include "model/routing_merge.hpp"

#include <map>

namespace rbc::model {

Routing merge_routing(const std::vector<RunbookInfo>& runbooks) {
  Routing merged;
  std::map<std::string, std::size_t, std::less<>> by_name;
  for (const RunbookInfo& rb : runbooks) {
    std::vector<std::size_t> index_of(rb.routing.channels.size());
    for (std::size_t c = 0; c < rb.routing.channels.size(); ++c) {
      const Channel& channel = rb.routing.channels[c];
      auto [it, added] = by_name.emplace(channel.name, merged.channels.size());
      if (added) merged.channels.push_back(channel);
      index_of[c] = it->second;
    }
    for (DocumentedRoute route : rb.routing.routes) {
      for (std::size_t& c : route.channels) c = index_of[c];
      merged.routes.push_back(std::move(route));
    }
  }
  return merged;
}

}  // namespace rbc::model
