// The rule names a change took away: rules defined in the base version of
// changed or deleted rule files that no rule defines any more (removed or
// renamed). Read with `git cat-file` and the ordinary rule loader.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "changes/change_set.hpp"
#include "model/project.hpp"

namespace rbc::changes {

struct RemovedNames {
  // name -> repository-relative base path of the file that defined it
  std::map<std::string, std::string, std::less<>> recorded;  // `record:` names
  std::map<std::string, std::string, std::less<>> alerts;    // `alert:` names
};

// The base version of `file` (its old path at changes.base), or nullopt
// when it did not exist there.
std::optional<std::string> read_base_version(const ChangeSet& changes, const FileChange& file);

// Names defined in the base versions of changed YAML files and by no rule of
// `project` (which holds the current rules).
RemovedNames removed_names(const ChangeSet& changes, const model::Project& project);

}  // namespace rbc::changes
