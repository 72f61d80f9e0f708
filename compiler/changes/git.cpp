#include "changes/git.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

extern char** environ;

namespace rbc::changes {
namespace {

// Owns both ends of a pipe; closes what is still open.
struct Pipe {
  int fds[2] = {-1, -1};
  bool open() { return ::pipe2(fds, O_CLOEXEC) == 0; }
  void close_end(int i) {
    if (fds[i] >= 0) ::close(fds[i]);
    fds[i] = -1;
  }
  ~Pipe() {
    close_end(0);
    close_end(1);
  }
};

// The environment git runs in: ours, minus what would make its output
// unparsable or make it wait for a human.
std::vector<std::string> git_environment() {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) {
    const std::string_view entry(*e);
    if (entry.starts_with("LC_ALL=") || entry.starts_with("LANGUAGE=") || entry.starts_with("GIT_PAGER=") ||
        entry.starts_with("GIT_EXTERNAL_DIFF="))
      continue;
    env.emplace_back(entry);
  }
  env.emplace_back("LC_ALL=C");
  env.emplace_back("GIT_PAGER=cat");
  env.emplace_back("GIT_TERMINAL_PROMPT=0");
  env.emplace_back("GIT_OPTIONAL_LOCKS=0");  // read-only use: never take the index lock
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (std::string& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Reads stdout and stderr together so that neither pipe fills and blocks git.
void drain(int out_fd, int err_fd, GitResult& result) {
  std::array<pollfd, 2> fds{pollfd{out_fd, POLLIN, 0}, pollfd{err_fd, POLLIN, 0}};
  std::array<std::string*, 2> sinks{&result.out, &result.err};
  std::array<char, 65536> buffer{};
  int open_count = 2;
  while (open_count > 0) {
    if (::poll(fds.data(), fds.size(), -1) < 0) {
      if (errno == EINTR) continue;
      return;
    }
    for (std::size_t i = 0; i < fds.size(); ++i) {
      if (fds[i].fd < 0 || fds[i].revents == 0) continue;
      const ssize_t n = ::read(fds[i].fd, buffer.data(), buffer.size());
      if (n > 0) {
        sinks[i]->append(buffer.data(), static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        fds[i].fd = -1;
        --open_count;
      }
    }
  }
}

}  // namespace

GitResult run_git(const std::vector<std::string>& args, const std::string& dir) {
  GitResult result;
  std::vector<std::string> argv{"git"};
  if (!dir.empty()) argv.insert(argv.end(), {"-C", dir});
  argv.insert(argv.end(), args.begin(), args.end());
  std::vector<std::string> env = git_environment();
  Pipe out;
  Pipe err;
  if (!out.open() || !err.open()) {
    result.err = std::string("cannot create a pipe: ") + std::strerror(errno);
    return result;
  }
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out.fds[1], STDOUT_FILENO);
  posix_spawn_file_actions_adddup2(&actions, err.fds[1], STDERR_FILENO);
  pid_t pid = 0;
  std::vector<char*> c_argv = c_strings(argv);
  std::vector<char*> c_env = c_strings(env);
  const int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, c_argv.data(), c_env.data());
  posix_spawn_file_actions_destroy(&actions);
  out.close_end(1);
  err.close_end(1);
  if (spawned != 0) {
    result.err = std::string("cannot run git: ") + std::strerror(spawned);
    return result;
  }
  drain(out.fds[0], err.fds[0], result);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string git_complaint(const GitResult& result) {
  std::string line = result.err.substr(0, result.err.find('\n'));
  for (const char* prefix : {"fatal: ", "error: "})
    if (line.starts_with(prefix)) line.erase(0, std::strlen(prefix));
  return line.empty() ? "git exited with status " + std::to_string(result.status) : line;
}

}  // namespace rbc::changes
