// `rbc check`: validate rule files, cross-check them with their runbooks, report.
#include <unistd.h>

#include <cstdlib>
#include <iostream>
#include <map>

#include "cli/app.hpp"
#include "cli/check_pipeline.hpp"
#include "cli/commands.hpp"
#include "report/report.hpp"

namespace rbc::cli {
namespace {

struct CheckFlags {
  std::vector<std::string> paths;
  report::Format format = report::Format::text;
  std::string color = "auto";
  bool verbose = false;
  std::string config;
};

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  const char* no_color = std::getenv("NO_COLOR");
  if (no_color != nullptr && *no_color != '\0') return false;
  return isatty(STDOUT_FILENO) == 1;
}

int execute(const CheckFlags& flags) {
  CheckRun run = run_check({.paths = flags.paths, .config_path = flags.config});
  run.diagnostics.sort();
  if (flags.verbose) {
    for (const std::string& path : run.skipped) std::cerr << "rbc: skipped " << path << " (not a rule file)\n";
  }
  const report::SourceLookup lookup = source_lookup(run);
  std::cout << report::render(flags.format, run.diagnostics, lookup,
                              {.color = use_color(flags.color), .files_checked = run.files_checked});
  if (run.nothing_read) return kExitUsage;
  return run.diagnostics.has_errors() ? kExitFindings : kExitClean;
}

}  // namespace

void add_check(CLI::App& app, int& exit_status) {
  auto flags = std::make_shared<CheckFlags>();
  CLI::App* cmd = app.add_subcommand("check", "Check rules like `promtool check rules`, and cross-check alerts against their runbooks");
  cmd->add_option("PATH", flags->paths,
                  "rule files, runbooks or directories (searched recursively for *.yml, *.yaml, *.md); "
                  "`-` reads a rule file from stdin; default: the current directory");
  const std::map<std::string, report::Format> formats{{"text", report::Format::text},
                                                       {"json", report::Format::json},
                                                       {"github", report::Format::github},
                                                       {"sarif", report::Format::sarif}};
  cmd->add_option("--format", flags->format, "output format: text, json, github or sarif")
      ->transform(CLI::CheckedTransformer(formats, CLI::ignore_case));
  cmd->add_option("--color", flags->color, "colour the text output: auto, always or never")
      ->check(CLI::IsMember({"auto", "always", "never"}));
  cmd->add_option("--config", flags->config, "use this rbc.yaml instead of looking for one");
  cmd->add_flag("-v,--verbose", flags->verbose, "list files that were skipped and why");
  cmd->footer(
      "Exit status: 0 no errors, 1 errors found, 2 usage error or nothing readable.\n"
      "Examples:\n"
      "  rbc check rules/alerts.yml\n"
      "  rbc check --format github .     # annotations in GitHub Actions\n"
      "  kubectl get prometheusrule x -o yaml | rbc check -");
  cmd->callback([flags, &exit_status] { exit_status = execute(*flags); });
}

}  // namespace rbc::cli
