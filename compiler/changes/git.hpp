// Running git for --changed: argument vectors through posix_spawn (no
// shell, so paths with spaces or quotes need no escaping).
#pragma once

#include <string>
#include <vector>

namespace rbc::changes {

struct GitResult {
  int status = -1;   // exit status; -1: git could not be started or was killed
  std::string out;   // standard output
  std::string err;   // standard error (or why git could not be started)
  bool ok() const { return status == 0; }
};

// Runs `git ARGS...` in `dir` ("" = the current directory) with a fixed,
// script-friendly environment (no pager, no prompts, no localised messages).
GitResult run_git(const std::vector<std::string>& args, const std::string& dir = "");

// git's first line of stderr without "fatal: "/"error: ", for messages.
std::string git_complaint(const GitResult& result);

}  // namespace rbc::changes
