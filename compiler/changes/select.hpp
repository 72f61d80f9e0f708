// Which findings `rbc check --changed` keeps: those on rules and runbook
// sections the change touched, and those about what it took away.
#pragma once

#include <string>
#include <vector>

#include "changes/change_set.hpp"
#include "changes/old_rules.hpp"
#include "diag/diagnostic.hpp"
#include "model/project.hpp"

namespace rbc::changes {

struct Selection {
  const ChangeSet& changes;
  RemovedNames removed;
  // Repository-relative files or folders the report is limited to (the
  // files pre-commit passes); empty, or an entry "", means everything.
  std::vector<std::string> scope;
};

// Drops every finding of `diagnostics` that the change is not responsible
// for. A finding is kept when
//  - its file is new (added or untracked),
//  - the rule or runbook section holding it (else its line; else, with no
//    position, its file) overlaps a changed line,
//  - one of its notes points at such a place (a runbook edit that now
//    contradicts an unchanged rule),
//  - it sits on a selector of a recorded series whose rule the change
//    removed or renamed (or is that rule's rule/dependency finding), or in
//    a runbook section documenting an alert the change removed or renamed.
// Every one of these is subject to the scope: the changed place (or the
// file that lost the name) must lie in it.
void keep_changed(Diagnostics& diagnostics, const model::Project& project, const Selection& selection);

}  // namespace rbc::changes
