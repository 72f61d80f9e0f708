// `rbc inspect`: print what rbc understood of the rules and runbooks.
#include <iostream>
#include <map>

#include "cli/app.hpp"
#include "cli/check_pipeline.hpp"
#include "cli/commands.hpp"
#include "report/model_json.hpp"
#include "report/report.hpp"

namespace rbc::cli {
namespace {

struct InspectFlags {
  std::vector<std::string> paths;
  std::string format = "text";
  std::string config;
};

int execute(const InspectFlags& flags) {
  CheckRun run = run_check({.paths = flags.paths, .run_checks = false, .config_path = flags.config});
  run.diagnostics.sort();
  std::cout << (flags.format == "json" ? report::model_json(run.project) : report::model_text(run.project));
  if (run.diagnostics.has_errors()) {
    std::cerr << report::render(report::Format::text, run.diagnostics, source_lookup(run),
                              {.color = false, .files_checked = run.files_checked});
  }
  return run.nothing_read ? kExitUsage : kExitClean;
}

}  // namespace

void add_inspect(CLI::App& app, int& exit_status) {
  auto flags = std::make_shared<InspectFlags>();
  CLI::App* cmd = app.add_subcommand("inspect", "Show what rbc understood: rules, runbook sections, links");
  cmd->add_option("PATH", flags->paths,
                  "rule files, runbooks (any extension when named) or directories; default: the "
                  "current directory");
  cmd->add_option("--format", flags->format, "text or json (the JSON shape is a stable contract)")
      ->check(CLI::IsMember({"text", "json"}));
  cmd->add_option("--config", flags->config, "use this rbc.yaml instead of looking for one");
  cmd->footer(
      "Errors that stop a file from being read are printed on stderr.\n"
      "Examples:\n"
      "  rbc inspect samples/aragora\n"
      "  rbc inspect --format json runbooks/notes.txt rules/");
  cmd->callback([flags, &exit_status] { exit_status = execute(*flags); });
}

}  // namespace rbc::cli
