// One routing for the project from every runbook's: channels with the same
// receiver name are one channel; routes keep file order.
#pragma once

#include <vector>

#include "model/project.hpp"

namespace rbc::model {

Routing merge_routing(const std::vector<RunbookInfo>& runbooks);

}  // namespace rbc::model
