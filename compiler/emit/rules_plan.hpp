// What the rule emitter changes in each alert, decided from the project
// model alone: the runbook link annotation and the severity label.
#pragma once

#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/project.hpp"

namespace rbc::emit {

struct RuleChanges {
  // Annotation key -> value to set (the runbook link).
  std::map<std::string, std::string> annotations;
  // Canonical severity label value, when it differs from the written one.
  std::optional<std::string> severity;
  bool empty() const { return annotations.empty() && !severity; }
};

class RulePlanner {
 public:
  explicit RulePlanner(const model::Project& project);

  // Changes for project.rules[rule], emitted into `output_path` (relative
  // to the output folder; relative links start there).
  RuleChanges plan(std::size_t rule, const std::string& output_path) const;

  // The link to a runbook's page (and anchor) on the site, as seen from
  // `output_path`: absolute under build.site_url, else relative.
  std::string site_link(const std::string& runbook_path, const std::string& anchor,
                        const std::string& output_path) const;

 private:
  std::optional<std::string> runbook_link(std::size_t rule, const std::string& output_path,
                                          std::string& key) const;
  std::optional<std::string> normalized_severity(const model::RuleInfo& rule) const;

  const model::Project& project_;
  std::map<std::size_t, const model::Binding*> bindings_;
  std::map<std::size_t, const model::RuleLink*> links_;
  std::map<std::string, std::size_t> runbook_by_file_;  // absolute path -> index
};

}  // namespace rbc::emit
