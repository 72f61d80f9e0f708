// site/index.html: every alert with its severity, documented threshold,
// `for`, runbook link and rule file, filtered in the browser.
#pragma once

#include <string>

#include "emit/site_plan.hpp"

namespace rbc::emit::site {

std::string render_index(const SitePlan& plan, const model::Project& project);

}  // namespace rbc::emit::site
