// The command line: one table of subcommands, each in its own file.
#pragma once

namespace rbc::cli {

int run(int argc, char** argv);

// Exit statuses shared by every command.
inline constexpr int kExitClean = 0;
inline constexpr int kExitFindings = 1;
inline constexpr int kExitUsage = 2;

}  // namespace rbc::cli
