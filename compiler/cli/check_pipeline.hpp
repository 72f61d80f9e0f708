// The `check` pipeline: discover -> read -> load and validate rule files.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "diag/source.hpp"
#include "rules/model.hpp"

namespace rbc::cli {

struct CheckRequest {
  std::vector<std::string> paths;  // empty: the current directory
};

struct CheckRun {
  Diagnostics diagnostics;
  // Sources are heap-allocated so the loaded models can point into them.
  std::map<std::string, std::unique_ptr<SourceFile>, std::less<>> sources;
  std::vector<rules::LoadedFile> rule_files;
  std::vector<std::string> skipped;  // YAML files found that are not rule files, with why
  std::size_t files_checked = 0;
  bool nothing_read = false;  // every named path failed: exit status 2
};

CheckRun run_check(const CheckRequest& request);

}  // namespace rbc::cli
