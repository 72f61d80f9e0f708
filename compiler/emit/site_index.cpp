#include "emit/site_index.hpp"

#include <set>

#include "emit/paths.hpp"
#include "emit/site_assets.hpp"
#include "emit/site_card.hpp"
#include "emit/site_html.hpp"

namespace rbc::emit::site {
namespace {

std::string lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::string severity_of(const model::RuleInfo& rule) { return rule.severity ? rule.severity->value : ""; }

std::string threshold_cell(const AlertEntry& a) {
  if (!a.section || a.section->thresholds.empty()) return "";
  return doc_threshold_text(*a.section);
}

std::string alert_row(const AlertEntry& a, const model::Project& project) {
  const model::RuleInfo& rule = project.rules[a.rule];
  const std::string severity = severity_of(rule);
  const std::string threshold = threshold_cell(a);
  const std::string rule_file = project_relative(rule.file, project.config);
  const std::string source = relative_link(std::string(kIndexPath), source_page_path(rule.file, project)) +
                             "#L" + std::to_string(rule.span.begin.line);
  std::string runbook_cell = "<span class=\"muted\">none</span>";
  std::string name_cell = "<span class=\"alert-name\">" + escape(rule.name.value) + "</span>";
  std::string runbook_text;
  if (a.binding) {
    runbook_text = project_relative(project.runbooks[a.binding->runbook].path, project.config);
    const std::string href = relative_link(std::string(kIndexPath), a.page);
    name_cell = "<a class=\"alert-name\" href=\"" + escape(href + "#" + a.card_id) + "\">" +
                escape(rule.name.value) + "</a>";
    runbook_cell = "<a href=\"" + escape(href + "#" + a.target) + "\">" + escape(runbook_text) + "</a>";
  }
  const std::string search = lower(rule.name.value + " " + severity + " " + threshold + " " + runbook_text +
                                   " " + rule.group + " " + rule_file);
  std::string out = "<tr data-severity=\"" + escape(severity) + "\" data-search=\"" + escape(search) + "\">";
  out += "<td>" + name_cell +
         (a.diagnostics.empty() ? ""
                                : " <span class=\"badge verdict-warn\" title=\"cross-check findings\">" +
                                      std::to_string(a.diagnostics.size()) + "</span>") +
         "</td>";
  out += "<td>" + severity_badge(severity) + "</td>";
  out += "<td>" + (threshold.empty() ? "<span class=\"muted\">\u2014</span>" : escape(threshold)) + "</td>";
  out += "<td>" +
         (rule.for_text ? "<code>" + escape(rule.for_text->value) + "</code>"
                        : "<span class=\"muted\">0s</span>") +
         "</td>";
  out += "<td>" + runbook_cell + "</td>";
  out += "<td><a href=\"" + escape(source) + "\">" +
         escape(rule_file + ":" + std::to_string(rule.span.begin.line)) + "</a></td>";
  return out + "</tr>\n";
}

std::string severity_filter(const SitePlan& plan, const model::Project& project) {
  std::set<std::string> values;
  for (const AlertEntry& a : plan.alerts) values.insert(severity_of(project.rules[a.rule]));
  std::string out =
      "<select id=\"filter-severity\" aria-label=\"Severity\"><option value=\"\">All severities</option>";
  for (const std::string& v : values) {
    out += "<option value=\"" + escape(v) + "\">" + (v.empty() ? "(none)" : escape(v)) + "</option>";
  }
  return out + "</select>";
}

std::string summary(const SitePlan& plan, const model::Project& project) {
  std::size_t documented = 0, findings = 0;
  for (const AlertEntry& a : plan.alerts) {
    documented += a.binding ? 1 : 0;
    findings += a.diagnostics.empty() ? 0 : 1;
  }
  const auto stat = [](std::size_t n, const char* label) {
    return "<div class=\"stat\"><span class=\"stat-n\">" + std::to_string(n) +
           "</span><span class=\"stat-l\">" + label + "</span></div>";
  };
  return "<div class=\"stats\">" + stat(plan.alerts.size(), "alerts") + stat(documented, "documented") +
         stat(project.runbooks.size(), "runbooks") + stat(findings, "with findings") + "</div>\n";
}

std::string runbook_list(const SitePlan& plan, const model::Project& project) {
  if (plan.pages.empty()) return "";
  std::string out = "<h2 class=\"section-title\">Runbooks</h2>\n<ul class=\"runbook-list\">";
  for (std::size_t i = 0; i < plan.pages.size(); ++i) {
    const model::RunbookInfo& rb = project.runbooks[i];
    const std::string path = project_relative(rb.path, project.config);
    out += "<li><a href=\"" + escape(relative_link(std::string(kIndexPath), plan.pages[i])) + "\">" +
           escape(rb.title.empty() ? path : rb.title) + "</a> <span class=\"muted\">" + escape(path) +
           "</span></li>";
  }
  return out + "</ul>\n";
}

}  // namespace

std::string render_index(const SitePlan& plan, const model::Project& project) {
  std::string body = "<h1 class=\"page-title\">Alerts</h1>\n" + summary(plan, project);
  body +=
      "<div class=\"filters\"><input id=\"filter-text\" type=\"search\" placeholder=\"Filter alerts\u2026\" "
      "aria-label=\"Filter alerts\" autocomplete=\"off\">" +
      severity_filter(plan, project) + "<span id=\"filter-count\" class=\"muted\"></span></div>\n";
  body +=
      "<div class=\"table-wrap\"><table id=\"alerts\" "
      "class=\"alerts\"><thead><tr><th>Alert</th><th>Severity</th>"
      "<th>Documented threshold</th><th>For</th><th>Runbook</th><th>Rule</th></tr></thead><tbody>\n";
  for (const AlertEntry& a : plan.alerts) body += alert_row(a, project);
  body += "</tbody></table></div>\n";
  body += "<p id=\"filter-empty\" class=\"muted\" hidden>No alert matches the filter.</p>\n";
  body += runbook_list(plan, project);
  return render_page({std::string(kIndexPath), "Alerts", "", body, std::string(filter_script())});
}

}  // namespace rbc::emit::site
