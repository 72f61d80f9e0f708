#include "emit/site_card.hpp"

#include <fmt/format.h>

#include "emit/paths.hpp"
#include "emit/site_html.hpp"
#include "emit/site_promql.hpp"
#include "promql/ast.hpp"

namespace rbc::emit::site {
namespace {

std::string pairs_html(const std::vector<std::pair<model::Located, model::Located>>& pairs, const char* cls) {
  if (pairs.empty()) return "<span class=\"muted\">none</span>";
  std::string out = std::string("<ul class=\"") + cls + "\">";
  for (const auto& [key, value] : pairs) {
    out += "<li><span class=\"kv-key\">" + escape(key.value) + "</span><span class=\"kv-value\">" +
           escape(value.value) + "</span></li>";
  }
  return out + "</ul>";
}

std::string row(const char* label, const std::string& value_html) {
  return std::string("<tr><th scope=\"row\">") + label + "</th><td>" + value_html + "</td></tr>\n";
}

std::string thresholds_html(const AlertEntry& entry, const model::RuleInfo& rule) {
  std::string doc = "<span class=\"muted\">not stated</span>";
  if (entry.section && !entry.section->thresholds.empty()) doc = escape(doc_threshold_text(*entry.section));
  // The duration, unless the threshold phrase already says it.
  if (entry.section && entry.section->for_duration &&
      doc_threshold_text(*entry.section).find(entry.section->for_duration->text) == std::string::npos) {
    doc += " <span class=\"muted\">" + escape(entry.section->for_duration->text) + "</span>";
  }
  std::string mine;
  for (const model::RuleComparison& c : rule.comparisons) {
    if (!mine.empty()) mine += "; ";
    mine += escape(rule_threshold_text(c));
  }
  if (mine.empty()) mine = "<span class=\"muted\">no constant comparison</span>";
  return "<div class=\"sides\"><div><div class=\"side-label\">Runbook</div><div>" + doc +
         "</div></div><div><div class=\"side-label\">Rule</div><div>" + mine + "</div></div></div>";
}

std::string verdict_html(const AlertEntry& entry) {
  if (entry.diagnostics.empty()) return "<span class=\"verdict ok\">consistent</span>";
  std::string out = "<ul class=\"diags\">";
  for (const Diagnostic* d : entry.diagnostics) {
    out += "<li class=\"diag diag-" + std::string(to_string(d->severity)) + "\"><span class=\"diag-sev\">" +
           escape(to_string(d->severity)) + "</span> <code>" + escape(d->code) + "</code> " +
           escape(d->message) + "</li>";
  }
  return out + "</ul>";
}

std::string verdict_badge(const AlertEntry& entry) {
  if (entry.diagnostics.empty()) return "<span class=\"badge verdict-ok\">consistent</span>";
  bool error = false;
  for (const Diagnostic* d : entry.diagnostics) error = error || d->severity == Severity::error;
  const std::size_t n = entry.diagnostics.size();
  return std::string("<span class=\"badge ") + (error ? "verdict-error" : "verdict-warn") + "\">" +
         std::to_string(n) + (n == 1 ? " finding" : " findings") + "</span>";
}

}  // namespace

std::string rule_threshold_text(const model::RuleComparison& comparison) {
  const model::ExprComparison& c = comparison.comparison;
  std::string text = fmt::format("{} {}", promql::op_text(c.op), c.value);
  std::vector<std::string> notes;
  if (c.scale != 1) notes.push_back(fmt::format("query \u00d7 {}", c.scale));
  if (!c.unit.empty()) notes.push_back(c.unit);
  if (c.time_since) notes.push_back("age");
  if (c.time_until) notes.push_back("time left");
  if (!notes.empty()) text += " (" + fmt::format("{}", fmt::join(notes, ", ")) + ")";
  return text;
}

std::string doc_threshold_text(const model::SectionInfo& section) {
  std::string out;
  for (const model::DocThreshold& t : section.thresholds) {
    if (!out.empty()) out += "; ";
    out += t.text;
  }
  return out;
}

std::string render_card(const AlertEntry& entry, const model::Project& project, const std::string& page) {
  const model::RuleInfo& rule = project.rules[entry.rule];
  const std::string expr = rule.expr_ok ? pretty_expr(rule.expr.value) : rule.expr.value;
  const std::string source = source_page_path(rule.file, project);
  const std::string line = std::to_string(rule.span.begin.line);
  const std::string label = project_relative(rule.file, project.config) + ":" + line;
  std::string out = "<section class=\"rule-card\" id=\"" + escape(entry.card_id) + "\">\n";
  out += "<div class=\"card-head\"><span class=\"card-kind\">Alert rule</span><span class=\"card-name\">" +
         escape(rule.name.value) + "</span>" +
         severity_badge(rule.severity ? rule.severity->value : std::string()) + verdict_badge(entry) +
         "</div>\n";
  out += "<pre class=\"promql\"><code>" + highlight_promql(expr) + "</code></pre>\n";
  if (!rule.expr_ok) out += "<p class=\"muted\">The expression does not parse; shown as written.</p>\n";
  out += "<table class=\"facts\">\n";
  out += row("For", rule.for_text ? "<code>" + escape(rule.for_text->value) + "</code>"
                                  : std::string("<span class=\"muted\">fires at once</span>"));
  out += row("Labels", pairs_html(rule.labels, "kv chips"));
  out += row("Annotations", pairs_html(rule.annotations, "kv annotations"));
  out += row("Thresholds", thresholds_html(entry, rule));
  out += row("Cross-check", verdict_html(entry));
  out += row("Source", "<a class=\"source-link\" href=\"" + escape(relative_link(page, source)) + "#L" +
                           line + "\">" + escape(label) + "</a> <span class=\"muted\">group " +
                           escape(rule.group) + "</span>");
  out += "</table>\n</section>\n";
  return out;
}

}  // namespace rbc::emit::site
