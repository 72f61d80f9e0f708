// rbc check: the baseline step (see cli/check_flags.hpp). --write-baseline
// records today's findings and hides them; --baseline hides the findings a
// recorded file holds, so only new ones are reported (docs/suppressing.md).
#include <filesystem>
#include <fstream>
#include <iostream>

#include "cli/app.hpp"
#include "cli/check_flags.hpp"
#include "load/read_file.hpp"
#include "suppress/baseline.hpp"

namespace rbc::cli {
namespace {

namespace fs = std::filesystem;

std::string folder_of(const std::string& file) {
  std::error_code ec;
  const fs::path absolute = fs::absolute(file, ec).lexically_normal();
  return absolute.parent_path().string();
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::optional<int> write(const CheckRun& run, const std::string& path, suppress::Baseline& out) {
  const suppress::BaselineContext context{run.project, folder_of(path)};
  out = suppress::record(run.diagnostics, context);
  std::ofstream file(path, std::ios::binary | std::ios::trunc);
  file << suppress::to_json(out);
  file.close();
  if (!file) {
    std::cerr << "rbc: cannot write the baseline " << path << "\n";
    return kExitUsage;
  }
  std::size_t findings = 0;
  for (const suppress::BaselineEntry& entry : out.entries) findings += entry.count;
  std::cerr << "rbc: wrote " << plural(findings, "finding", "findings") << " to the baseline " << path << "\n";
  return std::nullopt;
}

std::optional<int> read(const std::string& path, suppress::Baseline& out) {
  Diagnostics problems;
  const std::optional<SourceFile> source = load::read_file(path, problems);
  std::string error = "cannot read it";
  std::optional<suppress::Baseline> baseline;
  if (source) baseline = suppress::from_json(*source, error);
  if (!baseline) {
    std::cerr << "rbc: baseline " << path << ": " << error << "\n";
    return kExitUsage;
  }
  out = std::move(*baseline);
  return std::nullopt;
}

}  // namespace

void add_baseline_flags(CLI::App& cmd, CheckFlags& flags) {
  cmd.add_option("--baseline", flags.baseline,
                 "hide the findings recorded in FILE (by --write-baseline); only new ones are reported")
      ->type_name("FILE");
  cmd.add_option("--write-baseline", flags.write_baseline,
                 "record every current finding in FILE (JSON) and hide them")
      ->type_name("FILE");
}

std::optional<int> apply_baseline(CheckRun& run, const CheckFlags& flags) {
  if (flags.baseline.empty() && flags.write_baseline.empty()) return std::nullopt;
  suppress::Baseline baseline;
  const bool writing = !flags.write_baseline.empty();
  const std::string& path = writing ? flags.write_baseline : flags.baseline;
  if (std::optional<int> status = writing ? write(run, path, baseline) : read(path, baseline)) return status;
  const suppress::HideResult result = suppress::hide(run.diagnostics, baseline, {run.project, folder_of(path)});
  if (!writing) {
    std::cerr << "rbc: the baseline " << path << " hid " << plural(result.hidden, "finding", "findings");
    if (result.stale > 0)
      std::cerr << "; " << plural(result.stale, "recorded finding is", "recorded findings are")
                << " gone (--write-baseline refreshes it)";
    std::cerr << "\n";
  }
  return std::nullopt;
}

}  // namespace rbc::cli
