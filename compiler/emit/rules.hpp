// The rule emitter of `rbc build`: every input rule file once more, with
// each alert's runbook link annotation pointing at its runbook section on
// the site and, when build.normalize_severity is set, its severity label
// spelled as the vocabulary's canonical value. Nothing else changes: the
// source text is edited in place (comments, order, quoting and layout
// stay), and the result is read back to prove that every rule still means
// what it meant, apart from those changes.
//
// Output: one file per input rule file at rules_output_path(). With
// build.rules_format "prometheus", a PrometheusRule file becomes one plain
// rule file per PrometheusRule object instead, named
// "<file stem>.<metadata.name>.yml" next to where the file would go
// (other documents of that file, such as ConfigMaps, are dropped: they are
// no rule files).
//
// Diagnostics (code "build/rules"): a warning when an alert could not be
// edited (a rule shared through a YAML anchor, say), an error when the
// edited text did not read back as intended (that file is then emitted
// unchanged) or a rule file's text is missing.
#pragma once

#include <vector>

#include "diag/diagnostic.hpp"
#include "emit/output.hpp"

namespace rbc::emit {

// Files in the order of the project's rules, paths unique.
std::vector<OutputFile> emit_rules(const BuildInput& in, Diagnostics& diags);

}  // namespace rbc::emit
