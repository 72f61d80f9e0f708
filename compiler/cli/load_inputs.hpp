// Per-file work of the pipeline: read one input and turn it into model
// data. Runs on worker threads; each call touches only its own outcome.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "config/config.hpp"
#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "discover/discover.hpp"
#include "model/project.hpp"

namespace rbc::cli {

struct RuleOutcome {
  std::unique_ptr<SourceFile> source;  // null: unreadable or skipped
  std::vector<model::RuleInfo> rules;
  std::optional<model::RunbookInfo> runbook;  // set when the file was read as a runbook
  Diagnostics diagnostics;
  std::string skipped;  // why a found file was not checked
};

// A YAML candidate: a rule file (plain or PrometheusRule). A named file
// with another extension that is no rule file is read as a runbook.
RuleOutcome load_rules_input(const discover::Candidate& candidate, const config::Config& config);

// A Markdown candidate (or any explicitly named non-YAML file).
RuleOutcome load_runbook_input(const discover::Candidate& candidate, const config::Config& config);

// A rule file on standard input, shown as "<stdin>".
RuleOutcome load_stdin(const config::Config& config);

}  // namespace rbc::cli
