// The documented alert routing in `rbc inspect`: JSON (fields may be
// added, never renamed) and readable text.
#pragma once

#include <string>

#include "model/routing.hpp"
#include "report/json_writer.hpp"

namespace rbc::report {

// {"channels": [{name, kind, target, text, file, line, column}],
//  "routes": [{severities, category, channels: [names], response_ms,
//  escalation_ms, text, file, line, column}]}; absent times are null.
void write_routing(JsonWriter& out, const model::Routing& routing);

// One line per channel and per route:
//   channel slack-alerts-warnings: slack #alerts-warnings (file:12:20)
//   route critical -> pagerduty; response 5m; escalation 15m (file:9:5)
std::string routing_text(const model::Routing& routing);

// "5m", "1h30m", "45s", "0s" (Prometheus duration style).
std::string duration_text(std::int64_t ms);

}  // namespace rbc::report
