// The sections of alertmanager.yml, each written by its own file.
// Internal to the Alertmanager emitter.
#pragma once

#include <string>

#include "diag/diagnostic.hpp"
#include "model/project.hpp"

namespace rbc::emit::am {

// `route:` with one child per documented route and channel.
std::string route_section(const model::Project& project);
// `inhibit_rules:` (empty when build.inhibit is false or nothing to inhibit).
std::string inhibit_section(const model::Project& project);
// `receivers:` for the default receiver and every documented channel.
std::string receivers_section(const model::Project& project, Diagnostics& diags);

}  // namespace rbc::emit::am
