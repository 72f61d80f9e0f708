// Reading the alert routing a runbook documents: which channels exist
// (PagerDuty, Slack #channels, e-mail lists, webhooks, tickets) and which
// alerts reach them, with the documented response and escalation times.
//
// Three shapes are read (everything else, prose included, routes nothing):
//  - Route sections: a heading naming a severity ("### Critical",
//    "### P1 - Critical") or an alert category ("### Business Alerts
//    (Email)") whose body has a Channel / Response Time / Escalation field
//    and no Severity field (that would be an alert). Channels come from the
//    Channel field (bare words count: "Slack + Email", "PagerDuty"), else
//    from #channels, addresses and PagerDuty named in the body, else from
//    the heading's "(PagerDuty)". An escalation time without a field is
//    read from a line about escalating ("... if not resolved within 30
//    minutes").
//  - Channel lists under a heading about contacts, notification channels,
//    escalation, on-call, Slack, e-mail or PagerDuty: "- **#chan**: Critical
//    alerts only", "- Warning: Slack #x", "- Operations: ops@example.com".
//    A channel needs a concrete target there (#channel, address, PagerDuty,
//    Opsgenie), except after a severity label. The description gives the
//    route's severities (config::severity_values) and categories; without
//    "alerts"/a severity it is a channel only (a contact).
//  - Tables with a Severity column and a Channel, Response or Escalation
//    column (one route per row; the Escalation column names channels when
//    there is no Channel column: "Page on-call" -> PagerDuty, "Slack alert"
//    -> Slack without a channel, "Ticket" -> other "ticket"); and escalation
//    matrices (| Time Since Alert | Action | under an Escalation heading),
//    whose first timed step that names no severity becomes the escalation
//    time of every route that documents none.
//
// Decisions: channels are deduplicated by kind + target across the page;
// an unnamed Slack/e-mail stays target "" unless a listed contact's label
// appears in the text ("Email to business stakeholders" -> the "Business
// Stakeholders" address). Receiver names are kind + slug of the target
// ("slack-alerts-warnings", "email-oncall-example-com", "pagerduty",
// "other-ticket"), with "-2"... on a clash. Routes with the same severities
// and category merge (channels joined, missing times filled) unless their
// times disagree. Categories are lower-case words joined by '-', with
// severity words and "alerts", "only", "all", "regular", "-specific" ...
// dropped, split at "and" / ","  ("System and circuit breaker alerts" ->
// system, circuit-breaker; "Agent health alerts" -> agent-health); a
// description with no such word ("Regular alerts") routes every category.
// Times: "Best effort" and "Next business day" are none; "Immediate" is 0
// as a response time. A route with no channel and no time is dropped.
#pragma once

#include "config/config.hpp"
#include "diag/source.hpp"
#include "model/routing.hpp"

namespace rbc::runbook {

// Parses the page's Markdown again (cheap next to the rest of the check)
// and reads the shapes above. Never throws; a page without routing yields
// an empty Routing.
model::Routing read_routing(const SourceFile& source, const config::Config& config);

}  // namespace rbc::runbook
