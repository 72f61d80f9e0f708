// `rbc check`: validate rule files, cross-check them with their runbooks, report.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <map>

#include "cli/app.hpp"
#include "cli/check_flags.hpp"
#include "cli/check_pipeline.hpp"
#include "cli/commands.hpp"
#include "report/report.hpp"

namespace rbc::cli {
namespace {

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(STDOUT_FILENO) == 1;
}

int execute(const CheckFlags& flags) {
  CheckRun run = run_check(check_request(flags));
  run.diagnostics.sort();
  if (flags.verbose) {
    for (const std::string& path : run.skipped) std::cerr << "rbc: skipped " << path << " (not a rule file)\n";
  }
  for (auto step : {keep_changed, apply_baseline, apply_fixes})
    if (std::optional<int> status = step(run, flags)) return *status;
  filter_shown(run, flags);
  const report::SourceLookup lookup = source_lookup(run);
  std::cout << report::render(flags.format, run.diagnostics, lookup,
                              {.color = use_color(flags.color), .files_checked = run.files_checked});
  if (run.nothing_read) return kExitUsage;
  return findings_status(run, flags);
}

}  // namespace

void add_check(CLI::App& app, int& exit_status) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* cmd = app.add_subcommand("check", "Check rules like `promtool check rules`, and cross-check alerts against their runbooks");
  cmd->add_option("PATH", flags->paths,
                  "rule files, runbooks or directories (searched recursively for *.yml, *.yaml, *.md); "
                  "`-` reads a rule file from stdin; default: the current directory");
  cmd->add_option("--format", flags->format, "output format: " + report::format_names())
      ->transform(CLI::CheckedTransformer(report::formats(), CLI::ignore_case));
  cmd->add_option("--color", flags->color, "colour the text output: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--config", flags->config, "use this rbc.yaml instead of looking for one");
  cmd->add_flag("-v,--verbose", flags->verbose, "list files that were skipped and why");
  add_outcome_flags(*cmd, *flags);
  add_baseline_flags(*cmd, *flags);
  add_changed_flags(*cmd, *flags);
  add_fix_flags(*cmd, *flags);
  cmd->footer(
      "Exit status: 0 no errors, 1 errors found, 2 usage error or nothing readable.\n"
      "Examples:\n"
      "  rbc check rules/alerts.yml\n"
      "  rbc check --format github .     # annotations in GitHub Actions\n"
      "  kubectl get prometheusrule x -o yaml | rbc check -");
  cmd->callback([flags, &exit_status] { exit_status = execute(*flags); });
}

}  // namespace rbc::cli
