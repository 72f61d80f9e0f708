// The `check` pipeline: discover -> read -> load and validate rule files.
// Only the findings leave it; the rule models are dropped once validated.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"

namespace rbc::cli {

struct CheckRequest {
  std::vector<std::string> paths;  // empty: the current directory
};

struct CheckRun {
  Diagnostics diagnostics;
  // Kept for the text report, which quotes the offending lines.
  std::map<std::string, std::unique_ptr<SourceFile>, std::less<>> sources;
  std::vector<std::string> skipped;  // YAML files found that are not rule files, with why
  std::size_t files_checked = 0;
  bool nothing_read = false;  // every named path failed: exit status 2
};

CheckRun run_check(const CheckRequest& request);

}  // namespace rbc::cli
