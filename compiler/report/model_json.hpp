// `rbc inspect`: the project model as rbc understood it, as JSON (a
// contract: fields may be added, never renamed) or as readable text.
#pragma once

#include <string>

#include "model/project.hpp"

namespace rbc::report {

std::string model_json(const model::Project& project);
std::string model_text(const model::Project& project);

}  // namespace rbc::report
