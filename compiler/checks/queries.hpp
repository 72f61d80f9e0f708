// Small read-only helpers the checks share.
#pragma once

#include <string>

#include "model/project.hpp"

namespace rbc::checks {

// The section a binding points at; null when bound to a whole file.
const model::SectionInfo* bound_section(const model::Project& project, const model::Binding& binding);

// A path as messages show it: relative to the working directory, like the
// paths the user typed (the link resolver works with absolute ones).
std::string display_path(const std::string& path);

// "runbooks/api.md:42"
std::string where(const std::string& file, Span span);

// A number as people write it: 5, 0.05, 1209600, 1e-06.
std::string number_text(double value);

// ">= 5%" / "> 0.1/s" / "< 14 d": a documented comparison in short form.
std::string doc_threshold_text(const threshold::Comparison& c);

// Canonical severity a runbook word (e.g. "critical" in "critical at 95%")
// maps to, or "" when none.
std::string severity_of_word(const model::Project& project, const std::string& word);

// The documented comparisons that apply to a rule of severity `severity`:
// those tied to that severity ("critical at 95%") when there are any,
// else those tied to no severity.
std::vector<const model::DocThreshold*> applicable_thresholds(const model::Project& project,
                                                              const model::SectionInfo& section,
                                                              const std::string& severity);

// The candidate closest to `word` by edit distance (within about a third of
// its length), or "" when none is close.
std::string closest_name(std::string_view word, const std::vector<std::string>& candidates);

// The rule's severity label value ("" when it has none).
std::string severity_of(const model::RuleInfo& rule);

}  // namespace rbc::checks
