#include "emit/site_plan.hpp"

#include <algorithm>
#include <set>

#include "emit/paths.hpp"

namespace rbc::emit::site {
namespace {

// Card ids start with a capital letter: GitHub slugs are lower-case, so a
// card can never take a heading's anchor.
std::string card_id(const std::string& name, std::set<std::string>& used) {
  std::string base = "Rule-";
  for (char c : name) {
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
    base.push_back(keep ? c : '-');
  }
  std::string id = base;
  for (int n = 2; used.count(id) != 0; ++n) id = base + "-" + std::to_string(n);
  used.insert(id);
  return id;
}

std::vector<const Diagnostic*> diagnostics_for(const model::RuleInfo& rule, const Diagnostics& diags) {
  std::vector<const Diagnostic*> out;
  for (const Diagnostic& d : diags.items()) {
    if (d.rule != rule.name.value) continue;
    if (!d.group.empty() && d.group != rule.group) continue;
    out.push_back(&d);
  }
  return out;
}

const model::Binding* binding_of(std::size_t rule, const model::Project& project) {
  for (const model::Binding& b : project.bindings) {
    if (b.rule == rule && b.runbook < project.runbooks.size()) return &b;
  }
  return nullptr;
}

}  // namespace

std::string source_page_path(const std::string& rule_file, const model::Project& project) {
  return "site/_sources/" + project_relative(rule_file, project.config) + ".html";
}

SitePlan plan_site(const BuildInput& input) {
  const model::Project& project = input.project;
  SitePlan plan;
  for (const model::RunbookInfo& rb : project.runbooks)
    plan.pages.push_back(site_page_path(rb.path, project.config));
  std::set<std::string> used_ids;
  for (std::size_t i = 0; i < project.rules.size(); ++i) {
    const model::RuleInfo& rule = project.rules[i];
    if (std::find(plan.rule_files.begin(), plan.rule_files.end(), rule.file) == plan.rule_files.end()) {
      plan.rule_files.push_back(rule.file);
    }
    if (!rule.alerting) continue;
    AlertEntry entry;
    entry.rule = i;
    entry.binding = binding_of(i, project);
    entry.diagnostics = diagnostics_for(rule, input.diagnostics);
    if (entry.binding) {
      const model::RunbookInfo& rb = project.runbooks[entry.binding->runbook];
      entry.page = plan.pages[entry.binding->runbook];
      if (entry.binding->section < rb.sections.size()) entry.section = &rb.sections[entry.binding->section];
      entry.card_id = card_id(rule.name.value, used_ids);
      const bool heading =
          entry.section && entry.section->section.level > 0 && !entry.section->section.anchor.empty();
      entry.target = heading ? entry.section->section.anchor : entry.card_id;
    }
    plan.alerts.push_back(std::move(entry));
  }
  return plan;
}

}  // namespace rbc::emit::site
