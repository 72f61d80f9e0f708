#include <iostream>

#include "cli/app.hpp"
#include "cli/commands.hpp"

namespace rbc::cli {

void add_version(CLI::App& app, int& exit_status) {
  CLI::App* cmd = app.add_subcommand("version", "Print rbc's version");
  cmd->footer("Example:\n  rbc version");
  cmd->callback([&exit_status] {
    std::cout << "rbc " << RBC_VERSION << " (PromQL as Prometheus 2.42 parses it)\n";
    exit_status = kExitClean;
  });
}

}  // namespace rbc::cli
