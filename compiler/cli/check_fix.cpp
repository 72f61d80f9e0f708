// rbc check: the fix step (see cli/check_flags.hpp). Applies the safe
// fixes of rewrite/ to every rule file of the run, then checks again so
// the report shows the fixed state.
#include <fstream>
#include <iostream>
#include <iterator>

#include "cli/check_flags.hpp"
#include "rewrite/file_rewrite.hpp"
#include "rewrite/write_file.hpp"

namespace rbc::cli {
namespace {

// Fixes one file on disk; returns whether it changed.
bool fix_one(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  const std::string bytes(std::istreambuf_iterator<char>(in), {});
  const rewrite::FileRewrite r = rewrite::fix_file(path, bytes);
  if (r.refused) {
    // Runbooks and other YAML are not rule files: nothing to say.
    for (const std::string& note : r.notes)
      if (!note.ends_with("not a rule file")) std::cerr << "rbc: --fix: " << note << "\n";
    return false;
  }
  if (!r.changed()) return false;
  if (auto err = rewrite::replace_file(path, r.rewritten)) {
    std::cerr << "rbc: --fix: " << *err << "\n";
    return false;
  }
  std::cerr << "rbc: fixed " << r.fixes.total() << " in " << path << " (" << r.fixes.matchers << " regex matcher"
            << (r.fixes.matchers == 1 ? "" : "s") << ", " << r.fixes.durations << " duration"
            << (r.fixes.durations == 1 ? "" : "s") << ")\n";
  return true;
}

}  // namespace

void add_fix_flags(CLI::App& cmd, CheckFlags& flags) {
  cmd.add_flag("--fix", flags.fix,
               "apply safe fixes in place (literal regex matchers, redundant ^/$ anchors, canonical durations), "
               "then report on the fixed files");
}

std::optional<int> apply_fixes(CheckRun& run, const CheckFlags& flags) {
  if (!flags.fix) return std::nullopt;
  bool any = false;
  for (const auto& [path, source] : run.sources)
    if (path != "-" && path != "<stdin>") any = fix_one(path) || any;
  if (!any) return std::nullopt;
  // Check again: what is reported must be the state on disk now.
  run = run_check(check_request(flags));
  run.diagnostics.sort();
  for (auto step : {keep_changed, apply_baseline})
    if (std::optional<int> status = step(run, flags)) return status;
  return std::nullopt;
}

}  // namespace rbc::cli
