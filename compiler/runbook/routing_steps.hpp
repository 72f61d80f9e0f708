// Steps of read_routing shared between its files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "runbook/markdown.hpp"
#include "runbook/routing_builder.hpp"

namespace rbc::runbook {

// Label-meaning of a "Label: value" line in routing documentation.
enum class RouteLabel { none, channel, response, escalation, severity };
RouteLabel classify_route_label(std::string_view label);

// True when a heading's words make its lists worth reading for channels
// ("Contact Information", "Notification Channels", "Escalation").
bool routing_context_heading(std::string_view heading);

// A table that documents routes (| Severity | Response Time | Escalation |
// or | Severity | Channel |) or escalation steps (| Time | Action |).
void read_routing_table(cmark_node* table, bool escalation_context, RoutingBuilder& builder);

// The cells of a table row, in order.
std::vector<cmark_node*> row_cells(cmark_node* row);

}  // namespace rbc::runbook
