#include "emit/rules_plan.hpp"

#include "emit/paths.hpp"
#include "model/bind.hpp"
#include "model/url.hpp"

namespace rbc::emit {
namespace {

using model::LinkStatus;

// The link still means what it meant after the rules move to the output
// folder, or rbc cannot tell: keep it as written.
bool keeps_working(const model::RuleLink& link) {
  switch (link.resolution.status) {
    case LinkStatus::resolved:
    case LinkStatus::resolved_case_insensitive:
    case LinkStatus::unmapped_url:
    case LinkStatus::unknown_template: return true;
    default: return false;
  }
}

bool is_relative(const model::RuleLink& link) {
  const std::string& url = link.resolution.url;
  return link.resolution.status != LinkStatus::unknown_template && !model::url::is_absolute_url(url) &&
         !model::url::is_other_scheme(url);
}

// Percent-encodes what a link may not hold as is (spaces, '%', '#', '?',
// quotes, non-ASCII bytes); '/' stays.
std::string encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char c : path) {
    const auto u = static_cast<unsigned char>(c);
    const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                      std::string_view("-._~/!$&'()*+,;=:@").find(c) != std::string_view::npos;
    if (keep) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

// The binding prefers the section with the facts, which may be a summary
// table row (anchored at the table's heading); a reader following the link
// wants the heading of the same alert's procedure when the page has one.
std::string link_anchor(const model::RunbookInfo& runbook, std::size_t section) {
  const runbook::Section& bound = runbook.sections[section].section;
  if (bound.level > 0) return bound.anchor;
  for (const model::SectionInfo& other : runbook.sections) {
    if (other.section.level == 0 || other.section.anchor.empty()) continue;
    for (const runbook::AlertName& a : other.section.alerts)
      for (const runbook::AlertName& b : bound.alerts)
        if (model::words_key(a.name) == model::words_key(b.name)) return other.section.anchor;
  }
  return bound.anchor;
}

}  // namespace

RulePlanner::RulePlanner(const model::Project& project) : project_(project) {
  for (const model::Binding& b : project.bindings) bindings_.emplace(b.rule, &b);
  for (const model::RuleLink& l : project.links) links_.emplace(l.rule, &l);
  for (std::size_t r = 0; r < project.runbooks.size(); ++r)
    runbook_by_file_.emplace(model::absolute_path(project.runbooks[r].path), r);
}

std::string RulePlanner::site_link(const std::string& runbook_path, const std::string& anchor,
                                   const std::string& output_path) const {
  const std::string page = site_page_path(runbook_path, project_.config);
  std::string link;
  const std::string& site_url = project_.config.build.site_url;
  if (!site_url.empty()) {
    const std::string_view inside = std::string_view(page).substr(std::string_view("site/").size());
    link = site_url + (site_url.ends_with('/') ? "" : "/") + encode_path(inside);
  } else {
    link = encode_path(relative_link(output_path, page));
  }
  return anchor.empty() ? link : link + "#" + encode_path(anchor);
}

std::optional<std::string> RulePlanner::runbook_link(std::size_t rule, const std::string& output_path,
                                                     std::string& key) const {
  const auto binding = bindings_.find(rule);
  const auto link = links_.find(rule);
  const model::RuleLink* existing = link == links_.end() ? nullptr : link->second;
  if (existing && keeps_working(*existing)) {
    // A relative link into a runbook the site publishes would point into
    // nowhere once the rule file sits in the output folder: point it at the
    // page instead, keeping its anchor as written.
    const auto rb = runbook_by_file_.find(existing->resolution.file);
    if (!is_relative(*existing) || rb == runbook_by_file_.end()) return std::nullopt;
    key = existing->key;
    const std::string fragment(model::url::split_reference(existing->resolution.url).fragment);
    return site_link(project_.runbooks[rb->second].path, model::url::percent_decode(fragment), output_path);
  }
  if (binding == bindings_.end()) return std::nullopt;  // no runbook: nothing to link
  const model::Binding& b = *binding->second;
  const model::RunbookInfo& runbook = project_.runbooks[b.runbook];
  const std::string anchor = b.section == model::kWholeFile ? "" : link_anchor(runbook, b.section);
  // A broken link is replaced where it is written; else the first
  // configured annotation key gets one.
  const auto& keys = project_.config.runbook_annotations;
  key = existing ? existing->key : keys.empty() ? "runbook_url" : keys.front();
  return site_link(runbook.path, anchor, output_path);
}

std::optional<std::string> RulePlanner::normalized_severity(const model::RuleInfo& rule) const {
  if (!project_.config.build.normalize_severity || !rule.severity) return std::nullopt;
  const std::vector<std::string> values = config::severity_values(project_.config, rule.severity->value);
  // Several values ("Warning/Critical") or none: not ours to decide.
  if (values.size() != 1 || values.front() == rule.severity->value) return std::nullopt;
  return values.front();
}

RuleChanges RulePlanner::plan(std::size_t rule, const std::string& output_path) const {
  RuleChanges changes;
  const model::RuleInfo& info = project_.rules[rule];
  if (!info.alerting) return changes;  // a recorded series' labels are data: leave them
  std::string key;
  if (auto link = runbook_link(rule, output_path, key)) {
    // Already exactly right (a second build over emitted rules): no edit.
    bool same = false;
    for (const auto& [name, value] : info.annotations) same = same || (name.value == key && value.value == *link);
    if (!same) changes.annotations.emplace(key, std::move(*link));
  }
  changes.severity = normalized_severity(info);
  return changes;
}

}  // namespace rbc::emit
