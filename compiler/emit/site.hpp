// The HTML runbook site: one page per runbook (its Markdown rendered
// safely, GitHub's heading anchors, a rule card under each alert section),
// an index of every alert with client-side filtering, the rule files as
// line-numbered pages, and one stylesheet. Pure: files as data, no
// timestamps, same input -> same bytes.
#pragma once

#include <vector>

#include "emit/output.hpp"

namespace rbc::emit {

// Paths are under "site/": "site/index.html", site_page_path(runbook) per
// runbook, "site/_sources/<rule file>.html", "site/assets/rbc.css", and the
// local files runbooks show or link to, copied to their project-relative
// path (see site_links.hpp).
std::vector<OutputFile> emit_site(const BuildInput& input);

}  // namespace rbc::emit
