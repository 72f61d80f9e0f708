// A scratch git repository for tests of `rbc check --changed`: files are
// written and committed through the real git.
#pragma once

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/process.hpp"

namespace rbc::test {

class GitRepo {
 public:
  // An empty repository <tmp>/rbc-git-<pid>/<name> on branch main.
  explicit GitRepo(const std::string& name)
      : dir_(std::filesystem::temp_directory_path() / ("rbc-git-" + std::to_string(::getpid())) / name) {
    std::filesystem::remove_all(dir_);
    std::filesystem::create_directories(dir_);
    git("init -q -b main");
  }
  ~GitRepo() {
    std::error_code ec;
    std::filesystem::remove_all(dir_, ec);
  }
  GitRepo(const GitRepo&) = delete;
  GitRepo& operator=(const GitRepo&) = delete;

  const std::filesystem::path& dir() const { return dir_; }

  void write(const std::string& relative, const std::string& text) const {
    std::filesystem::create_directories((dir_ / relative).parent_path());
    std::ofstream(dir_ / relative, std::ios::binary) << text;
  }

  // `git ARGS` in the repository (shell syntax), with a fixed identity.
  CommandResult git(const std::string& args) const {
    return run_command("cd '" + dir_.string() + "' && git -c user.name=rbc -c user.email=rbc@example.com " + args +
                       " 2>&1");
  }

  void commit_all(const std::string& message) const {
    git("add -A");
    git("commit -q -m '" + message + "'");
  }

  // rbc in `sub` (a folder of the repository), stderr included.
  CommandResult rbc(const std::string& args, const std::string& sub = ".") const {
    return run_rbc_in((dir_ / sub).string(), args + " 2>&1");
  }

 private:
  std::filesystem::path dir_;
};

}  // namespace rbc::test
