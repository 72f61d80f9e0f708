// The repository rbc runs in and what changed in it relative to a base
// commit: committed, staged and unstaged edits and untracked files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "changes/diff.hpp"

namespace rbc::changes {

// Where the current directory sits in its git work tree.
struct Repository {
  std::string top;     // absolute path of the work tree, as git prints it
  std::string cdup;    // the work tree relative to the current directory ("." at the top)
  std::string prefix;  // the current directory relative to the work tree ("" at the top)

  // A path as rbc prints it (relative to the current directory, or
  // absolute) -> repository-relative and '/'-separated; nullopt when it
  // lies outside the work tree.
  std::optional<std::string> repo_path(std::string_view path) const;
};

struct ChangeSet {
  Repository repo;
  std::string base;         // the commit compared against (a hash)
  std::string base_reason;  // how it was chosen, for --verbose
  std::vector<FileChange> files;

  // The change of a repository-relative path (new side), or null.
  const FileChange* find(std::string_view repo_path) const;
};

// Either a value or a message for the user.
template <typename T>
struct Result {
  std::optional<T> value;
  std::string error;
};

Result<Repository> find_repository();

// The base commit: `base_ref`'s merge base with HEAD when given, else the
// merge base with HEAD's upstream (@{upstream}), else with origin/HEAD,
// main or master, else HEAD itself (the empty tree before the first commit).
Result<ChangeSet> collect_changes(const Repository& repo, const std::string& base_ref);

}  // namespace rbc::changes
