// Static expansion of the Go-template actions a runbook link may hold.
//
// Prometheus renders annotations with $labels = the labels of the alert's
// sample (the query result), *not* the rule's own labels and without
// "alertname", so {{ $labels.alertname }} always expands to "". Other label
// references are expanded from LinkContext::labels: the caller passes only
// values it knows the sample carries.
#pragma once

#include <string>
#include <string_view>

#include "model/link_resolve.hpp"

namespace rbc::model {

enum class ExpansionOutcome {
  plain,           // no template action: `text` is the link as written
  expanded,        // every action replaced by a known value
  empty_alertname, // uses $labels.alertname: `text` has "" in its place
  unknown,         // an action whose value is not known statically
};

struct LinkExpansion {
  ExpansionOutcome outcome = ExpansionOutcome::plain;
  std::string text;
  // For empty_alertname: the link with the alert's name in place of the
  // empty value (what the author probably meant).
  std::string with_alert_name;
};

LinkExpansion expand_link_template(std::string_view link, const LinkContext& context);

}  // namespace rbc::model
