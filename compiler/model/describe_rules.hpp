// Rule file (as loaded) -> the rules as the project model keeps them: owned
// strings, positions, and the facts of each alert expression.
#pragma once

#include <vector>

#include "config/config.hpp"
#include "model/project.hpp"
#include "rules/model.hpp"

namespace rbc::model {

// Needs the file loaded with its ASTs; the result no longer refers to it.
std::vector<RuleInfo> describe_rules(const rules::LoadedFile& file, const std::string& path,
                                     const config::Config& config);

}  // namespace rbc::model
