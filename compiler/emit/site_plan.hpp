// Where every alert lands in the site, decided once so the runbook pages,
// the rule cards and the index link to the same places.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "diag/diagnostic.hpp"
#include "emit/output.hpp"
#include "model/project.hpp"

namespace rbc::emit::site {

struct AlertEntry {
  std::size_t rule = 0;                         // index into Project::rules
  const model::Binding* binding = nullptr;      // null: no runbook documents it
  const model::SectionInfo* section = nullptr;  // null: unbound or bound to the whole file
  std::string page;                             // output path of its runbook page ("" when unbound)
  std::string card_id;                          // id of its rule card on that page
  std::string target;  // fragment the index links to: the section anchor, else the card
  std::vector<const Diagnostic*> diagnostics;  // what `rbc check` said about this rule
};

struct SitePlan {
  std::vector<AlertEntry> alerts;       // alerting rules, in project order
  std::vector<std::string> pages;       // output path per runbook (Project::runbooks order)
  std::vector<std::string> rule_files;  // rule files, in first-seen order
};

SitePlan plan_site(const BuildInput& input);

// "site/_sources/<project-relative rule file>.html": the rule file's text
// with an id per line ("L42"), so cards can link to a rule's line.
std::string source_page_path(const std::string& rule_file, const model::Project& project);

}  // namespace rbc::emit::site
