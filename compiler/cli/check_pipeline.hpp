// The pipeline behind `check` and `inspect`: discover -> read -> load rule
// files and runbooks (in parallel, merged in input order) -> describe ->
// bind alerts to runbook sections -> run the checks.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "model/project.hpp"

namespace rbc::cli {

struct CheckRequest {
  std::vector<std::string> paths;  // empty: the current directory
  bool run_checks = true;          // false: only build the model (inspect)
  std::string config_path;         // --config; empty: look for rbc.yaml
  // Adds facts from outside the files to the model before the checks run
  // (--changed: what the change removed).
  std::function<void(model::Project&)> add_facts = nullptr;
};

struct CheckRun {
  Diagnostics diagnostics;
  // Kept for the text report, which quotes the offending lines.
  std::map<std::string, std::unique_ptr<SourceFile>, std::less<>> sources;
  std::vector<std::string> skipped;  // YAML files found that are not rule files, with why
  std::size_t files_checked = 0;
  bool nothing_read = false;  // every named path failed, or --config did: exit status 2
  model::Project project;
};

CheckRun run_check(const CheckRequest& request);

// The run's source files by path, for reports that quote lines (the run
// must outlive the lookup).
std::function<const SourceFile*(std::string_view)> source_lookup(const CheckRun& run);

}  // namespace rbc::cli
