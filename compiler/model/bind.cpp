#include "model/bind.hpp"

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>

namespace rbc::model {
namespace {

namespace fs = std::filesystem;

struct Place {
  std::size_t runbook;
  std::size_t section;
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Every alert name the runbooks document, under the three keys names are
// matched by.
struct NameIndex {
  std::map<std::string, std::vector<Place>, std::less<>> exact, folded, words;

  explicit NameIndex(const Project& project) {
    for (std::size_t r = 0; r < project.runbooks.size(); ++r) {
      const auto& sections = project.runbooks[r].sections;
      for (std::size_t s = 0; s < sections.size(); ++s) {
        for (const runbook::AlertName& alert : sections[s].section.alerts) {
          exact[alert.name].push_back({r, s});
          folded[lower(alert.name)].push_back({r, s});
          words[words_key(alert.name)].push_back({r, s});
        }
      }
    }
  }
};

bool documents_anything(const SectionInfo& s) {
  return !s.severity_text.empty() || !s.thresholds.empty() || s.for_duration || s.window;
}

// A page may name an alert twice: a summary table row with the facts and a
// heading with the procedure. Cross-checks want the one with the facts.
std::size_t richest(const RunbookInfo& rb, std::size_t section) {
  if (documents_anything(rb.sections[section])) return section;
  for (const runbook::AlertName& alert : rb.sections[section].section.alerts)
    for (std::size_t s = 0; s < rb.sections.size(); ++s)
      for (const runbook::AlertName& other : rb.sections[s].section.alerts)
        if (other.name == alert.name && documents_anything(rb.sections[s])) return s;
  return section;
}

// Of the sections of one page naming the same alert, the one with a
// heading (what a link's anchor should point at) over a table row.
std::size_t prefer_heading(const RunbookInfo& rb, std::size_t section) {
  if (rb.sections[section].section.level > 0) return section;
  for (const runbook::AlertName& alert : rb.sections[section].section.alerts)
    for (std::size_t s = 0; s < rb.sections.size(); ++s)
      for (const runbook::AlertName& other : rb.sections[s].section.alerts)
        if (other.name == alert.name && rb.sections[s].section.level > 0) return s;
  return section;
}

Binding make_binding(const RunbookInfo& rb, std::size_t rule, std::size_t runbook, std::size_t section,
                     BindingKind kind) {
  return {rule, runbook, section, kind, richest(rb, section)};
}

std::size_t common_prefix(std::string_view a, std::string_view b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

// Of several sections documenting one name, the one closest to the rule
// file in the folder tree (the same repository part), then the first.
const Place& closest(const std::vector<Place>& places, const Project& project,
                     const std::string& rule_file) {
  const std::string from = absolute_path(rule_file);
  const Place* best = &places.front();
  std::size_t best_len = 0;
  for (const Place& place : places) {
    const std::size_t len = common_prefix(from, absolute_path(project.runbooks[place.runbook].path));
    if (len > best_len) best = &place, best_len = len;
  }
  return *best;
}

std::optional<Binding> bind_by_name(const Project& project, const NameIndex& index, std::size_t rule) {
  const RuleInfo& info = project.rules[rule];
  const std::pair<const std::map<std::string, std::vector<Place>, std::less<>>*, std::string> tiers[] = {
      {&index.exact, info.name.value},
      {&index.folded, lower(info.name.value)},
      {&index.words, words_key(info.name.value)}};
  const BindingKind kinds[] = {BindingKind::name_exact, BindingKind::name_case_insensitive,
                               BindingKind::name_words};
  for (std::size_t t = 0; t < 3; ++t) {
    auto it = tiers[t].first->find(tiers[t].second);
    if (it == tiers[t].first->end() || tiers[t].second.empty()) continue;
    const Place& place = closest(it->second, project, info.file);
    return make_binding(project.runbooks[place.runbook], rule, place.runbook, prefer_heading(project.runbooks[place.runbook], place.section), kinds[t]);
  }
  return std::nullopt;
}

using RunbookPaths = std::map<std::string, std::size_t, std::less<>>;

// Absolute path -> index of every runbook, computed once per run.
RunbookPaths runbook_paths(const Project& project) {
  RunbookPaths out;
  for (std::size_t r = 0; r < project.runbooks.size(); ++r) out.emplace(absolute_path(project.runbooks[r].path), r);
  return out;
}

std::optional<std::size_t> runbook_by_path(const RunbookPaths& paths, const std::string& file) {
  auto it = paths.find(file);
  return it == paths.end() ? std::nullopt : std::optional(it->second);
}

// The section a resolved link lands in: the anchored section, else the
// section naming the alert in that file, else the whole file.
Binding bind_to_link(const Project& project, std::size_t rule, std::size_t runbook,
                     const std::string& anchor) {
  const RunbookInfo& rb = project.runbooks[runbook];
  const std::string& name = project.rules[rule].name.value;
  for (std::size_t s = 0; s < rb.sections.size() && !anchor.empty(); ++s)
    if (lower(rb.sections[s].section.anchor) == lower(anchor)) return make_binding(rb, rule, runbook, s, BindingKind::link);
  for (std::size_t s = 0; s < rb.sections.size(); ++s)
    for (const runbook::AlertName& alert : rb.sections[s].section.alerts)
      if (words_key(alert.name) == words_key(name))
        return make_binding(rb, rule, runbook, prefer_heading(rb, s), BindingKind::link);
  if (rb.sections.size() == 1 && rb.sections.front().section.level <= 1)
    return make_binding(rb, rule, runbook, 0, BindingKind::link);
  return {rule, runbook, kWholeFile, BindingKind::link, kWholeFile};
}

std::map<std::string, std::string, std::less<>> label_values(const RuleInfo& rule) {
  std::map<std::string, std::string, std::less<>> out;
  for (const auto& [name, value] : rule.labels) out[name.value] = value.value;
  return out;
}

// The first runbook link annotation of the rule, resolved.
std::optional<RuleLink> link_of(const Project& project, const RunbookIndex& index, std::size_t rule) {
  const RuleInfo& info = project.rules[rule];
  for (const std::string& key : project.config.runbook_annotations) {
    for (const auto& [name, value] : info.annotations) {
      if (name.value != key) continue;
      const LinkContext context{info.file, info.name.value, label_values(info)};
      return RuleLink{rule, value, key, resolve_link(value.value, context, project.config, index)};
    }
  }
  return std::nullopt;
}

bool resolved(LinkStatus status) {
  return status == LinkStatus::resolved || status == LinkStatus::resolved_case_insensitive;
}

}  // namespace

std::string absolute_path(std::string_view path) {
  std::error_code ec;
  const fs::path abs = fs::absolute(fs::path(path), ec);
  return normalize_path(ec ? std::string(path) : abs.string());
}

std::string words_key(std::string_view name) {
  std::string out;
  for (char c : name)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

RunbookIndex make_runbook_index(const Project& project) {
  RunbookIndex index;
  for (const RunbookInfo& rb : project.runbooks) index.anchors_by_file[absolute_path(rb.path)] = rb.anchors;
  index_case_folded(index);
  return index;
}

const char* binding_kind_text(BindingKind kind) {
  switch (kind) {
    case BindingKind::link: return "link";
    case BindingKind::name_exact: return "name";
    case BindingKind::name_case_insensitive: return "name (case-insensitive)";
    case BindingKind::name_words: return "name (words)";
  }
  return "";
}

void bind(Project& project) {
  const RunbookIndex index = make_runbook_index(project);
  const NameIndex names(project);
  const RunbookPaths paths = runbook_paths(project);
  for (std::size_t rule = 0; rule < project.rules.size(); ++rule) {
    if (!project.rules[rule].alerting) continue;
    std::optional<RuleLink> link = link_of(project, index, rule);
    if (link && resolved(link->resolution.status)) {
      if (auto rb = runbook_by_path(paths, link->resolution.file))
        project.bindings.push_back(bind_to_link(project, rule, *rb, link->resolution.anchor));
    } else if (auto by_name = bind_by_name(project, names, rule)) {
      project.bindings.push_back(*by_name);
    }
    if (link) project.links.push_back(std::move(*link));
  }
}

}  // namespace rbc::model
