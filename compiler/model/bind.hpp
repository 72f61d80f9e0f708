// Binds every alerting rule to the runbook section that documents it: by
// its runbook link annotation when that resolves, else by name (exact,
// then case-insensitive, then the words-joined form).
#pragma once

#include <string>
#include <string_view>

#include "model/project.hpp"

namespace rbc::model {

// Fills Project::links and Project::bindings from rules, runbooks and config.
void bind(Project& project);

// "High Error Rate" / "high-error-rate" / "HighErrorRate" -> "higherrorrate".
std::string words_key(std::string_view name);

// The runbook index the link resolver works on (absolute normalised paths).
RunbookIndex make_runbook_index(const Project& project);

// Absolute, normalised form of a path as given on the command line.
std::string absolute_path(std::string_view path);

}  // namespace rbc::model
