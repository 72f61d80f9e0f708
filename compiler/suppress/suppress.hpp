// The suppress stage: after the checks, drop the findings that inline
// directives silence, and apply rbc.yaml's `checks:` settings to the codes
// of the loading stages (the checks apply theirs as they report).
#pragma once

#include <chrono>
#include <span>
#include <string_view>

#include "config/config.hpp"
#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "model/project.hpp"
#include "suppress/scope.hpp"

namespace rbc::suppress {

// `checks: {CODE: {locked: true}}`: no directive or baseline hides CODE.
bool locked(const config::Config& config, std::string_view code);

// Drops every diagnostic an active directive covers (same file, matching
// code, line within its scope). A locked code stays and gets a note; one
// covered only by expired snoozes stays and gets a note saying so.
// Returns how many were dropped. rbc/directive findings are never silenced
// by directives (only by rbc.yaml).
std::size_t apply_directives(Diagnostics& diags, std::span<const Scoped> directives,
                             const config::Config& config, std::chrono::year_month_day today);

// Reads the directives of every YAML and Markdown source, scopes them with
// the project's rules and alert sections, reports bad ones, and applies
// them. Returns how many findings were dropped.
std::size_t silence(Diagnostics& diags, std::span<const SourceFile* const> sources, const model::Project& project,
                    std::chrono::year_month_day today);

// rbc.yaml sanity after loading: a code under `checks:` that rbc does not
// know, or an option its check does not declare, is a config/invalid
// warning with a suggestion.
void check_settings(const config::Config& config, Diagnostics& diags);

// `enabled`/`severity` of codes that are not registered checks (rule/*,
// promql/parse, rbc/directive, ...): off drops them, a severity replaces
// theirs.
void apply_stage_settings(Diagnostics& diags, const config::Config& config);

}  // namespace rbc::suppress
