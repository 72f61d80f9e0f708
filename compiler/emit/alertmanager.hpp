// `rbc build`: alertmanager.yml, the Alertmanager 0.25 routing the runbooks
// document. One child route per documented route and channel, matching the
// severity (and category) label values the rules use, all with
// `continue: true` so an alert reaches every channel documented for it;
// alerts no route matches fall to the root's `rbc-default` receiver, which
// sends nothing (route/unrouted reports them). Receivers come from rbc.yaml
// `receivers:`; unbound channels get a name-only placeholder receiver.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "diag/diagnostic.hpp"
#include "emit/output.hpp"

namespace rbc::emit {

inline constexpr std::string_view kAlertmanagerFile = "alertmanager.yml";

// Notification timing derived from a route's documented response and
// escalation times; see timing_rule for the reasoning written into the file.
struct RouteTiming {
  std::int64_t group_wait_ms = 30000;
  std::int64_t group_interval_ms = 300000;
  std::int64_t repeat_interval_ms = 14400000;
};
RouteTiming route_timing(std::optional<std::int64_t> response_ms, std::optional<std::int64_t> escalation_ms);

// Pure: reports problems with rbc.yaml `receivers:` bindings (a binding no
// documented channel uses) as config/invalid warnings.
OutputFile emit_alertmanager(const BuildInput& input, Diagnostics& diags);

}  // namespace rbc::emit
