#include "emit/site.hpp"

#include <algorithm>
#include <set>

#include "emit/paths.hpp"
#include "emit/site_assets.hpp"
#include "emit/site_card.hpp"
#include "emit/site_html.hpp"
#include "emit/site_index.hpp"
#include "emit/site_links.hpp"
#include "emit/site_markdown.hpp"
#include "emit/site_plan.hpp"
#include "emit/site_source.hpp"

namespace rbc::emit {
namespace {

using site::AlertEntry;
using site::escape;

// Alerts whose card goes on runbook page `page_index`.
std::vector<const AlertEntry*> alerts_on(const site::SitePlan& plan, std::size_t page_index) {
  std::vector<const AlertEntry*> out;
  for (const AlertEntry& a : plan.alerts) {
    if (a.binding && a.binding->runbook == page_index) out.push_back(&a);
  }
  return out;
}

// Quick links to every alert on the page, above the runbook text.
std::string alert_strip(const std::vector<const AlertEntry*>& alerts, const model::Project& project) {
  if (alerts.empty()) return "";
  std::string out =
      "<nav class=\"alert-strip\" aria-label=\"Alerts on this page\"><span "
      "class=\"strip-label\">Alerts</span>";
  for (const AlertEntry* a : alerts) {
    out += "<a class=\"chip\" href=\"#" + escape(a->card_id) + "\">" +
           escape(project.rules[a->rule].name.value) + "</a>";
  }
  return out + "</nav>\n";
}

std::string runbook_page(const site::SitePlan& plan, std::size_t index, const BuildInput& input,
                         site::LocalLinks& links) {
  const model::Project& project = input.project;
  const model::RunbookInfo& rb = project.runbooks[index];
  const std::string& page = plan.pages[index];
  const std::vector<const AlertEntry*> alerts = alerts_on(plan, index);
  std::set<const AlertEntry*> placed;
  const auto cards_after = [&](std::uint32_t line, const std::string&) {
    std::string html;
    for (const AlertEntry* a : alerts) {
      if (!a->section || a->section->section.level == 0 || a->section->section.line != line) continue;
      html += site::render_card(*a, project, page);
      placed.insert(a);
    }
    return html;
  };
  std::string body = alert_strip(alerts, project);
  body += "<article class=\"markdown\">\n";
  if (const SourceFile* source = input.sources ? input.sources(rb.path) : nullptr) {
    const auto rewrite = [&](const std::string& url) { return links.rewrite(url, rb.path, page); };
    body += site::render_markdown(*source, cards_after, rewrite).html;
  } else {
    body += "<p class=\"muted\">The runbook could not be read.</p>\n";
  }
  body += "</article>\n";
  // Alerts documented by a table row or by the page as a whole.
  std::string rest;
  for (const AlertEntry* a : alerts) {
    if (placed.count(a) == 0) rest += site::render_card(*a, project, page);
  }
  if (!rest.empty())
    body +=
        "<div class=\"cards-extra\"><p class=\"cards-extra-title\">Alert rules documented on this "
        "page</p>\n" +
        rest + "</div>\n";
  const std::string title = rb.title.empty() ? project_relative(rb.path, project.config) : rb.title;
  const std::string nav =
      " <span class=\"crumb\">/ " + escape(project_relative(rb.path, project.config)) + "</span>";
  return site::render_page({page, title, nav, body, ""});
}

}  // namespace

std::vector<OutputFile> emit_site(const BuildInput& input) {
  const model::Project& project = input.project;
  const site::SitePlan plan = site::plan_site(input);
  std::vector<OutputFile> files;
  files.push_back({std::string(site::kIndexPath), site::render_index(plan, project)});
  files.push_back({std::string(site::kStylePath), std::string(site::stylesheet())});
  site::LocalLinks links(project, plan.pages);
  for (std::size_t i = 0; i < project.runbooks.size(); ++i) {
    files.push_back({plan.pages[i], runbook_page(plan, i, input, links)});
  }
  for (const std::string& file : plan.rule_files) {
    const std::string path = site::source_page_path(file, project);
    const SourceFile* source = input.sources ? input.sources(file) : nullptr;
    files.push_back({path, site::render_source_page(path, project_relative(file, project.config), source)});
  }
  std::set<std::string> taken;
  for (const OutputFile& file : files) taken.insert(file.path);
  for (OutputFile& copy : links.copies(taken)) files.push_back(std::move(copy));
  return files;
}

}  // namespace rbc::emit
