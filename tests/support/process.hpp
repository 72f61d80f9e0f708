// Runs the built rbc binary in tests and captures what it prints.
#pragma once

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <string>

namespace rbc::test {

struct CommandResult {
  int status = -1;
  std::string out;  // stdout (and stderr when asked)
};

// Runs a shell command and captures its standard output.
inline CommandResult run_command(const std::string& command) {
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) result.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

// Runs `RBC_BINARY <args>` through the shell; `args` is shell syntax.
inline CommandResult run_rbc(const std::string& args) {
  return run_command(std::string("'") + RBC_BINARY + "' " + args);
}

// Same, with `dir` as the working directory (for relative paths in output).
inline CommandResult run_rbc_in(const std::string& dir, const std::string& args) {
  return run_command("cd '" + dir + "' && '" + RBC_BINARY + "' " + args);
}

inline std::string data_path(const std::string& relative) { return std::string(RBC_TEST_DATA) + "/" + relative; }

}  // namespace rbc::test
