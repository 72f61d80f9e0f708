#include "changes/old_rules.hpp"

#include "changes/git.hpp"
#include "rules/load.hpp"

namespace rbc::changes {
namespace {

bool is_yaml(std::string_view path) {
  for (std::string_view ext : {".yml", ".yaml", ".YML", ".YAML"})
    if (path.ends_with(ext)) return true;
  return false;
}

// Files whose base version may have defined rules that are gone now.
bool had_base_version(const FileChange& file) {
  return file.status != FileStatus::added && file.status != FileStatus::untracked && is_yaml(file.old_path);
}

// Records every rule name of one base-version file.
void collect_names(const SourceFile& source, const std::string& path, RemovedNames& names) {
  const rules::FileKind kind = rules::classify(source);
  if (kind != rules::FileKind::rule_file && kind != rules::FileKind::prometheus_rule) return;
  Diagnostics ignored;  // the base version's own problems are not this run's findings
  const rules::LoadedFile loaded = rules::load_rule_file(source, ignored, {.keep_ast = false});
  for (const rules::RuleRef& ref : rules::all_rules(loaded)) {
    auto& into = ref.rule->kind == rules::RuleKind::recording ? names.recorded : names.alerts;
    into.emplace(std::string(ref.rule->name.value), path);
  }
}

}  // namespace

std::optional<std::string> read_base_version(const ChangeSet& changes, const FileChange& file) {
  if (file.old_path.empty()) return std::nullopt;
  const GitResult r = run_git({"cat-file", "blob", changes.base + ":" + file.old_path}, changes.repo.top);
  if (!r.ok()) return std::nullopt;
  return r.out;
}

RemovedNames removed_names(const ChangeSet& changes, const model::Project& project) {
  RemovedNames names;
  for (const FileChange& file : changes.files) {
    if (!had_base_version(file)) continue;
    if (std::optional<std::string> text = read_base_version(changes, file))
      collect_names(SourceFile(file.old_path, std::move(*text)), file.old_path, names);
  }
  for (const model::RuleInfo& rule : project.rules) {
    auto& from = rule.alerting ? names.alerts : names.recorded;
    from.erase(rule.name.value);
  }
  return names;
}

}  // namespace rbc::changes
