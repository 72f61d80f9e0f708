// rbc check: the changed step (see cli/check_flags.hpp). With --changed the
// whole project is analysed (cross-rule and rule<->runbook facts need it)
// and the report keeps only what the change is responsible for; PATHs then
// limit the report instead of the analysis, which is what pre-commit needs
// when it passes the staged files.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

#include "changes/change_set.hpp"
#include "changes/old_rules.hpp"
#include "changes/select.hpp"
#include "cli/check_flags.hpp"
#include "cli/app.hpp"
#include "config/config.hpp"

namespace rbc::cli {

// What git says about the change, read once: both the analysis (the
// removed recording rules) and the selection of findings need it.
struct ChangedState {
  changes::Result<changes::Repository> repo;
  changes::Result<changes::ChangeSet> changes;
  changes::RemovedNames removed;
};

namespace {

namespace fs = std::filesystem;

bool reads_stdin(const CheckFlags& flags) {
  return std::find(flags.paths.begin(), flags.paths.end(), "-") != flags.paths.end();
}

// The folder to analyse: rbc.yaml's (it marks the project, which may be a
// part of a monorepo), else the repository's top folder.
std::string project_folder(const CheckFlags& flags, const changes::Repository& repo) {
  const std::optional<std::string> config = flags.config.empty() ? config::find_config(".") : flags.config;
  if (config && repo.repo_path(*config)) {
    const fs::path folder = fs::path(*config).parent_path();
    return folder.empty() ? "." : folder.string();
  }
  return repo.cdup;
}

// Runs once the command line is parsed, before the analysis: turns the
// PATHs into the report's scope, analyses the project instead, and reads
// the change from git (problems are reported by keep_changed).
void analyse_project(CheckFlags& flags) {
  if (!flags.base.empty()) flags.changed = true;
  if (!flags.changed || reads_stdin(flags)) return;
  auto state = std::make_shared<ChangedState>();
  state->repo = changes::find_repository();
  if (state->repo.value) {
    flags.changed_scope = flags.paths;
    flags.paths = {project_folder(flags, *state->repo.value)};
    state->changes = changes::collect_changes(*state->repo.value, flags.base);
  }
  flags.change = std::move(state);
}

std::optional<int> usage_error(const std::string& message) {
  std::cerr << "rbc: --changed: " << message << "\n";
  return kExitUsage;
}

}  // namespace

void add_changed_flags(CLI::App& cmd, CheckFlags& flags) {
  cmd.add_flag("--changed", flags.changed,
               "report only findings the changes since the base commit are responsible for (committed, staged, "
               "unstaged and untracked files): on added files, changed rules and runbook sections, and about "
               "rules the change removed or renamed. The whole project is still analysed (the folder of "
               "rbc.yaml, else the repository's top folder); PATHs then limit the report to those files or "
               "folders (pre-commit passes the staged files)");
  cmd.add_option("--base", flags.base,
                 "compare with REF's merge base with HEAD (implies --changed); default: the merge base with "
                 "HEAD's upstream branch, else with origin/HEAD, main or master, else HEAD itself")
      ->type_name("REF");
  cmd.parse_complete_callback([&flags] { analyse_project(flags); });
}

CheckRequest check_request(const CheckFlags& flags) {
  CheckRequest request{.paths = flags.paths, .config_path = flags.config};
  const std::shared_ptr<ChangedState> state = flags.change;
  if (state && state->changes.value) {
    request.add_facts = [state](model::Project& project) {
      state->removed = changes::removed_names(*state->changes.value, project);
      for (const auto& [name, from] : state->removed.recorded) project.removed_records.emplace(name, from);
    };
  }
  return request;
}

std::optional<int> keep_changed(CheckRun& run, const CheckFlags& flags) {
  if (!flags.changed) return std::nullopt;
  if (reads_stdin(flags)) return usage_error("cannot compare standard input with git; name the files instead");
  const ChangedState& state = *flags.change;
  if (!state.repo.value) return usage_error(state.repo.error);
  const changes::Repository& repo = *state.repo.value;
  if (!state.changes.value) return usage_error(state.changes.error);
  const changes::ChangeSet& change = *state.changes.value;
  if (flags.verbose)
    std::cerr << "rbc: --changed: comparing with " << change.base << " (" << change.base_reason << "), "
              << change.files.size() << " files changed\n";
  changes::Selection selection{change, state.removed, {}};
  for (const std::string& path : flags.changed_scope) {
    std::optional<std::string> in_repo = repo.repo_path(path);
    std::error_code ec;
    if (!in_repo && fs::weakly_canonical(path, ec) != fs::weakly_canonical(repo.top, ec))
      return usage_error(path + " lies outside the repository " + repo.top);
    selection.scope.push_back(in_repo.value_or(""));
  }
  changes::keep_changed(run.diagnostics, run.project, selection);
  return std::nullopt;
}

}  // namespace rbc::cli
