// Where the links and images of a runbook point on the site. Pages mirror
// the project's layout under site/, so a link keeps its meaning when its
// target is there too: another runbook becomes that runbook's page, a
// local file inside the project is copied to the same place under site/,
// and a file outside the project root is never copied: its link is
// emptied (runbook/outside-root reports it).
#pragma once

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "emit/output.hpp"

namespace rbc::emit::site {

class LocalLinks {
 public:
  // `pages`: output path per runbook, in Project::runbooks order.
  LocalLinks(const model::Project& project, const std::vector<std::string>& pages);

  // The URL to write on `page` (the page of runbook `runbook_path`) for
  // `url` as the runbook wrote it. Files to copy are remembered.
  std::string rewrite(std::string_view url, const std::string& runbook_path, const std::string& page);

  // The remembered files, read from disk, as site files; those that
  // collide with a generated page, are too big or cannot be read are
  // left out (the link stays, leading nowhere, as it did in the runbook).
  std::vector<OutputFile> copies(const std::set<std::string>& taken) const;

 private:
  const model::Project& project_;
  std::map<std::string, std::string, std::less<>> page_by_runbook_;  // absolute runbook path -> page
  std::set<std::string> files_;  // project-relative paths to copy
};

}  // namespace rbc::emit::site
