// `rbc build`: check, then emit the rules, the Alertmanager routing, the
// HTML runbook site and promtool boundary tests into one output folder.
#include <filesystem>
#include <iostream>

#include <fmt/format.h>

#include "cli/app.hpp"
#include "cli/check_pipeline.hpp"
#include "cli/commands.hpp"
#include "emit/alertmanager.hpp"
#include "emit/boundary.hpp"
#include "emit/rules.hpp"
#include "emit/site.hpp"
#include "emit/write_output.hpp"
#include "report/report.hpp"

namespace rbc::cli {
namespace {

struct BuildFlags {
  std::vector<std::string> paths;
  std::string out;
  std::string config;
  std::string rules_format;
  bool force = false;
};

void print(const CheckRun& run, const Diagnostics& diagnostics) {
  if (diagnostics.items().empty()) return;
  std::cerr << report::render(report::Format::text, diagnostics, source_lookup(run),
                              {.color = false, .files_checked = run.files_checked});
}

std::vector<emit::OutputFile> emit_all(const emit::BuildInput& input, Diagnostics& diags,
                                       std::vector<std::string>& report_lines) {
  std::vector<emit::OutputFile> files = emit::emit_rules(input, diags);
  const emit::BoundaryResult boundary = emit::emit_boundary_tests(input, files);
  files.push_back(emit::emit_alertmanager(input, diags));
  for (emit::OutputFile& page : emit::emit_site(input)) files.push_back(std::move(page));
  for (const emit::OutputFile& test : boundary.files) files.push_back(test);
  report_lines = emit::boundary_report(boundary);
  return files;
}

void summarize(const std::string& out, const std::vector<emit::OutputFile>& files,
               const std::vector<std::string>& boundary_lines) {
  std::size_t rules = 0, pages = 0, tests = 0;
  for (const emit::OutputFile& f : files) {
    rules += f.path.starts_with("rules/");
    pages += f.path.starts_with("site/") && f.path.ends_with(".html");
    tests += f.path.starts_with("tests/");
  }
  std::cout << fmt::format("rbc build: wrote {} files to {}/\n", files.size(), out)
            << fmt::format("  rules/             {} rule files (promtool check rules {}/rules/...)\n", rules, out)
            << fmt::format("  alertmanager.yml   routes from the runbooks (amtool check-config {}/alertmanager.yml)\n", out)
            << fmt::format("  site/              {} pages; open {}\n", pages,
                           std::filesystem::absolute(std::filesystem::path(out) / "site" / "index.html").string())
            << fmt::format("  tests/             {} files (promtool test rules {}/tests/*.yml)\n", tests, out);
  for (const std::string& line : boundary_lines) std::cout << "  " << line << "\n";
}

int execute(const BuildFlags& flags) {
  CheckRun run = run_check({.paths = flags.paths, .config_path = flags.config});
  run.diagnostics.sort();
  if (run.nothing_read) {
    print(run, run.diagnostics);
    return kExitUsage;
  }
  if (!flags.rules_format.empty()) run.project.config.build.rules_format = flags.rules_format;
  const std::string out = flags.out.empty() ? run.project.config.build.out : flags.out;
  const bool errors = run.diagnostics.has_errors();
  print(run, run.diagnostics);
  if (errors && !flags.force) {
    std::cerr << "rbc build: not building while rbc check reports errors; fix them, or pass --force\n";
    return kExitFindings;
  }
  if (errors) std::cerr << "rbc build: WARNING: --force: building despite errors; the output is marked FORCED\n";
  Diagnostics emit_diags;
  const emit::BuildInput input{run.project, source_lookup(run), run.diagnostics};
  std::vector<std::string> boundary_lines;
  const std::vector<emit::OutputFile> files = emit_all(input, emit_diags, boundary_lines);
  print(run, emit_diags);
  std::vector<std::string> inputs = flags.paths;
  if (inputs.empty()) inputs.push_back(".");
  const emit::WriteResult written = emit::write_output(out, files, inputs, errors);
  if (!written.ok) {
    std::cerr << "rbc build: " << written.error << "\n";
    return kExitUsage;
  }
  summarize(out, files, boundary_lines);
  return errors || emit_diags.has_errors() ? kExitFindings : kExitClean;
}

}  // namespace

void add_build(CLI::App& app, int& exit_status) {
  auto flags = std::make_shared<BuildFlags>();
  CLI::App* cmd = app.add_subcommand(
      "build", "Emit checked rules, an Alertmanager config, an HTML runbook site and boundary tests");
  cmd->add_option("PATH", flags->paths, "rule files, runbooks or directories; default: the current directory");
  cmd->add_option("--out", flags->out, "output folder (default: build.out in rbc.yaml, else rbc-out)");
  cmd->add_option("--config", flags->config, "use this rbc.yaml instead of looking for one");
  cmd->add_option("--rules-format", flags->rules_format,
                  "keep: PrometheusRule objects stay objects; prometheus: plain rule files")
      ->check(CLI::IsMember({"keep", "prometheus"}));
  cmd->add_flag("--force", flags->force, "build even when rbc check reports errors (the output is marked FORCED)");
  cmd->footer(
      "The output folder is replaced as a whole, atomically; rbc refuses a non-empty folder it did not make.\n"
      "Exit status: 0 built, 1 not built because of errors (or built with --force), 2 usage or write error.\n"
      "Examples:\n"
      "  rbc build samples/aragora --out /tmp/aragora-site\n"
      "  rbc build . --rules-format prometheus");
  cmd->callback([flags, &exit_status] { exit_status = execute(*flags); });
}

}  // namespace rbc::cli
