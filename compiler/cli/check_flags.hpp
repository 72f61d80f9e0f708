// `rbc check`'s options and the steps that act on a finished run. Each
// step lives in its own file (cli/check_<step>.cpp) and declares its own
// flags, so a new option touches only its step and one line here.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "cli/check_pipeline.hpp"
#include "diag/diagnostic.hpp"
#include "report/report.hpp"

namespace rbc::cli {

struct ChangedState;  // check_changed.cpp

struct CheckFlags {
  std::vector<std::string> paths;
  report::Format format = report::Format::text;
  std::string color = "auto";
  bool verbose = false;
  std::string config;

  // check_outcome.cpp: which findings are shown and which fail the run.
  std::optional<Severity> min_severity;  // --min-severity: hide findings below
  std::optional<Severity> fail_on;       // --fail-on: lowest severity that fails (default: error)
  bool werror = false;                   // --werror: warnings fail too

  // check_baseline.cpp
  std::string baseline;        // --baseline FILE: hide findings recorded there
  std::string write_baseline;  // --write-baseline FILE

  // check_changed.cpp
  bool changed = false;  // --changed: report only on what changed
  std::string base;      // --base REF (default: merge base with upstream)
  std::vector<std::string> changed_scope;  // with --changed, the PATHs limit the report (the repository is analysed)
  std::shared_ptr<ChangedState> change;    // read from git once the command line is parsed

  // check_fix.cpp
  bool fix = false;  // --fix: apply safe fixes in place
};

// Each step: declare its flags on `cmd`, then act on the run. A step
// returns an exit status to stop with (usage errors), or nothing.
void add_outcome_flags(CLI::App& cmd, CheckFlags& flags);
void add_baseline_flags(CLI::App& cmd, CheckFlags& flags);
void add_changed_flags(CLI::App& cmd, CheckFlags& flags);
void add_fix_flags(CLI::App& cmd, CheckFlags& flags);

// The analysis the flags ask for (paths, config, facts from --changed).
CheckRequest check_request(const CheckFlags& flags);

// Order in execute(): changed -> baseline -> fix -> outcome (filter, exit).
std::optional<int> keep_changed(CheckRun& run, const CheckFlags& flags);
std::optional<int> apply_baseline(CheckRun& run, const CheckFlags& flags);
std::optional<int> apply_fixes(CheckRun& run, const CheckFlags& flags);
// Drops findings below --min-severity (before rendering).
void filter_shown(CheckRun& run, const CheckFlags& flags);
// The exit status for what is left: --fail-on / --werror / errors.
int findings_status(const CheckRun& run, const CheckFlags& flags);

}  // namespace rbc::cli
