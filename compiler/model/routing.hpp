// The alert routing a team documents in its runbooks: the notification
// channels (PagerDuty, Slack #channel, e-mail list, webhook) and which
// alerts reach which of them (by severity, optionally by category), with
// the documented response and escalation times.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "diag/source.hpp"

namespace rbc::model {

enum class ChannelKind { pagerduty, slack, email, webhook, opsgenie, other };
const char* channel_kind_text(ChannelKind kind);  // "pagerduty", "slack", ...

struct Channel {
  ChannelKind kind = ChannelKind::other;
  std::string target;  // "#alerts-warnings", "oncall@example.com", "" (PagerDuty service)
  std::string name;    // stable receiver name rbc derives: "slack-alerts-warnings", "pagerduty"
  std::string text;    // as written in the runbook
  std::string file;
  Span span;
};

// "Critical alerts go to PagerDuty and #cryptofunk-critical".
struct DocumentedRoute {
  std::vector<std::string> severities;  // canonical values; empty = every severity
  std::string category;                 // label value of `category` (or team/...), "" = any
  std::vector<std::size_t> channels;    // indexes into Routing::channels
  std::optional<std::int64_t> response_ms;    // "Response Time: < 5 minutes"
  std::optional<std::int64_t> escalation_ms;  // "Escalation: after 15 minutes"
  std::string text;
  std::string file;
  Span span;
};

struct Routing {
  std::vector<Channel> channels;
  std::vector<DocumentedRoute> routes;
};

}  // namespace rbc::model
