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

// Runs `RBC_BINARY <args>` through the shell; `args` is shell syntax.
inline CommandResult run_rbc(const std::string& args) {
  const std::string command = std::string("'") + RBC_BINARY + "' " + args;
  CommandResult result;
  FILE* pipe = ::popen(command.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer{};
  for (std::size_t n; (n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0;) result.out.append(buffer.data(), n);
  const int status = ::pclose(pipe);
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

inline std::string data_path(const std::string& relative) { return std::string(RBC_TEST_DATA) + "/" + relative; }

}  // namespace rbc::test
