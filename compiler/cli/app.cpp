#include "cli/app.hpp"

#include <iostream>

#include "cli/commands.hpp"

namespace rbc::cli {

int run(int argc, char** argv) {
  CLI::App app{"rbc - the runbook compiler: keeps Prometheus alert rules and their runbooks honest"};
  app.require_subcommand(1);
  app.footer(
      "Examples:\n"
      "  rbc check rules/               check every rule file under rules/\n"
      "  rbc check --format json a.yml  machine-readable findings\n"
      "  rbc inspect samples/aragora    what rbc read from rules and runbooks\n"
      "  rbc build samples/aragora      rules, alertmanager.yml, site, tests in rbc-out/\n"
      "  rbc promql parse 'sum by (job) (rate(x[5m]))'\n"
      "Run `rbc COMMAND --help` for the options of a command.");
  int exit_status = kExitClean;
  add_check(app, exit_status);
  add_inspect(app, exit_status);
  add_build(app, exit_status);
  add_promql(app, exit_status);
  add_checks(app, exit_status);
  add_explain(app, exit_status);
  add_fmt(app, exit_status);
  add_version(app, exit_status);
  try {
    app.parse(argc, argv);
  } catch (const CLI::CallForHelp& e) {
    return app.exit(e);
  } catch (const CLI::CallForAllHelp& e) {
    return app.exit(e);
  } catch (const CLI::ParseError& e) {
    app.exit(e);
    return kExitUsage;
  }
  return exit_status;
}

}  // namespace rbc::cli
