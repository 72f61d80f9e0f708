// Steps of read_runbook that need the cmark tree (internal).
#pragma once

#include <map>
#include <string>

#include "diag/source.hpp"
#include "runbook/markdown.hpp"
#include "runbook/model.hpp"

namespace rbc::runbook {

// Appends every anchor (heading slugs in order, HTML ids) and every link;
// fills `heading_anchors` with each heading's slug.
void collect_anchors_and_links(cmark_node* root, const SourceFile& source, RunbookFile& file,
                               std::map<cmark_node*, std::string>& heading_anchors);

}  // namespace rbc::runbook
