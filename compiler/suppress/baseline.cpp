#include "suppress/baseline.hpp"

#include <algorithm>
#include <filesystem>
#include <map>

#include "model/bind.hpp"
#include "suppress/directive.hpp"
#include "suppress/suppress.hpp"

namespace rbc::suppress {
namespace {

namespace fs = std::filesystem;

// "the rule at line 12" -> "the rule at line #": an edit above must not
// change the key.
std::string stable_message(std::string_view message) {
  std::string out;
  for (std::size_t i = 0; i < message.size();) {
    const bool after_line = out.ends_with("line ") || out.ends_with("lines ");
    if (after_line && message[i] >= '0' && message[i] <= '9') {
      while (i < message.size() && message[i] >= '0' && message[i] <= '9') ++i;
      out += '#';
      continue;
    }
    out += message[i++];
  }
  return out;
}

std::string relative_file(const std::string& file, const std::string& folder) {
  if (file.empty() || file == "<stdin>") return file;
  std::error_code ec;
  const fs::path absolute = fs::absolute(file, ec).lexically_normal();
  if (ec) return file;
  const fs::path relative = absolute.lexically_relative(folder);
  return relative.empty() ? absolute.generic_string() : relative.generic_string();
}

bool same_file(const std::string& a, const std::string& b) {
  return a == b || model::absolute_path(a) == model::absolute_path(b);
}

// The rule or runbook section a finding sits in, when the finding does not
// name its rule.
void place(const Diagnostic& d, const model::Project& project, BaselineEntry& entry) {
  if (!d.rule.empty()) {
    entry.rule = d.group + "/" + d.rule;
    return;
  }
  const std::uint32_t line = d.span.begin.line;
  if (line == 0) return;
  for (const model::RuleInfo& rule : project.rules) {
    if (rule.span.begin.line <= line && line <= rule.span.end.line && same_file(rule.file, d.file)) {
      entry.rule = rule.group + "/" + rule.name.value;
      return;
    }
  }
  for (const model::RunbookInfo& runbook : project.runbooks) {
    for (const model::SectionInfo& section : runbook.sections) {
      const Span& span = section.section.span;
      if (span.begin.line <= line && line <= span.end.line && same_file(runbook.path, d.file)) {
        entry.section = section.section.heading;
        return;
      }
    }
  }
}

BaselineEntry key_of(const Diagnostic& d, const BaselineContext& context) {
  BaselineEntry entry;
  entry.code = d.code;
  entry.file = relative_file(d.file, context.folder);
  entry.message = stable_message(d.message);
  place(d, context.project, entry);
  return entry;
}

bool recordable(const Diagnostic& d, const config::Config& config) {
  return !never_silenced(d.code) && !locked(config, d.code);
}

using Key = decltype(std::declval<const BaselineEntry&>().key());

}  // namespace

Baseline record(const Diagnostics& diags, const BaselineContext& context) {
  std::map<Key, BaselineEntry> counted;
  for (const Diagnostic& d : diags.items()) {
    if (!recordable(d, context.project.config)) continue;
    BaselineEntry entry = key_of(d, context);
    auto [it, added] = counted.try_emplace(entry.key(), entry);
    if (!added) ++it->second.count;
  }
  Baseline baseline;
  for (auto& item : counted) baseline.entries.push_back(item.second);
  return baseline;
}

HideResult hide(Diagnostics& diags, const Baseline& baseline, const BaselineContext& context) {
  std::map<Key, std::size_t> left;
  for (const BaselineEntry& entry : baseline.entries) left[entry.key()] += entry.count;
  HideResult result;
  std::vector<Diagnostic> kept;
  for (Diagnostic& d : diags.items()) {
    if (never_silenced(d.code)) {
      kept.push_back(std::move(d));
      continue;
    }
    const BaselineEntry entry = key_of(d, context);
    auto it = left.find(entry.key());
    if (it == left.end() || it->second == 0) {
      kept.push_back(std::move(d));
      continue;
    }
    --it->second;
    if (locked(context.project.config, d.code)) {
      d.notes.push_back({d.file, d.span, "rbc.yaml locks " + d.code + ", so the baseline does not hide it"});
      kept.push_back(std::move(d));
    } else {
      ++result.hidden;
    }
  }
  for (const auto& item : left) result.stale += item.second;
  diags.items() = std::move(kept);
  return result;
}

}  // namespace rbc::suppress
