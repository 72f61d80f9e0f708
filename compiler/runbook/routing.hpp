// Reading the alert routing a runbook documents: which channels exist
// (PagerDuty, Slack #channels, e-mail lists) and which alerts reach them,
// with response and escalation times. See README.md, "Alert routing".
#pragma once

#include "config/config.hpp"
#include "diag/source.hpp"
#include "model/routing.hpp"

namespace rbc::runbook {

// Parses the page's Markdown again (cheap next to the rest of the check)
// and reads route sections, channel lists and severity tables. Never
// throws; a page without routing yields an empty Routing.
model::Routing read_routing(const SourceFile& source, const config::Config& config);

}  // namespace rbc::runbook
