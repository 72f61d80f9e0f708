// Registration of subcommands. Each command file defines one `add_*`
// function that declares its options on a CLI11 subcommand and installs a
// callback that stores its exit status in `exit_status`.
#pragma once

#include <CLI/CLI.hpp>

namespace rbc::cli {

void add_check(CLI::App& app, int& exit_status);
void add_inspect(CLI::App& app, int& exit_status);
void add_build(CLI::App& app, int& exit_status);
void add_promql(CLI::App& app, int& exit_status);
void add_version(CLI::App& app, int& exit_status);
void add_checks(CLI::App& app, int& exit_status);
void add_explain(CLI::App& app, int& exit_status);
void add_fmt(CLI::App& app, int& exit_status);

}  // namespace rbc::cli
