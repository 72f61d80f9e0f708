// The rule card placed under an alert's runbook section: what the rule
// says next to what the runbook says, and whether they agree.
#pragma once

#include <string>

#include "emit/site_plan.hpp"

namespace rbc::emit::site {

// `page` is the output path of the page the card goes on (for links).
std::string render_card(const AlertEntry& entry, const model::Project& project, const std::string& page);

// "> 0.05", "> 5 (query × 100, ratio)": a comparison the expression makes.
std::string rule_threshold_text(const model::RuleComparison& comparison);

// Thresholds the runbook section states, as written, joined by "; ".
std::string doc_threshold_text(const model::SectionInfo& section);

}  // namespace rbc::emit::site
