#include "cli/check_pipeline.hpp"

#include <fstream>
#include <iterator>
#include <sstream>

#include "discover/discover.hpp"

namespace rbc::cli {

CheckRun run_check(const CheckRequest& request) {
  CheckRun run;
  std::vector<std::string> paths = request.paths;
  if (paths.empty()) paths.push_back(".");
  const discover::Files files = discover::collect(paths, run.diagnostics);
  for (const discover::Candidate& candidate : files.yaml) {
    std::ifstream in(candidate.path, std::ios::binary);
    std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    run.sources.emplace(candidate.path, std::make_unique<SourceFile>(candidate.path, std::move(text)));
    ++run.files_checked;
  }
  run.nothing_read = run.files_checked == 0 && run.diagnostics.has_errors();
  return run;
}

}  // namespace rbc::cli
